package magics

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gopar/gopar/runtime/profile"
)

// run runs cell on eng and returns what it printed.
func run(t *testing.T, eng Engine, cell string) (string, map[string]any, error) {
	t.Helper()
	var out bytes.Buffer
	res, handled, err := Run(context.Background(), cell, eng, &out)
	if !handled {
		t.Fatalf("Run(%q) did not handle the cell", cell)
	}
	return out.String(), res, err
}

func TestFormatTimeReport(t *testing.T) {
	tests := []struct {
		user, sys, wall float64
		cpu             bool
		want            string
	}{
		{1.2, 0.01, 0.65, true, "CPU times: user 1.2 s, sys: 10 ms, total: 1.21 s\nWall time: 650 ms\n"},
		{0, 0, 4.05e-6, true, "CPU times: user 0 ns, sys: 0 ns, total: 0 ns\nWall time: 4.05 µs\n"},
		{75, 2, 61, true, "CPU times: user 1min 15s, sys: 2 s, total: 1min 17s\nWall time: 1min 1s\n"},
		{0, 0, 0.5, false, "Wall time: 500 ms\n"},
	}
	for _, tt := range tests {
		if got := formatTimeReport(tt.user, tt.sys, tt.wall, tt.cpu); got != tt.want {
			t.Errorf("got  %q\nwant %q", got, tt.want)
		}
	}
}

var timeReportRE = regexp.MustCompile(`^CPU times: user [0-9.e+]+ (s|ms|µs|ns), sys: [0-9.e+]+ (s|ms|µs|ns), total: [0-9.e+]+ (s|ms|µs|ns)\nWall time: [0-9.e+]+ (s|ms|µs|ns)\n$`)

func TestTimeLine(t *testing.T) {
	bundle := map[string]any{"text/plain": "42"}
	eng := &fakeEngine{results: map[string]map[string]any{"answer()": bundle}}
	out, res, err := run(t, eng, "%time answer()")
	if err != nil || !timeReportRE.MatchString(out) || res["text/plain"] != "42" {
		t.Errorf("out %q, result %v, err %v", out, res, err)
	}
	if len(eng.executed) != 1 || eng.executed[0] != "answer()" {
		t.Errorf("executed %q", eng.executed)
	}
}

func TestTimeAssignment(t *testing.T) {
	eng := &fakeEngine{}
	for cell, want := range map[string]string{"v := %time f(1)": "v := f(1)", "v = %time f(1)": "v = f(1)"} {
		eng.executed = nil
		if _, _, err := run(t, eng, cell); err != nil || len(eng.executed) != 1 || eng.executed[0] != want {
			t.Errorf("%q executed %q, %v; want %q", cell, eng.executed, err, want)
		}
	}
}

func TestTimeErrorPrintsNoTiming(t *testing.T) {
	boom := errors.New("boom")
	eng := &fakeEngine{fail: map[string]error{"f()": boom}}
	out, res, err := run(t, eng, "%time f()")
	if !errors.Is(err, boom) || out != "" || res != nil {
		t.Errorf("out %q, result %v, err %v", out, res, err)
	}
}

func TestTimeCell(t *testing.T) {
	bundle := map[string]any{"text/plain": "3"}
	eng := &fakeEngine{results: map[string]map[string]any{"x + 1": bundle}}
	out, res, err := run(t, eng, "%%time\nx := 2\n!echo shell\nx + 1")
	if err != nil || res["text/plain"] != "3" {
		t.Fatalf("result %v, err %v", res, err)
	}
	if !strings.HasPrefix(out, "shell\n") || !timeReportRE.MatchString(strings.TrimPrefix(out, "shell\n")) {
		t.Errorf("out %q", out)
	}
	// Padding keeps the interpreter's line numbers those of the cell.
	want := []string{"\nx := 2", "\n\n\nx + 1"}
	if strings.Join(eng.executed, "|") != strings.Join(want, "|") {
		t.Errorf("executed %q, want %q", eng.executed, want)
	}
}

func TestTimeUsageErrors(t *testing.T) {
	tests := []struct{ cell, msg string }{
		{"%%time f()\ng()", "Can't use statement directly after '%%time'!"},
		{"%time", "%time needs a statement to time"},
	}
	for _, tt := range tests {
		eng := &fakeEngine{}
		out, _, err := run(t, eng, tt.cell)
		var ue *UsageError
		if !errors.As(err, &ue) || ue.Msg != tt.msg {
			t.Errorf("%q: err %v, want %q", tt.cell, err, tt.msg)
		}
		if !strings.HasPrefix(out, "%time STATEMENT\n") || len(eng.executed) != 0 {
			t.Errorf("%q: printed %q and ran %q; want the usage and nothing run", tt.cell, out, eng.executed)
		}
	}
}

