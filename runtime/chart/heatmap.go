package chart

import (
	"fmt"
	"image"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ComplexPlane labels the axes Re(z) and Im(z) for the variable named z,
// as fractal images of the complex plane need: ComplexPlane("c").
func ComplexPlane(z string) Option {
	return func(s *settings) {
		re, im := "Re("+z+")", "Im("+z+")"
		s.xlabel, s.ylabel = &re, &im
	}
}

// HeatMap draws grid as an image over [xmin, xmax] × [ymin, ymax], coloured
// with viridis, with axes and a colour bar: the lesson's Mandelbrot and
// Julia pictures. grid[j][i] is the value in column i of row j, and row 0 is
// the bottom (ymin), as matplotlib's imshow with origin='lower' draws it:
//
//	chart.HeatMap(counts, -2, 1, -1.5, 1.5, chart.ComplexPlane("c"), chart.ColorBarLabel("Iterations"))
//
// NaN cells are left transparent. HeatMap panics on an empty or ragged grid
// or an empty range.
func HeatMap(grid [][]float64, xmin, xmax, ymin, ymax float64, opts ...Option) *plot.Plot {
	rows := len(grid)
	if rows == 0 || len(grid[0]) == 0 {
		panic("chart: HeatMap of an empty grid")
	}
	cols := len(grid[0])
	for j, row := range grid {
		if len(row) != cols {
			panic(fmt.Sprintf("chart: HeatMap grid row %d has %d values, row 0 has %d", j, len(row), cols))
		}
	}
	if !(xmin < xmax) || !(ymin < ymax) {
		panic(fmt.Sprintf("chart: HeatMap range [%g, %g] × [%g, %g] is empty", xmin, xmax, ymin, ymax))
	}
	s := apply("", "", "", opts)
	cm := s.colorMap
	if cm == nil {
		cm = Viridis()
	}
	lo, hi := finiteRange(grid)
	cm.SetMin(lo)
	cm.SetMax(hi)

	img := image.NewRGBA(image.Rect(0, 0, cols, rows))
	for j, row := range grid {
		y := rows - 1 - j // images count rows from the top
		for i, v := range row {
			if math.IsNaN(v) {
				continue
			}
			c, err := cm.At(math.Max(lo, math.Min(hi, v)))
			if err != nil {
				continue
			}
			img.Set(i, y, c)
		}
	}

	p := newPlot(s)
	p.Add(plotter.NewImage(img, xmin, ymin, xmax, ymax))
	// The picture fills the axes, as imshow draws it.
	p.X.Padding, p.Y.Padding = 0, 0
	p.Add(&colorBar{cm: cm, label: s.colorBarLabel})
	return p
}

// finiteRange is the range of the finite values of grid; a range of one
// value is widened so the colour map stays defined.
func finiteRange(grid [][]float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, row := range grid {
		for _, v := range row {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	switch {
	case lo > hi:
		return 0, 1
	case lo == hi:
		return lo - 0.5, hi + 0.5
	}
	return lo, hi
}

// colorBar draws a vertical colour bar in the plot's right margin. It is a
// plotter of the same plot, not a second plot beside it, so the helpers can
// return one *plot.Plot: its glyph box tells the plot to leave room for it.
type colorBar struct {
	cm    palette.ColorMap
	label string
}

const (
	barGap      = vg.Length(10)
	barWidthPt  = vg.Length(12)
	barTickLen  = vg.Length(4)
	barLabelGap = vg.Length(4)
	barSteps    = 256
)

// ticks are the labelled ticks within the colour range.
func (b *colorBar) ticks() []plot.Tick {
	var major []plot.Tick
	for _, t := range (niceTicks{}).Ticks(b.cm.Min(), b.cm.Max()) {
		if !t.IsMinor() && t.Value >= b.cm.Min() && t.Value <= b.cm.Max() {
			major = append(major, t)
		}
	}
	return major
}

// widths returns how far right of the bar the tick labels and the label reach.
func (b *colorBar) widths(p *plot.Plot) (ticks, label vg.Length) {
	for _, t := range b.ticks() {
		ticks = max(ticks, p.Y.Tick.Label.Width(t.Label))
	}
	if b.label != "" {
		label = barLabelGap + p.Y.Label.TextStyle.Height(b.label)
	}
	return ticks, label
}

// GlyphBoxes reserves the margin right of the data area.
func (b *colorBar) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	ticks, label := b.widths(p)
	extent := barGap + barWidthPt + barTickLen + barLabelGap + ticks + label
	return []plot.GlyphBox{{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Max: vg.Point{X: extent}}}}
}

// Plot draws the bar right of c, the data area.
func (b *colorBar) Plot(c draw.Canvas, p *plot.Plot) {
	lo, hi := b.cm.Min(), b.cm.Max()
	x0, x1 := c.Max.X+barGap, c.Max.X+barGap+barWidthPt
	rect := vg.Rectangle{Min: vg.Point{X: x0, Y: c.Min.Y}, Max: vg.Point{X: x1, Y: c.Max.Y}}

	strip := image.NewNRGBA(image.Rect(0, 0, 1, barSteps))
	for k := range barSteps {
		v := lo + (hi-lo)*float64(k)/float64(barSteps-1)
		if col, err := b.cm.At(v); err == nil {
			strip.Set(0, barSteps-1-k, col)
		}
	}
	c.DrawImage(rect, strip)
	c.StrokeLines(p.Y.LineStyle, []vg.Point{
		{X: x0, Y: c.Min.Y}, {X: x1, Y: c.Min.Y}, {X: x1, Y: c.Max.Y}, {X: x0, Y: c.Max.Y}, {X: x0, Y: c.Min.Y},
	})

	sty := p.Y.Tick.Label
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	descent := sty.FontExtents().Descent
	for _, t := range b.ticks() {
		y := c.Min.Y + vg.Length((t.Value-lo)/(hi-lo))*(c.Max.Y-c.Min.Y)
		c.StrokeLine2(p.Y.Tick.LineStyle, x1, y, x1+barTickLen, y)
		c.FillText(sty, vg.Point{X: x1 + barTickLen + barLabelGap, Y: y + descent}, t.Label)
	}

	if b.label != "" {
		ticks, _ := b.widths(p)
		lsty := p.Y.Label.TextStyle
		lsty.Rotation += math.Pi / 2
		lsty.XAlign, lsty.YAlign = draw.XCenter, draw.YBottom
		h := lsty.Height(b.label)
		x := x1 + barTickLen + barLabelGap + ticks + barLabelGap + h - lsty.FontExtents().Descent
		c.FillText(lsty, vg.Point{X: x, Y: (c.Min.Y + c.Max.Y) / 2}, b.label)
	}
}
