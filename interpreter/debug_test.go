package interpreter

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

type debugStop struct {
	goroutine int
	reason    string
}

// debugSession starts a session with the debugger on; cells are known by
// their source.
func debugSession(t *testing.T) (*Session, *bytes.Buffer, chan debugStop) {
	t.Helper()
	var out bytes.Buffer
	s, err := New(Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	return s, &out, startDebug(s)
}

// startDebug turns the debugger on in s and returns where its stops go.
func startDebug(s *Session) chan debugStop {
	stops := make(chan debugStop, 16)
	s.StartDebug(DebugOptions{
		PathOf:  func(code string) string { return "cell:" + code },
		Stopped: func(g int, reason string) { stops <- debugStop{g, reason} },
	})
	return stops
}

// expectStop returns a check that the next stop of goroutine 1 is for the
// reason want at path:line.
func expectStop(t *testing.T, s *Session, stops chan debugStop) func(want string, path string, line int) {
	return func(want string, path string, line int) {
		t.Helper()
		stop := <-stops
		_, top := localsOf(t, s, 1)
		if stop.goroutine != 1 || stop.reason != want || top.Path != path || top.Line != line {
			t.Fatalf("stopped %+v at %s:%d, want %s at %s:%d", stop, top.Path, top.Line, want, path, line)
		}
	}
}

func runAsync(s *Session, code string) chan error {
	return runAsyncIn(context.Background(), s, code)
}

// runAsyncIn runs a cell on another goroutine; cancelling ctx interrupts it.
func runAsyncIn(ctx context.Context, s *Session, code string) chan error {
	done := make(chan error, 1)
	go func() {
		_, err := s.Execute(ctx, code)
		done <- err
	}()
	return done
}

func localsOf(t *testing.T, s *Session, g int) (map[string]DebugVariable, DebugStackFrame) {
	t.Helper()
	stack, err := s.DebugStack(g)
	if err != nil || len(stack) == 0 {
		t.Fatalf("stack of goroutine %d: %v %v", g, stack, err)
	}
	scopes, err := s.DebugScopes(stack[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	vars, err := s.DebugVariables(scopes[0].Ref)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]DebugVariable{}
	for _, v := range vars {
		m[v.Name] = v
	}
	return m, stack[0]
}

func TestDebugBreakpointInEarlierCellOnGoroutine(t *testing.T) {
	s, out, stops := debugSession(t)
	decl := "type pair struct{ a, b int }\n\nfunc work(id int, res chan int) {\n\tp := pair{id, id * 10}\n\tx := p.a + p.b\n\tres <- x\n}\n"
	if _, err := s.Execute(context.Background(), decl); err != nil {
		t.Fatal(err)
	}
	lines, err := s.SetBreakpoints("cell:"+decl, decl, []int{5, 2})
	if err != nil || len(lines) != 1 || lines[0] != 5 {
		t.Fatalf("breakpoints set: %v %v (want [5]: line 2 is blank)", lines, err)
	}
	done := runAsync(s, "import \"fmt\"\nres := make(chan int)\ngo work(4, res)\nfmt.Println(<-res)\n")
	stop := <-stops
	if stop.goroutine == 1 || stop.reason != "breakpoint" {
		t.Fatalf("stopped %+v, want a goroutine other than the cells' at a breakpoint", stop)
	}
	vars, top := localsOf(t, s, stop.goroutine)
	if top.Line != 5 || top.Path != "cell:"+decl || top.Name != "work" {
		t.Fatalf("top frame %+v, want work at line 5 of the first cell", top)
	}
	if vars["id"].Value != "4" || vars["p"].Type != "pair" || vars["p"].Ref == 0 {
		t.Fatalf("locals %+v", vars)
	}
	fields, err := s.DebugVariables(vars["p"].Ref)
	if err != nil || len(fields) != 2 || fields[1].Name != "b" || fields[1].Value != "40" {
		t.Fatalf("fields of p: %+v %v", fields, err)
	}
	threads := s.DebugThreads()
	if len(threads) < 2 {
		t.Fatalf("threads %+v, want the cells' goroutine and the worker", threads)
	}
	if err := s.DebugStep(stop.goroutine, "next"); err != nil {
		t.Fatal(err)
	}
	stop = <-stops
	vars, top = localsOf(t, s, stop.goroutine)
	if stop.reason != "step" || top.Line != 6 || vars["x"].Value != "44" {
		t.Fatalf("after next: %+v at %+v, x = %+v", stop, top, vars["x"])
	}
	if v, err := s.DebugEvaluate(top.ID, "p.b"); err != nil || v.Value != "40" {
		t.Fatalf("evaluate p.b: %+v %v", v, err)
	}
	if err := s.DebugContinue(stop.goroutine); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "44\n" {
		t.Fatalf("output %q", got)
	}
}

func TestDebugBreakpointInRunningCell(t *testing.T) {
	s, out, stops := debugSession(t)
	cell := "import \"fmt\"\ntotal := 0\nfor i := range 3 {\n\ttotal += i\n}\nfmt.Println(total)\n"
	if _, err := s.SetBreakpoints("cell:"+cell, cell, []int{4}); err != nil {
		t.Fatal(err)
	}
	done := runAsync(s, cell)
	for want := 0; want < 3; want++ {
		stop := <-stops
		if stop.goroutine != 1 {
			t.Fatalf("stopped %+v, want the cells' goroutine", stop)
		}
		vars, top := localsOf(t, s, 1)
		if top.Line != 4 || vars["i"].Value != itoa(want) {
			t.Fatalf("iteration %d: at %+v with %+v", want, top, vars)
		}
		if err := s.DebugContinue(1); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if out.String() != "3\n" {
		t.Fatalf("output %q", out.String())
	}
}

func TestDebugInterruptWhileStopped(t *testing.T) {
	s, _, stops := debugSession(t)
	cell := "x := 1\nfmt.Println(x)\n"
	if _, err := s.SetBreakpoints("cell:"+cell, cell, []int{2}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := runAsyncIn(ctx, s, cell)
	<-stops
	cancel()
	s.DebugInterrupted()
	if err := <-done; err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("interrupted cell returned %v", err)
	}
	s.StopDebug()
	if _, err := s.Execute(context.Background(), "y := 2\n_ = y\n"); err != nil {
		t.Fatalf("a cell after the interrupt: %v", err)
	}
}

// Stepping into a func, over its lines and out of it, with the debugger on
// before the func is declared and after: a func declared before the
// debugger came had its steps that do nothing skipped when it was made,
// and the debugger still sees each of them.
func TestDebugStepInAndOut(t *testing.T) {
	for _, attachFirst := range []bool{true, false} {
		t.Run(map[bool]string{true: "debugger first", false: "func first"}[attachFirst], func(t *testing.T) {
			var out bytes.Buffer
			s, err := New(Options{Stdout: &out, Stderr: &out})
			if err != nil {
				t.Fatal(err)
			}
			var stops chan debugStop
			if attachFirst {
				stops = startDebug(s)
			}
			decl := "func add(a, b int) int {\n\ts := a + b\n\tt := s\n\tfor i := 0; i < 2; i++ {\n\t\tt += i\n\t}\n\treturn t\n}\n"
			if _, err := s.Execute(context.Background(), decl); err != nil {
				t.Fatal(err)
			}
			if !attachFirst {
				stops = startDebug(s)
			}
			cell := "import \"fmt\"\nx := 1\ny := add(x, 2)\nfmt.Println(y)\n"
			if _, err := s.SetBreakpoints("cell:"+cell, cell, []int{3}); err != nil {
				t.Fatal(err)
			}
			done := runAsync(s, cell)
			at := expectStop(t, s, stops)
			at("breakpoint", "cell:"+cell, 3)
			for _, step := range []struct {
				how  string
				path string
				line int
			}{
				{"stepIn", "cell:" + decl, 2},
				{"next", "cell:" + decl, 3},
				{"next", "cell:" + decl, 4},
				{"next", "cell:" + decl, 5},
				{"next", "cell:" + decl, 4},
				{"next", "cell:" + decl, 5},
				{"next", "cell:" + decl, 4},
				{"next", "cell:" + decl, 7},
				{"stepOut", "cell:" + cell, 3},
				{"next", "cell:" + cell, 4},
			} {
				if err := s.DebugStep(1, step.how); err != nil {
					t.Fatal(err)
				}
				at("step", step.path, step.line)
			}
			if err := s.DebugContinue(1); err != nil {
				t.Fatal(err)
			}
			if err := <-done; err != nil || out.String() != "4\n" {
				t.Fatalf("cell ended with %v, printed %q", err, out.String())
			}
		})
	}
}

func TestDebugPauseARunningGoroutine(t *testing.T) {
	s, _, stops := debugSession(t)
	cell := "n := 0\nfor {\n\tn++\n}\n"
	if _, err := s.SetBreakpoints("cell:"+cell, cell, []int{1}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := runAsyncIn(ctx, s, cell)
	<-stops
	if err := s.DebugContinue(1); err != nil {
		t.Fatal(err)
	}
	if err := s.DebugPause(0); err != nil {
		t.Fatal(err)
	}
	stop := <-stops
	_, top := localsOf(t, s, 1)
	n, err := s.DebugEvaluate(top.ID, "n")
	if stop.reason != "pause" || (top.Line != 2 && top.Line != 3) || err != nil || n.Type != "int" {
		t.Fatalf("paused %+v at line %d with n = %+v (%v), want in the loop", stop, top.Line, n, err)
	}
	cancel()
	s.DebugInterrupted()
	if err := <-done; err == nil {
		t.Fatal("the interrupted loop ended without an error")
	}
}

// A func after other declarations of its cell, with a doc comment, keeps
// the cell's line numbers (the session's line directive is no part of the
// doc comment it prints).
func TestDebugBreakpointInFuncWithDocComment(t *testing.T) {
	s, _, stops := debugSession(t)
	decl := "import (\n\t\"fmt\"\n)\n\n// square runs on a goroutine of its own.\nfunc square(n int, out chan<- int) {\n\tsq := n * n\n\tout <- sq\n}"
	if _, err := s.Execute(context.Background(), decl); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetBreakpoints("cell:"+decl, decl, []int{7}); err != nil {
		t.Fatal(err)
	}
	done := runAsync(s, "out := make(chan int)\ngo square(7, out)\nfmt.Println(\"got\", <-out)")
	stop := <-stops
	if _, top := localsOf(t, s, stop.goroutine); top.Name != "square" || top.Line != 7 {
		t.Fatalf("stopped at %+v, want square at line 7", top)
	}
	if err := s.DebugContinue(stop.goroutine); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// evalCell declares what TestDebugEvaluate* evaluate with: a type with
// methods, and a func whose frame has a scalar, a slice, a map and a
// struct.
const evalCell = `import "fmt"

type rect struct{ W, H int }

func (r rect) Area() int { return r.W * r.H }

func (r *rect) Grow() { r.W++ }

func (r rect) String() string { return fmt.Sprintf("%dx%d", r.W, r.H) }

func work(n int, xs []int, m map[string]int) int {
	p := rect{n, 2}
	i := 1
	return n + len(xs) + m["a"] + p.Area() + i
}
`

// stopInWork runs work(3, ...) with a breakpoint on its return and
// returns the frame it stopped in; done ends with the cell.
func stopInWork(t *testing.T) (s *Session, fid int, finish func() string) {
	t.Helper()
	s, out, stops := debugSession(t)
	if _, err := s.Execute(context.Background(), evalCell); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetBreakpoints("cell:"+evalCell, evalCell, []int{14}); err != nil {
		t.Fatal(err)
	}
	done := runAsync(s, "limit := 10\nfmt.Println(work(3, []int{4, 5, 6}, map[string]int{\"a\": 7}))\n")
	stop := <-stops
	_, top := localsOf(t, s, stop.goroutine)
	if top.Line != 14 {
		t.Fatalf("stopped at %+v", top)
	}
	return s, top.ID, func() string {
		if err := s.DebugContinue(stop.goroutine); err != nil {
			t.Fatal(err)
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
}

func TestDebugEvaluateExpressions(t *testing.T) {
	s, fid, finish := stopInWork(t)
	for expr, want := range map[string]string{
		"n*2":                     "6",
		"len(xs) > 2":             "true",
		"xs[i] + 1":               "6",
		"p.Area()":                "6",
		"fmt.Sprint(m)":           `"map[a:7]"`,
		"fmt.Sprint(p)":           `"3x2"`,
		"float64(n) / 2":          "1.5",
		"n == 3 && m[\"a\"] == 7": "true",
		"limit - n":               "7", // a variable of the running cell
		"xs[1:]":                  "[5 6]",
		"rect{1, 1}.Area()":       "1",
	} {
		v, err := s.DebugEvaluate(fid, expr)
		if err != nil || v.Value != want {
			t.Errorf("%s = %q, %v; want %s", expr, v.Value, err, want)
		}
	}
	// A call changes what it changes (p, through a pointer receiver), and
	// nothing else does.
	if _, err := s.DebugEvaluate(fid, "p.Grow"); err != nil {
		t.Fatalf("p.Grow: %v", err)
	}
	if v, err := s.DebugEvaluate(fid, "p.W"); err != nil || v.Value != "3" {
		t.Fatalf("p.W after evaluating p.Grow (not calling it): %q %v", v.Value, err)
	}
	if _, err := s.DebugEvaluate(fid, "func() int { p.Grow(); return 0 }()"); err != nil {
		t.Fatalf("calling p.Grow: %v", err)
	}
	if v, err := s.DebugEvaluate(fid, "p.Area()"); err != nil || v.Value != "8" {
		t.Fatalf("p.Area() after p.Grow(): %q %v", v.Value, err)
	}
	for expr, want := range map[string]string{
		"nosuch + 1": "cannot evaluate nosuch + 1: undefined: nosuch",
		"n +":        "cannot evaluate n +: expected operand",
		"xs[7]":      "xs[7] panicked: runtime error: index out of range [7] with length 3",
	} {
		_, err := s.DebugEvaluate(fid, expr)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", expr, err, want)
		}
	}
	if got := finish(); got != "22\n" {
		t.Fatalf("output %q", got)
	}
}

// A breakpoint set in a cell of funcs before it runs stops the calls of the
// func, not the cell declaring it: the code the session generates to
// assign the cell's funcs is on no line of the cell.
func TestDebugBreakpointSetBeforeTheDeclaringCellRuns(t *testing.T) {
	s, _, stops := debugSession(t)
	if _, err := s.SetBreakpoints("cell:"+evalCell, evalCell, []int{14}); err != nil {
		t.Fatal(err)
	}
	done := runAsync(s, evalCell)
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case stop := <-stops:
		stack, _ := s.DebugStack(stop.goroutine)
		s.StopDebug()
		<-done
		t.Fatalf("the declaring cell stopped at %+v", stack)
	}
	done = runAsync(s, "fmt.Println(work(1, nil, nil))\n")
	stop := <-stops
	if _, top := localsOf(t, s, stop.goroutine); top.Name != "work" || top.Line != 14 {
		t.Fatalf("stopped at %+v", top)
	}
	if err := s.DebugContinue(stop.goroutine); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// loopCell calls step five times from a loop; a breakpoint on line 4 is in
// step.
const loopCell = `import "fmt"

func step(i int) int {
	sq := i * i
	return sq
}

total := 0
for i := range 5 {
	total += step(i)
}
fmt.Println("total", total)
`

// stopsAt runs loopCell with bp and returns the values of i where it
// stopped, continuing each time, and what the cell printed.
func stopsAt(t *testing.T, bp Breakpoint) ([]string, string) {
	t.Helper()
	s, out, stops := debugSession(t)
	why, err := s.SetBreakpointSpecs("cell:"+loopCell, loopCell, []Breakpoint{bp})
	if err != nil || why[0] != "" {
		t.Fatalf("breakpoint %+v: %q %v", bp, why, err)
	}
	done := runAsync(s, loopCell)
	var at []string
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			return at, out.String()
		case stop := <-stops:
			vars, _ := localsOf(t, s, stop.goroutine)
			at = append(at, vars["i"].Value)
			if err := s.DebugContinue(stop.goroutine); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestDebugConditionalBreakpoint(t *testing.T) {
	at, out := stopsAt(t, Breakpoint{Line: 4, Condition: "i%2 == 1 && i > 1"})
	if strings.Join(at, ",") != "3" || out != "total 30\n" {
		t.Fatalf("stopped with i = %v, printed %q", at, out)
	}
}

func TestDebugHitCondition(t *testing.T) {
	for cond, want := range map[string]string{"3": "2", ">=4": "3,4", "%2": "1,3", "<2": "0"} {
		if at, _ := stopsAt(t, Breakpoint{Line: 4, HitCondition: cond}); strings.Join(at, ",") != want {
			t.Errorf("hit condition %s stopped with i = %v, want %s", cond, at, want)
		}
	}
	// With a condition, the hits counted are those where it holds.
	if at, _ := stopsAt(t, Breakpoint{Line: 4, Condition: "i > 0", HitCondition: "2"}); strings.Join(at, ",") != "2" {
		t.Errorf("stopped with i = %v, want 2", at)
	}
}

func TestDebugLogPoint(t *testing.T) {
	at, out := stopsAt(t, Breakpoint{Line: 4, LogMessage: "step {i}: {i*i} {{literal}} {fmt.Sprint([]int{i})} {nosuch}"})
	if len(at) != 0 {
		t.Fatalf("a log point stopped with i = %v", at)
	}
	want := ""
	for i := range 5 {
		want += fmt.Sprintf("step %d: %d {literal} [%d] {cannot evaluate nosuch: undefined: nosuch}\n", i, i*i, i)
	}
	if out != want+"total 30\n" {
		t.Fatalf("printed %q, want %q", out, want+"total 30\n")
	}
}

func TestDebugBadBreakpointConditions(t *testing.T) {
	s, out, stops := debugSession(t)
	why, err := s.SetBreakpointSpecs("cell:"+loopCell, loopCell, []Breakpoint{
		{Line: 4, Condition: "i >"}, {Line: 5, HitCondition: "often"}, {Line: 4, LogMessage: "{i"}, {Line: 10, Condition: "i + 1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"the condition is not a Go expression: expected operand", "is not a count", "without its }", ""} {
		if want == "" && why[i] != "" || !strings.Contains(why[i], want) {
			t.Errorf("breakpoint %d: %q, want %q", i, why[i], want)
		}
	}
	// A condition that is not a bool stops, and says why.
	done := runAsync(s, loopCell)
	stop := <-stops
	if err := s.DebugPause(0); err != nil {
		t.Fatal(err)
	}
	s.StopDebug()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "breakpoint at line 10: the condition i + 1 is not a bool but int") {
		t.Fatalf("goroutine %d stopped; printed %q", stop.goroutine, out.String())
	}
}

// Turning the debugger off while the cells' goroutine is stopped lets the
// cell finish as if it had never stopped.
func TestDebugStopWhileACellIsStopped(t *testing.T) {
	s, out, stops := debugSession(t)
	if _, err := s.SetBreakpoints("cell:"+loopCell, loopCell, []int{10}); err != nil {
		t.Fatal(err)
	}
	done := runAsync(s, loopCell)
	if stop := <-stops; stop.goroutine != 1 {
		t.Fatalf("stopped %+v", stop)
	}
	s.StopDebug()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if out.String() != "total 30\n" {
		t.Fatalf("printed %q", out.String())
	}
}
