package interpreter

import (
	"go/token"
	"strings"
	"testing"
)

// TestCheckBaseReuse checks that cells are checked against the earlier
// cells' package without checking those again: cells that declare nothing
// leave it as it is, new declarations and variables extend it, and it is
// built again only when something it holds is redefined.
func TestCheckBaseReuse(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	must := func(code string) {
		t.Helper()
		if _, e := run(t, s, code); e != nil {
			t.Fatalf("%s: %v", code, e)
		}
	}
	must(`import "fmt"`)
	must("type P struct{ x int }\nfunc (p P) double() int { return 2 * p.x }")
	must("p := P{3}")
	must("p.double()")
	base := s.base
	if base == nil || !base.ok {
		t.Fatalf("no usable base after a trivial cell: %+v", base)
	}
	scopes := base.pkg.Scope().NumChildren()
	must("fmt.Sprint(p.x)")
	must("p = P{4}") // assigns a variable, declares nothing
	if s.base != base {
		t.Error("base built again though nothing was declared")
	}
	// Each cell's file scope is dropped from the package once checked:
	// kept, they would grow the worker with the session.
	if n := base.pkg.Scope().NumChildren(); n != scopes {
		t.Errorf("the base's package scope has %d file scopes after two more cells, had %d", n, scopes)
	}
	fset := token.NewFileSet()
	reservePositions(fset, s.base.fset.Base())
	pc, err := parseCellIn(fset, "p.double() + 1")
	if err != nil {
		t.Fatal(err)
	}
	if c := s.checkAgainstBase(pc); c == nil || c.base != base {
		t.Error("a trivial cell is not checked against the base")
	}

	for _, step := range []struct {
		cell    string
		rebuilt bool
	}{
		{"func f() int { return 1 }", false}, // a new func: checked into the base
		{"q := 2", false},                    // a new variable
		{"type Q struct{ p P }\nfunc (q Q) get() P { return q.p }", false}, // a type with its methods
		{`import "strings"`, false},                                        // imports are the cell file's business
		{"func f() int { return 2 }", false},                               // declared again with its signature
		{"func f() string { return \"\" }", true},                          // a redefinition
		{"q := \"s\"", true},                                               // a variable of another type
		{"func (p P) triple() int { return 3 * p.x }", true},               // a method of an earlier type
	} {
		must(step.cell)
		must("p.double()")
		if rebuilt := s.base != base; rebuilt != step.rebuilt {
			t.Errorf("after %q: base built again %v, want %v", step.cell, rebuilt, step.rebuilt)
		}
		base = s.base
	}
	if err := s.Bind("k", 5); err != nil {
		t.Fatal(err)
	}
	must("k + p.triple() + len(f()) + len(q) + Q{p}.get().x")
	if s.base != base {
		t.Error("base built again after Bind")
	}
	if s.base.globals["k"] != "int" {
		t.Errorf("the base does not hold the bound variable: %v", s.base.globals)
	}
}

// TestCheckBaseCells runs sessions whose cells alternate between those
// checked against the base and those checked with everything.
func TestCheckBaseCells(t *testing.T) {
	tests := []struct {
		name   string
		cells  []string
		result string // of the last cell
	}{
		{"unexported field and method", []string{"type P struct{ x int }", "func (p P) dbl() int { return p.x * 2 }", "p := P{x: 3}", "p.x + p.dbl()"}, "9"},
		{"generic func", []string{"func Map[T, U any](xs []T, f func(T) U) []U {\n\tvar out []U\n\tfor _, x := range xs {\n\t\tout = append(out, f(x))\n\t}\n\treturn out\n}",
			"Map([]int{1, 2}, func(i int) int { return i * 10 })", "len(Map([]string{\"a\"}, func(s string) string { return s + s })[0])"}, "2"},
		{"func redefined", []string{"func f() int { return 1 }", "f()", "func f() string { return \"a\" }", "f() + \"b\""}, "ab"},
		{"type redefined", []string{"type T struct{ A int }", "T{A: 2}.A", "type T struct{ B string }", "T{B: \"q\"}.B"}, "q"},
		{"variable retyped", []string{"x := 1", "x + 1", `x := "s"`, `x + "t"`}, "st"},
		{"variable then func of the same name", []string{"g := 1", "g + 1", "func g() int { return 7 }", "g()"}, "7"},
		{"func then variable of the same name", []string{"func h() int { return 7 }", "h()", "h := 8", "h"}, "8"},
		{"method added to an earlier type", []string{"type N int", "N(2)", "func (n N) Twice() N { return n * 2 }", "N(2).Twice()"}, "4"},
		{"interface from an earlier cell", []string{"type Shape interface{ Area() int }", "type Sq int", "func (s Sq) Area() int { return int(s * s) }", "var sh Shape = Sq(3)\nsh.Area()"}, "9"},
		{"label and closure", []string{"func add(a, b int) int { return a + b }", "n := 0\nouter:\nfor i := range 3 {\n\tfor j := range 3 {\n\t\tif j == 2 {\n\t\t\tcontinue outer\n\t\t}\n\t\tn = add(n, i*j)\n\t}\n}\nfunc() { n++ }()\nn"}, "4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, errb := newTestSession(t, "")
			res := runAll(t, s, errb, tt.cells)
			if got, _ := res["text/plain"].(string); got != tt.result {
				t.Errorf("result = %q, want %q (stderr %q)", got, tt.result, errb)
			}
		})
	}
}

