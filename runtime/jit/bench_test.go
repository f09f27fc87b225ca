package jit

import (
	"context"
	"testing"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gopar/gopar/runtime/native"
	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// benchCell is the lesson's naive calc_pi, once with the global generator
// and once with a PCG of its own (the class native.CalcPi's xoroshiro is
// in), written in the Go yaegi runs unaided, so the very same source is
// timed compiled and interpreted.
const benchCell = `import "math/rand/v2"

func calcPi(n int) float64 {
	m := 0
	for i := 0; i < n; i++ {
		x := rand.Float64()*2 - 1
		y := rand.Float64()*2 - 1
		if x*x+y*y < 1 {
			m++
		}
	}
	return 4 * float64(m) / float64(n)
}

func calcPiPCG(n int) float64 {
	r := rand.New(rand.NewPCG(1, 2))
	m := 0
	for i := 0; i < n; i++ {
		x := r.Float64()*2 - 1
		y := r.Float64()*2 - 1
		if x*x+y*y < 1 {
			m++
		}
	}
	return 4 * float64(m) / float64(n)
}

func one(n int) int { return n }
`

func benchModule(b *testing.B, mode Mode) *Module {
	m, err := CompileMode(context.Background(), benchCell, b.TempDir(), mode)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Close() })
	return m
}

// BenchmarkCalcPi1e7 times calcPi(1e7): compiled by %%native (plugin and
// helper process), native.CalcPi, and the same source interpreted. The
// interpreted run takes seconds: use -benchtime=1x.
func BenchmarkCalcPi1e7(b *testing.B) {
	const n = 10_000_000
	for _, mode := range []Mode{Plugin, Process} {
		m := benchModule(b, mode)
		for _, name := range []string{"calcPi", "calcPiPCG"} {
			f := m.Funcs()[name].(func(int) float64)
			b.Run(mode.String()+"/"+name, func(b *testing.B) {
				for b.Loop() {
					f(n)
				}
			})
		}
	}
	b.Run("native.CalcPi", func(b *testing.B) {
		for b.Loop() {
			native.CalcPi(n)
		}
	})
	b.Run("interpreted/calcPi", func(b *testing.B) {
		i := interp.New(interp.Options{})
		if err := i.Use(stdlib.Symbols); err != nil {
			b.Fatal(err)
		}
		if _, err := i.Eval(benchCell); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := i.Eval("calcPi(10_000_000)"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCallOverhead times one call of a function that returns its
// argument: from compiled Go, and from interpreted code (the way cells
// call), into the plugin and into the helper process.
func BenchmarkCallOverhead(b *testing.B) {
	for _, mode := range []Mode{Plugin, Process} {
		m := benchModule(b, mode)
		f := m.Funcs()["one"].(func(int) int)
		b.Run(mode.String()+"/from-go", func(b *testing.B) {
			for b.Loop() {
				f(1)
			}
		})
		b.Run(mode.String()+"/from-interpreter", func(b *testing.B) {
			i := interp.New(interp.Options{})
			bind(b, i, m)
			// One Eval runs b.N calls, so the Eval's own cost is not
			// counted.
			if _, err := i.Eval("func loop(n int) { for k := 0; k < n; k++ { one(k) } }"); err != nil {
				b.Fatal(err)
			}
			loop, err := i.Eval("loop")
			if err != nil {
				b.Fatal(err)
			}
			run := loop.Interface().(func(int))
			b.ResetTimer()
			run(b.N)
		})
		// Without the stub: the package's function called directly.
		b.Run(mode.String()+"/from-interpreter-direct", func(b *testing.B) {
			i := interp.New(interp.Options{})
			bind(b, i, m)
			src := "func loopDirect(n int) { for k := 0; k < n; k++ { " + m.PackageName() + ".one(k) } }"
			if _, err := i.Eval(src); err != nil {
				b.Fatal(err)
			}
			loop, err := i.Eval("loopDirect")
			if err != nil {
				b.Fatal(err)
			}
			run := loop.Interface().(func(int))
			b.ResetTimer()
			run(b.N)
		})
	}
	b.Run("interpreted-func/from-interpreter", func(b *testing.B) {
		i := interp.New(interp.Options{})
		if _, err := i.Eval("func one(n int) int { return n }\nfunc loop(n int) { for k := 0; k < n; k++ { one(k) } }"); err != nil {
			b.Fatal(err)
		}
		loop, err := i.Eval("loop")
		if err != nil {
			b.Fatal(err)
		}
		run := loop.Interface().(func(int))
		b.ResetTimer()
		run(b.N)
	})
}
