package interpreter

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// newTestSession starts a session writing into buffers.
func newTestSession(t *testing.T, stdin string) (*Session, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errb bytes.Buffer
	s, err := New(Options{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	if err != nil {
		t.Fatal(err)
	}
	return s, &out, &errb
}

// runAll runs cells in order in s and returns the last one's result. A
// failing cell fails the test, showing the cell and what went to stderr.
func runAll(t *testing.T, s *Session, errb *bytes.Buffer, cells []string) map[string]any {
	t.Helper()
	var res map[string]any
	for i, c := range cells {
		var e *Error
		if res, e = run(t, s, c); e != nil {
			t.Fatalf("cell %d: %v\n%s\nstderr: %s", i+1, e, c, errb)
		}
	}
	return res
}

func run(t *testing.T, s *Session, code string) (map[string]any, *Error) {
	t.Helper()
	res, err := s.Execute(context.Background(), code)
	if err == nil {
		return res, nil
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Execute returned %T, want *Error: %v", err, err)
	}
	return res, e
}

func TestCells(t *testing.T) {
	tests := []struct {
		name   string
		cells  []string // all but the last must succeed
		result string   // text/plain of the last cell ("" = no result)
		stdout string
		stderr string
		stdin  string
	}{
		{name: "trailing expression", cells: []string{"1 + 1"}, result: "2"},
		{name: "no result for statements", cells: []string{"x := 3\n_ = x"}},
		{name: "print calls show nothing", cells: []string{`import "fmt"`, `fmt.Println("hi")`}, stdout: "hi\n"},
		{name: "multi-value result", cells: []string{`import "strconv"`, `strconv.Atoi("x")`}, result: `0 strconv.Atoi: parsing "x": invalid syntax`},
		{name: "multi-value result ending in a nil error", cells: []string{`import "strconv"`, `strconv.Atoi("12")`}},
		{name: "print call through a variable", cells: []string{`import "fmt"`, "p := fmt.Println\np(\"x\")"}, stdout: "x\n"},
		{name: "nil error of a call", cells: []string{"import (\"os\"; \"text/template\")", "t := template.Must(template.New(\"t\").Parse(\"hi {{.}}\\n\"))\nt.Execute(os.Stdout, 1)"}, stdout: "hi 1\n"},
		{name: "stringer result", cells: []string{"type C float64\nfunc (c C) String() string { return \"warm\" }", "C(3)"}, result: "warm"},
		{name: "stringers in a slice", cells: []string{"type C int\nfunc (c C) String() string { return \"c\" }", "[]C{1, 2}"}, result: "[c c]"},
		{name: "error result", cells: []string{"type E struct{}\nfunc (*E) Error() string { return \"bad\" }", "var err error = &E{}\nerr"}, result: "bad"},
		{name: "struct with pointer", cells: []string{"type P struct{ X, Y int }", "&P{1, 2}"}, result: "&{1 2}"},
		{name: "map sorted", cells: []string{"type K int\nfunc (k K) String() string { return \"k\" }", `map[string]K{"b": 2, "a": 1}`}, result: "map[a:k b:k]"},
		{name: "nil", cells: []string{"var s interface{ M() }\ns"}, result: "<nil>"},
		{name: "nil error", cells: []string{"var e error\ne"}},
		{name: "mixed cell", cells: []string{"x := 2\nimport \"fmt\"\nfunc double(n int) int { return 2 * n }\nfmt.Println(double(x))\ntype T struct{}\ndouble(x) + 1"}, result: "5", stdout: "4\n"},
		{name: "reimport", cells: []string{`import "fmt"`, "import \"fmt\"\nfmt.Print(1)"}, stdout: "1"},
		{name: "variables persist", cells: []string{"n := 40", "n += 2", "n"}, result: "42"},
		{name: "redefine variable type", cells: []string{"v := 1", `v := "s"`, "v + \"!\""}, result: "s!"},
		{name: "fmt to os.Stdout", cells: []string{"import (\"fmt\"; \"os\")", `fmt.Fprintln(os.Stdout, "out")`, `os.Stdout.Write([]byte("raw\n"))`}, stdout: "out\nraw\n"},
		{name: "stderr", cells: []string{"import (\"fmt\"; \"os\"; \"log\")", `fmt.Fprintln(os.Stderr, "e1")`, "log.SetFlags(0)\nlog.Println(\"e2\")"}, stderr: "e1\ne2\n"},
		{name: "println of a call's results", cells: []string{"func two() (int, bool) { return 1, true }", "println(two())"}, stderr: "1 true\n"},
		{name: "print and println builtins", cells: []string{`print("p", 1, 2.5, true)`, `println("q", 1, 2.5, 1+2i, []int(nil), map[int]int(nil), error(nil))`}, stderr: "p12.5true" + "q 1 2.5 (1+2i) [0/0]0x0 0x0 (0x0,0x0)\n"}, // to stderr, as the runtime writes
		{name: "goroutine output", cells: []string{"import (\"fmt\"; \"sync\")", "var wg sync.WaitGroup\nwg.Add(1)\ngo func() { defer wg.Done(); fmt.Println(\"g\") }()\nwg.Wait()"}, stdout: "g\n"},
		{name: "fmt.Scan", stdin: "7 8\n", cells: []string{`import "fmt"`, "var a, b int\nfmt.Scan(&a, &b)\na * b"}, result: "56"},
		{name: "bufio on os.Stdin", stdin: "line one\nline two\n", cells: []string{"import (\"bufio\"; \"os\")", "sc := bufio.NewScanner(os.Stdin)\nsc.Scan()\nsc.Scan()\nsc.Text()"}, result: "line two"},
		{name: "bufio reader on os.Stdin", stdin: "abc\n", cells: []string{"import (\"bufio\"; \"os\")", "r := bufio.NewReader(os.Stdin)\ns, _ := r.ReadString('\\n')\ns"}, result: "abc\n"},
		{name: "environment is the process's", cells: []string{`import "os"`, `os.Setenv("GOPAR_TEST", "yes")`, `os.Getenv("GOPAR_TEST") + " " + os.ExpandEnv("$GOPAR_TEST")`}, result: "yes yes"},
		{name: "range over int", cells: []string{"s := 0\nfor i := range 5 { s += i }\ns"}, result: "10"},
		{name: "min max", cells: []string{"x := 4\nmin(x, 2) + max(x, 9)"}, result: "11"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, out, errb := newTestSession(t, tt.stdin)
			res := runAll(t, s, errb, tt.cells)
			got := ""
			if res != nil {
				got, _ = res["text/plain"].(string)
			}
			if got != tt.result {
				t.Errorf("result = %q, want %q", got, tt.result)
			}
			if out.String() != tt.stdout {
				t.Errorf("stdout = %q, want %q", out.String(), tt.stdout)
			}
			if errb.String() != tt.stderr {
				t.Errorf("stderr = %q, want %q", errb.String(), tt.stderr)
			}
		})
	}
}

func TestCellErrors(t *testing.T) {
	tests := []struct {
		name      string
		setup     []string
		cell      string
		errName   string
		wantValue string // substring of Error.Value
	}{
		{name: "os.Exit", setup: []string{`import "os"`}, cell: "os.Exit(3)", errName: "Exit", wantValue: "os.Exit(3)"},
		{name: "log.Fatal", setup: []string{`import "log"`}, cell: `log.Fatal("stop")`, errName: "Exit", wantValue: "os.Exit(1)"},
		{name: "func main with a result", cell: "func main() int { return 0 }", errName: "CompileError", wantValue: "1:1: func main must have no arguments and no return values"},
		{name: "package clause after code", cell: "x := 1\npackage main", errName: "CompileError", wantValue: "2:1: syntax error: package clause must come first"},
		{name: "program exits non-zero", cell: "package main\nimport \"os\"\nfunc main() { os.Exit(3) }", errName: "Exit", wantValue: "os.Exit(3)"},
		{name: "variable used before the statement defining it", cell: "x := y + 1\ny := 2", errName: "CompileError", wantValue: "1:6: undefined: y"},
		{name: "panic", cell: `panic("boom")`, errName: "panic", wantValue: "boom"},
		{name: "panic with cell error type", setup: []string{"type E struct{ s string }\nfunc (e E) Error() string { return \"E: \" + e.s }"}, cell: `panic(E{"x"})`, errName: "panic", wantValue: "E: x"},
		{name: "goroutine panic", setup: []string{`import "time"`}, cell: "go func() { panic(\"in g\") }()\ntime.Sleep(50 * time.Millisecond)", errName: "panic", wantValue: "panic in goroutine: in g [go statement at 1:1]"},
		{name: "parse error", cell: "x := (1 +\n", errName: "CompileError", wantValue: "2:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _ := newTestSession(t, "")
			for _, c := range tt.setup {
				if _, e := run(t, s, c); e != nil {
					t.Fatalf("setup: %v", e)
				}
			}
			_, e := run(t, s, tt.cell)
			if e == nil {
				t.Fatal("no error")
			}
			if e.Name != tt.errName || !strings.Contains(e.Value, tt.wantValue) {
				t.Errorf("got %s: %q, want %s containing %q", e.Name, e.Value, tt.errName, tt.wantValue)
			}
			if len(e.Traceback) == 0 {
				t.Error("no traceback")
			}
			// The session keeps working.
			if res, e := run(t, s, "40 + 2"); e != nil || res["text/plain"] != "42" {
				t.Errorf("after the error: %v %v", res, e)
			}
		})
	}
}

