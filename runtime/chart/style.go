package chart

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Option adjusts a chart as a helper builds it. Options a chart has no use
// for are ignored.
type Option func(*settings)

type settings struct {
	title, xlabel, ylabel *string
	ideal                 bool
	colorMap              palette.ColorMap
	colorBarLabel         string
}

// Title sets the chart's title.
func Title(s string) Option { return func(c *settings) { c.title = &s } }

// XLabel sets the label of the horizontal axis.
func XLabel(s string) Option { return func(c *settings) { c.xlabel = &s } }

// YLabel sets the label of the vertical axis.
func YLabel(s string) Option { return func(c *settings) { c.ylabel = &s } }

// Ideal adds the ideal-scaling line to TimeVsWorkers: the one-worker time
// divided by the number of workers.
func Ideal() Option { return func(c *settings) { c.ideal = true } }

// ColorMap makes HeatMap use cm instead of viridis (its range is set to the
// data's).
func ColorMap(cm palette.ColorMap) Option { return func(c *settings) { c.colorMap = cm } }

// ColorBarLabel labels HeatMap's colour bar, e.g. "Iterations".
func ColorBarLabel(s string) Option { return func(c *settings) { c.colorBarLabel = s } }

// apply builds the settings from defaults and options.
func apply(title, xlabel, ylabel string, opts []Option) settings {
	s := settings{title: &title, xlabel: &xlabel, ylabel: &ylabel}
	for _, opt := range opts {
		if opt != nil {
			opt(&s)
		}
	}
	return s
}

// Colors are the series colours, in order: the ten of matplotlib's default
// cycle, so charts look like the ones the lesson shows.
var Colors = []color.Color{
	rgb(0x1f77b4), rgb(0xff7f0e), rgb(0x2ca02c), rgb(0xd62728), rgb(0x9467bd),
	rgb(0x8c564b), rgb(0xe377c2), rgb(0x7f7f7f), rgb(0xbcbd22), rgb(0x17becf),
}

func rgb(hex uint32) color.RGBA {
	return color.RGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 255}
}

// seriesColor is the colour of the i-th series.
func seriesColor(i int) color.Color { return Colors[i%len(Colors)] }

// faded is c at the given opacity, for ribbons.
func faded(c color.Color, alpha float64) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(alpha * 255)}
}

// Sans is the typeface of chart text: gonum plot's Liberation Sans, which
// reads better at small sizes than the Serif default.
var Sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// newPlot is a plot with chart text: sans-serif, title a size up, and the
// labels of s.
func newPlot(s settings) *plot.Plot {
	p := plot.New()
	setFont := func(f *font.Font, size vg.Length) {
		*f = font.From(Sans, size)
	}
	setFont(&p.Title.TextStyle.Font, 14)
	setFont(&p.X.Label.TextStyle.Font, 12)
	setFont(&p.Y.Label.TextStyle.Font, 12)
	setFont(&p.X.Tick.Label.Font, 10)
	setFont(&p.Y.Tick.Label.Font, 10)
	setFont(&p.Legend.TextStyle.Font, 11)
	p.Title.Padding = 6
	p.Title.Text = *s.title
	p.X.Label.Text = *s.xlabel
	p.Y.Label.Text = *s.ylabel
	p.Legend.Top = true
	p.X.Tick.Marker, p.Y.Tick.Marker = niceTicks{}, niceTicks{}
	return p
}

// placeLegend puts the legend in the top corner that the data leaves
// freer, as matplotlib's "best" does: a rising curve gets it on the left.
// Call it after adding the data, when the axes know their ranges.
func placeLegend(p *plot.Plot, series ...plotter.XYs) {
	left, right := 0, 0
	for _, xys := range series {
		for _, pt := range xys {
			x := p.X.Norm(pt.X)
			if p.Y.Norm(pt.Y) < 0.6 {
				continue
			}
			switch {
			case x < 0.4:
				left++
			case x > 0.6:
				right++
			}
		}
	}
	p.Legend.Left = left < right
}

// addGrid draws light grid lines under the data, at the axes' ticks.
func addGrid(p *plot.Plot, vertical bool) {
	g := plotter.NewGrid()
	g.Horizontal = draw.LineStyle{Color: color.Gray{Y: 0xe0}, Width: vg.Points(0.5)}
	g.Vertical = g.Horizontal
	if !vertical {
		g.Vertical.Color = nil
	}
	p.Add(g)
}
