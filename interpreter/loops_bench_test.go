package interpreter

import (
	"context"
	"testing"
)

// The naive loops of the workshop's episodes, run as cells: where to start
// when profiling the interpreter (go test -bench Loops -cpuprofile).
// bench/kernel compares them with CPython through a real kernel.

const calcPiCell = `import "math/rand"

func calcPi(n int) float64 {
	m := 0
	for i := 0; i < n; i++ {
		x := rand.Float64()*2 - 1
		y := rand.Float64()*2 - 1
		if x*x+y*y < 1.0 {
			m++
		}
	}
	return 4 * float64(m) / float64(n)
}`

const mandelbrotCell = `func mandelbrot(width, height, maxIter int, center, extent complex128) int {
	scale := max(real(extent)/float64(width), imag(extent)/float64(height))
	total := 0
	for j := 0; j < height; j++ {
		for i := 0; i < width; i++ {
			c := center + complex(float64(i-width/2), float64(j-height/2))*complex(scale, 0)
			z := complex(0, 0)
			k := 0
			for k = 0; k < maxIter; k++ {
				z = z*z + c
				if real(z)*real(z)+imag(z)*imag(z) > 4.0 {
					break
				}
			}
			total += min(k, maxIter-1)
		}
	}
	return total
}`

func benchLoop(b *testing.B, decl, call string, check func(string) bool) {
	s := benchSession(b)
	ctx := context.Background()
	if _, err := s.Execute(ctx, decl); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		res, err := s.Execute(ctx, call)
		if err != nil {
			b.Fatal(err)
		}
		if got, _ := res["text/plain"].(string); !check(got) {
			b.Fatalf("%s = %s", call, got)
		}
	}
}

func BenchmarkLoopsCalcPi(b *testing.B) {
	benchLoop(b, calcPiCell, "calcPi(1_000_000)", func(pi string) bool { return len(pi) > 3 && pi[:3] == "3.1" })
}

// The sum of all counts is what `go run` computes for the same code.
func BenchmarkLoopsMandelbrot(b *testing.B) {
	benchLoop(b, mandelbrotCell, "mandelbrot(256, 256, 256, -0.8+0i, 3+3i)", func(sum string) bool { return sum == "3050149" })
}