func TestInterrupt(t *testing.T) {
	tests := []struct {
		name    string
		cell    string
		blocked bool // compiled code keeps the cell from stopping
	}{
		{name: "interpreted loop", cell: "for {}"},
		{name: "mutex held", cell: "import \"sync\"\nvar mu sync.Mutex\nmu.Lock()\nmu.Lock()", blocked: true},
		{name: "sleep", cell: "import \"time\"\ntime.Sleep(time.Hour)"},
		{name: "channel wait", cell: "c := make(chan int)\n<-c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _ := newTestSession(t, "")
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() {
				_, err := s.Execute(ctx, tt.cell)
				done <- err
			}()
			time.Sleep(50 * time.Millisecond)
			cancel()
			select {
			case err := <-done:
				if tt.blocked {
					t.Fatalf("a cell blocked in compiled code returned %v", err)
				}
				var e *Error
				if !errors.As(err, &e) || e.Name != "Interrupted" {
					t.Fatalf("got %v, want an Interrupted error", err)
				}
			case <-time.After(2 * time.Second):
				if !tt.blocked {
					t.Fatal("the interrupted cell did not return")
				}
				if _, ok := s.Abandon(); !ok {
					t.Fatal("Abandon declined a cell blocked in its code")
				}
			}
			if _, ok := s.Abandon(); ok {
				t.Error("Abandon gave up on a cell when none was running")
			}
			if res, e := run(t, s, "1 + 2"); e != nil || res["text/plain"] != "3" {
				t.Errorf("after the interrupt: %v %v", res, e)
			}
		})
	}
}

