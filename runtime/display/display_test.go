package display

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// recorder is a Sink that keeps every message.
type recorder struct {
	mu   sync.Mutex
	msgs []Message
}

func (r *recorder) Publish(m Message) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, m)
}

func (r *recorder) messages() []Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Message(nil), r.msgs...)
}

// record installs a recorder for the test and puts the previous sink back.
func record(t *testing.T) *recorder {
	t.Helper()
	sinkMu.RLock()
	old := sink
	sinkMu.RUnlock()
	r := &recorder{}
	SetSink(r)
	t.Cleanup(func() { SetSink(old) })
	return r
}

func testImage(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{R: uint8(x), G: uint8(y), B: 99, A: 255})
		}
	}
	return img
}

func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodeJPEG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func linePlot(t testing.TB) *plot.Plot {
	t.Helper()
	p := plot.New()
	p.Title.Text = "squares"
	xys := make(plotter.XYs, 20)
	for i := range xys {
		xys[i] = plotter.XY{X: float64(i), Y: float64(i * i)}
	}
	l, err := plotter.NewLine(xys)
	if err != nil {
		t.Fatal(err)
	}
	p.Add(l)
	return p
}

// Compiled types with rich methods, as a library would define them.
type richTable struct{}

func (r richTable) HTML() string     { return "<table></table>" }
func (r richTable) Markdown() string { return "| a |" }
func (r richTable) String() string   { return "table of rows" }

type pngThing struct{ b []byte }

func (p pngThing) PNG() []byte { return p.b }

type jsonThing struct{}

func (jsonThing) JSON() any { return map[string]int{"n": 3} }

type latexThing struct{}

func (latexThing) Latex() string { return `\pi` }

type svgThing struct{}

func (svgThing) SVG() string { return "<svg></svg>" }

type jpegThing struct{ b []byte }

func (j jpegThing) JPEG() []byte { return j.b }

func TestBundle(t *testing.T) {
	img := testImage(4, 3)
	pngBytes := encodePNG(t, img)
	jpegBytes := encodeJPEG(t, img)
	tests := []struct {
		name  string
		v     any
		mimes []string // besides text/plain; none means Bundle is nil
		text  string   // expected text/plain, when not empty
	}{
		{"int", 42, nil, ""},
		{"string", "hello", nil, ""},
		{"nil", nil, nil, ""},
		{"nil plot", (*plot.Plot)(nil), nil, ""},
		{"html value", NewHTML("<b>x</b>"), []string{MIMEHTML}, "<b>x</b>"},
		{"markdown value", NewMarkdown("# x"), []string{MIMEMarkdown}, "# x"},
		{"latex value", NewLatex(`x^2`), []string{MIMELatex}, "x^2"},
		{"svg value", NewSVG("<svg/>"), []string{MIMESVG}, "<SVG image>"},
		{"png value", NewPNG(pngBytes), []string{MIMEPNG}, "<Image 4x3>"},
		{"jpeg value", NewJPEG(jpegBytes), []string{MIMEJPEG}, "<Image 4x3>"},
		{"json value", NewJSON(map[string]int{"a": 1}), []string{MIMEJSON}, ""},
		{"text value", NewText("plain"), nil, "plain"},
		{"pointer to value", func() any { v := NewHTML("p"); return &v }(), []string{MIMEHTML}, "p"},
		{"bundle without text", Value{Data: map[string]any{MIMEHTML: "h"}}, []string{MIMEHTML}, "<text/html>"},
		{"image", img, []string{MIMEPNG}, "<Image 4x3>"},
		{"plot", linePlot(t), []string{MIMEPNG}, "<Figure 640x480>"},
		{"html and markdown methods", richTable{}, []string{MIMEHTML, MIMEMarkdown}, "table of rows"},
		{"png method", pngThing{pngBytes}, []string{MIMEPNG}, "{[137 80 78 71"},
		{"jpeg method", jpegThing{jpegBytes}, []string{MIMEJPEG}, ""},
		{"json method", jsonThing{}, []string{MIMEJSON}, "{}"},
		{"latex method", latexThing{}, []string{MIMELatex}, "{}"},
		{"svg method", svgThing{}, []string{MIMESVG}, "{}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := Bundle(tt.v)
			if len(tt.mimes) == 0 && tt.text == "" {
				if data != nil {
					t.Fatalf("Bundle(%v) = %v, want nil", tt.v, data)
				}
				return
			}
			text, ok := data[MIMEText].(string)
			if !ok {
				t.Fatalf("bundle %v has no text/plain", keys(data))
			}
			if tt.text != "" && !strings.HasPrefix(text, tt.text) {
				t.Errorf("text/plain = %q, want prefix %q", text, tt.text)
			}
			for _, mime := range tt.mimes {
				if _, ok := data[mime]; !ok {
					t.Errorf("bundle %v lacks %s", keys(data), mime)
				}
			}
			if want := len(tt.mimes) + 1; len(data) != want {
				t.Errorf("bundle has %v, want %d types", keys(data), want)
			}
		})
	}
}