// TestCheckBaseErrors checks that errors in cells checked against the base
// read as they did when every cell was checked with everything.
func TestCheckBaseErrors(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	for _, c := range []string{`import "fmt"`, "func f(n int) int { return n }", "v := f(2)", "v + 1"} {
		if _, e := run(t, s, c); e != nil {
			t.Fatalf("%s: %v", c, e)
		}
	}
	tests := []struct{ cell, kind, want string }{
		{"a := 1\nb := nope + a", "CompileError", "2:6: undefined: nope"},
		{"\n\nf(\"s\")", "CompileError", `3:3: cannot use "s" (untyped string constant) as int value in argument to f`},
		{"w := 1", "", ""},
		{"fmt.Println(w)\nw := 2", "", ""}, // a later definition of a variable already made
		{"xs := []int{v}\nxs[3]", "panic", "runtime error: index out of range [3] with length 1"},
		{"v.x", "CompileError", "1:3: v.x undefined (type int has no field or method x)"},
	}
	for _, tt := range tests {
		_, e := run(t, s, tt.cell)
		switch {
		case tt.kind == "" && e != nil:
			t.Errorf("%q: %v", tt.cell, e)
		case tt.kind == "":
		case e == nil:
			t.Errorf("%q: no error", tt.cell)
		default:
			first, _, _ := strings.Cut(e.Value, "\n")
			if e.Name != tt.kind || first != tt.want {
				t.Errorf("%q: got %s %q, want %s %q", tt.cell, e.Name, first, tt.kind, tt.want)
			}
		}
	}
}

