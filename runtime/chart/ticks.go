package chart

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// niceTicks labels a linear axis every 1, 2, 2.5 or 5 times a power of ten,
// with 4 to 8 labels: gonum's default gives as few as two, which leaves a
// reader guessing at values.
type niceTicks struct{}

func (niceTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return (plot.DefaultTicks{}).Ticks(lo, hi)
	}
	// Of the nice steps giving 4 to 8 labels, the one closest to 6.
	step, best := 0.0, math.Inf(1)
	for s := niceStep((hi - lo) / 10); s <= hi-lo; s = niceStep(s * 1.01) {
		n := labelCount(lo, hi, s)
		if d := math.Abs(float64(n) - 6); n >= 4 && n <= 8 && d <= best {
			step, best = s, d
		}
	}
	if step == 0 {
		step = niceStep((hi - lo) / 3)
	}
	prec := max(0, -int(math.Floor(math.Log10(step)+1e-9)))
	if m := step / math.Pow10(-prec); math.Abs(m-math.Round(m)) > 1e-9 {
		prec++ // a step of 2.5 needs one more digit
	}
	var ticks []plot.Tick
	first := math.Ceil(lo/step - 1e-9)
	if m := first*step - step/2; m >= lo {
		ticks = append(ticks, plot.Tick{Value: m})
	}
	for i := first; i*step <= hi+step*1e-9; i++ {
		v := i * step
		if v == 0 {
			v = 0 // no "-0"
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', prec, 64)})
		// Unlabelled halfway marks, as gonum draws minor ticks.
		if m := v + step/2; m <= hi {
			ticks = append(ticks, plot.Tick{Value: m})
		}
	}
	return ticks
}

// labelCount is how many multiples of step lie in [lo, hi].
func labelCount(lo, hi, step float64) int {
	return int(math.Floor(hi/step+1e-9)-math.Ceil(lo/step-1e-9)) + 1
}

// niceStep is the smallest of 1, 2, 2.5, 5 times a power of ten at least raw.
func niceStep(raw float64) float64 {
	p := math.Pow10(int(math.Floor(math.Log10(raw))))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= raw*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// logTicks labels a log axis at powers of ten, and at 2 and 5 times them
// (or every multiple) when the range spans too few powers to label two:
// an axis from 0.2 to 0.6 s still gets numbers.
type logTicks struct{}

func (logTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(lo > 0) || !(hi >= lo) || math.IsInf(hi, 0) {
		return nil
	}
	var values []float64
	for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
		for m := 1; m < 10; m++ {
			// Parsed rather than multiplied, so 3e-1 is 0.3 exactly as printed.
			v, _ := strconv.ParseFloat(strconv.Itoa(m)+"e"+strconv.Itoa(int(e)), 64)
			if v >= lo*(1-1e-9) && v <= hi*(1+1e-9) {
				values = append(values, v)
			}
		}
	}
	labelled := func(keep func(m float64) bool) int {
		n := 0
		for _, v := range values {
			if keep(mantissa(v)) {
				n++
			}
		}
		return n
	}
	keeps := []func(float64) bool{
		func(m float64) bool { return m == 1 },
		func(m float64) bool { return m == 1 || m == 2 || m == 5 },
		func(float64) bool { return true },
	}
	var keep func(float64) bool
	for _, k := range keeps {
		if labelled(k) >= 2 {
			keep = k
			break
		}
	}
	if keep == nil {
		// A range inside one step of the mantissa (0.11 to 0.19): plain
		// linear labels serve better than none.
		return (niceTicks{}).Ticks(lo, hi)
	}
	ticks := make([]plot.Tick, 0, len(values))
	for _, v := range values {
		t := plot.Tick{Value: v}
		if keep(mantissa(v)) {
			t.Label = strconv.FormatFloat(v, 'g', -1, 64)
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// mantissa is the leading digit of v, a multiple of a power of ten.
func mantissa(v float64) float64 {
	return math.Round(v / math.Pow(10, math.Floor(math.Log10(v)+1e-9)))
}
