package native

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// testLibrarySource is a learner's C library: the lesson's sum_range and a
// few functions that exercise every kind of parameter.
const testLibrarySource = `
#include <stdint.h>

long long sum_range(long long high)
{
	long long s = 0;
	for (long long i = 0; i < high; i++)
		s += i;
	return s;
}

double dot(const double *x, int64_t nx, const double *y, int64_t ny)
{
	double s = 0;
	for (int64_t i = 0; i < nx && i < ny; i++)
		s += x[i] * y[i];
	return s;
}

void scale(double *x, int64_t n, double f)
{
	for (int64_t i = 0; i < n; i++)
		x[i] *= f;
}

int64_t count_odd(const int64_t *x, int64_t n)
{
	int64_t c = 0;
	for (int64_t i = 0; i < n; i++)
		c += x[i] & 1;
	return c;
}

int add32(int a, int b) { return a + b; }
float halve(float x) { return x / 2; }
uint64_t twice(uint64_t x) { return 2 * x; }
double mix(int64_t a, double b, int c, float d) { return a + b + c + d; }
`

// buildTestLibrary compiles testLibrarySource with gcc into a temporary
// directory, or skips the test when gcc is missing.
func buildTestLibrary(t testing.TB) string {
	t.Helper()
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		t.Skip("gcc not found: cannot build the test library")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "test.c")
	if err := os.WriteFile(src, []byte(testLibrarySource), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := filepath.Join(dir, "libtest.so")
	if out, err := exec.Command(gcc, "-O2", "-shared", "-fPIC", "-o", lib, src).CombinedOutput(); err != nil {
		t.Fatalf("gcc: %v\n%s", err, out)
	}
	return lib
}

