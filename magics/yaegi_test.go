package magics

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gopar/gopar/runtime/display"
	"github.com/gopar/gopar/runtime/profile"
	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// yaegiEngine is a bare interpreter session for testing the magics against
// real interpreted code; the worker's session does the same and much more
// (cell lowering, rich results, restarts).
type yaegiEngine struct {
	i     *interp.Interpreter
	bound map[string]any
	binds int
}

func newYaegiEngine(t testing.TB) *yaegiEngine {
	t.Helper()
	i := interp.New(interp.Options{})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := i.Use(interp.Exports{"gopar/bench/bench": {
		"Sum": reflect.ValueOf(benchSum),
	}}); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(`import ("fmt"; "sync"; "time"; "gopar/bench")`); err != nil {
		t.Fatal(err)
	}
	return &yaegiEngine{i: i, bound: map[string]any{}}
}

// benchSum is a native function for cells to call: the sum of 0..n-1 the
// slow way, so that its cost grows with n. It is never inlined: a cell calls
// it through the interpreter, which cannot inline it, and the Go side of
// BenchmarkTimeitVsGoBench must pay for the same call (the compiler inlines
// it into b.Loop's body otherwise, and for n = 1 the call is most of the
// cost).
//
//go:noinline
func benchSum(n int) int {
	s := 0
	for i := range n {
		s += i ^ (i >> 3)
	}
	return s
}

func (e *yaegiEngine) Execute(ctx context.Context, code string) (map[string]any, error) {
	// Only a trailing expression has a value (the interpreter returns stale
	// values for statements), so it is evaluated on its own.
	body, last := splitTrailingExpr(code)
	if strings.TrimSpace(body) != "" {
		if _, err := e.i.EvalWithContext(ctx, body); err != nil {
			return nil, err
		}
	}
	if last == "" {
		return nil, nil
	}
	v, err := e.i.EvalWithContext(ctx, last)
	if err != nil {
		return nil, err
	}
	if v.IsValid() && v.CanInterface() {
		return map[string]any{"text/plain": fmt.Sprint(v.Interface())}, nil
	}
	return nil, nil
}

// splitTrailingExpr cuts code before its last statement when that statement
// is an expression.
func splitTrailingExpr(code string) (body, last string) {
	const head = "package p\nfunc _() {\n"
	f, err := parser.ParseFile(token.NewFileSet(), "", head+code+"\n}", 0)
	if err != nil || len(f.Decls) != 1 {
		return code, ""
	}
	stmts := f.Decls[0].(*ast.FuncDecl).Body.List
	if len(stmts) == 0 {
		return code, ""
	}
	es, ok := stmts[len(stmts)-1].(*ast.ExprStmt)
	if !ok {
		return code, ""
	}
	at := int(es.Pos()) - 1 - len(head)
	return code[:at], code[at:]
}

// Compile assigns the literal to a variable first: a source starting with
// "func" would be taken for a declaration.
func (e *yaegiEngine) Compile(src string) (any, error) {
	if _, err := e.i.Eval("_goparCompiled := " + src); err != nil {
		return nil, err
	}
	v, err := e.i.Eval("_goparCompiled")
	if err != nil {
		return nil, err
	}
	return v.Interface(), nil
}

// Bind hands v to the interpreter through a package of its own.
func (e *yaegiEngine) Bind(name string, v any) error {
	e.bound[name] = v
	e.binds++
	pkg := fmt.Sprintf("gopar/bind%d", e.binds)
	holder := reflect.New(reflect.TypeOf(v)).Elem()
	holder.Set(reflect.ValueOf(v))
	if err := e.i.Use(interp.Exports{pkg + "/bind": {"V": holder.Addr()}}); err != nil {
		return err
	}
	_, err := e.i.Eval(fmt.Sprintf("import b%d %q\n", e.binds, pkg))
	if err == nil {
		_, err = e.i.Eval(fmt.Sprintf("%s := *b%d.V", name, e.binds))
	}
	return err
}

func (e *yaegiEngine) Globals() []Variable { return nil }
func (e *yaegiEngine) Reset() error        { return nil }

// timeitLineRE is %timeit's report; on a busy machine IPython's warning
// about a slow run may come first.
var timeitLineRE = regexp.MustCompile(`^(The slowest run took [0-9.]+ times longer than the fastest\. This could mean that an intermediate result is being cached\.\n)?[0-9.e+]+ (s|ms|µs|ns) ± [0-9.e+]+ (s|ms|µs|ns) per loop \(mean ± std\. dev\. of 3 runs, [0-9,]+ loops? each\)\n$`)

func TestYaegiTimeit(t *testing.T) {
	eng := newYaegiEngine(t)
	if _, err := eng.Execute(t.Context(), "func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }"); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, eng, "res := %timeit -r 3 -n 20 fib(12)\nfmt.Sprint(res.Loops, res.Repeat)")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%%timeit printed %q", out)
	if !timeitLineRE.MatchString(out) {
		t.Errorf("printed %q", out)
	}
	r, ok := eng.bound["res"].(profile.TimeitResult)
	if !ok || r.Loops != 20 || r.Repeat != 3 || r.Average <= 0 {
		t.Errorf("bound %#v", eng.bound["res"])
	}
	// The bound value is a real variable in later cells.
	res, err := eng.Execute(t.Context(), "res.Loops * res.Repeat")
	if err != nil || res["text/plain"] != "60" {
		t.Errorf("res.Loops * res.Repeat = %v, %v", res, err)
	}
}

