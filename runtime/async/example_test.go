package async_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/gopar/gopar/runtime/async"
)

// calcPi is the lesson's Monte Carlo estimate of π from n random points.
func calcPi(n int, seed uint64) float64 {
	r := rand.New(rand.NewPCG(seed, 1))
	m := 0
	for range n {
		x, y := r.Float64()*2-1, r.Float64()*2-1
		if x*x+y*y < 1 {
			m++
		}
	}
	return 4 * float64(m) / float64(n)
}

// The lesson's calc_pi_split: ten estimates in parallel, then their mean.
func ExampleGather() {
	futs := make([]*async.Future, 10)
	for i := range futs {
		futs[i] = async.Go(func() any { return calcPi(100_000, uint64(i)) })
	}
	pis := async.Gather(futs...).AwaitFloats()
	sum := 0.0
	for _, pi := range pis {
		sum += pi
	}
	fmt.Printf("%d estimates, mean %.1f\n", len(pis), sum/float64(len(pis)))
	// Output: 10 estimates, mean 3.1
}

// A panic inside a future does not kill the kernel: it becomes the
// future's error.
func ExampleFuture_AwaitErr() {
	f := async.Go(func() any {
		var empty []int
		return empty[0]
	})
	_, err := f.AwaitErr()
	var p *async.PanicError
	fmt.Println(errors.As(err, &p))
	// Output: true
}

// Throttle the work to two at a time, as the lesson's domain splitting does
// with asyncio.Semaphore.
func ExampleSemaphore_Go() {
	sem := async.NewSemaphore(2)
	futs := make([]*async.Future, 6)
	for i := range futs {
		futs[i] = sem.Go(func() any { return i * i })
	}
	fmt.Println(async.Gather(futs...).AwaitInts())
	// Output: [0 1 4 9 16 25]
}

func ExampleWithTimeout() {
	slow := async.Go(func() any { async.Sleep(time.Second); return "late" })
	_, err := async.WithTimeout(slow, 10*time.Millisecond).AwaitErr()
	fmt.Println(errors.Is(err, async.ErrTimeout), errors.Is(slow.Err(), async.ErrCancelled))
	// Output: true true
}

func ExampleAsCompleted() {
	futs := []*async.Future{
		async.Go(func() any { async.Sleep(40 * time.Millisecond); return "Earth" }),
		async.Go(func() any { return "Moon" }),
	}
	for f := range async.AsCompleted(futs...) {
		fmt.Println(f.Await())
	}
	// Output:
	// Moon
	// Earth
}

// The lesson's timer for asynchronous code.
func ExampleStartTimer() {
	t := async.StartTimer()
	async.Sleep(20 * time.Millisecond)
	fmt.Println(t.Elapsed() >= 20*time.Millisecond)
	// Output: true
}
