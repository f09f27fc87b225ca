package jit

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gopar/gopar/runtime/interrupt"
)

// lessonCell is what a learner writes in a %%native cell: the lesson's
// calc_pi and sum_range, and functions that exercise what can cross into
// the interpreter.
const lessonCell = `import (
	"errors"
	"math/rand/v2"
	"os"
)

func calcPi(n int) float64 {
	m := 0
	for range n {
		x := rand.Float64()*2 - 1
		y := rand.Float64()*2 - 1
		if x*x+y*y < 1 {
			m++
		}
	}
	return 4 * float64(m) / float64(n)
}

func sumRange(n int64) int64 {
	var s int64
	for i := int64(0); i < n; i++ {
		s += i
	}
	return s
}

// fill writes into the slice it is given, as numba code fills a NumPy array.
func fill(out [][]float64, v float64) {
	for _, row := range out {
		for i := range row {
			row[i] = v
		}
	}
}

func divide(a, b int) (int, error) {
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	return a / b, nil
}

func count(words ...string) map[string]int {
	m := map[string]int{}
	for _, w := range words {
		m[w]++
	}
	return m
}

func apply(f func(int) int, x int) int { return f(x) }

type point struct{ X, Y float64 }

func norm(p point) float64 { return p.X*p.X + p.Y*p.Y }

func identity[T any](x T) T { return x }

func crash() int {
	var m map[string]int
	m["x"] = 1
	return 0
}

func die() { os.Exit(3) }

func spin() {
	for {
	}
}
`

