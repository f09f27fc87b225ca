//go:build linux

// The suite runs Go's test programs in process groups that die with the test
// (Pdeathsig): on Linux, where CI runs it.

package gosuite

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gopar/gopar/interpreter"
)

// The suite's target is that at least 95 % of the programs not excluded
// pass, none with a wrong output. Until it is reached, passing.txt is a
// ratchet: every program on it must keep passing, and a program that
// starts passing must be added to it, so the list always says what works.

const (
	// programEnv names the program a re-executed test binary runs as a
	// cell instead of running the tests.
	programEnv = "GOPAR_GOSUITE_PROGRAM"
	// resultEnv names the file where that process writes the cell's
	// error, so that its stdout and stderr hold only what a program run
	// by go run would print there.
	resultEnv = "GOPAR_GOSUITE_RESULT"
	// rootEnv, when set, is the test directory to use instead of the one
	// of the Go installation on PATH (another Go's, or a prepared copy).
	rootEnv = "GOPAR_GOSUITE_ROOT"
	// updateEnv=1 rewrites passing.txt with what passes now instead of
	// failing on the difference.
	updateEnv = "GOPAR_GOSUITE_UPDATE"
	// reportEnv names a file to write the full report to: every failing
	// program by category with the first line of its error or diff.
	reportEnv = "GOPAR_GOSUITE_REPORT"

	// A program that does not end is hung, and fails. Go's runtime cannot
	// say so in an interpreter whose own goroutines stay alive, and the
	// machines this runs on are shared and often loaded several times
	// over, so wall time alone cannot tell a hung program from a slow one
	// that gets a tenth of a core. Three limits do:
	//
	// cpuLimit is the CPU time a program gets: a busy hang (a livelock, a
	// loop that never ends) reaches it at the same point on any machine.
	// The slowest passing program, divmod.go, uses 130 to 180 s on an
	// idle machine (go run: under 1 s) and more at a load of 8; copy.go,
	// ken/modconst.go and ken/divconst.go about 60 s each; every other
	// under 6 s.
	cpuLimit = 300 * time.Second
	// A program that uses under idleCPU in idleLimit of wall time is
	// blocked for good (a deadlock): a running one, even at a load of 20
	// on 2 cores, gets several seconds in that time, and no program of
	// the suite sleeps longer than 10 s.
	idleLimit = 2 * time.Minute
	idleCPU   = time.Second
	// wallLimit is the backstop for anything else: copy.go took 297 s at
	// a load of 20 on 2 cores.
	wallLimit = 15 * time.Minute
	// suiteNeeds is the go test -timeout the suite asks for. It takes 4
	// minutes on 2 idle cores, 9 at a load of 5 to 10, and took 20 at
	// a load of 20 with five programs hung.
	suiteNeeds = 30 * time.Minute
	// confirmRuns is how many times in a row a program must pass before
	// the test asks for it to be added to passing.txt.
	confirmRuns = 3
	// parallel programs run at once: each is a whole interpreter, and the
	// machines this runs on have 2 cores shared with the rest of go test.
	parallel = 2
	// outputLimit caps what is kept of a program's output, so that one
	// printing in a loop cannot exhaust the test's memory.
	outputLimit = 4 << 20
)

// dirs are the directories of $GOROOT/test whose programs test the
// language, as opposed to the compiler's bugs (fixedbugs), its
// diagnostics or its optimisations.
var dirs = []string{".", "ken", "chan", "interface", "typeparam"}

func TestMain(m *testing.M) {
	if path := os.Getenv(programEnv); path != "" {
		os.Exit(runProgram(path, os.Getenv(resultEnv)))
	}
	os.Exit(m.Run())
}

// cellError is how a program's process reports the error its cell ended
// with.
type cellError struct {
	Name      string
	Value     string
	Traceback []string
}

