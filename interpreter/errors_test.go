package interpreter

import (
	"strings"
	"testing"
)

// TestLearnerMistakes checks the wording and position of the errors
// learners meet most: the Go compiler's own words, at the cell's line and
// column.
func TestLearnerMistakes(t *testing.T) {
	tests := []struct {
		name  string
		setup string
		cell  string
		kind  string
		want  string // the first line of Error.Value
	}{
		{"undefined variable", `import "fmt"`, "x := 1\nfmt.Println(y)", "CompileError", "2:13: undefined: y"},
		{"undefined in an expression", "", "z := undefinedq + 1", "CompileError", "1:6: undefined: undefinedq"},
		{"unused variable in a func", "", "func f() {\n\tx := 1\n}", "CompileError", "2:2: declared and not used: x"},
		{"wrong type", "", `var s string = 5`, "CompileError", "1:16: cannot use 5 (untyped int constant) as string value in variable declaration"},
		{"missing return", "", "func f() int {\n\tif true {\n\t\treturn 1\n\t}\n}", "CompileError", "5:1: missing return"},
		{"not enough arguments", `import "strings"`, `strings.Repeat("a")`, "CompileError", "1:19: not enough arguments in call to strings.Repeat"},
		{"no new variables", "", "a := 1\na := 2", "CompileError", "2:3: no new variables on left side of :="},
		{"no such method", "", "m := map[string]int{}\nm.Add(1)", "CompileError", "2:3: m.Add undefined (type map[string]int has no field or method Add)"},
		{"mismatched types", "", "f := 1.5\nn := 2\nf * n", "CompileError", "3:1: invalid operation: f * n (mismatched types float64 and int)"},
		{"missing brace", "", "for i := 0; i < 3; i++ {\n\ti++\n", "CompileError", "3:1: syntax error: unexpected EOF, expected }"},
		{"call of a non-func", "", "k := 3\nk()", "CompileError", "2:1: invalid operation: cannot call k (variable of type int): int is not a function"},
		{"index out of range", "", "a := []int{1, 2}\na[5]", "panic", "runtime error: index out of range [5] with length 2"},
		{"nil map", "", "var m map[string]int\nm[\"a\"] = 1", "panic", "assignment to entry in nil map"},
		{"division by zero", "", "d := 0\n10 / d", "panic", "runtime error: integer divide by zero"},
		{"nil pointer", "type P struct{ X int }", "var p *P\np.X", "panic", "runtime error: invalid memory address or nil pointer dereference"},
		{"type assertion", "", "var v any = \"s\"\nv.(int)", "panic", "interface conversion: interface {} is string, not int"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _ := newTestSession(t, "")
			if tt.setup != "" {
				if _, e := run(t, s, tt.setup); e != nil {
					t.Fatalf("setup: %v", e)
				}
			}
			_, e := run(t, s, tt.cell)
			if e == nil {
				t.Fatal("no error")
			}
			first, _, _ := strings.Cut(e.Value, "\n")
			if e.Name != tt.kind || first != tt.want {
				t.Errorf("got %s %q\nwant %s %q", e.Name, first, tt.kind, tt.want)
			}
			// The traceback, all JupyterLab shows, is headed by the
			// error's name (which the kernel colours), as a panic's is.
			if len(e.Traceback) == 0 || !strings.HasPrefix(e.Traceback[0], tt.kind+": "+tt.want) {
				t.Errorf("traceback %q is not headed by %q", e.Traceback, tt.kind+": "+tt.want)
			}
		})
	}
}

// TestPanicTraceback checks that a panic names the funcs it went through.
func TestPanicTraceback(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if _, e := run(t, s, "func inner(a []int) int { return a[3] }\nfunc outer() int { return inner([]int{1}) }"); e != nil {
		t.Fatal(e)
	}
	_, e := run(t, s, "outer()")
	if e == nil {
		t.Fatal("no panic")
	}
	tb := strings.Join(e.Traceback, "\n")
	for _, want := range []string{"panic: runtime error: index out of range", "in inner (defined in an earlier cell)", "in outer (defined in an earlier cell)", "in the cell"} {
		if !strings.Contains(tb, want) {
			t.Errorf("traceback lacks %q:\n%s", want, tb)
		}
	}
}
