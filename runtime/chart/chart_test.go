package chart

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/gopar/gopar/runtime/display"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// 800×600 CSS pixels, drawn one to one.
const (
	testW   = vg.Length(600)
	testH   = vg.Length(450)
	testDPI = 96
)

func memorySeries() []Series {
	var whole, chunked []float64
	for i := range 100 {
		x := float64(i)
		whole = append(whole, 60+math.Min(x, 40)*7-math.Max(0, x-70)*9)
		chunked = append(chunked, 60+4*math.Sin(x/4))
	}
	return []Series{Sampled("numpy-like", whole, 0.01), Sampled("chunked", chunked, 0.01)}
}

func workerTimes(scale float64) ([]int, [][]float64) {
	workers := []int{1, 2, 3, 4, 6, 8}
	times := make([][]float64, len(workers))
	for i, w := range workers {
		t := scale / float64(w)
		times[i] = []float64{t * 0.9, t, t * 1.2, t * 1.05}
	}
	return workers, times
}

func mandelbrot(n, iters int) [][]float64 {
	grid := make([][]float64, n)
	for j := range grid {
		grid[j] = make([]float64, n)
		for i := range grid[j] {
			c := complex(-2+3*float64(i)/float64(n), -1.5+3*float64(j)/float64(n))
			z, k := complex(0, 0), 0
			for ; k < iters && real(z)*real(z)+imag(z)*imag(z) < 4; k++ {
				z = z*z + c
			}
			grid[j][i] = float64(k)
		}
	}
	return grid
}

// charts are the helpers as the lesson uses them, with the text each must
// show.
var charts = []struct {
	name  string
	build func() *plot.Plot
	texts []string
}{
	{"lines", func() *plot.Plot {
		return Lines("Summing 10⁷ numbers", "Time [s]", "Memory usage [MiB]", memorySeries()...)
	}, []string{"Memory usage [MiB]", "Time [s]", "numpy-like", "chunked"}},
	{"time vs workers", func() *plot.Plot {
		w, t := workerTimes(2)
		return TimeVsWorkers(w, t, Ideal(), Title("Mandelbrot"))
	}, []string{"Workers", "Time [s]", "measured", "ideal", "Mandelbrot"}},
	{"ribbon", func() *plot.Plot {
		w, t1 := workerTimes(2)
		_, t2 := workerTimes(3)
		return Ribbon("Fractal timings", "Workers", "Time [s]", Timings("parallel", w, t1), Timings("domain split", w, t2))
	}, []string{"parallel", "domain split"}},
	{"log-log", func() *plot.Plot {
		var jobs, times []float64
		for i := range 13 {
			n := math.Pow(2, float64(i))
			jobs, times = append(jobs, n), append(times, 0.2+1e-4*n)
		}
		return LogLog("Overhead", "Jobs", "Time [s]", Series{Name: "goroutines", X: jobs, Y: times})
	}, []string{"Jobs", "goroutines", "1000"}},
	{"bars", func() *plot.Plot {
		return Bars([]string{"interpreted", "chunked", "native"}, []float64{1.3, 0.4, 0.01}, YLabel("Time [s]"))
	}, []string{"interpreted", "native", "Time [s]"}},
	{"heat map", func() *plot.Plot {
		return HeatMap(mandelbrot(120, 50), -2, 1, -1.5, 1.5, ComplexPlane("c"), ColorBarLabel("Iterations"))
	}, []string{"Re(c)", "Im(c)", "Iterations"}},
}

func TestChartsRenderAsPNG(t *testing.T) {
	for _, c := range charts {
		t.Run(c.name, func(t *testing.T) {
			b, err := display.RenderPNG(c.build(), testW, testH, testDPI)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got != (image.Point{X: 800, Y: 600}) {
				t.Errorf("PNG is %v, want 800x600", got)
			}
			inked, colours := ink(img, img.Bounds())
			if total := 800 * 600; inked < total/50 {
				t.Errorf("only %d of %d pixels drawn", inked, total)
			}
			// Series colours and antialiased text give many distinct
			// colours; an empty or one-colour image gives one or two.
			if colours < 20 {
				t.Errorf("only %d distinct colours", colours)
			}
		})
	}
}

func TestChartsRenderAsSVG(t *testing.T) {
	for _, c := range charts {
		t.Run(c.name, func(t *testing.T) {
			s, err := display.RenderSVG(c.build(), testW, testH)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(s, "<?xml") || !strings.Contains(s, "</svg>") {
				t.Fatalf("not an SVG document: %.100s", s)
			}
			if len(s) < 2000 || strings.Count(s, "<path") < 10 {
				t.Errorf("SVG of %d bytes with %d paths looks empty", len(s), strings.Count(s, "<path"))
			}
			for _, text := range c.texts {
				if !strings.Contains(s, ">"+text+"<") {
					t.Errorf("SVG lacks the text %q", text)
				}
			}
			if !strings.Contains(s, "Liberation") {
				t.Error("SVG text does not use the Liberation fonts")
			}
		})
	}
}

