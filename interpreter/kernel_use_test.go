package interpreter

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"
)

// The timing magics compile literals that use package time in sessions
// whose cells never imported it.
func TestCompileWithoutTimeImported(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if _, e := run(t, s, "func work(n int) int {\n\ts := 0\n\tfor i := 0; i < n; i++ {\n\t\ts += i\n\t}\n\treturn s\n}"); e != nil {
		t.Fatal(e)
	}
	f, err := s.Compile("func(n int) time.Duration {\n\tt0 := time.Now()\n\tfor i := 0; i < n; i++ {\n\t\twork(10)\n\t}\n\treturn time.Since(t0)\n}")
	if err != nil {
		t.Fatal(err)
	}
	timed, ok := f.(func(int) time.Duration)
	if !ok {
		t.Fatalf("Compile returned %T", f)
	}
	if d := timed(10); d <= 0 {
		t.Errorf("timed 10 loops: %v", d)
	}
}

// After an interrupted loop, functions defined earlier still run.
func TestFuncsWorkAfterInterruptedLoop(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if _, e := run(t, s, "func square(x int) int { return x * x }"); e != nil {
		t.Fatal(e)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := s.Execute(ctx, "n := 0\nfor {\n\tn++\n}")
	var e *Error
	if !errors.As(err, &e) || e.Name != "Interrupted" {
		t.Fatalf("got %v, want Interrupted", err)
	}
	if res, e := run(t, s, "square(7)"); e != nil || res["text/plain"] != "49" {
		t.Errorf("square(7) after the interrupt = %v, %v", res, e)
	}
}

// A learner completing a std package member before importing it gets the
// members, as the conformance suite's samples expect.
func TestCompleteUnimportedStdPackage(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	matches, start, end := s.Complete("fmt.Printl", 10)
	if len(matches) != 1 || matches[0] != "Println" || start != 4 || end != 10 {
		t.Errorf("Complete(fmt.Printl) = %v [%d:%d], want [Println] [4:10]", matches, start, end)
	}
}

// Values of compiled runtime types live on in later cells: a future made in
// one cell is awaited in the next (cells import gopar/async, whose Go
// package path is github.com/gopar/gopar/runtime/async).
func TestRuntimeValuesAcrossCells(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if _, e := run(t, s, "import \"gopar/async\"\nf := async.Go(func() any { return 6 * 7 })"); e != nil {
		t.Fatal(e)
	}
	if res, e := run(t, s, "f.AwaitInt()"); e != nil || res["text/plain"] != "42" {
		t.Errorf("awaiting in the next cell: %v, %v", res, e)
	}
	if _, e := run(t, s, "func wait(g *async.Future) int { return g.AwaitInt() }"); e != nil {
		t.Fatal(e)
	}
	if res, e := run(t, s, "wait(f)"); e != nil || res["text/plain"] != "42" {
		t.Errorf("a func taking the runtime type: %v, %v", res, e)
	}
}

// After a crash the kernel replays a snapshot into a fresh session; a
// variable whose type comes from a package imported by name and hidden
// import alike must not break the replay.
func TestRestoreWithHiddenImports(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	cell := "import (\n\t\"fmt\"\n\t\"image\"\n)\nfunc square(x int) int { return x * x }\nimg := image.NewRGBA(image.Rect(0, 0, 4, 4))\nfmt.Sprint(img.Bounds())"
	if _, e := run(t, s, cell); e != nil {
		t.Fatal(e)
	}
	decls := s.Snapshot()
	fresh, _, _ := newTestSession(t, "")
	if err := fresh.Restore(decls); err != nil {
		t.Fatalf("Restore(%q): %v", decls, err)
	}
	if res, e := run(t, fresh, "square(7)"); e != nil || res["text/plain"] != "49" {
		t.Errorf("square(7) after restore = %v, %v", res, e)
	}
	if _, e := run(t, fresh, "import \"os\"\nfmt.Sprint(img == nil, os.Getpid() > 0)"); e != nil {
		t.Errorf("a cell importing after the restore: %v", e)
	}
}

// gopar/display has a second table under its Go path (interface wrappers);
// its types still resolve through the path cells import.
func TestDisplayHandleAcrossCells(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if _, e := run(t, s, "import \"gopar/display\"\nh := display.NewHandle()"); e != nil {
		t.Fatal(e)
	}
	if _, e := run(t, s, "h.ID() != \"\""); e != nil {
		t.Errorf("using the handle in the next cell: %v", e)
	}
}

// A timing magic compiles a literal that uses package time before the
// learner imports it; the learner's import afterwards is not a redeclaration.
func TestImportAfterCompileImportedIt(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if _, err := s.Compile("func(n int) time.Duration { return time.Duration(n) }"); err != nil {
		t.Fatal(err)
	}
	if _, e := run(t, s, "import (\n\t\"fmt\"\n\t\"time\"\n)\nfunc later() string { return fmt.Sprint(time.Second) }"); e != nil {
		t.Fatalf("importing time after Compile did: %v", e)
	}
	if res, e := run(t, s, "later()"); e != nil || res["text/plain"] != "1s" {
		t.Errorf("later() = %v, %v", res, e)
	}
}

// A closure with an unnamed parameter may call compiled code.
func TestClosureWithUnnamedParamCallsCompiledCode(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	cell := "import \"strconv\"\nout := \"\"\nk := func(int) { out = strconv.Itoa(42) }\nk(1)\nout"
	if res, e := run(t, s, cell); e != nil || res["text/plain"] != "42" {
		t.Errorf("got %v, %v", res, e)
	}
}

// Episode 8 sends one func literal to thousands of futures at once; a
// closure finishing on one goroutine used to reset the literal's slot while
// the cell's loop was making the next closure, which then was nil.
func TestOneFuncLiteralOnManyFutures(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if _, e := run(t, s, `import "gopar/async"
import "gopar/native"

func calcPiSplit(n, m int) float64 {
	futures := make([]*async.Future, m)
	for i := range futures {
		work := func() any { return native.CalcPi(n) }
		futures[i] = async.Go(work)
	}
	sum := 0.0
	for _, pi := range async.Gather(futures...).AwaitFloats() {
		sum += pi
	}
	return sum / float64(m)
}`); e != nil {
		t.Fatal(e)
	}
	for range 5 {
		res, e := run(t, s, "sum := 0.0\nfor i := range 12 {\n\tsum += calcPiSplit((1<<16)/(1<<i), 1<<i)\n}\nsum / 12")
		if e != nil {
			t.Fatal(e)
		}
		if pi, _ := strconv.ParseFloat(res["text/plain"].(string), 64); pi < 3.1 || pi > 3.2 {
			t.Fatalf("mean of the estimates of pi = %v", res["text/plain"])
		}
	}
}

// Func values made before an interrupted cell still run after it: closures
// and funcs handed to compiled code returned zero values once a cell had
// been interrupted.
func TestClosuresWorkAfterInterrupt(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if _, e := run(t, s, "import \"sort\"\nadd := func(x int) int { return x + 1 }\nvar fs []func() int\nfor i := range 3 {\n\tfs = append(fs, func() int { return i * 10 })\n}\nless := func(a, b int) bool { return a > b }"); e != nil {
		t.Fatal(e)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	if _, err := s.Execute(ctx, "n := 0\nfor {\n\tn = add(n)\n}"); err == nil {
		t.Fatal("the endless loop ended without an error")
	}
	for code, want := range map[string]string{
		"add(41)": "42",
		"fs[2]()": "20",
		"xs := []int{1, 3, 2}\nsort.Slice(xs, func(i, j int) bool { return less(xs[i], xs[j]) })\nxs": "[3 2 1]",
	} {
		if res, e := run(t, s, code); e != nil || res["text/plain"] != want {
			t.Errorf("%s after the interrupt = %v, %v; want %s", code, res, e, want)
		}
	}
}
