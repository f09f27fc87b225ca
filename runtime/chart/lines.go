package chart

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Series is one named line of a chart. With X nil, the points are at
// 0, 1, 2, ... (the sample number).
type Series struct {
	Name string
	X, Y []float64
}

// Y is a series of y values at 0, 1, 2, ...
func Y(name string, y []float64) Series { return Series{Name: name, Y: y} }

// Sampled is a series of samples taken every interval (seconds, say), such
// as memory usage polled during a run: sample i is at i*interval.
func Sampled(name string, y []float64, interval float64) Series {
	x := make([]float64, len(y))
	for i := range x {
		x[i] = float64(i) * interval
	}
	return Series{Name: name, X: x, Y: y}
}

// points is the series as plotter points. It panics when X and Y differ in
// length: a mistake in the calling cell that a chart should not hide.
func (s Series) points() plotter.XYs {
	if s.X != nil && len(s.X) != len(s.Y) {
		panic(fmt.Sprintf("chart: series %q has %d x values and %d y values", s.Name, len(s.X), len(s.Y)))
	}
	xys := make(plotter.XYs, 0, len(s.Y))
	for i, y := range s.Y {
		x := float64(i)
		if s.X != nil {
			x = s.X[i]
		}
		// Gaps rather than a failure: a sampler may miss a reading.
		if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
			continue
		}
		xys = append(xys, plotter.XY{X: x, Y: y})
	}
	return xys
}

// Lines draws several named series as lines with a legend, such as memory
// usage over time of a whole-array sum against a chunked one:
//
//	chart.Lines("Summing 10⁷ numbers", "Time [s]", "Memory usage [MiB]",
//		chart.Sampled("whole array", whole, 0.01),
//		chart.Sampled("chunked", chunked, 0.01))
func Lines(title, xlabel, ylabel string, series ...Series) *plot.Plot {
	p := newPlot(apply(title, xlabel, ylabel, nil))
	addGrid(p, true)
	var all []plotter.XYs
	for i, s := range series {
		xys := s.points()
		l := line(xys, seriesColor(i))
		p.Add(l)
		if s.Name != "" {
			p.Legend.Add(s.Name, l)
		}
		all = append(all, xys)
	}
	placeLegend(p, all...)
	return p
}

// LogLog draws series as lines with points on logarithmic axes, such as
// time against the number of jobs, where a constant overhead per job shows
// as a straight line:
//
//	chart.LogLog("Overhead of many tasks", "Jobs", "Time [s]",
//		chart.Series{Name: "goroutines", X: jobs, Y: times})
//
// Every value must be positive; LogLog panics otherwise, naming the point.
func LogLog(title, xlabel, ylabel string, series ...Series) *plot.Plot {
	p := newPlot(apply(title, xlabel, ylabel, nil))
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.X.Tick.Marker, p.Y.Tick.Marker = logTicks{}, logTicks{}
	addGrid(p, true)
	var all []plotter.XYs
	for i, s := range series {
		xys := s.points()
		for j, pt := range xys {
			if pt.X <= 0 || pt.Y <= 0 {
				panic(fmt.Sprintf("chart: LogLog needs positive values; series %q point %d is (%g, %g)",
					s.Name, j, pt.X, pt.Y))
			}
		}
		c := seriesColor(i)
		l, sc := line(xys, c), scatter(xys, c)
		p.Add(l, sc)
		if s.Name != "" {
			p.Legend.Add(s.Name, l, sc)
		}
		all = append(all, xys)
	}
	placeLegend(p, all...)
	return p
}

func line(xys plotter.XYs, c color.Color) *plotter.Line {
	l := &plotter.Line{XYs: xys, LineStyle: plotter.DefaultLineStyle}
	l.LineStyle.Width = vg.Points(1.5)
	l.LineStyle.Color = c
	return l
}

func scatter(xys plotter.XYs, c color.Color) *plotter.Scatter {
	return &plotter.Scatter{
		XYs: xys,
		GlyphStyle: draw.GlyphStyle{
			Color:  c,
			Radius: vg.Points(2.5),
			Shape:  draw.CircleGlyph{},
		},
	}
}
