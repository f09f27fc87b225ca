package display_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gopar/gopar/runtime/display"
	"github.com/gopar/gopar/symbols"
	"github.com/gopar/gopar/third_party/yaegi/interp"
)

type recorder struct {
	mu   sync.Mutex
	msgs []display.Message
}

func (r *recorder) Publish(m display.Message) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, m)
}

func (r *recorder) take() []display.Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	msgs := r.msgs
	r.msgs = nil
	return msgs
}

// newInterpreter is an interpreter as the worker sets it up: the standard
// library and gopar's tables.
func newInterpreter(t testing.TB) *interp.Interpreter {
	t.Helper()
	i := interp.New(interp.Options{})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := i.Use(symbols.Symbols); err != nil {
		t.Fatal(err)
	}
	return i
}

const plotImports = `
import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gopar/chart"
	"gopar/display"
)
`

const buildPlot = `
func squares() *plot.Plot {
	p := plot.New()
	p.Title.Text = "Squares"
	p.X.Label.Text = "n"
	p.Y.Label.Text = "n²"
	pts := make(plotter.XYs, 10)
	for i := range pts {
		pts[i].X = float64(i)
		pts[i].Y = float64(i * i)
	}
	l, err := plotter.NewLine(pts)
	if err != nil {
		panic(err)
	}
	p.Add(l)
	return p
}

type Score struct{ N int }

func (s Score) HTML() string { return "<b>score</b>" }

type Pic struct{}

func (Pic) SVG() string { return "<svg id='pic'></svg>" }
`

func TestCellsDisplayPlots(t *testing.T) {
	rec := &recorder{}
	display.SetSink(rec)
	i := newInterpreter(t)
	for _, src := range []string{plotImports, buildPlot} {
		if _, err := i.Eval(src); err != nil {
			t.Fatalf("setting up: %v", err)
		}
	}
	tests := []struct {
		name string
		cell string
		// wanted, per message: the MIME type that must be there
		mimes []string
		// a string the first message's data must contain, if any
		contains string
	}{
		{"plot as PNG", `display.Plot(squares())`, []string{"image/png"}, ""},
		{"plot as SVG", `display.PlotSVG(squares())`, []string{"image/svg+xml"}, "Squares"},
		{"plot with options", `display.Plot(squares(), display.WithSize(4*vg.Inch, 3*vg.Inch), display.AsSVG())`,
			[]string{"image/svg+xml"}, `width="288pt"`},
		{"plot sized", `display.PlotSize(squares(), 3*vg.Inch, 2*vg.Inch)`, []string{"image/png"}, "<Figure 288x192>"},
		{"plot through Display", `display.Display(squares())`, []string{"image/png"}, ""},
		{"chart helper", `display.Plot(chart.Lines("Memory", "Time [s]", "Memory usage [MiB]",
			chart.Sampled("numpy-like", []float64{50, 300, 310, 60}, 0.01),
			chart.Y("chunked", []float64{50, 60, 55, 52})))`, []string{"image/png"}, ""},
		{"heat map", `display.Plot(chart.HeatMap([][]float64{{0, 1}, {2, 3}}, -2, 1, -1.5, 1.5, chart.ComplexPlane("c")))`,
			[]string{"image/png"}, ""},
		{"interpreted type with HTML", `display.Display(Score{3})`, []string{"text/html"}, "<b>score</b>"},
		{"interpreted pointer with HTML", `display.Display(&Score{3})`, []string{"text/html"}, "<b>score</b>"},
		{"interpreted type with SVG", `display.Display(Pic{})`, []string{"image/svg+xml"}, "pic"},
		{"interpreted type through Show", `display.Show(Score{1})`, []string{"text/html"}, ""},
		{"handle update", `h := display.Show("0%"); h.Update(display.NewValue(Score{2})); h.Update(squares())`,
			[]string{"text/plain", "text/html", "image/png"}, ""},
		{"from a goroutine", `done := make(chan bool); go func() { display.HTML("<i>bg</i>"); done <- true }(); <-done`,
			[]string{"text/html"}, "<i>bg</i>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec.take()
			if _, err := i.Eval(tt.cell); err != nil {
				t.Fatalf("cell failed: %v", err)
			}
			msgs := rec.take()
			if len(msgs) != len(tt.mimes) {
				t.Fatalf("%d messages, want %d", len(msgs), len(tt.mimes))
			}
			for k, m := range msgs {
				if _, ok := m.Data[tt.mimes[k]]; !ok {
					t.Errorf("message %d has %v, want %s", k, mimes(m), tt.mimes[k])
				}
				if _, ok := m.Data["text/plain"]; !ok {
					t.Errorf("message %d lacks text/plain", k)
				}
				if k > 0 && (m.Kind != display.KindUpdate || m.DisplayID != msgs[0].DisplayID) {
					t.Errorf("message %d is %s for %q, want an update of %q", k, m.Kind, m.DisplayID, msgs[0].DisplayID)
				}
			}
			if tt.contains != "" && !dataContains(msgs[0], tt.contains) {
				t.Errorf("first message lacks %q", tt.contains)
			}
			if tt.mimes[0] == "image/png" {
				meta, _ := msgs[0].Metadata["image/png"].(map[string]any)
				if meta["width"] == nil || meta["height"] == nil {
					t.Errorf("PNG without logical size metadata: %v", msgs[0].Metadata)
				}
			}
		})
	}
}