func keys(m map[string]any) []string { return mimeNames(m) }

// decodeImage decodes a base64 PNG or JPEG bundle entry.
func decodeImage(t *testing.T, entry any) image.Image {
	t.Helper()
	s, ok := entry.(string)
	if !ok {
		t.Fatalf("image entry is %T, want a base64 string", entry)
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatalf("not std base64: %v", err)
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not an image: %v", err)
	}
	return img
}

func TestBinaryDataRoundTrips(t *testing.T) {
	img := testImage(5, 7)
	pngBytes := encodePNG(t, img)
	got, _ := base64.StdEncoding.DecodeString(Bundle(NewPNG(pngBytes))[MIMEPNG].(string))
	if !bytes.Equal(got, pngBytes) {
		t.Error("PNG bytes changed on the way through the bundle")
	}
	decoded := decodeImage(t, Bundle(img)[MIMEPNG])
	if decoded.Bounds() != img.Bounds() {
		t.Fatalf("image bounds %v, want %v", decoded.Bounds(), img.Bounds())
	}
	for _, pt := range []image.Point{{0, 0}, {4, 6}, {2, 3}} {
		r1, g1, b1, _ := img.At(pt.X, pt.Y).RGBA()
		r2, g2, b2, _ := decoded.At(pt.X, pt.Y).RGBA()
		if r1 != r2 || g1 != g2 || b1 != b2 {
			t.Errorf("pixel %v differs after encoding", pt)
		}
	}
	if text := Bundle(NewPNG([]byte("junk")))[MIMEText]; text != "<Image, 4 bytes>" {
		t.Errorf("undecodable PNG text = %q", text)
	}
}