// runProgram runs the program at path as one cell of a fresh session, as
// a learner pasting it would, and returns the exit code: 0 when the cell
// succeeded. The session prints to this process's stdout and stderr; on a
// cell error its traceback goes to stderr and the error to resultFile.
func runProgram(path, resultFile string) int {
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	s, err := interpreter.New(interpreter.Options{Stdout: os.Stdout, Stderr: os.Stderr})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	_, err = s.Execute(context.Background(), string(src))
	if err == nil {
		return 0
	}
	ce := cellError{Name: "Error", Value: err.Error(), Traceback: []string{err.Error()}}
	var ie *interpreter.Error
	if errors.As(err, &ie) {
		ce = cellError{Name: ie.Name, Value: ie.Value, Traceback: ie.Traceback}
	}
	for _, l := range ce.Traceback {
		fmt.Fprintln(os.Stderr, l)
	}
	if resultFile != "" {
		if b, err := json.Marshal(ce); err == nil {
			_ = os.WriteFile(resultFile, b, 0o644)
		}
	}
	return 1
}

// TestGoSuite runs every "// run" program of Go's test suite as one cell,
// each in its own process, and compares its combined stdout and stderr
// with the program's .out file (or nothing), as Go's own test driver
// compares go run's; the cell must also succeed.
func TestGoSuite(t *testing.T) {
	if testing.Short() {
		t.Skip("the Go suite takes minutes")
	}
	root := os.Getenv(rootEnv)
	if root == "" {
		out, err := exec.Command("go", "env", "GOROOT").Output()
		if err != nil {
			t.Skipf("go env GOROOT: %v", err)
		}
		root = filepath.Join(strings.TrimSpace(string(out)), "test")
	}
	programs, err := listPrograms(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(programs) == 0 {
		t.Fatalf("no // run programs under %s", root)
	}
	excluded, err := readList("excluded.txt", true)
	if err != nil {
		t.Fatal(err)
	}
	passing, err := readList("passing.txt", false)
	if err != nil {
		t.Fatal(err)
	}
	checkLists(t, programs, excluded, passing)
	update := os.Getenv(updateEnv) == "1"

	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// Under go test's default -timeout (10 minutes) the suite cannot
	// finish on a loaded machine; go test would kill it with every
	// goroutine's stack. make test gives it 40 minutes. Should the
	// deadline still come close, the programs still running are stopped
	// and the test fails saying so.
	stopBy := time.Now().Add(100 * 365 * 24 * time.Hour)
	if deadline, ok := t.Deadline(); ok {
		if time.Until(deadline) < suiteNeeds {
			t.Skipf("the Go suite needs go test -timeout %v or more (make test gives it 40m)", suiteNeeds)
		}
		stopBy = deadline.Add(-time.Minute)
	}
	var (
		mu      sync.Mutex
		results = map[string]*result{}
		notRun  []string
		sem     = make(chan struct{}, parallel)
	)
	t.Run("programs", func(t *testing.T) {
		for _, p := range programs {
			if _, ok := excluded[p]; ok {
				continue
			}
			t.Run(p, func(t *testing.T) {
				t.Parallel()
				sem <- struct{}{}
				r := run(t, self, root, p, stopBy)
				_, listed := passing[p]
				// A program newly passing must pass every time before
				// it goes on the list: one that passes only sometimes
				// would fail the test at random later.
				for i := 1; i < confirmRuns && r.pass && !listed; i++ {
					if again := run(t, self, root, p, stopBy); !again.pass {
						r.pass, r.category = false, catFlaky
						r.first = fmt.Sprintf("passed, then on run %d: %s: %s", i+1, again.category, again.first)
						r.notRun = again.notRun
					}
				}
				<-sem
				mu.Lock()
				if r.notRun {
					notRun = append(notRun, p)
				} else {
					results[p] = r
				}
				mu.Unlock()
				if r.pass || r.notRun {
					return
				}
				if _, ok := passing[p]; ok && !update {
					t.Errorf("regression: %s passed before and fails now (%s): %s", p, r.category, r.first)
				}
			})
		}
	})

	var pass, added, regressed []string
	byCategory := map[string][]*result{}
	for p, r := range results {
		_, listed := passing[p]
		switch {
		case r.pass:
			pass = append(pass, p)
			if !listed {
				added = append(added, p)
			}
		default:
			byCategory[r.category] = append(byCategory[r.category], r)
			if listed {
				regressed = append(regressed, p)
			}
		}
	}
	slices.Sort(added)
	slices.Sort(regressed)
	ran := len(results)
	t.Logf("gosuite: %d of %d programs pass (%.1f %%), %d excluded", len(pass), ran, percent(len(pass), ran), len(excluded))
	categories := sortedCategories(byCategory)
	for _, c := range categories {
		names := make([]string, len(byCategory[c]))
		for i, r := range byCategory[c] {
			names[i] = r.program
		}
		t.Logf("%s (%d): %s", c, len(names), strings.Join(names, " "))
	}
	if path := os.Getenv(reportEnv); path != "" {
		if err := writeReport(path, results, categories, byCategory, len(excluded)); err != nil {
			t.Error(err)
		}
	}

	if len(notRun) > 0 {
		slices.Sort(notRun)
		t.Errorf("%d programs not run, as go test's -timeout came too close (give it more than %v): %s",
			len(notRun), suiteNeeds, strings.Join(notRun, " "))
	}

	switch {
	case update && (len(added) > 0 || len(regressed) > 0):
		for _, p := range regressed {
			delete(passing, p)
		}
		for _, p := range added {
			passing[p] = ""
		}
		if err := writePassing("passing.txt", passing); err != nil {
			t.Fatal(err)
		}
		t.Logf("passing.txt rewritten: %d added, %d removed", len(added), len(regressed))
	case len(added) > 0:
		t.Errorf("%d programs pass that passing.txt does not list; add these lines to interpreter/gosuite/passing.txt "+
			"(or run with %s=1):\n%s", len(added), updateEnv, strings.Join(added, "\n"))
	}
}

// listPrograms lists the programs under root's dirs whose first line is
// exactly "// run": those Go's test driver runs and compares with their
// .out file, without flags or build-time options.
func listPrograms(root string) ([]string, error) {
	var programs []string
	for _, d := range dirs {
		files, err := filepath.Glob(filepath.Join(root, d, "*.go"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			first, err := firstLine(f)
			if err != nil {
				return nil, err
			}
			if first == "// run" {
				rel, err := filepath.Rel(root, f)
				if err != nil {
					return nil, err
				}
				programs = append(programs, filepath.ToSlash(rel))
			}
		}
	}
	slices.Sort(programs)
	return programs, nil
}

func firstLine(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil && line == "" {
		return "", nil
	}
	return strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r"), nil
}

// readList reads a list of programs, one a line: the path relative to the
// test directory, then (withReason) the reason it is on the list. Blank
// lines and lines starting with # are comments.
func readList(path string, withReason bool) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	list := map[string]string{}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		reason = strings.TrimSpace(reason)
		if withReason && reason == "" {
			return nil, fmt.Errorf("%s:%d: %s has no reason", path, i+1, name)
		}
		if !withReason && reason != "" {
			return nil, fmt.Errorf("%s:%d: one program a line", path, i+1)
		}
		if _, dup := list[name]; dup {
			return nil, fmt.Errorf("%s:%d: %s listed twice", path, i+1, name)
		}
		list[name] = reason
	}
	return list, nil
}

