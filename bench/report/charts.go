package main

import (
	"fmt"
	"image/color"
	"math"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/gopar/gopar/runtime/chart"
)

// barSeries is one colour of a grouped bar chart: a value per group.
type barSeries struct {
	name   string
	values []float64
}

// groupedBars draws, for each group, one bar per series side by side, each
// labelled with its value printed by format.
func groupedBars(title, ylabel string, groups []string, format string, series ...barSeries) *plot.Plot {
	p := chart.Lines(title, "", ylabel)
	width := 0.8 / float64(len(series))
	var labels plotter.XYLabels
	top := 0.0
	for s, ser := range series {
		var legend plot.Thumbnailer
		for g, v := range ser.values {
			x0 := float64(g) - 0.4 + float64(s)*width
			bar := &plotter.Polygon{
				XYs:   []plotter.XYs{{{X: x0, Y: 0}, {X: x0 + width, Y: 0}, {X: x0 + width, Y: v}, {X: x0, Y: v}}},
				Color: chart.Colors[s%len(chart.Colors)],
			}
			bar.LineStyle.Width = 0
			p.Add(bar)
			legend = bar
			labels.XYs = append(labels.XYs, plotter.XY{X: x0 + width/2, Y: v})
			labels.Labels = append(labels.Labels, fmt.Sprintf(format, v))
			top = math.Max(top, v)
		}
		p.Legend.Add(ser.name, legend)
	}
	if l, err := plotter.NewLabels(labels); err == nil {
		for i := range l.TextStyle {
			l.TextStyle[i].XAlign = draw.XCenter
			l.TextStyle[i].YAlign = draw.YBottom
			l.TextStyle[i].Font = font.From(chart.Sans, 9)
		}
		p.Add(l)
	}
	p.NominalX(groups...)
	p.X.Min, p.X.Max = -0.5, float64(len(groups))-0.5
	p.Y.Min, p.Y.Max = 0, top*1.18
	p.Legend.Top, p.Legend.Left = true, true
	return p
}

// ratioPoint is one row of the summary chart.
type ratioPoint struct {
	label  string
	ratio  float64 // gopar's time or memory over the other's
	target float64 // the most the ratio may be; 0 when there is none
}

// ratioChart draws every ratio as a dot on a logarithmic axis, with a
// dash at its target and a line at 1 (as fast as the other).
func ratioChart(points []ratioPoint) *plot.Plot {
	p := chart.Lines("gopar over the alternative (lower is better)", "", "Ratio (log scale)")
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
	var dots, targets plotter.XYs
	var labels []string
	lo, hi := 1.0, 1.0
	for i, pt := range points {
		labels = append(labels, pt.label)
		dots = append(dots, plotter.XY{X: float64(i), Y: pt.ratio})
		lo, hi = math.Min(lo, pt.ratio), math.Max(hi, pt.ratio)
		if pt.target > 0 {
			targets = append(targets, plotter.XY{X: float64(i), Y: pt.target})
			lo, hi = math.Min(lo, pt.target), math.Max(hi, pt.target)
		}
	}
	one := plotter.NewFunction(func(float64) float64 { return 1 })
	one.LineStyle.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	one.LineStyle.Color = color.Gray{Y: 0x80}
	p.Add(one)
	if len(targets) > 0 {
		t, _ := plotter.NewScatter(targets)
		t.GlyphStyle = draw.GlyphStyle{Color: chart.Colors[3], Radius: vg.Points(6), Shape: barGlyph{}}
		p.Add(t)
		p.Legend.Add("target (at most)", t)
	}
	d, _ := plotter.NewScatter(dots)
	d.GlyphStyle = draw.GlyphStyle{Color: chart.Colors[0], Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
	p.Add(d)
	p.Legend.Add("measured", d)
	p.NominalX(labels...)
	p.X.Min, p.X.Max = -0.5, float64(len(points))-0.5
	p.X.Tick.Label.Rotation = math.Pi / 5
	p.X.Tick.Label.XAlign = draw.XRight
	p.X.Tick.Label.YAlign = draw.YCenter
	p.Y.Min, p.Y.Max = lo/2, hi*2
	p.Legend.Top, p.Legend.Left = true, false
	return p
}

// barGlyph is a short horizontal dash, for targets.
type barGlyph struct{}

func (barGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(2)})
	var path vg.Path
	path.Move(vg.Point{X: pt.X - sty.Radius, Y: pt.Y})
	path.Line(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	c.Stroke(path)
}

// speedupChart draws speed-up against workers with the ideal line.
func speedupChart(title string, workers []int, series ...chart.Series) *plot.Plot {
	p := chart.Lines(title, "Workers (goroutines)", "Speed-up over one worker", series...)
	ideal := plotter.NewFunction(func(x float64) float64 { return x })
	ideal.LineStyle.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	ideal.LineStyle.Color = color.Gray{Y: 0x80}
	p.Add(ideal)
	p.Legend.Add("ideal", ideal)
	p.Y.Max = math.Max(p.Y.Max, float64(workers[len(workers)-1]))
	p.Y.Min = 0
	p.X.Min = 0.8
	p.X.Max = float64(workers[len(workers)-1]) + 0.2
	p.X.Tick.Marker = integerTicks{}
	return p
}

// integerTicks marks whole numbers only.
type integerTicks struct{}

func (integerTicks) Ticks(min, max float64) []plot.Tick {
	var t []plot.Tick
	for v := math.Ceil(min); v <= max; v++ {
		t = append(t, plot.Tick{Value: v, Label: fmt.Sprint(v)})
	}
	return t
}

// save writes p as a PNG of w × h inches into dir.
func save(p *plot.Plot, dir, name string, w, h float64) (string, error) {
	path := filepath.Join(dir, name)
	if err := p.Save(vg.Length(w)*vg.Inch, vg.Length(h)*vg.Inch, path); err != nil {
		return "", fmt.Errorf("chart %s: %w", name, err)
	}
	return path, nil
}
