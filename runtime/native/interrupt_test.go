package native

import (
	"errors"
	"testing"
	"time"

	"github.com/gopar/gopar/runtime/interrupt"
)

// TestInterruptStopsLongKernels starts kernels that would run for hours and
// interrupts them, as the kernel does when the user presses stop. Each must
// return; the bound is generous because the test asserts that they stop,
// not how fast.
func TestInterruptStopsLongKernels(t *testing.T) {
	huge := BoundingBox{Width: 2000, Height: 2000, Center: -0.1 + 0.1i, Extent: 0.1 + 0.1i} // inside the set: every pixel runs to maxIter
	tests := []struct {
		name   string
		kernel func() error // returns the kernel's own report, if it has one
	}{
		{"CalcPi", func() error { CalcPi(1 << 50); return nil }},
		{"CalcPiParallel", func() error { CalcPiParallel(1<<50, 2); return nil }},
		{"SumRange", func() error { SumRange(1 << 60); return nil }},
		{"ConditionalSumRange", func() error { ConditionalSumRange(1 << 60); return nil }},
		{"SumRangeC", func() error { _, err := SumRangeC(1 << 60); return ignoreNoCgo(err) }},
		{"Mandelbrot", func() error { return wantInterrupted(Mandelbrot(huge, 1<<30)) }},
		{"MandelbrotParallel", func() error { return wantInterrupted(MandelbrotParallel(huge, 1<<30, 2)) }},
		{"Julia, one pixel of 2^40 iterations", func() error {
			return wantInterrupted(Julia(BoundingBox{Width: 1, Height: 1, Extent: 1e-9 + 1e-9i}, 0, 1<<40))
		}},
		{"JuliaParallel", func() error { return wantInterrupted(JuliaParallel(huge, 0, 1<<30, 3)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			interrupt.Reset()
			defer interrupt.Reset()
			done := make(chan error, 1)
			go func() { done <- tt.kernel() }()
			time.Sleep(50 * time.Millisecond)
			interrupt.Trigger()
			select {
			case err := <-done:
				if err != nil {
					t.Error(err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("kernel still running 5 s after the interrupt")
			}
		})
	}
}

func wantInterrupted(g *IterGrid) error {
	if !errors.Is(g.Err(), ErrInterrupted) {
		return errors.New("interrupted grid does not say so: Err() = nil")
	}
	return nil
}

func ignoreNoCgo(err error) error {
	if errors.Is(err, ErrNoCgo) {
		return nil
	}
	return err
}