// TestGoexitLeavesNothingToAbandon: a cell that ends its goroutine with
// runtime.Goexit is over; a later Abandon must not give up on it.
func TestGoexitLeavesNothingToAbandon(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Execute(context.Background(), "import \"runtime\"\nruntime.Goexit()")
	}()
	<-done
	if _, ok := s.Abandon(); ok {
		t.Error("Abandon gave up on a cell that Goexit ended")
	}
	if res, e := run(t, s, "1 + 2"); e != nil || res["text/plain"] != "3" {
		t.Errorf("after Goexit: %v %v", res, e)
	}
}

// TestAbandonKeepsTheSession: a cell left blocked keeps what it declared,
// and the session goes on, also once the blocked code unblocks.
func TestAbandonKeepsTheSession(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if _, e := run(t, s, "import \"sync\"\nvar mu sync.Mutex"); e != nil {
		t.Fatal(e)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go s.Execute(ctx, "type pair struct{ a, b int }\nconst k = 21\nmu.Lock()\nmu.Lock()")
	time.Sleep(100 * time.Millisecond)
	cancel()
	time.Sleep(100 * time.Millisecond)
	if _, ok := s.Abandon(); !ok {
		t.Fatal("Abandon declined")
	}
	if res, e := run(t, s, "pair{k, 2 * k}"); e != nil || res["text/plain"] != "{21 42}" {
		t.Errorf("after abandoning: %v %v", res, e)
	}
	// The blocked goroutine unblocks and must not disturb the session.
	if _, e := run(t, s, "mu.Unlock()"); e != nil {
		t.Fatal(e)
	}
	time.Sleep(50 * time.Millisecond)
	if res, e := run(t, s, "x := pair{1, 2}\nx.a + x.b"); e != nil || res["text/plain"] != "3" {
		t.Errorf("after the blocked cell unblocked: %v %v", res, e)
	}
}

func TestRichResult(t *testing.T) {
	tests := []struct {
		name  string
		cells []string
		mime  string
		text  string
	}{
		{name: "cell type with HTML", cells: []string{"type Table struct{ N int }\nfunc (t Table) HTML() string { return \"<b>t</b>\" }", "Table{3}"}, mime: "text/html", text: "{3}"},
		{name: "compiled image", cells: []string{`import "image"`, "image.NewRGBA(image.Rect(0, 0, 2, 2))"}, mime: "image/png"},
		{name: "plot", cells: []string{`import "gonum.org/v1/plot"`, "p := plot.New()\np.Title.Text = \"t\"\np"}, mime: "image/png"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, errb := newTestSession(t, "")
			res := runAll(t, s, errb, tt.cells)
			if _, ok := res[tt.mime]; !ok {
				t.Errorf("no %s in %v", tt.mime, keys(res))
			}
			if text, _ := res["text/plain"].(string); text == "" || tt.text != "" && text != tt.text {
				t.Errorf("text/plain = %q, want %q", text, tt.text)
			}
		})
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestCellsDoNotAccumulate: what a cell compiles is let go once it ran, so
// that a long session's memory does not grow by the cell. (Each cell kept
// some 16 KB of compiled tree before; a cell's position map and its file's
// line table, a few hundred bytes, are what stay.)
func TestCellsDoNotAccumulate(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	perCell := growthPerCell(t, s, func(int) string { return "x := 1 + 1\nx * 2" }, 2000)
	t.Logf("%d bytes a cell", perCell)
	if perCell > 6<<10 {
		t.Errorf("the session grew by %d bytes a cell", perCell)
	}
}

// growthPerCell runs keepMaps cells (past the sources whose position maps
// are kept), then n more, and returns by how much the live heap grew a
// cell over those. cell(i) is the i-th cell's code.
func growthPerCell(t *testing.T, s *Session, cell func(i int) string, n int) int64 {
	t.Helper()
	next := 0
	run := func(count int) {
		for range count {
			if _, err := s.Execute(context.Background(), cell(next)); err != nil {
				t.Fatal(err)
			}
			next++
		}
	}
	run(keepMaps)
	before := liveHeap()
	run(n)
	perCell := (int64(liveHeap()) - int64(before)) / int64(n)
	runtime.KeepAlive(s)
	return perCell
}

// TestLongSession runs cells past the point where the line numbers given to
// generated sources wrap around.
func TestLongSession(t *testing.T) {
	s, out, _ := newTestSession(t, "")
	if _, e := run(t, s, "import \"fmt\"\nfunc half(n int) int { return n / 2 }"); e != nil {
		t.Fatal(e)
	}
	s.evals = 3*lineBlocks - 4
	for i := range 10 {
		if _, e := run(t, s, fmt.Sprintf("fmt.Println(half(%d))", 2*i)); e != nil {
			t.Fatalf("cell %d: %v", i, e)
		}
	}
	if !strings.HasSuffix(out.String(), "8\n9\n") {
		t.Errorf("output %q", out.String())
	}
	_, e := run(t, s, "x := 1\ny := x + \"s\"")
	if e == nil || !strings.HasPrefix(e.Value, "2:6: ") {
		t.Errorf("error after the wrap: %v", e)
	}
}
