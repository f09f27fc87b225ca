package jit

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// bind does what the %%native magic does with a module: give the
// interpreter its symbol table and evaluate its stubs.
func bind(t testing.TB, i *interp.Interpreter, m *Module) {
	t.Helper()
	if err := i.Use(m.Exports()); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(m.Stubs()); err != nil {
		t.Fatalf("stubs: %v\n%s", err, m.Stubs())
	}
}

func TestLaterCellsCallCompiledFunctions(t *testing.T) {
	for _, mode := range []Mode{Plugin, Process} {
		t.Run(mode.String(), func(t *testing.T) {
			m := compile(t, lessonCell, mode)
			i := interp.New(interp.Options{})
			if err := i.Use(stdlib.Symbols); err != nil {
				t.Fatal(err)
			}
			bind(t, i, m)
			tests := []struct {
				cell string
				want any
			}{
				{`sumRange(1000)`, int64(1000 * 999 / 2)},
				{`func twice(n int64) int64 { return 2 * sumRange(n) }`, nil},
				{`twice(10)`, int64(90)},
				{`q, err := divide(9, 3)`, nil},
				{`q`, 3},
				{`err == nil`, true},
				{`grid := [][]float64{make([]float64, 2)}`, nil},
				{`fill(grid, 1.5)`, nil},
				{`grid[0][1]`, 1.5},
				{`len(count("x", "y", "x"))`, 2},
			}
			for _, tt := range tests {
				v, err := i.Eval(tt.cell)
				if err != nil {
					t.Fatalf("%s: %v", tt.cell, err)
				}
				if tt.want != nil && (!v.IsValid() || !reflect.DeepEqual(v.Interface(), tt.want)) {
					t.Errorf("%s = %v, want %v", tt.cell, v, tt.want)
				}
			}
			v, err := i.Eval(`calcPi(100_000)`)
			if err != nil || math.Abs(v.Float()-math.Pi) > 0.05 {
				t.Errorf("calcPi(1e5) = %v, %v", v, err)
			}
			if mode == Plugin {
				v, err := i.Eval(`apply(func(x int) int { return x * x }, 12)`)
				if err != nil || v.Int() != 144 {
					t.Errorf("apply with an interpreted func = %v, %v", v, err)
				}
			}
		})
	}
}

func TestStubs(t *testing.T) {
	m := compile(t, "func scale(xs []float64, _ float64, by ...int) []float64 { return xs }\nfunc hello() {}\n", Process)
	stubs := m.Stubs()
	pkg := m.PackageName()
	for _, want := range []string{
		`import ` + pkg + ` "gopar/jit/` + pkg + `"`,
		"func scale(xs []float64, p1 float64, by ...int) []float64 { return " + pkg + ".scale(xs, p1, by...) }",
		"func hello() { " + pkg + ".hello() }",
	} {
		if !strings.Contains(stubs, want) {
			t.Errorf("stubs lack %q:\n%s", want, stubs)
		}
	}
}
