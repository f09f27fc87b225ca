package display

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

func TestNewPlotSizes(t *testing.T) {
	tests := []struct {
		name         string
		opts         []PlotOption
		logicalW     int // CSS pixels in the metadata and text
		logicalH     int
		pixelW       int // pixels of the PNG
		pixelH       int
		svg          bool
		wantMetadata bool
	}{
		{"default", nil, 640, 480, 1280, 960, false, true},
		{"one to one", []PlotOption{WithDPI(96)}, 640, 480, 640, 480, false, true},
		{"size", []PlotOption{WithSize(4*vg.Inch, 3*vg.Inch)}, 384, 288, 768, 576, false, true},
		{"size and dpi", []PlotOption{WithSize(600, 450), WithDPI(96)}, 800, 600, 800, 600, false, true},
		{"svg", []PlotOption{AsSVG()}, 640, 480, 0, 0, true, false},
		{"svg then png", []PlotOption{AsSVG(), AsPNG()}, 640, 480, 1280, 960, false, true},
		{"nil option ignored", []PlotOption{nil}, 640, 480, 1280, 960, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewPlot(linePlot(t), tt.opts...)
			wantText := "<Figure " + strconv.Itoa(tt.logicalW) + "x" + strconv.Itoa(tt.logicalH) + ">"
			if v.String() != wantText {
				t.Errorf("text %q, want %q", v.String(), wantText)
			}
			if tt.svg {
				s, _ := v.Data[MIMESVG].(string)
				if !strings.Contains(s, "<svg") || !strings.Contains(s, "squares") {
					t.Errorf("SVG lacks the document or the title: %.200s", s)
				}
				if _, ok := v.Data[MIMEPNG]; ok {
					t.Error("SVG plot also carries a PNG")
				}
				return
			}
			img := decodeImage(t, v.Data[MIMEPNG])
			if b := img.Bounds(); b.Dx() != tt.pixelW || b.Dy() != tt.pixelH {
				t.Errorf("PNG is %dx%d, want %dx%d", b.Dx(), b.Dy(), tt.pixelW, tt.pixelH)
			}
			meta, _ := v.Metadata[MIMEPNG].(map[string]any)
			if meta["width"] != tt.logicalW || meta["height"] != tt.logicalH {
				t.Errorf("metadata %v, want width %d height %d", v.Metadata, tt.logicalW, tt.logicalH)
			}
		})
	}
}

func TestPlotFailuresBecomeText(t *testing.T) {
	logZero := func() *plot.Plot {
		p := plot.New()
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = plot.LogTicks{}
		s, _ := plotter.NewScatter(plotter.XYs{{X: 1, Y: 0}, {X: 2, Y: 10}})
		p.Add(s)
		return p
	}
	tests := []struct {
		name string
		p    *plot.Plot
		opts []PlotOption
		want string
	}{
		{"zero on a log axis", logZero(), nil, "drawing the plot failed"},
		{"zero on a log axis, SVG", logZero(), []PlotOption{AsSVG()}, "drawing the plot failed"},
		{"zero width", linePlot(t), []PlotOption{WithSize(0, 100)}, "size must be positive"},
		{"NaN height", linePlot(t), []PlotOption{WithSize(100, vg.Length(math.NaN()))}, "size must be positive"},
		{"zero dpi", linePlot(t), []PlotOption{WithDPI(0)}, "DPI must be positive"},
		{"huge", linePlot(t), []PlotOption{WithSize(200*vg.Inch, 200*vg.Inch)}, "too large"},
		{"nil plot", nil, nil, "<nil plot>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := record(t)
			Plot(tt.p, tt.opts...) // must not panic
			msgs := rec.messages()
			if len(msgs) != 1 {
				t.Fatalf("%d messages", len(msgs))
			}
			text, _ := msgs[0].Data[MIMEText].(string)
			if !strings.Contains(text, tt.want) || len(msgs[0].Data) != 1 {
				t.Errorf("data %v, want only text containing %q", msgs[0].Data, tt.want)
			}
		})
	}
}

func TestRenderDrawsSomething(t *testing.T) {
	b, err := RenderPNG(linePlot(t), 300, 200, 96)
	if err != nil {
		t.Fatal(err)
	}
	img := decodeImage(t, NewPNG(b).Data[MIMEPNG])
	dark := 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); r+g+b < 3*0x8000 {
				dark++
			}
		}
	}
	// Axes, ticks, labels and the line: well over 1% of a 400×267 image.
	if total := bounds.Dx() * bounds.Dy(); dark < total/100 {
		t.Errorf("only %d of %d pixels are drawn", dark, total)
	}
}

// BenchmarkRenderPNG measures drawing and encoding a line plot, the work of
// display.Plot; the target is under 100 ms for an 800×600 chart.
func BenchmarkRenderPNG(b *testing.B) {
	for _, bc := range []struct {
		name string
		dpi  int
		w, h vg.Length
	}{
		{"800x600@1x", 96, 600, 450},
		{"800x600@2x", 192, 600, 450},
		{"default_640x480@2x", DefaultPlotDPI, DefaultPlotWidth, DefaultPlotHeight},
	} {
		b.Run(bc.name, func(b *testing.B) {
			p := linePlot(b)
			for b.Loop() {
				if _, err := RenderPNG(p, bc.w, bc.h, bc.dpi); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRenderSVG(b *testing.B) {
	p := linePlot(b)
	for b.Loop() {
		if _, err := RenderSVG(p, 600, 450); err != nil {
			b.Fatal(err)
		}
	}
}