func TestTimeitOutput(t *testing.T) {
	tests := []struct {
		name  string
		cell  string
		stmt  func(int) time.Duration
		empty time.Duration
		want  string
	}{
		{"auto-range to 1,000 loops", "%timeit f()", perLoop(time.Millisecond), 10 * time.Nanosecond,
			"1 ms ± 0 ns per loop (mean ± std. dev. of 7 runs, 1,000 loops each)\n"},
		{"slow statement, one loop", "%timeit calcPi(1_000_000)", perLoop(676 * time.Millisecond), 40 * time.Nanosecond,
			"676 ms ± 0 ns per loop (mean ± std. dev. of 7 runs, 1 loop each)\n"},
		{"nanoseconds, thousands separators", "%timeit x + 1", perLoop(8 * time.Nanosecond), 0,
			"8 ns ± 0 ns per loop (mean ± std. dev. of 7 runs, 100,000,000 loops each)\n"},
		{"fixed loops and runs", "%timeit -n 1 -r 1 f()", perLoop(2 * time.Second), 0,
			"2 s ± 0 ns per loop (mean ± std. dev. of 1 run, 1 loop each)\n"},
		{"spread and precision", "%timeit -n 10 -r 2 -p 4 f()", sequence(time.Millisecond, 3*time.Millisecond), 0,
			"2 ms ± 1 ms per loop (mean ± std. dev. of 2 runs, 10 loops each)\n"},
		{"caching warning", "%timeit -n 1 -r 3 f()", sequence(14830*time.Microsecond, time.Millisecond, time.Millisecond), 0,
			"The slowest run took 14.83 times longer than the fastest. This could mean that an intermediate result is being cached.\n" +
				"5.61 ms ± 6.52 ms per loop (mean ± std. dev. of 3 runs, 1 loop each)\n"},
		{"quiet", "%timeit -q f()", perLoop(time.Second), 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := &fakeEngine{stmtTimer: tt.stmt, emptyPerLoop: tt.empty}
			out, res, err := run(t, eng, tt.cell)
			if err != nil || out != tt.want || res != nil {
				t.Errorf("out %q, result %v, err %v\nwant %q", out, res, err, tt.want)
			}
		})
	}
}

func TestTimeitCompilesOnce(t *testing.T) {
	eng := &fakeEngine{stmtTimer: perLoop(time.Millisecond)}
	if _, _, err := run(t, eng, "%timeit -n 3 -r 2 sum(xs)"); err != nil {
		t.Fatal(err)
	}
	want := []string{loopSource("_goparN int", "", "sum(xs)"), loopSource("_goparN int", "", "")}
	if strings.Join(eng.compiled, "\n---\n") != strings.Join(want, "\n---\n") {
		t.Errorf("compiled %q", eng.compiled)
	}
	if len(eng.executed) != 0 {
		t.Errorf("executed %q; timing must go through the compiled func", eng.executed)
	}
}

func TestTimeitCell(t *testing.T) {
	eng := &fakeEngine{stmtTimer: perLoop(time.Millisecond)}
	_, _, err := run(t, eng, "%%timeit -n 1 -r 1 xs := make([]int, 1000)\nsort.Ints(xs)\ntotal += xs[0]")
	if err != nil {
		t.Fatal(err)
	}
	want := "func(_goparN int) time.Duration {\nxs := make([]int, 1000)\n_goparT0 := time.Now()\n" +
		"for _goparI := 0; _goparI < _goparN; _goparI++ {\nsort.Ints(xs)\ntotal += xs[0]\n}\nreturn time.Since(_goparT0)\n}"
	if eng.compiled[0] != want {
		t.Errorf("compiled\n%s\nwant\n%s", eng.compiled[0], want)
	}
}

func TestTimeitResultValue(t *testing.T) {
	eng := &fakeEngine{stmtTimer: perLoop(676 * time.Millisecond)}
	out, res, err := run(t, eng, "%timeit -q -o -r 2 calcPi(n)")
	want := "<TimeitResult : 676 ms ± 0 ns per loop (mean ± std. dev. of 2 runs, 1 loop each)>"
	if err != nil || out != "" || res["text/plain"] != want {
		t.Errorf("out %q, result %v, err %v", out, res, err)
	}

	for _, cell := range []string{"res := %timeit -r 2 calcPi(n)", "res = %timeit -o -r 2 calcPi(n)"} {
		eng := &fakeEngine{stmtTimer: perLoop(676 * time.Millisecond)}
		out, res, err := run(t, eng, cell+"\nfmt.Println(res.Average)")
		r, ok := eng.bound["res"].(profile.TimeitResult)
		if err != nil || !ok || r.Repeat != 2 || r.Loops != 1 || r.Average != 0.676 || len(r.All) != 2 {
			t.Fatalf("%q bound %#v, err %v", cell, eng.bound["res"], err)
		}
		if out != "676 ms ± 0 ns per loop (mean ± std. dev. of 2 runs, 1 loop each)\n" || res != nil {
			t.Errorf("%q printed %q, result %v", cell, out, res)
		}
		if len(eng.executed) != 1 || eng.executed[0] != "\nfmt.Println(res.Average)" {
			t.Errorf("%q executed %q", cell, eng.executed)
		}
	}
}

