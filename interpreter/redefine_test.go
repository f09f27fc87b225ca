package interpreter

import (
	"strings"
	"testing"
)

func TestRedefinition(t *testing.T) {
	tests := []struct {
		name   string
		cells  []string
		result string   // of the last cell
		stderr []string // substrings the session reported
		quiet  bool     // no report expected
	}{
		{
			name:   "func with an earlier caller",
			cells:  []string{"func f() int { return 1 }", "func g() int { return f() * 10 }", "g()", "func f() int { return 2 }", "g()"},
			result: "20", quiet: true,
		},
		{
			name: "func with a caller of the same cell",
			cells: []string{"func area(r float64) float64 { return 3 * r * r }\nfunc disc(r float64) float64 { return area(r) }\nh := func() float64 { return area(1) }",
				"func area(r float64) float64 { return 100 * r * r }", "disc(1) + h()"},
			result: "200", quiet: true,
		},
		{
			name:   "recursive func redefined",
			cells:  []string{"func fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}\nfunc use() int { return fib(10) }", "func fib(n int) int { return -n }", "use()"},
			result: "-10", quiet: true,
		},
		{
			name:   "func with a new signature",
			cells:  []string{"func f() int { return 1 }", "func g() int { return f() }", "func f(x int) int { return x }", "f(5)"},
			result: "5",
			stderr: []string{"removed func g of an earlier cell", "rebuilt the interpreter for the new func f (new signature)"},
		},
		{
			name: "type with methods and users",
			cells: []string{"type P struct{ X int }", "func (p P) Sum() int { return p.X }", "func show(p P) int { return p.Sum() }",
				"p := P{2}\nn := 4", "type P struct{ X, Y int }", "show(P{1, 2}) + n"},
			result: "5",
			stderr: []string{"rebuilt the interpreter for the new type P; recompute p"},
		},
		{
			name: "method",
			cells: []string{"type T int", "func (t T) M() string { return \"a\" }", "func use(t T) string { return t.M() }", "x := 7",
				"func (t T) M() string { return \"b\" }", "use(0) + string(rune('0'+x))"},
			result: "b7",
			stderr: []string{"rebuilt the interpreter for the new method T.M; all variables kept"},
		},
		{
			name: "interface",
			cells: []string{"type Shape interface{ Area() float64 }", "type Sq struct{ S float64 }", "func (s Sq) Area() float64 { return s.S * s.S }",
				"type Shape interface {\n\tArea() float64\n\tName() string\n}\nfunc (s Sq) Name() string { return \"sq\" }",
				"var sh Shape = Sq{2}\nsh.Name()"},
			result: "sq",
			stderr: []string{"rebuilt the interpreter for the new type Shape"},
		},
		{
			name:   "variable used by a func",
			cells:  []string{"v := 1", "func get() int { return v }", "v := 5", "get()"},
			result: "5", quiet: true,
		},
		{
			name:   "variable given a new type",
			cells:  []string{"v := 1", "func get() int { return v }", `v := "s"`, "v"},
			result: "s",
			stderr: []string{"removed func get of an earlier cell"},
		},
		{
			name:   "const",
			cells:  []string{"const N = 3", "func n() int { return N }", "const N = 4", "n()"},
			result: "4",
			stderr: []string{"rebuilt the interpreter for the new const N"},
		},
		{
			name:   "generic func",
			cells:  []string{"func Id[T any](x T) T { return x }", "func call() int { return Id(3) }", "func Id[T any](x T) T {\n\tvar z T\n\treturn z\n}", "call()"},
			result: "0",
			stderr: []string{"rebuilt the interpreter for the new func Id"},
		},
		{
			name: "carried over variables",
			cells: []string{"type A int", "nums := []int{1, 2, 3}\nm := map[string]int{\"a\": 1}\nch := make(chan int)\nvar a A = 3",
				"type A float64", "len(nums) + m[\"a\"]"},
			result: "4",
			stderr: []string{"recompute a, ch"},
		},
		{
			name:   "unchanged type again",
			cells:  []string{"type P struct{ X int }", "func (p P) Get() int { return p.X }", "type P struct{ X int }", "P{3}.Get()"},
			result: "3", quiet: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, errb := newTestSession(t, "")
			res := runAll(t, s, errb, tt.cells)
			if got, _ := res["text/plain"].(string); got != tt.result {
				t.Errorf("result = %q, want %q (stderr %q)", got, tt.result, errb)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(errb.String(), want) {
					t.Errorf("stderr %q lacks %q", errb, want)
				}
			}
			if tt.quiet && errb.Len() > 0 {
				t.Errorf("unexpected report: %q", errb)
			}
			if n := strings.Count(errb.String(), "rebuilt"); n > 1 {
				t.Errorf("rebuilt %d times", n)
			}
		})
	}
}