// checkLists keeps the lists true to the programs: no stale entries, no
// program both excluded and passing, and exclusions under 10 % of the
// programs, so that the suite cannot be made to pass by excluding it.
func checkLists(t *testing.T, programs []string, excluded, passing map[string]string) {
	t.Helper()
	known := map[string]bool{}
	for _, p := range programs {
		known[p] = true
	}
	for p := range excluded {
		if !known[p] {
			t.Errorf("excluded.txt lists %s, which is not a // run program of this Go", p)
		}
	}
	for p := range passing {
		if !known[p] {
			t.Errorf("passing.txt lists %s, which is not a // run program of this Go", p)
		}
		if _, ok := excluded[p]; ok {
			t.Errorf("%s is both excluded and passing", p)
		}
	}
	if len(excluded)*10 >= len(programs) {
		t.Errorf("excluded.txt lists %d of %d programs; it must stay under 10 %%", len(excluded), len(programs))
	}
}

func writePassing(path string, passing map[string]string) error {
	names := make([]string, 0, len(passing))
	for p := range passing {
		names = append(names, p)
	}
	slices.Sort(names)
	var b strings.Builder
	b.WriteString(passingHeader)
	for _, p := range names {
		b.WriteString(p + "\n")
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

const passingHeader = `# Programs of Go's test suite that pass as gopar cells today (see
# gosuite_test.go). Every one must keep passing; a program that starts
# passing must be added (GOPAR_GOSUITE_UPDATE=1 go test ./interpreter/gosuite
# rewrites this file).
`

// result is how one program did.
type result struct {
	program  string
	pass     bool
	category string        // why it failed
	first    string        // the first line of its error, or of the difference
	notRun   bool          // stopped at go test's deadline
	elapsed  time.Duration // wall time
	cpu      time.Duration // user and system time of its process
}

// Categories of failure, in the order the report gives them when equally
// frequent. Wrong output comes first whatever its count: a program that
// prints something else and succeeds is the worst failure a teaching tool
// can have.
const (
	catWrongOutput = "wrong output"
	catCompile     = "compile error (checker, lowering or yaegi)"
	catCFG         = "yaegi compile panic (CFG post-order)"
	catImport      = "unsupported import"
	catRuntime     = "runtime panic go run does not raise (nil dereference, reflect, ... in yaegi)"
	catOwnCheck    = "the program's own check failed (its panic or os.Exit)"
	catTimeout     = "timeout or hang"
	catCrash       = "process died (fatal error, signal or exit outside the cell)"
	catOther       = "other cell error"
	catFlaky       = "passes only sometimes"
)

// run runs program p of root in its own process and judges it.
func run(t *testing.T, self, root, p string, stopBy time.Time) *result {
	path := filepath.Join(root, filepath.FromSlash(p))
	want, err := os.ReadFile(strings.TrimSuffix(path, ".go") + ".out")
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	dir := t.TempDir()
	resultFile := filepath.Join(dir, ".gosuite-result")
	ctx, cancel := context.WithDeadline(context.Background(), earliest(time.Now().Add(wallLimit), stopBy))
	defer cancel()
	cmd := exec.CommandContext(ctx, self)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), programEnv+"="+path, resultEnv+"="+resultFile)
	// One writer for both streams: exec then gives the process a single
	// pipe for stdout and stderr, so their order is kept, as in the
	// combined output Go's driver compares.
	out := &cappedBuffer{limit: outputLimit}
	cmd.Stdout, cmd.Stderr = out, out
	// A program may start processes of its own; on a hang all of them
	// go. Should the test itself be killed, its programs die with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	var (
		runErr error
		hung   string
	)
	if runErr = cmd.Start(); runErr == nil {
		done, verdict := make(chan struct{}), make(chan string, 1)
		go func() {
			h := watch(ctx, cmd.Process.Pid, done)
			if h != "" {
				cancel()
			}
			verdict <- h
		}()
		runErr = cmd.Wait()
		close(done)
		hung = <-verdict
	}
	r := &result{program: p, elapsed: time.Since(start)}
	if ps := cmd.ProcessState; ps != nil {
		r.cpu = ps.UserTime() + ps.SystemTime()
	}
	got := out.String()

	var ce *cellError
	if b, err := os.ReadFile(resultFile); err == nil {
		ce = &cellError{}
		if err := json.Unmarshal(b, ce); err != nil {
			ce = &cellError{Name: "Error", Value: string(b)}
		}
	}
	switch {
	case ctx.Err() != nil && hung == "" && !time.Now().Before(stopBy):
		r.notRun = true
	case ctx.Err() != nil:
		if hung == "" {
			hung = fmt.Sprintf("still running after %v", wallLimit)
		}
		r.category = catTimeout
		r.first = fmt.Sprintf("%s; last output: %q", hung, lastLine(got))
	case ce != nil:
		r.category, r.first = classify(ce)
	case runErr != nil && strings.Contains(got, "SIGTRAP: trace trap"):
		// Some programs call runtime.Breakpoint when a check fails,
		// as they cannot rely on panic.
		r.category = catOwnCheck
		r.first = "runtime.Breakpoint called (SIGTRAP)"
	case runErr != nil:
		r.category = catCrash
		r.first = runErr.Error() + ": " + crashLine(got)
	case got != string(want):
		r.category = catWrongOutput
		r.first = firstDiff(got, string(want))
	default:
		r.pass = true
	}
	return r
}

