package magics

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"strings"
	"time"

	"github.com/gopar/gopar/runtime/profile"
)

const timeUsage = `%time STATEMENT
%%time

Time one run of a statement (line form) or of the whole cell (cell form) and
print, as IPython does,

    CPU times: user 1.2 s, sys: 10 ms, total: 1.21 s
    Wall time: 650 ms

CPU times are the whole process's (getrusage), so the work of every goroutine
the code starts or awaits is counted; user + sys above the wall time means the
code ran on several cores at once. The value of a trailing expression is still
the cell's result, and "v := %time f()" keeps it in v. When the code fails
the error is shown and no timing is printed.`

// cpuTimes is user and system CPU seconds of the process so far.
type cpuTimes struct{ user, sys float64 }

func timeLine(c *call) (outcome, error) {
	stmt := strings.TrimSpace(c.args)
	if stmt == "" {
		return outcome{}, usageErrorf("%%time needs a statement to time")
	}
	if c.assign != "" {
		op := " = "
		if c.define {
			op = " := "
		}
		stmt = c.assign + op + stmt
	}
	return timed(c, func() (map[string]any, error) { return c.eng.Execute(c.ctx, stmt) })
}

func timeCell(c *call) (outcome, error) {
	if strings.TrimSpace(c.args) != "" {
		return outcome{}, usageErrorf("Can't use statement directly after '%%%%time'!")
	}
	segs, err := splitCell(c.body)
	if err != nil {
		return outcome{}, err
	}
	for i := range segs {
		segs[i].line += c.bodyLine
	}
	return timed(c, func() (map[string]any, error) { return runSegments(c.ctx, segs, c.eng, c.out) })
}

// timed runs code and prints IPython's %time report unless it failed.
func timed(c *call, code func() (map[string]any, error)) (outcome, error) {
	cpu0, cpuOK := processCPU()
	t0 := time.Now()
	res, err := code()
	wall := time.Since(t0)
	cpu1, _ := processCPU()
	if err != nil {
		return outcome{}, err
	}
	fmt.Fprint(c.out, formatTimeReport(cpu1.user-cpu0.user, cpu1.sys-cpu0.sys, wall.Seconds(), cpuOK))
	return outcome{bundle: res}, nil
}

// formatTimeReport is %time's output; without CPU figures (no getrusage) only
// the wall time is printed.
func formatTimeReport(user, sys, wall float64, withCPU bool) string {
	var b strings.Builder
	if withCPU {
		fmt.Fprintf(&b, "CPU times: user %s, sys: %s, total: %s\n",
			profile.FormatTime(user, 3), profile.FormatTime(sys, 3), profile.FormatTime(user+sys, 3))
	}
	fmt.Fprintf(&b, "Wall time: %s\n", profile.FormatTime(wall, 3))
	return b.String()
}

const timeitUsage = `%timeit [-n N] [-r R] [-p P] [-q] [-o] STATEMENT
%%timeit [-n N] [-r R] [-p P] [-q] [-o] [SETUP]

Time a statement as IPython's %timeit does. In the cell form the rest of the
magic line is setup code, run (untimed) before each run, and the cell body is
timed. Prints the mean and population standard deviation per loop:

    676 ms ± 6.39 ms per loop (mean ± std. dev. of 7 runs, 1 loop each)

Options:
  -n N  loops per run; by default the first of 1, 10, 100, ... loops whose run
        takes at least 0.2 s
  -r R  number of runs (default 7)
  -p P  significant digits of the printed times (default 3)
  -q    print nothing
  -o    return the profile.TimeitResult (Best, Worst, Average, Stdev in seconds
        per loop; All, the seconds of each run; Loops; Repeat)

"res := %timeit f()" keeps the result in res (-o is implied), for later cells:
res.Average, res.Stdev. The statement is compiled once; the garbage collector
is off while it runs (and collects, untimed, between runs); the time the
interpreted loop itself takes is measured with an empty body and subtracted.
If the slowest run took over four times as long as the fastest, a warning says
an intermediate result may be cached.`

func timeitLine(c *call) (outcome, error) {
	opts, stmt, err := parseOptions(c.args, "n:r:p:qo")
	if err != nil {
		return outcome{}, err
	}
	if strings.TrimSpace(stmt) == "" {
		return outcome{}, usageErrorf("%%timeit needs a statement to time")
	}
	return timeit(c, opts, "", stmt)
}

func timeitCell(c *call) (outcome, error) {
	opts, setup, err := parseOptions(c.args, "n:r:p:qo")
	if err != nil {
		return outcome{}, err
	}
	if strings.TrimSpace(c.body) == "" {
		return outcome{}, usageErrorf("%%%%timeit needs a cell body to time")
	}
	return timeit(c, opts, setup, c.body)
}

