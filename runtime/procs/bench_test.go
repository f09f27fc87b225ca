package procs

import (
	"fmt"
	"sync"
	"testing"

	"github.com/gopar/gopar/runtime/async"
	"github.com/gopar/gopar/runtime/native"
)

// The costs the episode compares: starting processes, a call's round trip
// through a process against a goroutine's, and sending data.

func BenchmarkPoolStartClose(b *testing.B) {
	for b.Loop() {
		p, err := NewPool(1)
		if err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}

func BenchmarkApplyNoop(b *testing.B) {
	p, err := NewPool(1)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	for b.Loop() {
		if _, err := p.Apply("noop"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGoroutineNoop(b *testing.B) {
	for b.Loop() {
		async.Go(func() any { return nil }).Await()
	}
}

func BenchmarkApplyEcho(b *testing.B) {
	p, err := NewPool(1)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	for _, n := range []int{1 << 7, 1 << 17} { // 1 KiB and 1 MiB of float64
		data := make([]float64, n)
		for i := range data {
			data[i] = float64(i) + 0.5
		}
		b.Run(fmt.Sprintf("%dKiB", n*8>>10), func(b *testing.B) {
			b.SetBytes(int64(2 * 8 * n))
			for b.Loop() {
				if _, err := p.Apply("echo", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// calc_pi(1e6) four times over two workers: processes against goroutines.
func BenchmarkCalcPi4x1e6(b *testing.B) {
	args := []any{1_000_000, 1_000_000, 1_000_000, 1_000_000}
	b.Run("pool", func(b *testing.B) {
		p, err := NewPool(2)
		if err != nil {
			b.Fatal(err)
		}
		defer p.Close()
		for b.Loop() {
			if _, err := p.Map("calc_pi", args); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("goroutines", func(b *testing.B) {
		for b.Loop() {
			var wg sync.WaitGroup
			for range args {
				wg.Go(func() { native.CalcPi(1_000_000) })
			}
			wg.Wait()
		}
	})
}