// TestCellBundle is what the interpreter does with a cell's trailing value:
// a plot or an image as the last value displays itself.
func TestCellBundle(t *testing.T) {
	i := newInterpreter(t)
	for _, src := range []string{plotImports, `import "image"`, buildPlot} {
		if _, err := i.Eval(src); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		expr string
		mime string // "" when there is no rich form
	}{
		{`squares()`, "image/png"},
		{`image.NewRGBA(image.Rect(0, 0, 3, 2))`, "image/png"},
		{`chart.Bars([]string{"a", "b"}, []float64{1, 2})`, "image/png"},
		{`display.NewMarkdown("**x**")`, "text/markdown"},
		{`42`, ""},
		{`"text"`, ""},
	}
	for _, tt := range tests {
		v, err := i.Eval(tt.expr)
		if err != nil {
			t.Fatalf("%s: %v", tt.expr, err)
		}
		data := display.Bundle(v.Interface())
		if tt.mime == "" {
			if data != nil {
				t.Errorf("%s: bundle %v, want none", tt.expr, data)
			}
			continue
		}
		if _, ok := data[tt.mime]; !ok {
			t.Errorf("%s: bundle lacks %s", tt.expr, tt.mime)
		}
	}
	// Interpreted rich types keep their methods only when the bundle is
	// asked for from inside the interpreter.
	v, err := i.Eval(`display.Bundle(Score{1})`)
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := v.Interface().(map[string]any); data["text/html"] != "<b>score</b>" {
		t.Errorf("bundle of an interpreted HTMLer: %v", data)
	}
}

func mimes(m display.Message) []string {
	var out []string
	for k := range m.Data {
		out = append(out, k)
	}
	return out
}

func dataContains(m display.Message, s string) bool {
	for _, d := range m.Data {
		if str, ok := d.(string); ok && strings.Contains(str, s) {
			return true
		}
	}
	return false
}

// BenchmarkCellPlot is a cell building an 800×600 line chart and showing
// it, through the interpreter; the target is under 100 ms.
func BenchmarkCellPlot(b *testing.B) {
	display.SetSink(&recorder{})
	i := newInterpreter(b)
	for _, src := range []string{plotImports, buildPlot} {
		if _, err := i.Eval(src); err != nil {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct{ name, cell string }{
		{"800x600@1x", `display.Plot(squares(), display.WithSize(600, 450), display.WithDPI(96))`},
		{"800x600@2x", `display.Plot(squares(), display.WithSize(600, 450))`},
		{"default", `display.Plot(squares())`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := i.Eval(bc.cell); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