func timeit(c *call, opts options, setup, stmt string) (outcome, error) {
	var o profile.TimeitOptions
	var err error
	if o.Loops, err = opts.intOption('n', 0, 1); err != nil {
		return outcome{}, err
	}
	if o.Repeat, err = opts.intOption('r', profile.DefaultRepeat, 1); err != nil {
		return outcome{}, err
	}
	if o.Precision, err = opts.intOption('p', profile.DefaultPrecision, 1); err != nil {
		return outcome{}, err
	}
	t0 := time.Now()
	compiled, err := c.eng.Compile(loopSource("_goparN int", setup, stmt))
	if err != nil {
		return outcome{}, err
	}
	compileTime := time.Since(t0).Seconds()
	timer, err := asTimer(compiled)
	if err != nil {
		return outcome{}, err
	}
	overhead, err := loopOverhead(c.ctx, c.eng)
	if err != nil {
		return outcome{}, err
	}
	r, err := profile.Measure(c.ctx, withoutOverhead(timer, overhead), o)
	if err != nil {
		return outcome{}, err
	}
	r.CompileTime = compileTime
	if !opts.has('q') {
		fmt.Fprint(c.out, timeitReport(r))
	}
	if opts.has('o') || c.assign != "" {
		return valueOutcome(r, "<TimeitResult : "+r.String()+">"), nil
	}
	return outcome{}, nil
}

// timeitReport is what %timeit prints: the warning, the result line, and the
// compile time when compiling took over 0.1 s.
func timeitReport(r profile.TimeitResult) string {
	var b strings.Builder
	if w := r.Warning(); w != "" {
		b.WriteString(w + "\n")
	}
	b.WriteString(r.String() + "\n")
	if r.CompileTime > 0.1 {
		fmt.Fprintf(&b, "Compiler time: %.2f s\n", r.CompileTime)
	}
	return b.String()
}

// loopSource is the func literal a statement is timed in:
//
//	func(_goparN int) time.Duration {
//		SETUP
//		_goparT0 := time.Now()
//		for _goparI := 0; _goparI < _goparN; _goparI++ {
//			STMT
//		}
//		return time.Since(_goparT0)
//	}
//
// A lone expression that is not a call or a receive becomes "_ = EXPR", which
// Go accepts as a statement.
func loopSource(params, setup, stmt string) string {
	var b strings.Builder
	b.WriteString("func(" + params + ") time.Duration {\n")
	if strings.TrimSpace(setup) != "" {
		b.WriteString(setup + "\n")
	}
	b.WriteString("_goparT0 := time.Now()\nfor _goparI := 0; _goparI < _goparN; _goparI++ {\n")
	if strings.TrimSpace(stmt) != "" {
		b.WriteString(asStatement(stmt) + "\n")
	}
	b.WriteString("}\nreturn time.Since(_goparT0)\n}")
	return b.String()
}

func asStatement(stmt string) string {
	e, err := parser.ParseExpr(strings.TrimSpace(stmt))
	if err != nil {
		return stmt
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		return stmt
	case *ast.UnaryExpr:
		if x.Op.String() == "<-" {
			return stmt
		}
	}
	return "_ = " + strings.TrimSpace(stmt)
}

func asTimer(v any) (profile.Timer, error) {
	switch f := v.(type) {
	case func(int) time.Duration:
		return f, nil
	case profile.Timer:
		return f, nil
	}
	return nil, fmt.Errorf("timing func compiled to %T, want func(int) time.Duration", v)
}

// loopOverhead measures what the interpreted timing loop costs per iteration
// with nothing in it: it grows an empty loop until it runs 20 ms (at most
// 10^7 iterations) and keeps the fastest of five runs, the least disturbed
// estimate of a fixed cost.
func loopOverhead(ctx context.Context, eng Engine) (float64, error) {
	compiled, err := eng.Compile(loopSource("_goparN int", "", ""))
	if err != nil {
		return 0, err
	}
	empty, err := asTimer(compiled)
	if err != nil {
		return 0, err
	}
	return perLoopOverhead(ctx, empty)
}

func perLoopOverhead(ctx context.Context, empty profile.Timer) (float64, error) {
	const target, maxLoops = 20 * time.Millisecond, 10_000_000
	n := 1
	for ; n < maxLoops; n *= 10 {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if empty(n) >= target {
			break
		}
	}
	runs, err := profile.Runs(ctx, empty, n, 5)
	if err != nil {
		return 0, err
	}
	best := runs[0]
	for _, r := range runs[1:] {
		best = min(best, r)
	}
	return best / float64(n), nil
}

// withoutOverhead subtracts the empty loop's cost from each run, never
// going below zero.
func withoutOverhead(t profile.Timer, perLoop float64) profile.Timer {
	return func(loops int) time.Duration {
		d := t(loops) - time.Duration(perLoop*float64(loops)*1e9)
		return max(d, 0)
	}
}

// TimeitResult is the value %timeit -o returns; it lives in gopar/profile so
// that cells can name its type.
type TimeitResult = profile.TimeitResult