func TestLoadAndCallLearnersLibrary(t *testing.T) {
	lib, err := Load(buildTestLibrary(t))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()

	x := []float64{1, 2, 3}
	y := []float64{4, 5, 6}
	tests := []struct {
		name, sig string
		args      []any
		want      any
	}{
		{"sum_range", "func(int64) int64", []any{1000}, int64(499500)},
		{"sum_range", "func(high int64) int64", []any{int64(1_000_000)}, int64(499999500000)},
		{"sum_range", "(int64) int64", []any{uint8(10)}, int64(45)},
		{"dot", "func(x, y []float64) float64", []any{x, y}, 32.0},
		{"count_odd", "func([]int64) int64", []any{[]int64{1, 2, 3, 5, 8}}, int64(3)},
		{"count_odd", "func([]int64) int64", []any{[]int64{}}, int64(0)},
		{"add32", "func(int32, int32) int32", []any{2, -5}, int32(-3)},
		{"halve", "func(float32) float32", []any{3}, float32(1.5)},
		{"twice", "func(uint64) uint64", []any{uint64(1) << 62}, uint64(1) << 63},
		{"mix", "func(int64, float64, int32, float32) float64", []any{1, 0.5, 2, float32(0.25)}, 3.75},
	}
	for _, tt := range tests {
		f, err := lib.Func(tt.name, tt.sig)
		if err != nil {
			t.Errorf("Func(%q, %q): %v", tt.name, tt.sig, err)
			continue
		}
		got, err := f.Call(tt.args...)
		if err != nil {
			t.Errorf("%s%v: %v", tt.name, tt.args, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s%v = %v (%T), want %v (%T)", tt.name, tt.args, got, got, tt.want, tt.want)
		}
	}

	// C writes through a slice parameter, and Go sees it.
	scale, err := lib.Func("scale", "func([]float64, float64)")
	if err != nil {
		t.Fatal(err)
	}
	if r, err := scale.Call(x, 10); err != nil || r != nil {
		t.Fatalf("scale: %v, %v", r, err)
	}
	if x[0] != 10 || x[1] != 20 || x[2] != 30 {
		t.Errorf("after scale(x, 10): %v", x)
	}

	// By name, and the typed helpers.
	if _, err := lib.Func("sum_range", "func(int64) int64"); err != nil {
		t.Fatal(err)
	}
	if got, err := lib.Call("sum_range", 10); err != nil || got != int64(45) {
		t.Errorf("lib.Call(sum_range, 10) = %v, %v", got, err)
	}
	sumRange, _ := lib.Func("sum_range", "func(int64) int64")
	if got, err := sumRange.CallInt64(100); err != nil || got != 4950 {
		t.Errorf("CallInt64 = %v, %v", got, err)
	}
	dot, _ := lib.Func("dot", "func([]float64, []float64) float64")
	if got, err := dot.CallFloat64([]float64{2}, []float64{3}); err != nil || got != 6 {
		t.Errorf("CallFloat64 = %v, %v", got, err)
	}
	if _, err := dot.CallInt64([]float64{2}, []float64{3}); err == nil {
		t.Error("CallInt64 of a float function gave no error")
	}
	if sumRange.String() != "sum_range func(int64) int64" {
		t.Errorf("String() = %q", sumRange.String())
	}
	if fs := lib.Functions(); !contains(fs, "sum_range") || !contains(fs, "dot") {
		t.Errorf("Functions() = %v", fs)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestLoadErrorsAreClear(t *testing.T) {
	path := buildTestLibrary(t)
	lib, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	sumRange, err := lib.Func("sum_range", "func(int64) int64")
	if err != nil {
		t.Fatal(err)
	}
	notLib := filepath.Join(t.TempDir(), "notalib.so")
	os.WriteFile(notLib, []byte("hello"), 0o644)

	tests := []struct {
		name string
		err  func() error
		says []string
	}{
		{"missing file", func() error { _, err := Load("./no/such/libtest.so"); return err }, []string{"no such file", "./no/such/libtest.so"}},
		{"missing bare name", func() error { _, err := Load("libnosuchthing.so"); return err }, []string{"libnosuchthing.so", "working directory"}},
		{"not a library", func() error { _, err := Load(notLib); return err }, []string{"notalib.so"}},
		{"missing symbol", func() error { _, err := lib.Func("sum_rang", "func(int64) int64"); return err }, []string{`no function "sum_rang"`, "sum_range"}},
		{"int is ambiguous", func() error { _, err := lib.Func("sum_range", "func(int) int"); return err }, []string{"int32", "int64"}},
		{"unsupported type", func() error { _, err := lib.Func("sum_range", "func(string) int64"); return err }, []string{"string", "not supported"}},
		{"not a signature", func() error { _, err := lib.Func("sum_range", "int64 -> int64"); return err }, []string{"not a Go function type"}},
		{"two results", func() error { _, err := lib.Func("sum_range", "func(int64) (int64, int64)"); return err }, []string{"at most one"}},
		{"slice result", func() error { _, err := lib.Func("sum_range", "func(int64) []int64"); return err }, []string{"cannot return a slice"}},
		{"too many arguments", func() error { _, err := sumRange.Call(1, 2); return err }, []string{"takes 1 argument", "got 2"}},
		{"float for int", func() error { _, err := sumRange.Call(1.5); return err }, []string{"want int64", "float64"}},
		{"string for int", func() error { _, err := sumRange.Call("10"); return err }, []string{"want int64", "string"}},
		{"nil argument", func() error { _, err := sumRange.Call(nil); return err }, []string{"nil"}},
		{"too big for int32", func() error {
			f, _ := lib.Func("add32", "func(int32, int32) int32")
			_, err := f.Call(1<<40, 1)
			return err
		}, []string{"does not fit in int32"}},
		{"wrong slice type", func() error {
			f, _ := lib.Func("dot", "func([]float64, []float64) float64")
			_, err := f.Call([]float32{1}, []float64{1})
			return err
		}, []string{"want []float64", "[]float32"}},
		{"undeclared name", func() error { _, err := lib.Call("halve", 1); return err }, []string{"not declared", "lib.Func"}},
	}
	for _, tt := range tests {
		err := tt.err()
		t.Logf("%s: %v", tt.name, err)
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		for _, s := range tt.says {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("%s: error %q does not mention %q", tt.name, err, s)
			}
		}
	}

	lib.Close()
	if _, err := sumRange.Call(1); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("call after Close: %v", err)
	}
}

// TestLibraryFromManyGoroutines calls C from many goroutines at once, the
// lesson's "call the C library from multiple threads" exercise.
func TestLibraryFromManyGoroutines(t *testing.T) {
	lib, err := Load(buildTestLibrary(t))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	sumRange, err := lib.Func("sum_range", "func(int64) int64")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16*200)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 200 {
				n := int64(g*1000 + k)
				var got any
				var err error
				if k%2 == 0 {
					got, err = sumRange.Call(n)
				} else {
					got, err = lib.Call("sum_range", n)
				}
				if err != nil || got != n*(n-1)/2 {
					errs <- "wrong"
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	if n := len(errs); n > 0 {
		t.Errorf("%d of %d concurrent calls went wrong", n, 16*200)
	}
}