// ink counts the non-white pixels of r in img and the distinct colours.
func ink(img image.Image, r image.Rectangle) (inked, colours int) {
	seen := map[[3]uint32]bool{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			seen[[3]uint32{cr, cg, cb}] = true
			if cr < 0xf000 || cg < 0xf000 || cb < 0xf000 {
				inked++
			}
		}
	}
	return inked, len(seen)
}

// draw renders p at testDPI and returns the image and p's data area in
// image pixels.
func render(p *plot.Plot) (image.Image, image.Rectangle) {
	c := vgimg.NewWith(vgimg.UseWH(testW, testH), vgimg.UseDPI(testDPI))
	dc := draw.New(c)
	p.Draw(dc)
	da := p.DataCanvas(dc)
	px := func(l vg.Length) int { return int(math.Round(float64(l) * testDPI / 72)) }
	h := px(testH)
	area := image.Rect(px(da.Min.X), h-px(da.Max.Y), px(da.Max.X), h-px(da.Min.Y))
	return c.Image(), area
}

// TestTextRenders checks that the fonts load and draw: a title puts ink
// above the data area, and no title leaves it blank.
func TestTextRenders(t *testing.T) {
	var inked [2]int
	for i, title := range []string{"", "Memory usage of two sums"} {
		img, area := render(Lines(title, "Time [s]", "Memory usage [MiB]", memorySeries()...))
		inked[i], _ = ink(img, image.Rect(0, 0, 800, area.Min.Y))
	}
	// 24 letters of 14 pt text ink far more than 500 pixels.
	if inked[1]-inked[0] < 500 {
		t.Errorf("the title added only %d inked pixels above the data (%d without it)", inked[1]-inked[0], inked[0])
	}
}

func TestHeatMapOrientationAndColorBar(t *testing.T) {
	// Row 0 is the bottom: low values there, high at the top.
	grid := [][]float64{{0, 0, 0}, {1, 1, 1}}
	img, area := render(HeatMap(grid, 0, 3, 0, 2))
	mid := (area.Min.X + area.Max.X) / 2
	bottom := img.At(mid, area.Max.Y-area.Dy()/4)
	top := img.At(mid, area.Min.Y+area.Dy()/4)
	if !sameColor(bottom, viridisAt(0, 1)) {
		t.Errorf("bottom row is %v, want viridis' first colour", bottom)
	}
	if !sameColor(top, viridisAt(1, 1)) {
		t.Errorf("top row is %v, want viridis' last colour", top)
	}
	// The colour bar sits right of the data, inside the image.
	bar := img.At(area.Max.X+int(barGap+barWidthPt/2)*testDPI/72, area.Min.Y+1)
	if !sameColor(bar, viridisAt(1, 1)) {
		t.Errorf("top of the colour bar is %v, want viridis' last colour", bar)
	}
	if area.Max.X > 800-30 {
		t.Errorf("data area reaches x=%d: no room left for the colour bar", area.Max.X)
	}
}

func sameColor(a, b interface{ RGBA() (r, g, b, a uint32) }) bool {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	near := func(x, y uint32) bool { return math.Abs(float64(x)-float64(y)) <= 3*257 }
	return near(r1, r2) && near(g1, g2) && near(b1, b2)
}

