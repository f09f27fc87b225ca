// Package sidebyside runs one program on each side of a benchmark, gopar
// (a Go program pasted into a cell), CPython and compiled Go, each in a
// process of its own, and times it:
//
//   - gopar: a fresh interpreter session runs the program as one cell, as a
//     learner's pasted program runs in the worker process, its arguments
//     set as %args sets them;
//     the time is that of the cell (checking, lowering and running it),
//     without the process's start and the session's;
//   - CPython: runpy runs the script as __main__, timed inside the process
//     around the run, without the interpreter's start;
//   - compiled Go: the binary of go build, timed around the process, less
//     the start and exit of an empty compiled program (StartupCost).
//
// Every side's standard output is returned whole, for the caller to
// compare: a benchmark whose sides disagree measures nothing.
package sidebyside

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gopar/gopar/interpreter"
)

// Run is one run of a program on one side.
type Run struct {
	Out     []byte  // its standard output
	Seconds float64 // the time of the program itself
}

// cellArg starts a process that runs a cell (ServeCell).
const cellArg = "-sidebyside-cell"

// ServeCell runs a cell and exits when the process was started by Gopar to
// do that; otherwise it returns at once. Call it first thing in main (and
// in TestMain) of a command that calls Gopar.
func ServeCell() {
	if len(os.Args) < 4 || os.Args[1] != cellArg {
		return
	}
	src, timeFile, args := os.Args[2], os.Args[3], os.Args[4:]
	if err := serveCell(src, timeFile, args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

func serveCell(srcPath, timeFile string, args []string) error {
	src, err := os.ReadFile(srcPath)
	if err != nil {
		return err
	}
	// As the worker process runs cells: stdout unbuffered, the same stack
	// limit.
	debug.SetMaxStack(256 << 20)
	s, err := interpreter.New(interpreter.Options{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr})
	if err != nil {
		return err
	}
	// What %args does in the worker: the programs of later cells see them.
	os.Args = append([]string{"main"}, args...)
	stop, err := startProfile(os.Getenv("BENCH_CPUPROFILE"))
	if err != nil {
		return err
	}
	start := time.Now()
	_, err = s.Execute(context.Background(), string(src))
	took := time.Since(start).Seconds()
	if err := stop(); err != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("the cell failed: %w", err)
	}
	return os.WriteFile(timeFile, []byte(strconv.FormatFloat(took, 'g', -1, 64)), 0o644)
}

// startProfile starts a CPU profile of the cell into path (none for ""),
// for whoever makes the interpreter faster: BENCH_CPUPROFILE=FILE
// bench/programs/run.sh -only NAME -rounds 1 profiles that program's cell.
func startProfile(path string) (stop func() error, err error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}

// Gopar runs the Go program in file as a cell of a fresh session, in a new
// process of this executable (which must call ServeCell).
func Gopar(file string, args []string, stdin []byte) (Run, error) {
	exe, err := os.Executable()
	if err != nil {
		return Run{}, err
	}
	return timedInside(exe, []string{cellArg, file}, args, stdin)
}

// pythonRunner runs a script as python3 script.py ARGS would, timing the
// run inside the process.
const pythonRunner = `import runpy, sys, time
path, time_file = sys.argv[1], sys.argv[2]
sys.argv = [path] + sys.argv[3:]
start = time.perf_counter()
runpy.run_path(path, run_name="__main__")
sys.stdout.flush()
took = time.perf_counter() - start
with open(time_file, "w") as f:
    f.write(repr(took))
`

// Python runs the script file with the Python python.
func Python(python, file string, args []string, stdin []byte) (Run, error) {
	return timedInside(python, []string{"-c", pythonRunner, file}, args, stdin)
}

// timedInside runs name with its arguments, those before the program's
// args (pre, ending with the program) then the path of a file for the
// time then args, and reads back the time the process wrote there.
func timedInside(name string, pre, args []string, stdin []byte) (Run, error) {
	f, err := os.CreateTemp("", "sidebyside-time-*")
	if err != nil {
		return Run{}, err
	}
	f.Close()
	defer os.Remove(f.Name())
	full := append(slices.Clone(pre), f.Name())
	full = append(full, args...)
	out, _, err := run(name, full, stdin)
	if err != nil {
		return Run{Out: out}, err
	}
	b, err := os.ReadFile(f.Name())
	if err != nil {
		return Run{Out: out}, err
	}
	secs, err := strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
	if err != nil {
		return Run{Out: out}, fmt.Errorf("reading the time of %s: %w", filepath.Base(pre[len(pre)-1]), err)
	}
	return Run{Out: out, Seconds: secs}, nil
}

// run runs a process to its end and returns its output and wall time; a
// failure's error holds the end of its standard error.
func run(name string, args []string, stdin []byte) ([]byte, time.Duration, error) {
	cmd := exec.CommandContext(context.Background(), name, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	if err != nil {
		msg := strings.TrimSpace(errOut.String())
		if len(msg) > 2000 {
			msg = "…" + msg[len(msg)-2000:]
		}
		if msg == "" {
			msg = "(nothing on stderr)"
		}
		return out.Bytes(), took, fmt.Errorf("%w: %s", err, msg)
	}
	return out.Bytes(), took, nil
}

// Build compiles the Go program in file into dir and returns the binary.
func Build(file, dir string) (string, error) {
	bin := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), ".go"))
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	if _, _, err := run("go", []string{"build", "-o", bin, abs}, nil); err != nil {
		return "", fmt.Errorf("go build %s: %w", file, err)
	}
	return bin, nil
}

