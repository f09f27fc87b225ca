package native_test

import (
	"reflect"
	"testing"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gopar/gopar/runtime/native"
	"github.com/gopar/gopar/symbols"
	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// newCellInterpreter returns a yaegi interpreter that sees the standard
// library and gopar's symbol tables, as notebook cells do.
func newCellInterpreter(t testing.TB) *interp.Interpreter {
	t.Helper()
	i := interp.New(interp.Options{})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := i.Use(symbols.Symbols); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(`import "gopar/native"`); err != nil {
		t.Fatalf("import gopar/native: %v", err)
	}
	return i
}

func eval(t *testing.T, i *interp.Interpreter, src string) reflect.Value {
	t.Helper()
	v, err := i.Eval(src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return v
}

// TestKernelsFromACell runs the exported API from interpreted code, the way
// a notebook uses it, and checks the answers against compiled calls.
func TestKernelsFromACell(t *testing.T) {
	i := newCellInterpreter(t)
	eval(t, i, `
box := native.BoundingBox{Width: 48, Height: 32, Center: -0.8, Extent: 3 + 2i}
serial := native.Mandelbrot(box, 100)
parallel := native.MandelbrotParallel(box, 100, 2)
julia := native.JuliaParallel(box, -0.8+0.156i, 100, 0)
parts := box.Split(2)
grids := []*native.IterGrid{}
for _, p := range parts {
	grids = append(grids, native.Mandelbrot(p, 100))
}
combined, err := native.Combine(grids, 2)
img := serial.Image(native.ImageOptions{CubeRoot: true})
plt := serial.Plot(native.ImageOptions{})
`)
	box := native.BoundingBox{Width: 48, Height: 32, Center: -0.8, Extent: 3 + 2i}
	want := native.Mandelbrot(box, 100)
	for _, name := range []string{"serial", "parallel"} {
		if g := eval(t, i, name).Interface().(*native.IterGrid); !g.Equal(want) {
			t.Errorf("%s from a cell differs from the compiled call", name)
		}
	}
	if g := eval(t, i, "julia").Interface().(*native.IterGrid); !g.Equal(native.Julia(box, -0.8+0.156i, 100)) {
		t.Error("Julia from a cell differs from the compiled call")
	}
	if err := eval(t, i, "err"); !err.IsNil() {
		t.Errorf("Combine from a cell: %v", err)
	}
	if g := eval(t, i, "combined").Interface().(*native.IterGrid); g.Width != 48 || g.Height != 32 {
		t.Errorf("combined grid is %d×%d", g.Width, g.Height)
	}
	if b := eval(t, i, "img.Bounds()").Interface(); b.(interface{ Dx() int }).Dx() != 48 {
		t.Errorf("image bounds %v", b)
	}
	if got := eval(t, i, `plt.X.Label.Text`).String(); got != "Re(c)" {
		t.Errorf("plot x label %q", got)
	}

	checks := []struct {
		expr string
		want any
	}{
		{"native.SumRange(1000)", int64(499500)},
		{"native.ConditionalSumRange(10)", int64(18)},
		{"native.SumRanges([]int64{3, 4, 5})[2]", int64(10)},
		{"native.CalcPiSeeded(100000, 3)", native.CalcPiSeeded(100000, 3)},
		{"native.CalcPiParallelSeeded(100000, 2, 3)", native.CalcPiSeeded(100000, 3)},
		{"box.Scale()", box.Scale()},
		{"len(box.Grid())", 32},
		{"serial.At(0, 0)", want.At(0, 0)},
		{"len(serial.Rows())", 32},
		{"native.Viridis(1).G", uint8(231)},
	}
	for _, c := range checks {
		if got := eval(t, i, c.expr).Interface(); got != c.want {
			t.Errorf("%s = %v (%T), want %v (%T)", c.expr, got, got, c.want, c.want)
		}
	}
	if pi := eval(t, i, "native.CalcPiParallel(1000000, 0)").Float(); pi < 3.1 || pi > 3.2 {
		t.Errorf("CalcPiParallel from a cell: %v", pi)
	}
	if !native.CAvailable {
		return
	}
	eval(t, i, `sC, errC := native.SumRangeC(1000)`)
	if got := eval(t, i, "sC").Int(); got != 499500 {
		t.Errorf("SumRangeC from a cell: %d", got)
	}
}

// TestLearnersLibraryFromACell is the lesson's ctypes example, in Go.
func TestLearnersLibraryFromACell(t *testing.T) {
	path := native.BuildTestLibrary(t)
	i := newCellInterpreter(t)
	eval(t, i, `lib, err := native.Load(`+"`"+path+"`"+`)`)
	if err := eval(t, i, "err"); !err.IsNil() {
		t.Fatalf("Load from a cell: %v", err)
	}
	eval(t, i, `sumRange, err := lib.Func("sum_range", "func(int64) int64")`)
	if err := eval(t, i, "err"); !err.IsNil() {
		t.Fatalf("Func from a cell: %v", err)
	}
	eval(t, i, `
high := 1000000
bruteForce, err := sumRange.Call(high)
fromFormula := int64(high * (high - 1) / 2)
difference := fromFormula - bruteForce.(int64)
x := []float64{1, 2, 3}
dot, _ := lib.Func("dot", "func(x, y []float64) float64")
d, _ := dot.CallFloat64(x, x)
`)
	if got := eval(t, i, "difference").Int(); got != 0 {
		t.Errorf("brute force and formula differ by %d", got)
	}
	if got := eval(t, i, "d").Float(); got != 14 {
		t.Errorf("dot(x, x) = %v, want 14", got)
	}
}

// BenchmarkCallFromCell measures what calling a native kernel from
// interpreted code adds: an interpreted loop calling native.SumRange(1), an
// interpreted loop doing comparable work without the call, and the same
// calls from compiled code. The difference of the first two is the cost of
// the call itself.
func BenchmarkCallFromCell(b *testing.B) {
	i := newCellInterpreter(b)
	if _, err := i.Eval(`
func callKernel(n int) int64 {
	var s int64
	for k := 0; k < n; k++ {
		s += native.SumRange(1)
	}
	return s
}

func noCall(n int) int64 {
	var s int64
	for k := 0; k < n; k++ {
		s += int64(k & 1)
	}
	return s
}`); err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"callKernel", "noCall"} {
		v, err := i.Eval(name)
		if err != nil {
			b.Fatal(err)
		}
		f := v.Interface().(func(int) int64)
		b.Run("interpreted/"+name, func(b *testing.B) { f(b.N) })
	}
	b.Run("compiled/callKernel", func(b *testing.B) {
		var s int64
		for range b.N {
			s += native.SumRange(1)
		}
		sink = s
	})
}

var sink int64
