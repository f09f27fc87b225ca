package native

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Interrupt granularity of the fractal kernels, in iterations of z → z²+c
// (about a nanosecond each): a check after each pixel once checkEvery
// iterations have run since the last one, and inside a pixel every
// escapeBlock iterations, for very large maxIter.
const (
	checkEvery  = 1 << 21
	escapeBlock = 1 << 22
)

// Mandelbrot computes the Mandelbrot set on box: for each pixel's c it
// iterates z → z² + c from z = 0 and records the iteration at which |z|²
// reached 4, or maxIter-1 if it never did — exactly the lesson's loop. The
// result has one allocation; when the cell is interrupted it returns early
// and Err reports it.
func Mandelbrot(box BoundingBox, maxIter int) *IterGrid {
	return fractal{box: box, maxIter: maxIter}.run(1)
}

// MandelbrotParallel is Mandelbrot computed by workers goroutines (workers
// < 1 means runtime.NumCPU()). Rows are handed out one at a time to
// whichever worker is free, so the costly rows inside the set are spread
// evenly. The counts are the same as Mandelbrot's.
func MandelbrotParallel(box BoundingBox, maxIter, workers int) *IterGrid {
	return fractal{box: box, maxIter: maxIter}.run(workers)
}

// Julia computes the Julia set of c on box: for each pixel's z it iterates
// z → z² + c from z itself and records the escape iteration like
// Mandelbrot does. The two kernels share their inner loop — the lesson's
// "generalize" exercise.
func Julia(box BoundingBox, c complex128, maxIter int) *IterGrid {
	return fractal{box: box, maxIter: maxIter, julia: true, c: c}.run(1)
}

// JuliaParallel is Julia computed by workers goroutines, like
// MandelbrotParallel.
func JuliaParallel(box BoundingBox, c complex128, maxIter, workers int) *IterGrid {
	return fractal{box: box, maxIter: maxIter, julia: true, c: c}.run(workers)
}

// fractal is one computation: a Mandelbrot set, or the Julia set of c.
type fractal struct {
	box     BoundingBox
	maxIter int
	julia   bool
	c       complex128
}

func (f fractal) run(workers int) *IterGrid {
	g := newIterGrid(f.box, f.maxIter)
	if g.Width == 0 || g.Height == 0 || f.maxIter < 1 {
		return g
	}
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, g.Height)
	stop := newStopper()
	scale := f.box.Scale()

	var next atomic.Int64
	work := func() {
		budget := checkEvery
		for !stop.stopped() {
			j := int(next.Add(1) - 1)
			if j >= g.Height {
				return
			}
			if !f.row(g.values[j*g.Width:(j+1)*g.Width], j, scale, &budget, stop) {
				return
			}
		}
	}
	if workers == 1 {
		work()
	} else {
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				work()
			}()
		}
		wg.Wait()
	}
	if stop.stopped() {
		g.err = ErrInterrupted
	}
	return g
}

// row fills out, row j of the grid. It returns false if the cell was
// interrupted. budget counts iterations down to the next interrupt check.
func (f fractal) row(out []int, j int, scale float64, budget *int, stop stopper) bool {
	w, h := f.box.Width, f.box.Height
	im := imag(f.box.Center) + float64(j-h/2)*scale
	cr, ci := real(f.c), imag(f.c)
	for i := range out {
		re := real(f.box.Center) + float64(i-w/2)*scale
		var k int
		if f.julia {
			k = escape(re, im, cr, ci, f.maxIter, stop)
		} else {
			k = escape(0, 0, re, im, f.maxIter, stop)
		}
		out[i] = k
		if *budget -= k + 1; *budget <= 0 {
			if stop.stopped() {
				return false
			}
			*budget = checkEvery
		}
	}
	return true
}

// escape iterates z → z² + c from z = zr + zi·i and returns the iteration k
// (0-based) after which |z|² ≥ 4, or maxIter-1 if that never happens within
// maxIter iterations. The arithmetic is that of complex128 z*z + c, spelled
// out in float64 so bench/native/mandelbrot.c can do exactly the same; the
// iterations run in blocks so that an absurd maxIter still notices an
// interrupt.
func escape(zr, zi, cr, ci float64, maxIter int, stop stopper) int {
	for k0 := 0; k0 < maxIter; k0 += escapeBlock {
		end := min(maxIter, k0+escapeBlock)
		for k := k0; k < end; k++ {
			zr, zi = zr*zr-zi*zi+cr, 2*zr*zi+ci
			if zr*zr+zi*zi >= 4 {
				return k
			}
		}
		if stop.stopped() {
			break
		}
	}
	return maxIter - 1
}
