package native

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Plot returns the grid as a gonum heat map in the complex plane, axes
// Re(c) and Im(c), coloured with viridis, with a colour bar on the right
// labelled in iteration counts — the lesson's plot_fractal. A grid without
// a Box (made by FromRows with a zero box) is drawn against pixel indices.
// Save it with p.Save, or show it with gopar/display.
func (g *IterGrid) Plot(opts ImageOptions) *plot.Plot {
	p := plot.New()
	p.X.Label.Text = "Re(c)"
	p.Y.Label.Text = "Im(c)"
	p.X.Tick.Marker = preciseTicks{}
	p.Y.Tick.Marker = preciseTicks{}
	if g.Box.Width != g.Width || g.Box.Height != g.Height {
		p.X.Label.Text, p.Y.Label.Text = "column", "row"
	}
	if g.Width == 0 || g.Height == 0 {
		return p
	}
	lo, hi := g.colorRange(opts)
	if hi == lo {
		hi = lo + 1 // a uniform grid: one colour, and still a valid bar
	}
	pal := viridisPalette{}
	hm := plotter.NewHeatMap(gridXYZ{g: g, opts: opts}, pal)
	hm.Min, hm.Max = lo, hi
	hm.Rasterized = true
	p.Add(rasterHeatMap{hm})
	p.Add(&colorBar{lo: lo, hi: hi, opts: opts})
	return p
}

// gridXYZ shows an IterGrid to gonum's HeatMap: column c, row r at the
// complex coordinates of their pixel.
type gridXYZ struct {
	g    *IterGrid
	opts ImageOptions
}

func (d gridXYZ) Dims() (c, r int)   { return d.g.Width, d.g.Height }
func (d gridXYZ) Z(c, r int) float64 { return d.opts.transform(d.g.At(c, r)) }
func (d gridXYZ) X(c int) float64    { return d.coord(c, 0)[0] }
func (d gridXYZ) Y(r int) float64    { return d.coord(0, r)[1] }
func (d gridXYZ) coord(c, r int) [2]float64 {
	b := d.g.Box
	if b.Width != d.g.Width || b.Height != d.g.Height {
		return [2]float64{float64(c), float64(r)}
	}
	z := b.Point(c, r)
	return [2]float64{real(z), imag(z)}
}

// rasterHeatMap is a rasterized HeatMap without its glyph boxes: HeatMap
// returns one per cell, a million for a 1024×1024 grid, only to keep a
// margin of 5 points around the data.
type rasterHeatMap struct{ *plotter.HeatMap }

func (rasterHeatMap) GlyphBoxes(*plot.Plot) []plot.GlyphBox { return nil }

// viridisPalette is viridis as a gonum palette.
type viridisPalette struct{}

func (viridisPalette) Colors() []color.Color {
	cs := make([]color.Color, len(viridis))
	for i, c := range viridis {
		cs[i] = c
	}
	return cs
}

// colorBar draws a vertical viridis bar right of the data area, labelled
// with the counts the colours stand for. gonum's own ColorBar needs a plot
// of its own; this one lives in the heat map's plot and makes room for
// itself through a glyph box at the right edge, which the plot's layout
// keeps clear of data.
type colorBar struct {
	lo, hi float64 // transformed values at the ends of the bar
	opts   ImageOptions
}

const (
	barGap   = vg.Length(8)
	barWidth = vg.Length(12)
	labelGap = vg.Length(4)
	barTicks = 5
)

// labels returns the tick labels, bottom to top, in counts.
func (b *colorBar) labels() []string {
	ls := make([]string, barTicks)
	for k := range ls {
		x := b.lo + (b.hi-b.lo)*float64(k)/(barTicks-1)
		ls[k] = fmt.Sprint(math.Round(b.opts.inverse(x)))
	}
	return ls
}

func (b *colorBar) labelStyle(p *plot.Plot) text.Style {
	sty := p.Y.Tick.Label
	sty.XAlign = draw.XLeft
	sty.YAlign = draw.YCenter
	return sty
}

// GlyphBoxes reserves the bar's width and its widest label right of the
// data area.
func (b *colorBar) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	sty := b.labelStyle(p)
	var wide vg.Length
	for _, l := range b.labels() {
		wide = max(wide, sty.Width(l))
	}
	half := sty.Height("0") / 2
	return []plot.GlyphBox{
		{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Max: vg.Point{X: barGap + barWidth + labelGap + wide}}},
		// Half a label above the top of the bar and below its bottom.
		{X: 1, Y: 1, Rectangle: vg.Rectangle{Min: vg.Point{Y: -half}, Max: vg.Point{Y: half}}},
		{X: 1, Y: 0, Rectangle: vg.Rectangle{Min: vg.Point{Y: -half}, Max: vg.Point{Y: half}}},
	}
}

func (b *colorBar) Plot(c draw.Canvas, p *plot.Plot) {
	bar := image.NewRGBA(image.Rect(0, 0, 1, len(viridis)))
	for k, col := range viridis {
		bar.SetRGBA(0, len(viridis)-1-k, col)
	}
	x0 := c.Max.X + barGap
	rect := vg.Rectangle{Min: vg.Point{X: x0, Y: c.Min.Y}, Max: vg.Point{X: x0 + barWidth, Y: c.Max.Y}}
	c.DrawImage(rect, bar)
	c.StrokeLines(p.Y.LineStyle, []vg.Point{
		rect.Min, {X: rect.Max.X, Y: rect.Min.Y}, rect.Max, {X: rect.Min.X, Y: rect.Max.Y}, rect.Min,
	})
	sty := b.labelStyle(p)
	for k, l := range b.labels() {
		y := c.Min.Y + (c.Max.Y-c.Min.Y)*vg.Length(k)/(barTicks-1)
		c.StrokeLine2(p.Y.Tick.LineStyle, rect.Max.X, y, rect.Max.X+labelGap/2, y)
		c.FillText(sty, vg.Point{X: rect.Max.X + labelGap, Y: y}, l)
	}
}

// preciseTicks are gonum's default ticks with labels given as many digits as
// it takes to tell them apart: a deep zoom spans 0.005 around -1.1195,
// where the default labels all read -1.12.
type preciseTicks struct{}

func (preciseTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(lo, hi)
	for prec := 1; prec <= 17; prec++ {
		seen := map[string]bool{}
		distinct := true
		for k, t := range ticks {
			if t.Label == "" {
				continue
			}
			l := strconv.FormatFloat(t.Value, 'g', prec, 64)
			distinct = distinct && !seen[l]
			seen[l] = true
			ticks[k].Label = l
		}
		if distinct {
			break
		}
	}
	return ticks
}
