package interpreter

import (
	"strings"
	"testing"
)

// TestDeclarationCellsDoNotAccumulate runs small declaration cells (a
// variable, a func, a type) and checks what the session keeps of each: the
// interpreter's compiled declarations, what the checker holds of them and
// the position maps, not whole trees and sources.
func TestDeclarationCellsDoNotAccumulate(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	perCell := growthPerCell(t, s, smallCell, 1500)
	t.Logf("%d bytes a cell", perCell)
	// Each kept the whole tree of its source, some 9.6 KB a cell.
	if perCell > 6000 {
		t.Errorf("the session grew by %d bytes a declaration cell", perCell)
	}
}

// TestClosureOfAnEarlierCell panics in a func literal an earlier cell's
// statements made: the source of those statements is kept for it.
func TestClosureOfAnEarlierCell(t *testing.T) {
	s, _, errb := newTestSession(t, "")
	runAll(t, s, errb, []string{"var g func() int", "xs := []int{1}\ng = func() int {\n\treturn xs[3]\n}", "func h() int { return g() }"})
	_, e := run(t, s, "h()")
	if e == nil {
		t.Fatal("no panic")
	}
	tb := strings.Join(e.Traceback, "\n")
	for _, want := range []string{"index out of range [3] with length 1", "in the cell (defined in an earlier cell)\n  in h (defined in an earlier cell)\n  in the cell"} {
		if !strings.Contains(tb, want) {
			t.Errorf("traceback lacks %q:\n%s", want, tb)
		}
	}
}

// TestEarlierTypesAndFuncs uses what earlier cells declared after the
// interpreter let their written forms go: a struct type's fields, a func's
// parameters, a variable of a func type.
func TestEarlierTypesAndFuncs(t *testing.T) {
	s, out, errb := newTestSession(t, "")
	cells := []string{
		`import "fmt"`,
		"type P struct {\n\tX, Y int `json:\"y\"`\n\tname string\n}",
		"func add(a, b int) (sum int) { return a + b }",
		"var op func(int, int) int",
		"op = add",
		"func (p P) Sum() int { return add(p.X, p.Y) }",
		"type Q struct {\n\tP\n\tZ int\n}",
		"q := Q{P: P{X: 1, Y: 2, name: \"a\"}, Z: 3}\nfmt.Printf(\"%+v %v %d %d\\n\", q, q.P, q.Sum(), op(q.X, q.Z))",
		"func add(a, b int) (sum int) { return a*10 + b }",
		"fmt.Println(q.Sum(), op(1, 2), add(1, 2))",
		"op = func(a, b int) int { return a - b }\nfmt.Println(op(1, 2))",
		"func add(a, b, c int) int { return a + b + c }",
		"fmt.Println(add(1, 2, 3))",
	}
	runAll(t, s, errb, cells)
	// op holds the add it was given, as a variable holds a func value.
	want := "{P:{X:1 Y:2 name:a} Z:3} {1 2 a} 3 4\n12 3 12\n-1\n6\n"
	if got := out.String(); got != want {
		t.Fatalf("output %q, want %q", got, want)
	}
	// A changed signature is checked against the func's users: the
	// method that called add with two arguments no longer compiles.
	if _, e := run(t, s, "q.Sum()"); e == nil || !strings.Contains(e.Value, "q.Sum undefined") {
		t.Fatalf("calling a method whose func changed signature: %v", e)
	}
}

// TestDebugFuncDeclaredBeforeTheDebugger stops in a func declared before
// the debugger was on, and reads its parameters and a struct's fields.
func TestDebugFuncDeclaredBeforeTheDebugger(t *testing.T) {
	s, out, errb := newTestSession(t, "")
	decl := "type pair struct{ a, b int }\n\nfunc work(id int, res chan int) {\n\tp := pair{id, id * 10}\n\tx := p.a + p.b\n\tres <- x\n}\n"
	runAll(t, s, errb, []string{decl})
	stops := make(chan debugStop, 16)
	s.StartDebug(DebugOptions{
		PathOf:  func(code string) string { return "cell:" + code },
		Stopped: func(g int, reason string) { stops <- debugStop{g, reason} },
	})
	if lines, err := s.SetBreakpoints("cell:"+decl, decl, []int{5}); err != nil || len(lines) != 1 {
		t.Fatalf("breakpoints set: %v %v", lines, err)
	}
	done := runAsync(s, "import \"fmt\"\nres := make(chan int)\ngo work(4, res)\nfmt.Println(<-res)\n")
	stop := <-stops
	vars, top := localsOf(t, s, stop.goroutine)
	if top.Line != 5 || top.Name != "work" || vars["id"].Value != "4" || vars["p"].Ref == 0 {
		t.Fatalf("stopped at %+v with locals %+v", top, vars)
	}
	fields, err := s.DebugVariables(vars["p"].Ref)
	if err != nil || len(fields) != 2 || fields[1].Name != "b" || fields[1].Value != "40" {
		t.Fatalf("fields of p: %+v %v", fields, err)
	}
	if err := s.DebugContinue(stop.goroutine); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.HasSuffix(got, "44\n") {
		t.Fatalf("output %q", got)
	}
}