func compile(t *testing.T, src string, mode Mode) *Module {
	t.Helper()
	m, err := CompileMode(context.Background(), src, t.TempDir(), mode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func TestCompiledFunctions(t *testing.T) {
	for _, mode := range []Mode{Plugin, Process} {
		t.Run(mode.String(), func(t *testing.T) {
			m := compile(t, lessonCell, mode)
			if m.Mode != mode {
				t.Fatalf("mode %v, want %v", m.Mode, mode)
			}
			f := m.Funcs()

			if pi := f["calcPi"].(func(int) float64)(200_000); math.Abs(pi-math.Pi) > 0.02 {
				t.Errorf("calcPi = %v", pi)
			}
			const n = 1_000_000
			if s := f["sumRange"].(func(int64) int64)(n); s != n*(n-1)/2 {
				t.Errorf("sumRange(%d) = %d", n, s)
			}
			grid := [][]float64{make([]float64, 3), make([]float64, 2)}
			row := grid[1]
			f["fill"].(func([][]float64, float64))(grid, 7)
			if row[1] != 7 || grid[0][2] != 7 {
				t.Errorf("fill did not reach the caller's slices: %v", grid)
			}
			div := f["divide"].(func(int, int) (int, error))
			if q, err := div(7, 2); q != 3 || err != nil {
				t.Errorf("divide(7, 2) = %v, %v", q, err)
			}
			if _, err := div(1, 0); err == nil || err.Error() != "division by zero" {
				t.Errorf("divide(1, 0) error = %v", err)
			}
			words := f["count"].(func(...string) map[string]int)("a", "b", "a")
			if !reflect.DeepEqual(words, map[string]int{"a": 2, "b": 1}) {
				t.Errorf("count = %v", words)
			}
			if r := recoverFrom(func() { f["crash"].(func() int)() }); r == nil || !strings.Contains(fmt.Sprint(r), "nil map") {
				t.Errorf("crash: recovered %v, want the nil map panic", r)
			}

			skipped := strings.Join(m.Skipped(), "\n")
			for _, want := range []string{"norm: uses type point declared in the cell", "identity: generic functions"} {
				if !strings.Contains(skipped, want) {
					t.Errorf("Skipped() lacks %q:\n%s", want, skipped)
				}
			}
			_, hasApply := f["apply"]
			if hasApply != (mode == Plugin) {
				t.Errorf("apply (takes a func) callable = %v in %v mode", hasApply, mode)
			}
			if sig := m.List()[0].Signature; sig != "func calcPi(n int) float64" {
				t.Errorf("signature %q", sig)
			}
		})
	}
}

func recoverFrom(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

// A helper process that dies, or is interrupted, fails the call with a
// *CallError; the next call starts a new helper.
func TestHelperProcessFailures(t *testing.T) {
	m := compile(t, lessonCell, Process)
	f := m.Funcs()
	sum := f["sumRange"].(func(int64) int64)

	r := recoverFrom(func() { f["die"].(func())() })
	var ce *CallError
	if err, _ := r.(error); !errors.As(err, &ce) || !strings.Contains(ce.Error(), "exit status 3") {
		t.Errorf("die: recovered %v, want a *CallError saying the helper exited", r)
	}
	if s := sum(10); s != 45 {
		t.Errorf("after the helper died, sumRange(10) = %d", s)
	}

	done := make(chan any, 1)
	go func() { done <- recoverFrom(func() { f["spin"].(func())() }) }()
	time.Sleep(100 * time.Millisecond)
	interrupt.Trigger()
	select {
	case r := <-done:
		if err, _ := r.(error); !errors.Is(err, ErrInterrupted) {
			t.Errorf("spin: recovered %v, want ErrInterrupted", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the interrupt did not stop the call")
	}
	interrupt.Reset()
	if s := sum(10); s != 45 {
		t.Errorf("after an interrupt, sumRange(10) = %d", s)
	}
	if m.helper.started != 3 {
		t.Errorf("%d helper processes started, want 3", m.helper.started)
	}

	m.Close()
	if r := recoverFrom(func() { sum(1) }); r == nil || !errors.Is(r.(error), ErrClosed) {
		t.Errorf("call after Close: recovered %v", r)
	}
}

func TestCompileErrorsPointAtTheCell(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"type error", "func f() int {\n\treturn undefinedName\n}\n", []string{"cell:2:9: undefined: undefinedName"}},
		{"unused import", "import \"fmt\"\n\nfunc f() {}\n", []string{"cell:1:8: \"fmt\" imported and not used"}},
		{"syntax error", "func f() int {\n\treturn 1 +\n}\n", []string{"cell:3:1: expected operand"}},
		{"package clause kept in line", "package main\n\nfunc f() int { return x }\n", []string{"cell:3:23: undefined: x"}},
		{"func main", "func main() {}\n", []string{"cell:1:1: a %%native cell cannot declare func main"}},
		{"no function", "var x = 1\n", []string{"declares no function"}},
	}
	for _, tt := range tests {
		_, err := CompileMode(context.Background(), tt.src, "", Process)
		var ce *CompileError
		if !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a *CompileError", tt.name, err)
			continue
		}
		for _, want := range tt.want {
			if !strings.Contains(ce.Error(), want) {
				t.Errorf("%s: error %q lacks %q", tt.name, ce.Error(), want)
			}
		}
	}
}

func TestNoToolchain(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("GOPAR_GO", "")
	_, err := Compile(context.Background(), "func f() {}", "")
	if !errors.Is(err, ErrNoToolchain) || err.Error() != "%%native needs the Go toolchain, and there is no go command on the PATH: install Go (https://go.dev/dl/) and restart the kernel, or set GOPAR_GO to a go command; the rest of gopar works without Go" {
		t.Errorf("got %v", err)
	}
}

func TestPluginNeedsTheSameToolchain(t *testing.T) {
	tc := &toolchain{GOVERSION: "go1.0.1", GOOS: "linux", GOARCH: "amd64"}
	why := pluginUnsupported(tc)
	if !strings.Contains(why, "the go command is go1.0.1 but gopar was built with go") {
		t.Errorf("got %q", why)
	}
}

// The same cell compiled again is the same module; compiled in a fresh
// process, it reuses the cached build.
func TestBuildsAreCached(t *testing.T) {
	src := "func triple(x int) int { return 3 * x }\n"
	m1 := compile(t, src, Process)
	m2 := compile(t, src, Process)
	if m1 != m2 {
		t.Error("the same cell compiled twice gave two modules")
	}
	exe := m1.helper.exe
	before, err := os.Stat(exe)
	if err != nil {
		t.Fatal(err)
	}
	m1.Close() // forgets it
	m3 := compile(t, src, Process)
	if m3 == m1 {
		t.Error("a closed module was handed out again")
	}
	after, _ := os.Stat(exe)
	if !after.ModTime().Equal(before.ModTime()) {
		t.Error("the cached build was rebuilt")
	}
	if got := m3.Funcs()["triple"].(func(int) int)(14); got != 42 {
		t.Errorf("triple(14) = %d", got)
	}
}

func TestAutoPrefersAPlugin(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("plugins need a C compiler")
	}
	m := compile(t, "func double(x float64) float64 { return 2 * x }\n", Auto)
	if m.Mode != Plugin || m.Fallback != "" {
		t.Errorf("mode %v, fallback %q", m.Mode, m.Fallback)
	}
}
