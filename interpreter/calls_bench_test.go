package interpreter

import (
	"context"
	"testing"
)

// Calls of each kind a learner writes, 10,000 to a cell, reported per call
// in wall time (ns/call) and in the process's CPU time (cpu-ns/call, which
// a loaded machine inflates less). Profile one with go test -c, then -test.bench CallKinds/fib
// -test.cpuprofile.

const callKindsDecl = `type P struct{ X, Y float64 }

func (p *P) Move(dx float64) { p.X += dx }
func (p P) Norm() float64    { return p.X*p.X + p.Y*p.Y }

type Shape interface{ Area() float64 }
type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

func add(a, b float64) float64 { return a + b }

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

var p = &P{1, 2}
var q = P{1, 2}
var sh Shape = Sq{2}
var addv = add`

// Each loop makes callsPerCell calls; fib(19) makes 2·F(20)−1 = 13,529.
const callsPerCell = 10000

var callKinds = []struct{ name, cell string }{
	{"ptrMethod", "for i := 0; i < 10000; i++ {\n\tp.Move(1)\n}"},
	{"valueMethod", "s := 0.0\nfor i := 0; i < 10000; i++ {\n\ts += q.Norm()\n}"},
	{"ifaceMethod", "s := 0.0\nfor i := 0; i < 10000; i++ {\n\ts += sh.Area()\n}"},
	{"funcByName", "s := 0.0\nfor i := 0; i < 10000; i++ {\n\ts = add(s, 1)\n}"},
	{"funcValue", "s := 0.0\nfor i := 0; i < 10000; i++ {\n\ts = addv(s, 1)\n}"},
	{"closure", "s := 0.0\nk := 1.0\ninc := func(x float64) float64 { return x + k }\nfor i := 0; i < 10000; i++ {\n\ts = inc(s)\n}"},
	{"fib", "fib(19)"},
}

func BenchmarkCallKinds(b *testing.B) {
	for _, k := range callKinds {
		b.Run(k.name, func(b *testing.B) {
			s := benchSession(b)
			ctx := context.Background()
			if _, err := s.Execute(ctx, callKindsDecl); err != nil {
				b.Fatal(err)
			}
			calls := callsPerCell
			if k.name == "fib" {
				calls = 13529
			}
			cpu := processCPU()
			for b.Loop() {
				if _, err := s.Execute(ctx, k.cell); err != nil {
					b.Fatal(err)
				}
			}
			cpu = processCPU() - cpu
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*calls), "ns/call")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*calls), "cpu-ns/call")
		})
	}
}

// BenchmarkGoroutines starts and joins 10,000 goroutines in a cell, as the
// workshop's "start many goroutines" lessons do; per goroutine, ns and
// B/op÷10,000 are the cost of a go statement and its join.
func BenchmarkGoroutines(b *testing.B) {
	s := benchSession(b)
	ctx := context.Background()
	if _, err := s.Execute(ctx, `import "sync"

func work(i int, wg *sync.WaitGroup, out []int) {
	defer wg.Done()
	out[i] = i
}`); err != nil {
		b.Fatal(err)
	}
	cells := []struct{ name, cell string }{
		{"literal", "var wg sync.WaitGroup\nout := make([]int, 10000)\nfor i := range 10000 {\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tout[i] = i\n\t}()\n}\nwg.Wait()"},
		{"func", "var wg sync.WaitGroup\nout := make([]int, 10000)\nfor i := range 10000 {\n\twg.Add(1)\n\tgo work(i, &wg, out)\n}\nwg.Wait()"},
	}
	for _, c := range cells {
		b.Run(c.name, func(b *testing.B) {
			cpu := processCPU()
			for b.Loop() {
				if _, err := s.Execute(ctx, c.cell); err != nil {
					b.Fatal(err)
				}
			}
			cpu = processCPU() - cpu
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*10000), "ns/goroutine")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*10000), "cpu-ns/goroutine")
		})
	}
}
