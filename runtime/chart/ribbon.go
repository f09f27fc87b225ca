package chart

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// RibbonSeries is a named series of mean values inside a band from the
// minimum to the maximum, as repeated timings give.
type RibbonSeries struct {
	Name              string
	X, Min, Mean, Max []float64
}

// Timings summarises repeated timings: times[i] holds the runs (seconds)
// made with workers[i] workers. It panics when the two lengths differ or a
// worker count has no runs.
func Timings(name string, workers []int, times [][]float64) RibbonSeries {
	if len(workers) != len(times) {
		panic(fmt.Sprintf("chart: %d worker counts but %d lists of times", len(workers), len(times)))
	}
	s := RibbonSeries{Name: name}
	for i, runs := range times {
		if len(runs) == 0 {
			panic(fmt.Sprintf("chart: no times for %d workers", workers[i]))
		}
		lo, hi, sum := math.Inf(1), math.Inf(-1), 0.0
		for _, t := range runs {
			lo, hi, sum = math.Min(lo, t), math.Max(hi, t), sum+t
		}
		s.X = append(s.X, float64(workers[i]))
		s.Min = append(s.Min, lo)
		s.Mean = append(s.Mean, sum/float64(len(runs)))
		s.Max = append(s.Max, hi)
	}
	return s
}

// Ribbon draws each series as its mean (line and points) over a faint band
// from its minimum to its maximum, with a legend: the lesson's chart of
// fractal timings against the number of workers, one series per variant.
func Ribbon(title, xlabel, ylabel string, series ...RibbonSeries) *plot.Plot {
	p := newPlot(apply(title, xlabel, ylabel, nil))
	addRibbons(p, series)
	return p
}

func addRibbons(p *plot.Plot, series []RibbonSeries) {
	addGrid(p, true)
	var bands []plotter.XYs
	for i, s := range series {
		n := len(s.X)
		if len(s.Min) != n || len(s.Mean) != n || len(s.Max) != n {
			panic(fmt.Sprintf("chart: ribbon %q has %d x, %d min, %d mean and %d max values",
				s.Name, n, len(s.Min), len(s.Mean), len(s.Max)))
		}
		order := make([]int, n)
		for j := range order {
			order[j] = j
		}
		sort.SliceStable(order, func(a, b int) bool { return s.X[order[a]] < s.X[order[b]] })

		// The band: along the maxima, then back along the minima.
		band := make(plotter.XYs, 0, 2*n)
		mean := make(plotter.XYs, 0, n)
		for _, j := range order {
			band = append(band, plotter.XY{X: s.X[j], Y: s.Max[j]})
			mean = append(mean, plotter.XY{X: s.X[j], Y: s.Mean[j]})
		}
		for k := n - 1; k >= 0; k-- {
			j := order[k]
			band = append(band, plotter.XY{X: s.X[j], Y: s.Min[j]})
		}
		c := seriesColor(i)
		poly := &plotter.Polygon{XYs: []plotter.XYs{band}, Color: faded(c, 0.3)}
		poly.LineStyle.Width = 0
		l, sc := line(mean, c), scatter(mean, c)
		p.Add(poly, l, sc)
		if s.Name != "" {
			p.Legend.Add(s.Name, poly, l, sc)
		}
		bands = append(bands, band)
	}
	placeLegend(p, bands...)
}

// TimeVsWorkers draws run time against the number of workers, the mean of
// the runs over their min–max band; times[i] holds the runs made with
// workers[i] workers. With Ideal(), a dashed line shows perfect scaling
// from the fewest workers. Axis labels are "Workers" and "Time [s]" unless
// options say otherwise:
//
//	chart.TimeVsWorkers([]int{1, 2, 4}, times, chart.Ideal(), chart.Title("Mandelbrot"))
func TimeVsWorkers(workers []int, times [][]float64, opts ...Option) *plot.Plot {
	s := apply("", "Workers", "Time [s]", opts)
	p := newPlot(s)
	measured := Timings("", workers, times)
	if s.ideal {
		measured.Name = "measured"
	}
	addRibbons(p, []RibbonSeries{measured})
	if s.ideal && len(workers) > 0 {
		first := 0
		for i, w := range workers {
			if w < workers[first] {
				first = i
			}
		}
		w0, t0 := float64(workers[first]), measured.Mean[first]
		ideal := make(plotter.XYs, 0, len(workers))
		for _, w := range sortedInts(workers) {
			ideal = append(ideal, plotter.XY{X: float64(w), Y: t0 * w0 / float64(w)})
		}
		l := line(ideal, color.Gray{Y: 0x60})
		l.Width = vg.Points(1)
		l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		p.Add(l)
		p.Legend.Add("ideal", l)
	}
	// One labelled tick per worker count reads better than 2.5 workers.
	if len(workers) > 0 && len(workers) <= 16 {
		var ticks plot.ConstantTicks
		for _, w := range sortedInts(workers) {
			ticks = append(ticks, plot.Tick{Value: float64(w), Label: strconv.Itoa(w)})
		}
		p.X.Tick.Marker = ticks
	}
	return p
}

func sortedInts(v []int) []int {
	s := append([]int(nil), v...)
	sort.Ints(s)
	return s
}
