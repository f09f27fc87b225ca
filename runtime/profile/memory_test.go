package profile

import (
	"errors"
	"runtime"
	"testing"
	"time"
)

// allocTouch allocates n MiB, writes every page so it becomes resident, and
// holds it for hold.
func allocTouch(n int, hold time.Duration) func() {
	return func() {
		b := make([]byte, n*mib)
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1
		}
		time.Sleep(hold)
		runtime.KeepAlive(b)
	}
}

func TestMemitIncrement(t *testing.T) {
	tests := []struct {
		name     string
		interval time.Duration
		hold     time.Duration
	}{
		// Sampling alone sees the allocation: it is held for several intervals.
		{"sampled", 5 * time.Millisecond, 50 * time.Millisecond},
		// Shorter than one interval: only the high-water mark can see it.
		{"between samples", time.Second, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := allocTouch(100, tt.hold)
			r, err := Memit(func() error { f(); return nil }, 2, tt.interval)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s (high-water mark used: %v)", r, r.HighWater)
			if tt.hold == 0 && !r.HighWater {
				t.Skip("VmHWM cannot be reset here; sampling alone cannot see this allocation")
			}
			if inc := r.Increment(); inc < 80 || inc > 220 {
				t.Errorf("increment %.2f MiB for a 100 MiB allocation (%s)", inc, r)
			}
			if r.Repeat != 2 || len(r.MemUsage) != 2 || r.Baseline <= 0 {
				t.Errorf("result %+v", r)
			}
		})
	}
}

func TestMemitStopsAtError(t *testing.T) {
	boom := errors.New("boom")
	runs := 0
	_, err := Memit(func() error { runs++; return boom }, 3, 0)
	if !errors.Is(err, boom) || runs != 1 {
		t.Errorf("err %v after %d runs; want boom after 1", err, runs)
	}
}

func TestMemitResultString(t *testing.T) {
	tests := []struct {
		r    MemitResult
		want string
	}{
		{MemitResult{MemUsage: []float64{52.1, 51.0}, Baseline: 21.02}, "peak memory: 52.10 MiB, increment: 31.08 MiB"},
		{MemitResult{MemUsage: []float64{20.004}, Baseline: 20.0}, "peak memory: 20.00 MiB, increment: 0.00 MiB"},
		{MemitResult{MemUsage: []float64{19.5}, Baseline: 20.0}, "peak memory: 19.50 MiB, increment: -0.50 MiB"},
		{MemitResult{}, "ERROR: could not read memory usage, try with a lower interval or more iterations"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

// kept holds what TestMemoryUsageSamples allocates past the end of f, so
// that the sample taken after f returns sees it however long f took.
var kept []byte

func TestMemoryUsageSamples(t *testing.T) {
	samples := MemoryUsage(func() {
		kept = make([]byte, 64*mib)
		for i := 0; i < len(kept); i += 4096 {
			kept[i] = 1
		}
	}, 10*time.Millisecond)
	defer func() { kept = nil }()
	// One before and one after, whatever ran in between: how many fell
	// during f depends on how fast the machine touched the memory.
	if len(samples) < 2 {
		t.Fatalf("%d samples: %v", len(samples), samples)
	}
	if rise := samples[len(samples)-1] - samples[0]; rise < 48 {
		t.Errorf("samples rose by %.1f MiB, not by the 64 MiB allocated: %v", rise, samples)
	}
}

func TestResident(t *testing.T) {
	if r := Resident(); r < 1 || r > 1<<20 {
		t.Errorf("Resident() = %v MiB", r)
	}
}
