package display

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"strings"
)

// MIME types of the bundles this package builds.
const (
	MIMEText     = "text/plain"
	MIMEHTML     = "text/html"
	MIMEMarkdown = "text/markdown"
	MIMELatex    = "text/latex"
	MIMESVG      = "image/svg+xml"
	MIMEPNG      = "image/png"
	MIMEJPEG     = "image/jpeg"
	MIMEJSON     = "application/json"
)

// Value is one ready-made rich value: a MIME bundle and its metadata, as a
// display_data message carries them. Displaying a Value, handing it to a
// Handle, or ending a cell with one shows it.
//
// Binary data (PNG, JPEG) is held base64-encoded, as Jupyter expects, and
// every Value built here has a text/plain form for front ends without
// rich output.
type Value struct {
	Data     map[string]any
	Metadata map[string]any
}

// String returns the text/plain form.
func (v Value) String() string {
	s, _ := v.Data[MIMEText].(string)
	return s
}

func textValue(s string) Value {
	return Value{Data: map[string]any{MIMEText: s}}
}

// NewText is s as plain text.
func NewText(s string) Value { return textValue(s) }

// NewHTML is s as HTML.
func NewHTML(s string) Value {
	return Value{Data: map[string]any{MIMEHTML: s, MIMEText: s}}
}

// NewMarkdown is s as Markdown (with $…$ maths, as Jupyter renders it).
func NewMarkdown(s string) Value {
	return Value{Data: map[string]any{MIMEMarkdown: s, MIMEText: s}}
}

// NewLatex is s as LaTeX. Text without maths delimiters is shown as display
// maths, so NewLatex(`\int_0^1 x\,dx`) needs no $$ around it.
func NewLatex(s string) Value {
	return Value{Data: map[string]any{MIMELatex: latexMath(s), MIMEText: s}}
}

// latexMath wraps s in $$ unless it already says where its maths is:
// MathJax in the front end only typesets delimited maths.
func latexMath(s string) string {
	t := strings.TrimSpace(s)
	for _, open := range []string{"$", `\[`, `\(`, `\begin`} {
		if strings.HasPrefix(t, open) {
			return s
		}
	}
	return "$$" + t + "$$"
}

// NewSVG is s, an SVG document, as an image.
func NewSVG(s string) Value {
	return Value{Data: map[string]any{MIMESVG: s, MIMEText: "<SVG image>"}}
}

// NewPNG is b, PNG-encoded bytes, as an image.
func NewPNG(b []byte) Value {
	return Value{Data: map[string]any{
		MIMEPNG:  base64.StdEncoding.EncodeToString(b),
		MIMEText: imageText(b, png.DecodeConfig),
	}}
}

// NewJPEG is b, JPEG-encoded bytes, as an image.
func NewJPEG(b []byte) Value {
	return Value{Data: map[string]any{
		MIMEJPEG: base64.StdEncoding.EncodeToString(b),
		MIMEText: imageText(b, jpeg.DecodeConfig),
	}}
}

// imageText names an encoded image by its size, or by its byte count when it
// does not decode (the front end will say what is wrong with it).
func imageText(b []byte, decode func(r io.Reader) (image.Config, error)) string {
	cfg, err := decode(bytes.NewReader(b))
	if err != nil {
		return fmt.Sprintf("<Image, %d bytes>", len(b))
	}
	return fmt.Sprintf("<Image %dx%d>", cfg.Width, cfg.Height)
}

// NewImage is img encoded as PNG.
func NewImage(img image.Image) Value {
	if img == nil {
		return textValue("<nil image>")
	}
	var buf bytes.Buffer
	// Fast compression: notebook images are large and shown once; the
	// bytes matter less than the wait.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return textValue("display: encoding the image failed: " + err.Error())
	}
	b := img.Bounds()
	return Value{Data: map[string]any{
		MIMEPNG:  base64.StdEncoding.EncodeToString(buf.Bytes()),
		MIMEText: fmt.Sprintf("<Image %dx%d>", b.Dx(), b.Dy()),
	}}
}

// NewJSON is v as JSON, shown as a collapsible tree. A string, []byte or
// json.RawMessage is taken as JSON text; any other value is encoded with
// encoding/json.
func NewJSON(v any) Value {
	tree, err := jsonTree(v)
	if err != nil {
		return textValue("display: " + err.Error())
	}
	text, _ := json.MarshalIndent(tree, "", "  ")
	return Value{Data: map[string]any{MIMEJSON: tree, MIMEText: string(text)}}
}

// jsonTree turns v into the plain maps, slices, strings, numbers and bools
// the kernel can encode without surprises.
func jsonTree(v any) (any, error) {
	var text []byte
	switch x := v.(type) {
	case string:
		text = []byte(x)
	case []byte:
		text = x
	case json.RawMessage:
		text = x
	default:
		var err error
		if text, err = json.Marshal(v); err != nil {
			return nil, fmt.Errorf("encoding JSON: %w", err)
		}
	}
	var tree any
	if err := json.Unmarshal(text, &tree); err != nil {
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	return tree, nil
}