func TestHeatMapNaNAndFlatGrids(t *testing.T) {
	tests := []struct {
		name string
		grid [][]float64
	}{
		{"flat", [][]float64{{2, 2}, {2, 2}}},
		{"all NaN", [][]float64{{math.NaN()}}},
		{"with infinities", [][]float64{{math.Inf(-1), 1}, {2, math.Inf(1)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := display.RenderPNG(HeatMap(tt.grid, 0, 1, 0, 1), testW, testH, testDPI); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestTimings(t *testing.T) {
	s := Timings("x", []int{1, 4}, [][]float64{{3, 1, 2}, {0.5}})
	want := RibbonSeries{Name: "x", X: []float64{1, 4}, Min: []float64{1, 0.5}, Mean: []float64{2, 0.5}, Max: []float64{3, 0.5}}
	for _, pair := range [][2][]float64{{s.X, want.X}, {s.Min, want.Min}, {s.Mean, want.Mean}, {s.Max, want.Max}} {
		for i := range pair[1] {
			if pair[0][i] != pair[1][i] {
				t.Errorf("Timings = %+v, want %+v", s, want)
			}
		}
	}
}

func TestSeriesPoints(t *testing.T) {
	xys := Y("y", []float64{5, math.NaN(), 7}).points()
	if len(xys) != 2 || xys[0].X != 0 || xys[1].X != 2 || xys[1].Y != 7 {
		t.Errorf("points of a Y-only series with a NaN: %v", xys)
	}
	s := Sampled("m", []float64{1, 2, 3}, 0.5)
	if s.X[2] != 1 {
		t.Errorf("Sampled x = %v", s.X)
	}
}

func TestBadInputPanics(t *testing.T) {
	tests := []struct {
		name string
		call func()
		want string
	}{
		{"series lengths", func() { Lines("", "", "", Series{Name: "s", X: []float64{1}, Y: []float64{1, 2}}) }, `"s" has 1 x values and 2 y`},
		{"log of zero", func() { LogLog("", "", "", Series{Name: "t", X: []float64{1, 2}, Y: []float64{0, 1}}) }, "positive"},
		{"timing lengths", func() { TimeVsWorkers([]int{1, 2}, [][]float64{{1}}) }, "2 worker counts but 1"},
		{"no runs", func() { TimeVsWorkers([]int{1}, [][]float64{{}}) }, "no times for 1 workers"},
		{"ribbon lengths", func() { Ribbon("", "", "", RibbonSeries{Name: "r", X: []float64{1}}) }, `ribbon "r"`},
		{"bar lengths", func() { Bars([]string{"a"}, nil) }, "1 bar labels but 0"},
		{"empty grid", func() { HeatMap(nil, 0, 1, 0, 1) }, "empty grid"},
		{"ragged grid", func() { HeatMap([][]float64{{1, 2}, {3}}, 0, 1, 0, 1) }, "row 1 has 1"},
		{"empty range", func() { HeatMap([][]float64{{1}}, 1, 1, 0, 1) }, "is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				r := recover()
				msg, _ := r.(string)
				if !strings.HasPrefix(msg, "chart: ") || !strings.Contains(msg, tt.want) {
					t.Errorf("panic %v, want a chart message with %q", r, tt.want)
				}
			}()
			tt.call()
		})
	}
}

func TestLegendGoesWhereTheDataIsNot(t *testing.T) {
	rising := Series{Name: "up", X: []float64{1, 2, 3, 4}, Y: []float64{1, 2, 4, 8}}
	falling := Series{Name: "down", X: []float64{1, 2, 3, 4}, Y: []float64{8, 4, 2, 1}}
	tests := []struct {
		name string
		p    *plot.Plot
		left bool
	}{
		{"rising lines", Lines("", "", "", rising), true},
		{"falling lines", Lines("", "", "", falling), false},
		{"rising log-log", LogLog("", "", "", rising), true},
		{"falling timings", func() *plot.Plot { w, tm := workerTimes(2); return TimeVsWorkers(w, tm, Ideal()) }(), false},
	}
	for _, tt := range tests {
		if tt.p.Legend.Left != tt.left {
			t.Errorf("%s: legend on the left = %v, want %v", tt.name, tt.p.Legend.Left, tt.left)
		}
	}
}

func TestOptions(t *testing.T) {
	w, tm := workerTimes(1)
	p := TimeVsWorkers(w, tm, Title("T"), XLabel("Threads"), YLabel("Seconds"), nil)
	if p.Title.Text != "T" || p.X.Label.Text != "Threads" || p.Y.Label.Text != "Seconds" {
		t.Errorf("labels %q %q %q", p.Title.Text, p.X.Label.Text, p.Y.Label.Text)
	}
	if p := TimeVsWorkers(w, tm); p.X.Label.Text != "Workers" || p.Y.Label.Text != "Time [s]" {
		t.Errorf("default labels %q %q", p.X.Label.Text, p.Y.Label.Text)
	}
	// One labelled tick per worker count.
	var labels []string
	for _, tk := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		labels = append(labels, tk.Label)
	}
	if got := strings.Join(labels, ","); got != "1,2,3,4,6,8" {
		t.Errorf("worker ticks %s", got)
	}
}

// TestGolden guards a small reference chart against accidental change:
// fonts, colours, ticks, legend and layout all show in its SVG. After an
// intended change, look at the new chart and run `go test -update`.
func TestGolden(t *testing.T) {
	p := Lines("Reference", "Time [s]", "Memory usage [MiB]",
		Series{Name: "numpy-like", X: []float64{0, 1, 2, 3}, Y: []float64{50, 300, 310, 60}},
		Y("chunked", []float64{50, 70, 65, 55}))
	got, err := display.RenderSVG(p, 4*vg.Inch, 3*vg.Inch)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "reference_lines.svg")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		gotLines, wantLines := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gotLines) && i < len(wantLines); i++ {
			if gotLines[i] != wantLines[i] {
				t.Fatalf("chart differs from %s at line %d:\n got: %.200s\nwant: %.200s\n(run go test -update if the change is intended)",
					path, i+1, gotLines[i], wantLines[i])
			}
		}
		t.Fatalf("chart differs from %s in length: %d lines, want %d", path, len(gotLines), len(wantLines))
	}
}

// BenchmarkChartPNG draws each helper's chart as an 800×600 PNG at the
// default high DPI (1600×1200 pixels), as display.Plot does.
func BenchmarkChartPNG(b *testing.B) {
	for _, c := range charts {
		b.Run(strings.ReplaceAll(c.name, " ", "_"), func(b *testing.B) {
			p := c.build()
			for b.Loop() {
				if _, err := display.RenderPNG(p, testW, testH, display.DefaultPlotDPI); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