// Compiled runs a binary of Build; its time is the process's wall time
// less startup (StartupCost), never below zero.
func Compiled(bin string, args []string, stdin []byte, startup float64) (Run, error) {
	out, took, err := run(bin, args, stdin)
	return Run{Out: out, Seconds: math.Max(took.Seconds()-startup, 0)}, err
}

// StartupCost is the median wall time of starting and ending an empty
// compiled Go program, built into dir.
func StartupCost(dir string) (float64, error) {
	src := filepath.Join(dir, "empty.go")
	if err := os.WriteFile(src, []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		return 0, err
	}
	bin, err := Build(src, dir)
	if err != nil {
		return 0, err
	}
	var times []float64
	for range 21 {
		_, took, err := run(bin, nil, nil)
		if err != nil {
			return 0, err
		}
		times = append(times, took.Seconds())
	}
	return Median(times), nil
}

// Finish ends a benchmark command: on err it says so and exits 1;
// otherwise it writes the report md to out and shows it.
func Finish(command, out, md string, err error) {
	if err == nil {
		err = os.WriteFile(out, []byte(md), 0o644)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", command, err)
		os.Exit(1)
	}
	fmt.Print(md)
}

// Rotate returns the sides in the order of round r: each round starts with
// the next one, so that no side always runs first (in a machine freshly
// warmed by the others, or just after another process woke).
func Rotate[T any](sides []T, r int) []T {
	k := r % len(sides)
	return append(slices.Clone(sides[k:]), sides[:k]...)
}

// Median is the middle of xs (the mean of the two middle ones for an even
// count); 0 for none.
func Median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	switch {
	case n == 0:
		return 0
	case n%2 == 1:
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// GeoMean is the geometric mean of positive xs.
func GeoMean(xs []float64) (float64, error) {
	if len(xs) == 0 {
		return 0, errors.New("no values")
	}
	sum := 0.0
	for _, x := range xs {
		if !(x > 0) {
			return 0, fmt.Errorf("geometric mean of %v: not positive", x)
		}
		sum += math.Log(x)
	}
	return math.Exp(sum / float64(len(xs))), nil
}

// Diff describes where got first differs from want, or is "" when they
// are the same.
func Diff(got, want []byte) string {
	if bytes.Equal(got, want) {
		return ""
	}
	gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w []byte
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if !bytes.Equal(g, w) {
			return fmt.Sprintf("line %d is %s, want %s", i+1, short(g), short(w))
		}
	}
	return "the outputs differ"
}

func short(b []byte) string {
	if len(b) > 80 {
		return strconv.Quote(string(b[:80])) + "…"
	}
	return strconv.Quote(string(b))
}