// TestCheckBaseAgreesWithCheckingEverything runs sessions as learners and
// instructors write them, declaring, redefining, mistyping and re-running,
// once checked against the base and once with every cell checked against
// everything, and requires the same answer from every cell: its value, its
// error, what it printed.
func TestCheckBaseAgreesWithCheckingEverything(t *testing.T) {
	sessions := map[string][]string{
		"a type, its methods in later cells, an interface": {
			`import "fmt"`, "type Point struct{ X, Y float64 }", "p := Point{3, 4}",
			"func (p Point) Norm() float64 { return p.X*p.X + p.Y*p.Y }", "p.Norm()",
			"type Shape interface{ Norm() float64 }", "var s Shape = p\ns.Norm()",
			"func (p *Point) Scale(k float64) { p.X *= k; p.Y *= k }", "p.Scale(2)\nfmt.Println(p)",
		},
		"a func edited and run again": {
			"func area(w, h int) int { return w * h }", "area(2, 3)",
			"func area(w, h int) int { return w * h * 1 }", "area(2, 3)",
			"func area(w, h float64) float64 { return w * h }", "area(2, 3.5)",
			"func area(w, h float64) float64 { return w * h }", "area(1, 1)",
		},
		"a func declared again with its signature": {
			"func fact(n int) int {\n\tif n < 2 {\n\t\treturn 1\n\t}\n\treturn n * fact(n-1)\n}", "func twice(n int) int { return 2 * fact(n) }", "twice(4)",
			"func fact(n int) int {\n\tif n < 2 {\n\t\treturn 1\n\t}\n\tr := 1\n\tfor i := 2; i <= n; i++ {\n\t\tr *= i\n\t}\n\treturn r * fact(1)\n}", "twice(5)",
			"func fact(n int) (r int) { r = n; return }", "twice(3)",
			"func fact(n int) int { return \"x\" }", "twice(3)", "func fact(n int) int { return undefinedName }",
			"func fact(n int) int { return n }\nfunc twice(n int) int { return 3 * fact(n) }\ntwice(2)",
			"func fact(n int) int { return 1 }\nfunc fact(n int) int { return 2 }", "func fact(n int) int { return 1 }\nfact := 3\nfact",
			"func fact(n, m int) int { return n * m }", "fact(2, 3)", "twice(1)",
		},
		"mistakes and their fixes": {
			"func half(n int) int { return n / 2 }", "half(\"x\")", "undefinedName + 1",
			"func broken() int { return \"s\" }", "broken()", "func broken() int { return 4 }", "broken() + half(4)",
			"x := 1\nx := 2", "y := 5\ny",
		},
		"variables across cells": {
			"n := 10", "total := 0\nfor i := range n {\n\ttotal += i\n}\ntotal", "func addN(k int) int { return k + n }", "addN(1)",
			"n = 20", "addN(1)", "n := 2.5", "n * 2", "var names []string", "names = append(names, \"a\")\nlen(names)",
		},
		"generics, consts, closures": {
			"func Sum[T int | float64](xs []T) T {\n\tvar s T\n\tfor _, x := range xs {\n\t\ts += x\n\t}\n\treturn s\n}",
			"Sum([]int{1, 2, 3})", "const Limit = 3", "Sum([]float64{0.5, Limit})",
			"counter := func() func() int { c := 0; return func() int { c++; return c } }()", "counter() + counter()",
			"type Stack[T any] struct{ items []T }", "func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }",
			"st := &Stack[int]{}\nst.Push(Limit)\nlen(st.items)",
		},
		"a type redefined under its users": {
			"type Item struct{ Name string }", "func label(i Item) string { return i.Name }", "label(Item{\"a\"})",
			"type Item struct{ Name string; Qty int }", "label(Item{\"b\", 2})",
			"type Item struct{ ID int }", "Item{ID: 7}.ID",
		},
		"imports in the middle": {
			"func up(s string) string { return s + \"!\" }", `import "strings"`, "strings.ToUpper(up(\"go\"))",
			`import str "strings"`, "str.Repeat(\"ab\", 2)", "func strings() int { return 1 }",
		},
		"goroutines and channels": {
			`import "sync"`, "func worker(id int, out chan<- int, wg *sync.WaitGroup) {\n\tdefer wg.Done()\n\tout <- id * id\n}",
			"var wg sync.WaitGroup\nout := make(chan int, 4)\nfor i := range 4 {\n\twg.Add(1)\n\tgo worker(i, out, &wg)\n}\nwg.Wait()\nclose(out)\nsum := 0\nfor v := range out {\n\tsum += v\n}\nsum",
			"type Job struct{ N int }", "func (j Job) Run() int { return j.N * 2 }", "Job{21}.Run()",
		},
	}
	type answer struct{ value, err, out string }
	runSession := func(cells []string, everything bool) []answer {
		s, out, errb := newTestSession(t, "")
		s.checkEverything = everything
		var got []answer
		for _, code := range cells {
			out.Reset()
			errb.Reset()
			res, e := run(t, s, code)
			a := answer{out: out.String() + errb.String()}
			if v, ok := res["text/plain"].(string); ok {
				a.value = v
			}
			if e != nil {
				a.err = e.Name + ": " + e.Value
			}
			got = append(got, a)
		}
		return got
	}
	for name, cells := range sessions {
		t.Run(name, func(t *testing.T) {
			withBase, everything := runSession(cells, false), runSession(cells, true)
			for i := range cells {
				if withBase[i] != everything[i] {
					t.Errorf("cell %d %q:\nagainst the base:   %+v\nagainst everything: %+v", i+1, cells[i], withBase[i], everything[i])
				}
			}
		})
	}
}