func TestYaegiTimeAwaitsGoroutines(t *testing.T) {
	eng := newYaegiEngine(t)
	cell := "%%time\n" +
		"wg := &sync.WaitGroup{}\n" +
		"done := make(chan int, 4)\n" +
		"for i := 0; i < 4; i++ {\n" +
		"\twg.Add(1)\n" +
		"\tgo func(i int) { defer wg.Done(); time.Sleep(60 * time.Millisecond); done <- i }(i)\n" +
		"}\n" +
		"wg.Wait()\n" +
		"len(done)"
	out, res, err := run(t, eng, cell)
	if err != nil {
		t.Fatal(err)
	}
	if res["text/plain"] != "4" {
		t.Errorf("result %v, want the trailing value 4", res)
	}
	t.Logf("%%%%time printed %q", out)
	m := regexp.MustCompile(`Wall time: ([0-9.]+) (s|ms)\n$`).FindStringSubmatch(out)
	if !timeReportRE.MatchString(out) || m == nil {
		t.Fatalf("printed %q", out)
	}
	// The goroutines slept 60 ms: the wall time must cover waiting for them.
	var wall float64
	fmt.Sscan(m[1], &wall)
	if m[2] == "ms" && wall < 60 {
		t.Errorf("wall time %s ms is shorter than the goroutines' sleep", m[1])
	}
}

func TestYaegiMemit(t *testing.T) {
	eng := newYaegiEngine(t)
	_, err := eng.Execute(t.Context(), "func touch(n int) int { b := make([]byte, n); for i := 0; i < n; i += 4096 { b[i] = 1 }; time.Sleep(100 * time.Millisecond); return len(b) }")
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, eng, "m := %memit -i 0.005 touch(96 << 20)")
	if err != nil || !memitRE.MatchString(out) {
		t.Fatalf("printed %q, err %v", out, err)
	}
	t.Logf("%%memit printed %q", out)
	m := eng.bound["m"].(profile.MemitResult)
	if inc := m.Increment(); inc < 64 || inc > 250 {
		t.Errorf("increment %.2f MiB for 96 MiB touched", inc)
	}
}

func TestYaegiScaling(t *testing.T) {
	rec := &recorder{}
	display.SetSink(rec)
	defer display.SetSink(&recorder{})
	eng := newYaegiEngine(t)
	_, err := eng.Execute(t.Context(), `func work(workers int) int {
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() { defer wg.Done(); bench.Sum(2_000_000 / workers) }()
	}
	wg.Wait()
	return workers
}`)
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, eng, "%scaling -w 1,2 -r 2 -n 3 work(workers)")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%%scaling printed\n%s", out)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "      1  ") || !strings.HasPrefix(lines[2], "      2  ") ||
		!strings.Contains(lines[1], "1.00      100.0%") {
		t.Errorf("table %q", out)
	}
	if len(rec.msgs) != 1 {
		t.Errorf("published %d plots", len(rec.msgs))
	}
}

// BenchmarkTimeitVsGoBench times the same native call with go test -bench
// ("gobench/...") and with %timeit from a cell ("timeit/..."), and reports
// their ratio on the timeit line ("timeit/gobench"). For a call with no work
// in it the ratio is the interpreter's cost of calling native code from a
// cell, which %timeit rightly includes; as the work grows the two converge.
//
// Run it with the default -benchtime (with -benchtime Nx the Go side gets
// too few iterations) and repeat the whole command, as scripts/bench.sh
// does, rather than use -count: -count repeats each sub-benchmark in a row,
// while each run of the command times both sides of every n in turn, so that
// a burst of load on a shared machine hits both sides alike. bench/report
// keeps each side's fastest run.
func BenchmarkTimeitVsGoBench(b *testing.B) {
	var sink int
	for _, n := range []int{1, 10_000, 10_000_000} {
		var goNs float64
		b.Run(fmt.Sprintf("gobench/Sum(%d)", n), func(b *testing.B) {
			for b.Loop() {
				sink += benchSum(n)
			}
			goNs = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		})
		b.Run(fmt.Sprintf("timeit/Sum(%d)", n), func(b *testing.B) {
			eng := newYaegiEngine(b)
			cell := fmt.Sprintf("res := %%timeit -q bench.Sum(%d)", n)
			for b.Loop() {
				if _, _, err := Run(b.Context(), cell, eng, nil); err != nil {
					b.Fatal(err)
				}
			}
			r := eng.bound["res"].(profile.TimeitResult)
			b.ReportMetric(r.Average*1e9, "timeit-ns/call")
			if goNs > 0 { // the Go side ran (a -bench pattern may leave it out)
				b.ReportMetric(r.Average*1e9/goNs, "timeit/gobench")
			}
		})
	}
	_ = sink
}

func TestYaegiLoopOverhead(t *testing.T) {
	eng := newYaegiEngine(t)
	perLoop, err := loopOverhead(t.Context(), eng)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("interpreted empty loop: %s per iteration", profile.FormatTime(perLoop, 3))
	if !(perLoop > 0) {
		t.Errorf("overhead %v s; an interpreted loop cannot be free", perLoop)
	}
}
