package chart

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// barWidth is the share of its slot a bar fills.
const barWidth = 0.7

// Bars draws one bar per label, e.g. the run time of each variant:
//
//	chart.Bars([]string{"interpreted", "chunked", "native"}, []float64{1.3, 0.4, 0.01},
//		chart.YLabel("Time [s]"))
//
// Bars are drawn in data units, so they keep their proportions at any plot
// size. Bars panics when labels and values differ in length.
func Bars(labels []string, values []float64, opts ...Option) *plot.Plot {
	if len(labels) != len(values) {
		panic(fmt.Sprintf("chart: %d bar labels but %d values", len(labels), len(values)))
	}
	p := newPlot(apply("", "", "", opts))
	addGrid(p, false)
	for i, v := range values {
		x0, x1 := float64(i)-barWidth/2, float64(i)+barWidth/2
		bar := &plotter.Polygon{
			XYs:   []plotter.XYs{{{X: x0, Y: 0}, {X: x1, Y: 0}, {X: x1, Y: v}, {X: x0, Y: v}}},
			Color: seriesColor(0),
		}
		bar.LineStyle.Width = 0
		p.Add(bar)
	}
	// Room above the tallest bar, as matplotlib leaves.
	if p.Y.Max > 0 {
		p.Y.Max *= 1.05
	}
	if len(labels) > 0 {
		p.NominalX(labels...)
		// Half a slot of room either side, so the outer bars stand clear
		// of the axis ends.
		p.X.Min, p.X.Max = -0.5, float64(len(values))-0.5
	}
	return p
}
