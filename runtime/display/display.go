package display

import (
	"fmt"
	"image"
	"reflect"
	"sort"
	"strings"

	"gonum.org/v1/plot"
)

// A value shows itself richly by having one or more of these methods, the
// Go counterparts of IPython's _repr_html_ and friends. Display, Show,
// Update and a cell's trailing value all look for them.
type (
	// HTMLer shows as HTML.
	HTMLer interface{ HTML() string }
	// Markdowner shows as Markdown.
	Markdowner interface{ Markdown() string }
	// Latexer shows as LaTeX.
	Latexer interface{ Latex() string }
	// SVGer shows as an SVG image.
	SVGer interface{ SVG() string }
	// PNGer shows as a PNG image (encoded bytes).
	PNGer interface{ PNG() []byte }
	// JPEGer shows as a JPEG image (encoded bytes).
	JPEGer interface{ JPEG() []byte }
	// JSONer shows as a JSON tree.
	JSONer interface{ JSON() any }
)

// Display shows the richest form of v: a Value as it is, a *plot.Plot as a
// PNG, an image.Image as a PNG, a value with rich methods (HTMLer, PNGer,
// ...) through them, and anything else as text.
func Display(v any) { publish(KindDisplay, valueOf(v), "") }

// NewValue is the rich form of v as a Value, for a Handle: v's own rich
// methods, a plot or an image drawn, or else its text.
func NewValue(v any) Value { return valueOf(v) }

// Bundle returns the MIME bundle of v (MIME type -> content, always with
// text/plain), or nil when v has no richer form than text.
func Bundle(v any) map[string]any {
	data, _ := BundleWithMetadata(v)
	return data
}

// BundleWithMetadata is Bundle plus the bundle's metadata (such as the
// logical width and height of a high-DPI PNG), both nil when v has no richer
// form than text. The metadata belongs in the execute_result beside the data.
func BundleWithMetadata(v any) (data, metadata map[string]any) {
	r, ok := rich(v)
	if !ok {
		return nil, nil
	}
	return r.Data, r.Metadata
}

// Text shows s as plain text.
func Text(s string) { publish(KindDisplay, NewText(s), "") }

// HTML shows s as HTML.
func HTML(s string) { publish(KindDisplay, NewHTML(s), "") }

// Markdown shows s as Markdown.
func Markdown(s string) { publish(KindDisplay, NewMarkdown(s), "") }

// Latex shows s as LaTeX (display maths unless s has its own delimiters).
func Latex(s string) { publish(KindDisplay, NewLatex(s), "") }

// SVG shows s, an SVG document.
func SVG(s string) { publish(KindDisplay, NewSVG(s), "") }

// PNG shows b, PNG-encoded bytes.
func PNG(b []byte) { publish(KindDisplay, NewPNG(b), "") }

// JPEG shows b, JPEG-encoded bytes.
func JPEG(b []byte) { publish(KindDisplay, NewJPEG(b), "") }

// JSON shows v as a JSON tree; see NewJSON for what v may be.
func JSON(v any) { publish(KindDisplay, NewJSON(v), "") }

// Image shows img as a PNG.
func Image(img image.Image) { publish(KindDisplay, NewImage(img), "") }

// ClearOutput clears the output of the running cell; with wait, the front
// end clears only when the next output arrives, which avoids flicker in
// loops that redraw.
func ClearOutput(wait bool) { Publish(Message{Kind: KindClear, Wait: wait}) }

func publish(kind Kind, v Value, id string) {
	meta := v.Metadata
	if meta == nil {
		meta = map[string]any{}
	}
	Publish(Message{Kind: kind, Data: v.Data, Metadata: meta, DisplayID: id})
}

// valueOf is the rich form of v, or its text.
func valueOf(v any) Value {
	if r, ok := rich(v); ok {
		return r
	}
	return textValue(plainText(v))
}

// rich builds the rich form of v; ok is false when v has none.
func rich(v any) (r Value, ok bool) {
	switch x := v.(type) {
	case nil:
		return Value{}, false
	case Value:
		return withText(x), len(x.Data) > 0
	case *Value:
		if x == nil {
			return Value{}, false
		}
		return withText(*x), len(x.Data) > 0
	case *plot.Plot:
		if x == nil {
			return Value{}, false
		}
		return NewPlot(x), true
	}
	parts := methodValues(v)
	if len(parts) == 0 {
		if img, isImage := v.(image.Image); isImage {
			return NewImage(img), true
		}
		return Value{}, false
	}
	r = Value{Data: map[string]any{}}
	for _, p := range parts {
		for k, d := range p.Data {
			r.Data[k] = d
		}
		for k, m := range p.Metadata {
			if r.Metadata == nil {
				r.Metadata = map[string]any{}
			}
			r.Metadata[k] = m
		}
	}
	r.Data[MIMEText] = plainText(v)
	return r, true
}

// methodValues collects the forms v offers through its own methods.
func methodValues(v any) []Value {
	var parts []Value
	if x, ok := v.(JSONer); ok {
		parts = append(parts, NewJSON(x.JSON()))
	}
	if x, ok := v.(Latexer); ok {
		parts = append(parts, NewLatex(x.Latex()))
	}
	if x, ok := v.(Markdowner); ok {
		parts = append(parts, NewMarkdown(x.Markdown()))
	}
	if x, ok := v.(HTMLer); ok {
		parts = append(parts, NewHTML(x.HTML()))
	}
	if x, ok := v.(SVGer); ok {
		parts = append(parts, NewSVG(x.SVG()))
	}
	if x, ok := v.(JPEGer); ok {
		parts = append(parts, NewJPEG(x.JPEG()))
	}
	if x, ok := v.(PNGer); ok {
		parts = append(parts, NewPNG(x.PNG()))
	}
	return parts
}

// withText gives a Value missing text/plain one, so that every bundle
// has the form Jupyter falls back on.
func withText(r Value) Value {
	if _, has := r.Data[MIMEText]; has || len(r.Data) == 0 {
		return r
	}
	data := make(map[string]any, len(r.Data)+1)
	for k, d := range r.Data {
		data[k] = d
	}
	data[MIMEText] = "<" + strings.Join(mimeNames(data), ", ") + ">"
	r.Data = data
	return r
}

func mimeNames(data map[string]any) []string {
	names := make([]string, 0, len(data))
	for k := range data {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// plainText is the text/plain form of v. Values of interpreted types reach
// compiled code wrapped in a struct whose first field, IValue, holds the
// value itself (the interpreter's way of lending them methods); the text
// shows that value, not the wrapper.
func plainText(v any) string {
	if s, ok := v.(fmt.Stringer); ok {
		return s.String()
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Struct && rv.NumField() > 0 &&
		rv.Type().Field(0).Name == "IValue" && strings.HasPrefix(rv.Type().Name(), "_") {
		return fmt.Sprint(rv.Field(0).Interface())
	}
	return fmt.Sprint(v)
}