func TestLatexDelimiters(t *testing.T) {
	tests := []struct{ in, want string }{
		{`x^2`, `$$x^2$$`},
		{`  \int_0^1 x\,dx `, `$$\int_0^1 x\,dx$$`},
		{`$x$ and $y$`, `$x$ and $y$`},
		{`$$E = mc^2$$`, `$$E = mc^2$$`},
		{`\[a\]`, `\[a\]`},
		{`\begin{align}a\end{align}`, `\begin{align}a\end{align}`},
	}
	for _, tt := range tests {
		if got := NewLatex(tt.in).Data[MIMELatex]; got != tt.want {
			t.Errorf("NewLatex(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJSON(t *testing.T) {
	type point struct {
		X int `json:"x"`
	}
	tests := []struct {
		name    string
		v       any
		want    string // text/plain, compact of the tree
		invalid bool
	}{
		{"struct", point{3}, `{"x":3}`, false},
		{"json text", `{"a": [1, 2]}`, `{"a":[1,2]}`, false},
		{"bytes", []byte(`[true]`), `[true]`, false},
		{"number", 2.5, `2.5`, false},
		{"bad text", `{"a":`, "", true},
		{"unencodable", make(chan int), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewJSON(tt.v)
			tree, ok := v.Data[MIMEJSON]
			if tt.invalid {
				if ok || !strings.HasPrefix(v.String(), "display: ") {
					t.Fatalf("got %v, want an error text", v.Data)
				}
				return
			}
			if !ok {
				t.Fatalf("no JSON in %v", v.Data)
			}
			compact := strings.Join(strings.Fields(v.String()), "")
			if compact != tt.want {
				t.Errorf("JSON text %q, want %q (tree %v)", compact, tt.want, tree)
			}
		})
	}
}

func TestPublishers(t *testing.T) {
	img := testImage(2, 2)
	tests := []struct {
		name string
		call func()
		kind Kind
		mime string
	}{
		{"Text", func() { Text("t") }, KindDisplay, MIMEText},
		{"HTML", func() { HTML("<i>h</i>") }, KindDisplay, MIMEHTML},
		{"Markdown", func() { Markdown("*m*") }, KindDisplay, MIMEMarkdown},
		{"Latex", func() { Latex("x") }, KindDisplay, MIMELatex},
		{"SVG", func() { SVG("<svg/>") }, KindDisplay, MIMESVG},
		{"PNG", func() { PNG(encodePNG(t, img)) }, KindDisplay, MIMEPNG},
		{"JPEG", func() { JPEG(encodeJPEG(t, img)) }, KindDisplay, MIMEJPEG},
		{"JSON", func() { JSON([]int{1}) }, KindDisplay, MIMEJSON},
		{"Image", func() { Image(img) }, KindDisplay, MIMEPNG},
		{"Display image", func() { Display(img) }, KindDisplay, MIMEPNG},
		{"Display int", func() { Display(7) }, KindDisplay, MIMEText},
		{"Plot", func() { Plot(linePlot(t)) }, KindDisplay, MIMEPNG},
		{"PlotSVG", func() { PlotSVG(linePlot(t)) }, KindDisplay, MIMESVG},
		{"PlotSize", func() { PlotSize(linePlot(t), 300, 200) }, KindDisplay, MIMEPNG},
		{"ClearOutput", func() { ClearOutput(true) }, KindClear, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := record(t)
			tt.call()
			msgs := rec.messages()
			if len(msgs) != 1 {
				t.Fatalf("%d messages, want 1", len(msgs))
			}
			m := msgs[0]
			if m.Kind != tt.kind {
				t.Errorf("kind %q, want %q", m.Kind, tt.kind)
			}
			if m.DisplayID != "" {
				t.Errorf("display id %q on a plain display", m.DisplayID)
			}
			if tt.kind == KindClear {
				if !m.Wait || m.Data != nil {
					t.Errorf("clear_output message %+v", m)
				}
				return
			}
			if _, ok := m.Data[tt.mime]; !ok {
				t.Errorf("data %v lacks %s", keys(m.Data), tt.mime)
			}
			if _, ok := m.Data[MIMEText]; !ok {
				t.Errorf("data %v lacks text/plain", keys(m.Data))
			}
			if m.Metadata == nil {
				t.Error("nil metadata: Jupyter wants an object")
			}
		})
	}
}

// Values of interpreted types arrive wrapped; their text is the value's.
type _wrappedByInterpreter struct {
	IValue any
	WHTML  func() string
}

func (w _wrappedByInterpreter) HTML() string { return w.WHTML() }

func TestPlainTextOfInterpretedWrapper(t *testing.T) {
	w := _wrappedByInterpreter{IValue: struct{ N int }{5}, WHTML: func() string { return "<b>5</b>" }}
	data := Bundle(w)
	if data[MIMEHTML] != "<b>5</b>" || data[MIMEText] != "{5}" {
		t.Errorf("bundle %v", data)
	}
}

func TestDisplayFromGoroutines(t *testing.T) {
	rec := record(t)
	var wg sync.WaitGroup
	const n = 50
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				HTML("<p>")
			} else {
				Display(i)
			}
		}()
	}
	wg.Wait()
	if got := len(rec.messages()); got != n {
		t.Fatalf("%d messages, want %d", got, n)
	}
}
