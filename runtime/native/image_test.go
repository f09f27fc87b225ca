package native

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"testing"
)

func TestViridisTable(t *testing.T) {
	if len(viridisData) != 256 {
		t.Fatalf("viridis has %d entries, want 256", len(viridisData))
	}
	// Published end points: dark purple-blue and yellow.
	if got := Viridis(0); got != (color.RGBA{68, 1, 84, 255}) {
		t.Errorf("Viridis(0) = %v", got)
	}
	if got := Viridis(1); got != (color.RGBA{253, 231, 37, 255}) {
		t.Errorf("Viridis(1) = %v", got)
	}
	if Viridis(-1) != Viridis(0) || Viridis(2) != Viridis(1) {
		t.Error("Viridis does not clamp")
	}
	// Perceptually ordered: luminance rises monotonically.
	lin := func(v float64) float64 {
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	prev := -1.0
	for k, c := range viridisData {
		y := 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
		if y <= prev {
			t.Errorf("luminance does not rise at entry %d", k)
		}
		prev = y
	}
}

func distinctColors(img image.Image) int {
	seen := map[color.Color]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			seen[img.At(x, y)] = true
		}
	}
	return len(seen)
}

func TestImageSizeColoursAndOrientation(t *testing.T) {
	box := BoundingBox{Width: 120, Height: 80, Center: -0.8, Extent: 3 + 2i}
	g := Mandelbrot(box, 100)
	for _, opts := range []ImageOptions{{}, {CubeRoot: true}} {
		img := g.Image(opts)
		if b := img.Bounds(); b.Dx() != box.Width || b.Dy() != box.Height {
			t.Fatalf("%+v: image is %v, want %d×%d", opts, b, box.Width, box.Height)
		}
		if n := distinctColors(img); n < 10 {
			t.Errorf("%+v: only %d colours", opts, n)
		}
		// Row 0 of the grid is the bottom row of the picture; the
		// largest count is yellow, the smallest dark blue.
		lo, hi := g.minMax()
		for j := range g.Height {
			for i := range g.Width {
				c := img.At(i, g.Height-1-j)
				if g.At(i, j) == hi && c != viridis[255] {
					t.Fatalf("%+v: largest count at (%d, %d) drawn %v", opts, i, j, c)
				}
				if g.At(i, j) == lo && c != viridis[0] {
					t.Fatalf("%+v: smallest count at (%d, %d) drawn %v", opts, i, j, c)
				}
			}
		}
	}
	// The cube root brightens the small counts: more of the picture
	// leaves the darkest quarter of the colormap.
	dark := func(img image.Image) int {
		n := 0
		for j := range g.Height {
			for i := range g.Width {
				r, gg, b, _ := img.At(i, j).RGBA()
				if (0.2126*float64(r)+0.7152*float64(gg)+0.0722*float64(b))/65535 < 0.3 {
					n++
				}
			}
		}
		return n
	}
	if lin, cube := dark(g.Image(ImageOptions{})), dark(g.Image(ImageOptions{CubeRoot: true})); cube >= lin {
		t.Errorf("cube root left %d dark pixels, linear %d", cube, lin)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, g.Image(ImageOptions{})); err != nil {
		t.Fatal(err)
	}
}

func TestImageOfUniformGrid(t *testing.T) {
	g, _ := FromRows([][]int{{7, 7}, {7, 7}}, BoundingBox{}, 10)
	if n := distinctColors(g.Image(ImageOptions{CubeRoot: true})); n != 1 {
		t.Errorf("uniform grid drawn in %d colours", n)
	}
	if _, err := g.Plot(ImageOptions{}).WriterTo(200, 200, "png"); err != nil {
		t.Errorf("plotting a uniform grid: %v", err)
	}
}

func TestPlotHasAxesAndRenders(t *testing.T) {
	box := BoundingBox{Width: 64, Height: 48, Center: -1.1195 + 0.2718i, Extent: 0.005 + 0.005i}
	g := Mandelbrot(box, 256)
	p := g.Plot(ImageOptions{CubeRoot: true})
	if p.X.Label.Text != "Re(c)" || p.Y.Label.Text != "Im(c)" {
		t.Errorf("axes %q, %q", p.X.Label.Text, p.Y.Label.Text)
	}
	// The axes span the box.
	xlo, xhi := real(box.Point(0, 0)), real(box.Point(box.Width-1, 0))
	if p.X.Min > xlo || p.X.Max < xhi {
		t.Errorf("x axis %v..%v does not cover %v..%v", p.X.Min, p.X.Max, xlo, xhi)
	}
	// Tick labels tell the ticks apart even this deep in.
	seen := map[string]bool{}
	for _, tick := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		if tick.Label != "" && seen[tick.Label] {
			t.Errorf("tick label %q repeats", tick.Label)
		}
		seen[tick.Label] = true
	}
	w, err := p.WriterTo(300, 250, "png")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n := distinctColors(img); n < 20 {
		t.Errorf("rendered plot has only %d colours", n)
	}
	// The colour bar sits right of the data: its column holds the top
	// and bottom colours of viridis.
	b := img.Bounds()
	near := func(want color.RGBA) bool {
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Max.X * 3 / 4; x < b.Max.X; x++ {
				r, gg, bl, _ := img.At(x, y).RGBA()
				d := math.Abs(float64(r>>8)-float64(want.R)) + math.Abs(float64(gg>>8)-float64(want.G)) + math.Abs(float64(bl>>8)-float64(want.B))
				if d <= 12 {
					return true
				}
			}
		}
		return false
	}
	if !near(viridis[0]) || !near(viridis[255]) {
		t.Error("no colour bar with both ends of viridis at the right of the plot")
	}
}