func TestTimeitSubtractsLoopOverhead(t *testing.T) {
	// 30 ns of statement plus 70 ns of interpreted loop per iteration.
	eng := &fakeEngine{stmtTimer: perLoop(30 * time.Nanosecond), emptyPerLoop: 70 * time.Nanosecond}
	out, _, err := run(t, eng, "%timeit f()")
	if err != nil || out != "30 ns ± 0 ns per loop (mean ± std. dev. of 7 runs, 10,000,000 loops each)\n" {
		t.Errorf("out %q, err %v", out, err)
	}
}

func TestTimeitUsageErrors(t *testing.T) {
	tests := []struct{ cell, msg string }{
		{"%timeit -x f()", `option -x not recognized ( allowed: "n:r:p:qo" )`},
		{"%timeit -n 0 f()", `-n takes an integer of at least 1, not "0"`},
		{"%timeit -r two f()", `-r takes an integer of at least 1, not "two"`},
		{"%timeit", "%timeit needs a statement to time"},
		{"%%timeit -n 5", "%%timeit needs a cell body to time"},
	}
	for _, tt := range tests {
		eng := &fakeEngine{stmtTimer: perLoop(time.Second)}
		out, _, err := run(t, eng, tt.cell)
		var ue *UsageError
		if !errors.As(err, &ue) || ue.Msg != tt.msg {
			t.Errorf("%q: err %v, want %q", tt.cell, err, tt.msg)
		}
		if !strings.HasPrefix(out, "%timeit [-n N]") || len(eng.compiled) != 0 {
			t.Errorf("%q: printed %q, compiled %d; want the usage and nothing compiled", tt.cell, out, len(eng.compiled))
		}
	}
}

func TestTimeitStopsWhenInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	runs := 0
	eng := &fakeEngine{stmtTimer: func(n int) time.Duration {
		runs++
		if runs == 3 {
			cancel()
		}
		return time.Second
	}}
	_, _, err := Run(ctx, "%timeit -n 1 f()", eng, nil)
	if !errors.Is(err, context.Canceled) || runs != 3 {
		t.Errorf("err %v after %d runs", err, runs)
	}
}

func TestAsStatement(t *testing.T) {
	tests := []struct{ in, want string }{
		{"f()", "f()"},
		{"pkg.F(1, 2)", "pkg.F(1, 2)"},
		{"<-ch", "<-ch"},
		{"x * 2", "_ = x * 2"},
		{" xs[3] ", "_ = xs[3]"},
		{"x++", "x++"},
		{"a, b := f()", "a, b := f()"},
		{"f(); g()", "f(); g()"},
	}
	for _, tt := range tests {
		if got := asStatement(tt.in); got != tt.want {
			t.Errorf("asStatement(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPerLoopOverhead(t *testing.T) {
	var loops []int
	empty := func(n int) time.Duration { loops = append(loops, n); return time.Duration(n) * 25 * time.Nanosecond }
	got, err := perLoopOverhead(context.Background(), empty)
	if err != nil || got < 24.999e-9 || got > 25.001e-9 {
		t.Errorf("overhead %v s, err %v; want 25 ns", got, err)
	}
	// 25 ns * 10^6 = 25 ms reaches the 20 ms target; then five runs of 10^6.
	want := []int{1, 10, 100, 1000, 10000, 100000, 1000000, 1000000, 1000000, 1000000, 1000000, 1000000}
	if len(loops) != len(want) {
		t.Errorf("loop counts %v, want %v", loops, want)
	}
}

func TestUsageInsideTimeCellPrintedOnce(t *testing.T) {
	out, _, err := run(t, &fakeEngine{}, "%%time\n%timeit -x f()")
	var ue *UsageError
	if !errors.As(err, &ue) || strings.Count(out, "Time a statement as IPython") != 1 || strings.Contains(out, "%time STATEMENT") {
		t.Errorf("out %q, err %v", out, err)
	}
}
