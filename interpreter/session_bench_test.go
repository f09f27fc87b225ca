package interpreter

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"testing"
)

// sessionCells is how many small cells BenchmarkLongSession runs before it
// measures: a workshop day of live coding. GOPAR_BENCH_SESSION_CELLS
// changes it.
func sessionCells() int {
	if n, err := strconv.Atoi(os.Getenv("GOPAR_BENCH_SESSION_CELLS")); err == nil && n >= 0 {
		return n
	}
	return 5000
}

// smallCell is the i-th of a session's small cells: in turn a variable, a
// func and a type, each with a name of its own, as a live-coded session
// declares them.
func smallCell(i int) string {
	n := itoa(i)
	switch i % 3 {
	case 0:
		return "var v" + n + " = " + n
	case 1:
		return "func f" + n + "(x int) int { return x + " + n + " }"
	default:
		return "type T" + n + " struct{ A, B int }"
	}
}

// BenchmarkLongSession times a small declaration cell, a cell declaring a
// func again and a trivial cell at the start of a session and after sessionCells() small cells, and reports
// how much the heap's live data grew per small cell (live-B/cell). Per-cell
// work must not grow with the session. bench/session measures the same
// through a kernel, against ipykernel.
func BenchmarkLongSession(b *testing.B) {
	for _, after := range []int{0, sessionCells()} {
		name := "after-" + itoa(after)
		ctx := context.Background()
		// prepare starts a session and runs the small cells; it returns
		// how much the heap grew per cell.
		prepare := func(b *testing.B) (*Session, float64) {
			s := benchSession(b)
			before := liveHeap()
			for i := range after {
				if _, err := s.Execute(ctx, smallCell(i)); err != nil {
					b.Fatal(err)
				}
			}
			if after == 0 {
				return s, 0
			}
			return s, float64(int64(liveHeap())-int64(before)) / float64(after)
		}
		// b.Loop drops metrics reported before it.
		report := func(b *testing.B, perCell float64) {
			if after > 0 {
				b.ReportMetric(perCell, "live-B/cell")
			}
		}
		b.Run("decl/"+name, func(b *testing.B) {
			s, perCell := prepare(b)
			next := after
			for b.Loop() {
				if _, err := s.Execute(ctx, smallCell(next)); err != nil {
					b.Fatal(err)
				}
				next++
			}
			report(b, perCell)
		})
		// A cell declaring again what an earlier one declared, as
		// re-running an edited cell does: still checked with everything.
		b.Run("redecl/"+name, func(b *testing.B) {
			s, perCell := prepare(b)
			i := 0
			for b.Loop() {
				i++
				if _, err := s.Execute(ctx, "func again(x int) int { return x + "+itoa(i)+" }"); err != nil {
					b.Fatal(err)
				}
			}
			report(b, perCell)
		})
		b.Run("trivial/"+name, func(b *testing.B) {
			s, perCell := prepare(b)
			for b.Loop() {
				if _, err := s.Execute(ctx, "1+1"); err != nil {
					b.Fatal(err)
				}
			}
			report(b, perCell)
		})
	}
}

// liveHeap is the heap's live data, after collecting what is not.
func liveHeap() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
