package chart

import (
	"math"
	"strconv"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	tests := []struct{ lo, hi float64 }{
		{0, 1}, {0, 1.3}, {-2, 1}, {-1.5, 1.5}, {55, 365}, {0.25, 2.2}, {1e-4, 3e-4}, {0, 1e7}, {-7, -3},
	}
	for _, tt := range tests {
		var labels []float64
		for _, tk := range (niceTicks{}).Ticks(tt.lo, tt.hi) {
			if tk.Value < tt.lo-1e-12 || tk.Value > tt.hi+1e-12 {
				t.Errorf("[%g, %g]: tick %g outside the range", tt.lo, tt.hi, tk.Value)
			}
			if tk.Label == "" {
				continue
			}
			v, err := strconv.ParseFloat(tk.Label, 64)
			if err != nil || math.Abs(v-tk.Value) > 1e-9*math.Max(1, math.Abs(v)) {
				t.Errorf("[%g, %g]: label %q for tick %g", tt.lo, tt.hi, tk.Label, tk.Value)
			}
			labels = append(labels, tk.Value)
		}
		if len(labels) < 4 || len(labels) > 8 {
			t.Errorf("[%g, %g]: %d labels %v, want 4 to 8", tt.lo, tt.hi, len(labels), labels)
		}
		// Evenly spaced by a step of 1, 2, 2.5 or 5 times a power of ten.
		step := labels[1] - labels[0]
		m := step / math.Pow10(int(math.Floor(math.Log10(step)+1e-9)))
		if !nearAny(m, 1, 2, 2.5, 5) {
			t.Errorf("[%g, %g]: step %g is not nice", tt.lo, tt.hi, step)
		}
		for i := 2; i < len(labels); i++ {
			if math.Abs(labels[i]-labels[i-1]-step) > 1e-9*step {
				t.Errorf("[%g, %g]: uneven labels %v", tt.lo, tt.hi, labels)
			}
		}
	}
}

func nearAny(x float64, vs ...float64) bool {
	for _, v := range vs {
		if math.Abs(x-v) < 1e-9 {
			return true
		}
	}
	return false
}

func TestLogTicks(t *testing.T) {
	tests := []struct {
		lo, hi    float64
		minLabels int
	}{
		{1, 4096, 4}, {0.2, 0.6, 2}, {0.11, 0.19, 2}, {1e-5, 1e-3, 3}, {3, 7, 2},
	}
	for _, tt := range tests {
		labels := 0
		for _, tk := range (logTicks{}).Ticks(tt.lo, tt.hi) {
			if tk.Value < tt.lo*(1-1e-9) || tk.Value > tt.hi*(1+1e-9) {
				t.Errorf("[%g, %g]: tick %g outside the range", tt.lo, tt.hi, tk.Value)
			}
			if tk.Label != "" {
				labels++
				if v, err := strconv.ParseFloat(tk.Label, 64); err != nil || v != tk.Value {
					t.Errorf("[%g, %g]: label %q for tick %g", tt.lo, tt.hi, tk.Label, tk.Value)
				}
			}
		}
		if labels < tt.minLabels {
			t.Errorf("[%g, %g]: %d labels, want at least %d", tt.lo, tt.hi, labels, tt.minLabels)
		}
	}
	if ticks := (logTicks{}).Ticks(0, 1); ticks != nil {
		t.Errorf("ticks for a range from zero: %v", ticks)
	}
}
