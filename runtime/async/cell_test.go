package async_test

import (
	"strings"
	"testing"

	"github.com/gopar/gopar/runtime/internal/celltest"
)

func TestCellGathersPartialSums(t *testing.T) {
	out := celltest.Run(t, `
package main

import (
	"errors"
	"fmt"
	"time"
	"gopar/async"
)

func main() {
	const n, parts = 1_000_000, 10
	futs := make([]*async.Future, parts)
	for p := 0; p < parts; p++ {
		lo, hi := p*n/parts, (p+1)*n/parts
		// A closure literal handed straight to a compiled function sees
		// the loop's last values in yaegi (traefik/yaegi#1634); naming it
		// first does not.
		partial := func() any {
			s := 0
			for i := lo; i < hi; i++ {
				s += i
			}
			fmt.Println("part done:", lo)
			return s
		}
		futs[p] = async.Go(partial)
	}
	total := 0
	for _, s := range async.Gather(futs...).AwaitInts() {
		total += s
	}
	fmt.Println("total:", total)

	_, err := async.Go(func() any { panic("inside a future") }).AwaitErr()
	fmt.Println("error:", err)

	sem := async.NewSemaphore(2)
	t := async.StartTimer()
	v := sem.Go(func() any { async.Sleep(1); return 41 }).AwaitInt() + 1
	fmt.Println("throttled:", v, t.Elapsed() > 0)

	slow := func() any { async.Sleep(time.Second); return "slow" }
	quick := func() any { return "quick" }
	for f := range async.AsCompleted(async.Go(slow), async.Go(quick)) {
		fmt.Println("completed:", f.Await())
		break
	}
	_, err = async.WithTimeout(async.Go(slow), 10*time.Millisecond).AwaitErr()
	fmt.Println("timeout:", errors.Is(err, async.ErrTimeout))
}
`)
	if !strings.Contains(out, "total: 499999500000\n") {
		t.Errorf("wrong total:\n%s", out)
	}
	if n := strings.Count(out, "part done:"); n != 10 {
		t.Errorf("%d of 10 lines printed inside futures reached the output:\n%s", n, out)
	}
	if !strings.Contains(out, "error: panic: inside a future") {
		t.Errorf("the panic was not the future's error:\n%s", out)
	}
	for _, want := range []string{"throttled: 42 true\n", "completed: quick\n", "timeout: true\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