func earliest(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// watch reports a hung process: one past cpuLimit, or using under idleCPU
// in idleLimit. It reads the process's CPU time from /proc every second,
// and returns "" once done is closed or ctx ends, or where there is no
// /proc (then wallLimit alone applies).
func watch(ctx context.Context, pid int, done <-chan struct{}) string {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	markTime, markCPU := time.Now(), time.Duration(0)
	for {
		select {
		case <-done:
			return ""
		case <-ctx.Done():
			return ""
		case now := <-tick.C:
			cpu, ok := cpuTime(pid)
			if !ok {
				return ""
			}
			if cpu > cpuLimit {
				return fmt.Sprintf("used more than %v of CPU", cpuLimit)
			}
			if cpu-markCPU >= idleCPU {
				markTime, markCPU = now, cpu
			} else if now.Sub(markTime) > idleLimit {
				return fmt.Sprintf("blocked: under %v of CPU in %v", idleCPU, idleLimit)
			}
		}
	}
}

// cpuTime is the user and system time of process pid so far, from
// /proc/pid/stat.
func cpuTime(pid int) (time.Duration, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, false
	}
	// The fields after the command's name, which is in parentheses and
	// may hold spaces: state is the first, utime and stime the 12th and
	// 13th, in clock ticks (USER_HZ, 100 on Linux).
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(utime+stime) * (time.Second / 100), true
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// classify names the kind of a cell error, with the first line of its
// message.
func classify(ce *cellError) (string, string) {
	value := ansi.ReplaceAllString(ce.Value, "")
	if strings.TrimSpace(value) == "" {
		// The traceback, less its heading (the error's name).
		var lines []string
		for _, l := range ce.Traceback {
			l = strings.TrimSpace(ansi.ReplaceAllString(l, ""))
			if l != "" && strings.TrimSuffix(l, ":") != ce.Name {
				lines = append(lines, l)
			}
		}
		value = strings.Join(lines, "\n")
	}
	first, _, _ := strings.Cut(strings.TrimSpace(value), "\n")
	if first == "" {
		first = "(" + ce.Name + " with an empty message)"
	}
	// yaegi reports a panic of its compiler as a compile error or, when
	// it compiles a func lazily, as a panic of the running cell.
	if i := strings.Index(value, "CFG post-order panic"); i >= 0 {
		first, _, _ = strings.Cut(value[i:], "\n")
		return catCFG, first
	}
	switch ce.Name {
	case "CompileError":
		if importProblem.MatchString(value) {
			return catImport, firstMatch(importProblem, value)
		}
		return catCompile, first
	case "panic":
		if runtimeProblem.MatchString(value) {
			return catRuntime, first
		}
		return catOwnCheck, first
	case "Exit":
		return catOwnCheck, first
	}
	return catOther, ce.Name + ": " + first
}

// importProblem matches what the checker and yaegi say of a package they
// cannot import.
var importProblem = regexp.MustCompile(`(?m)^.*(could not import|unable to find source related to|import .* not (found|supported)|package .* is not in std|undefined: .*\(package\)).*$`)

// runtimeProblem matches panics no program of the suite raises under go
// run: every one passes there, so a runtime error escaping the program is
// the interpreter's.
var runtimeProblem = regexp.MustCompile(`^(runtime error|reflect|interface conversion|assignment to entry in nil map|close of|send on closed|all goroutines are asleep|invalid memory address)`)

func firstMatch(re *regexp.Regexp, s string) string {
	return strings.TrimSpace(re.FindString(s))
}

// crashLine picks the line of a dead process's output that says why.
func crashLine(out string) string {
	for _, l := range strings.Split(out, "\n") {
		for _, p := range []string{"fatal error:", "panic:", "SIG", "runtime:"} {
			if strings.HasPrefix(l, p) {
				return l
			}
		}
	}
	return lastLine(out)
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.SplitAfter(got, "\n"), strings.SplitAfter(want, "\n")
	for i := 0; ; i++ {
		switch {
		case i >= len(g) && i >= len(w):
			return "outputs differ"
		case i >= len(g):
			return fmt.Sprintf("line %d: output ends, want %q", i+1, w[i])
		case i >= len(w):
			return fmt.Sprintf("line %d: got %q, want no more output", i+1, g[i])
		case g[i] != w[i]:
			return fmt.Sprintf("line %d: got %q, want %q", i+1, g[i], w[i])
		}
	}
}

func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

// sortedCategories orders the categories for the report: wrong output
// first, then the most frequent.
func sortedCategories(by map[string][]*result) []string {
	var cats []string
	for c, rs := range by {
		cats = append(cats, c)
		slices.SortFunc(rs, func(a, b *result) int { return strings.Compare(a.program, b.program) })
	}
	slices.SortFunc(cats, func(a, b string) int {
		if (a == catWrongOutput) != (b == catWrongOutput) {
			if a == catWrongOutput {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(len(by[b]), len(by[a])), strings.Compare(a, b))
	})
	return cats
}

func writeReport(path string, results map[string]*result, cats []string, by map[string][]*result, excluded int) error {
	var b strings.Builder
	pass := 0
	var all []*result
	for _, r := range results {
		all = append(all, r)
		if r.pass {
			pass++
		}
	}
	fmt.Fprintf(&b, "gosuite: %d of %d programs pass (%.1f %%), %d excluded\n", pass, len(results), percent(pass, len(results)), excluded)
	for _, c := range cats {
		fmt.Fprintf(&b, "\n== %s (%d)\n", c, len(by[c]))
		for _, r := range by[c] {
			fmt.Fprintf(&b, "%-32s %s\n", r.program, r.first)
		}
	}
	// The slowest programs, to keep the limits well clear of them.
	slices.SortFunc(all, func(a, b *result) int { return cmp.Compare(b.elapsed, a.elapsed) })
	fmt.Fprintf(&b, "\n== slowest programs\n")
	for _, r := range all[:min(15, len(all))] {
		state := "pass"
		if !r.pass {
			state = r.category
		}
		fmt.Fprintf(&b, "%-32s %6.1fs wall %6.1fs cpu  %s\n", r.program, r.elapsed.Seconds(), r.cpu.Seconds(), state)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// cappedBuffer keeps the first limit bytes written to it and drops the
// rest, noting that it did.
type cappedBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	limit   int
	dropped int
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(p)
	if room := max(c.limit-c.buf.Len(), 0); room < n {
		c.dropped += n - room
		p = p[:room]
	}
	c.buf.Write(p)
	return n, nil
}

func (c *cappedBuffer) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dropped > 0 {
		return c.buf.String() + fmt.Sprintf("\n[%d bytes more]\n", c.dropped)
	}
	return c.buf.String()
}
