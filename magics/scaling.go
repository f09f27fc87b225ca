package magics

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image/color"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/gopar/gopar/runtime/display"
	"github.com/gopar/gopar/runtime/profile"
)

const scalingUsage = `%scaling [-w COUNTS] [-r R] [-n N] STATEMENT
%%scaling [-w COUNTS] [-r R] [-n N] [SETUP]

Time a statement for several worker counts and show how it scales. The
statement sees an int named workers, set in turn to each count; each count is
timed as %timeit times a statement. Prints a table of workers, time per loop,
speed-up over the smallest count and parallel efficiency (speed-up divided by
the ideal speed-up), then shows a plot of speed-up against workers with the
ideal line.

    %scaling -w 1,2,4 calcPiParallel(10_000_000, workers)

Options:
  -w COUNTS  worker counts: a comma list with ranges, e.g. 1,2,4 or 1-8
             (default 1, 2, 4, ... up to runtime.NumCPU(), and NumCPU itself)
  -r R       runs per count (default 3)
  -n N       loops per run (default: auto-ranged, as %timeit)`

const scalingRepeat = 3

func scalingLine(c *call) (outcome, error) {
	opts, stmt, err := parseOptions(c.args, "w:r:n:")
	if err != nil {
		return outcome{}, err
	}
	if strings.TrimSpace(stmt) == "" {
		return outcome{}, usageErrorf("%%scaling needs a statement to time")
	}
	return scaling(c, opts, "", stmt)
}

func scalingCell(c *call) (outcome, error) {
	opts, setup, err := parseOptions(c.args, "w:r:n:")
	if err != nil {
		return outcome{}, err
	}
	if strings.TrimSpace(c.body) == "" {
		return outcome{}, usageErrorf("%%%%scaling needs a cell body to time")
	}
	return scaling(c, opts, setup, c.body)
}

func scaling(c *call, opts options, setup, stmt string) (outcome, error) {
	counts := defaultWorkers(runtime.NumCPU())
	if w, ok := opts['w']; ok {
		var err error
		if counts, err = parseWorkers(w); err != nil {
			return outcome{}, err
		}
	}
	var o profile.TimeitOptions
	var err error
	if o.Repeat, err = opts.intOption('r', scalingRepeat, 1); err != nil {
		return outcome{}, err
	}
	if o.Loops, err = opts.intOption('n', 0, 1); err != nil {
		return outcome{}, err
	}
	src := "func(workers int) func(int) time.Duration {\nreturn " + loopSource("_goparN int", setup, stmt) + "\n}"
	compiled, err := c.eng.Compile(src)
	if err != nil {
		return outcome{}, err
	}
	perWorkers, ok := compiled.(func(int) func(int) time.Duration)
	if !ok {
		return outcome{}, fmt.Errorf("scaling func compiled to %T, want func(int) func(int) time.Duration", compiled)
	}
	overhead, err := loopOverhead(c.ctx, c.eng)
	if err != nil {
		return outcome{}, err
	}
	fmt.Fprint(c.out, scalingHeader())
	var results []profile.TimeitResult
	for _, w := range counts {
		r, err := profile.Measure(c.ctx, withoutOverhead(perWorkers(w), overhead), o)
		if err != nil {
			return outcome{}, err
		}
		results = append(results, r)
		fmt.Fprint(c.out, scalingRow(counts[0], results[0], w, r))
	}
	png, err := speedupPlot(counts, results)
	if err != nil {
		return outcome{}, err
	}
	display.Publish(display.Message{
		Kind: display.KindDisplay,
		Data: map[string]any{
			"image/png":  base64.StdEncoding.EncodeToString(png),
			"text/plain": speedupText(counts, results),
		},
	})
	return outcome{}, nil
}

// defaultWorkers is 1, 2, 4, ... up to n, with n itself at the end when it
// is not a power of two.
func defaultWorkers(n int) []int {
	var out []int
	for w := 1; w <= n; w *= 2 {
		out = append(out, w)
	}
	if out[len(out)-1] != n && n > 1 {
		out = append(out, n)
	}
	return out
}

// parseWorkers reads "1,2,4" or "1-8" or "1,4-6" into sorted distinct counts.
func parseWorkers(s string) ([]int, error) {
	var out []int
	bad := func() error { return usageErrorf("-w takes worker counts like 1,2,4 or 1-8, not %q", s) }
	for _, part := range strings.Split(s, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, err := strconv.Atoi(lo)
		if err != nil || a < 1 {
			return nil, bad()
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(hi); err != nil || b < a {
				return nil, bad()
			}
		}
		for w := a; w <= b; w++ {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func scalingHeader() string {
	return fmt.Sprintf("%7s  %-26s %9s %11s\n", "workers", "time per loop", "speed-up", "efficiency")
}

// scalingRow is one line of the table; speed-up is against the smallest count.
func scalingRow(w0 int, base profile.TimeitResult, w int, r profile.TimeitResult) string {
	speedup, eff := speedup(w0, base, w, r)
	t := profile.FormatTime(r.Average, 3) + " ± " + profile.FormatTime(r.Stdev, 3)
	return fmt.Sprintf("%7d  %-26s %9.2f %10.1f%%\n", w, t, speedup, 100*eff)
}

func speedup(w0 int, base profile.TimeitResult, w int, r profile.TimeitResult) (speedup, efficiency float64) {
	if r.Average <= 0 {
		return 0, 0
	}
	speedup = base.Average / r.Average
	return speedup, speedup / (float64(w) / float64(w0))
}

func speedupText(counts []int, results []profile.TimeitResult) string {
	parts := make([]string, len(counts))
	for i, w := range counts {
		s, _ := speedup(counts[0], results[0], w, results[i])
		parts[i] = fmt.Sprintf("%d: %.2f", w, s)
	}
	return "<speed-up by workers: " + strings.Join(parts, ", ") + ">"
}

// speedupPlot draws measured speed-up against workers, with the ideal line,
// as a PNG.
func speedupPlot(counts []int, results []profile.TimeitResult) ([]byte, error) {
	p := plot.New()
	p.Title.Text = "Speed-up"
	p.X.Label.Text = "workers"
	p.Y.Label.Text = "speed-up"
	w0 := float64(counts[0])
	ideal := make(plotter.XYs, len(counts))
	measured := make(plotter.XYs, len(counts))
	ticks := make(plot.ConstantTicks, len(counts))
	for i, w := range counts {
		s, _ := speedup(counts[0], results[0], w, results[i])
		ideal[i] = plotter.XY{X: float64(w), Y: float64(w) / w0}
		measured[i] = plotter.XY{X: float64(w), Y: s}
		ticks[i] = plot.Tick{Value: float64(w), Label: strconv.Itoa(w)}
	}
	idealLine, err := plotter.NewLine(ideal)
	if err != nil {
		return nil, err
	}
	idealLine.Color = color.Gray{Y: 128}
	idealLine.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	line, points, err := plotter.NewLinePoints(measured)
	if err != nil {
		return nil, err
	}
	line.Color = color.RGBA{R: 31, G: 119, B: 180, A: 255}
	points.Color = line.Color
	p.Add(idealLine, line, points)
	p.Legend.Add("ideal", idealLine)
	p.Legend.Add("measured", line, points)
	p.Legend.Top, p.Legend.Left = true, true
	p.X.Tick.Marker = ticks
	p.Y.Min = 0
	p.X.Min = 0
	wt, err := p.WriterTo(5*vg.Inch, 3.5*vg.Inch, "png")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
