package native

import (
	"testing"
)

// The lesson's sizes are in bench/native, which also times the same
// algorithms in C; these are smaller, for quick comparisons while editing.

var benchBox = BoundingBox{Width: 256, Height: 256, Center: -1.1195 + 0.2718i, Extent: 0.005 + 0.005i}

var benchSink int64

func BenchmarkCalcPi(b *testing.B) {
	for range b.N {
		CalcPi(1_000_000)
	}
}

func BenchmarkCalcPiParallel(b *testing.B) {
	for range b.N {
		CalcPiParallel(1_000_000, 0)
	}
}

func BenchmarkSumRange(b *testing.B) {
	for range b.N {
		benchSink += SumRange(10_000_000)
	}
}

func BenchmarkConditionalSumRange(b *testing.B) {
	for range b.N {
		benchSink += ConditionalSumRange(10_000_000)
	}
}

func BenchmarkSumRangeC(b *testing.B) {
	if !CAvailable {
		b.Skip(ErrNoCgo)
	}
	for range b.N {
		s, _ := SumRangeC(10_000_000)
		benchSink += s
	}
}

func BenchmarkConditionalSumRangeC(b *testing.B) {
	if !CAvailable {
		b.Skip(ErrNoCgo)
	}
	for range b.N {
		s, _ := ConditionalSumRangeC(10_000_000)
		benchSink += s
	}
}

func BenchmarkMandelbrot(b *testing.B) {
	for range b.N {
		Mandelbrot(benchBox, 1024)
	}
}

func BenchmarkMandelbrotParallel(b *testing.B) {
	for range b.N {
		MandelbrotParallel(benchBox, 1024, 0)
	}
}

func BenchmarkJulia(b *testing.B) {
	box := BoundingBox{Width: 256, Height: 256, Extent: 4 + 3i}
	for range b.N {
		Julia(box, -1.1193+0.2718i, 256)
	}
}

func BenchmarkImage(b *testing.B) {
	g := Mandelbrot(benchBox, 1024)
	b.ResetTimer()
	for range b.N {
		g.Image(ImageOptions{CubeRoot: true})
	}
}

// BenchmarkFFICall is the cost of one call into a learner's library
// through Load/Func/Call, for a C function that does almost nothing.
func BenchmarkFFICall(b *testing.B) {
	lib, err := Load(buildTestLibrary(b))
	if err != nil {
		b.Fatal(err)
	}
	defer lib.Close()
	f, err := lib.Func("sum_range", "func(int64) int64")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		f.Call(1)
	}
}
