package kernel

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gopar/gopar/internal/sysmem"
	"github.com/gopar/gopar/worker"
)

// A worker that can hog memory: started by the test binary itself, like
// the scripted worker of supervisor_test.go, before TestMain runs.
func init() {
	if os.Getenv("GOPAR_HOG_WORKER") != "1" {
		return
	}
	err := worker.Serve(worker.Config{NewEngine: func(stdin io.Reader) (worker.Engine, error) {
		return &hogEngine{scriptEngine: &scriptEngine{stdin: bufio.NewReader(stdin)}}, nil
	}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// hogEngine adds two commands to scriptEngine: "hog N" allocates and
// touches N MiB, 8 MiB at a time, keeping all of it; "softlimit" prints the
// Go runtime's memory limit.
type hogEngine struct {
	*scriptEngine
	kept [][]byte
}

func (e *hogEngine) Execute(ctx context.Context, code string) (map[string]any, error) {
	cmd, arg, _ := strings.Cut(strings.TrimSpace(code), " ")
	switch cmd {
	case "hog":
		var mib int
		fmt.Sscan(arg, &mib)
		for range mib / 8 {
			b := make([]byte, 8<<20)
			for i := 0; i < len(b); i += 4096 {
				b[i] = 1
			}
			e.kept = append(e.kept, b)
			time.Sleep(time.Millisecond)
		}
		return map[string]any{"text/plain": "survived"}, nil
	case "softlimit":
		return map[string]any{"text/plain": fmt.Sprint(debug.SetMemoryLimit(-1))}, nil
	}
	return e.scriptEngine.Execute(ctx, code)
}

func newHogSupervisor(t *testing.T, limit int64) *Supervisor {
	t.Helper()
	out := NewOutput(0, (&recorder{}).publish)
	s := NewSupervisor([]string{os.Args[0], "-test.run=^$"}, out)
	s.env = append(os.Environ(), "GOPAR_HOG_WORKER=1")
	s.MemoryLimit = limit
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Shutdown)
	return s
}

func TestACellPastTheMemoryLimitGetsAMemoryError(t *testing.T) {
	const limit = 160 << 20
	s := newHogSupervisor(t, limit)
	run(s, "set table")
	if res := run(s, "softlimit"); res.Result["text/plain"] != fmt.Sprint(int64(limit*softLimitShare)) {
		t.Errorf("the worker's soft limit is %v, want 90%% of %d", res.Result, limit)
	}
	if res := run(s, "hog 32"); res.Error != nil {
		t.Fatalf("32 MiB under a 160 MiB limit: %v", res.Error)
	}
	res := run(s, "hog 1024")
	if res.Error == nil {
		t.Fatalf("a cell took 1 GiB under a 160 MiB limit: %v", res.Result)
	}
	if res.Error.Name != "MemoryError" || !strings.Contains(res.Error.Value, "160.0 MiB") || !strings.Contains(res.Error.Value, MemoryLimitEnv) {
		t.Errorf("error = %s: %s", res.Error.Name, res.Error.Value)
	}
	if tb := strings.Join(res.Error.Traceback, "\n"); !strings.Contains(tb, "table") {
		t.Errorf("the traceback does not name the lost variable: %q", tb)
	}
	if res := run(s, "value alive"); res.Result["text/plain"] != "alive" {
		t.Errorf("after the memory error: %+v", res)
	}
}

func TestNoLimitLeavesTheWorkerAlone(t *testing.T) {
	s := newHogSupervisor(t, 0)
	if res := run(s, "softlimit"); res.Result["text/plain"] != fmt.Sprint(int64(math.MaxInt64)) {
		t.Errorf("soft limit set without a limit: %v", res.Result)
	}
	if res := run(s, "hog 64"); res.Error != nil {
		t.Errorf("without a limit: %v", res.Error)
	}
}

func TestParseMemoryLimit(t *testing.T) {
	const total = 16 << 30
	tests := []struct {
		in   string
		want int64
		bad  bool
	}{
		{"2GiB", 2 << 30, false},
		{"2 GiB", 2 << 30, false},
		{"1.5GiB", 3 << 29, false},
		{"512MiB", 512 << 20, false},
		{"512M", 512 << 20, false},
		{"512mb", 512e6, false},
		{"4G", 4 << 30, false},
		{"1TiB", 1 << 40, false},
		{"1000000", 1000000, false},
		{"64KiB", 64 << 10, false},
		{"25%", 4 << 30, false},
		{"off", 0, false},
		{"0", 0, false},
		{"none", 0, false},
		{"lots", 0, true},
		{"12 parsecs", 0, true},
		{"-1GiB", 0, true},
		{"150%", 0, true},
		{"GiB", 0, true},
		{"1e30TiB", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseMemoryLimit(tt.in, total)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("ParseMemoryLimit(%q) = %d, %v; want %d (error: %v)", tt.in, got, err, tt.want, tt.bad)
		}
	}
}

func TestDefaultMemoryLimit(t *testing.T) {
	tests := []struct {
		total, want int64
	}{
		{0, 0},
		{4 << 30, 2 << 30},
		{16 << 30, 8 << 30},
		{256 << 30, 8 << 30},
	}
	for _, tt := range tests {
		if got := defaultMemoryLimit(tt.total); got != tt.want {
			t.Errorf("defaultMemoryLimit(%d) = %d, want %d", tt.total, got, tt.want)
		}
	}
}

func TestMachineMemoryFiles(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"max\n", 0},
		{"9223372036854771712\n", 0}, // cgroup v1: unlimited
		{"4294967296\n", 4 << 30},
		{"", 0},
	}
	for _, tt := range tests {
		if got := cgroupLimit([]byte(tt.in)); got != tt.want {
			t.Errorf("cgroupLimit(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestWorkerEnv(t *testing.T) {
	env := workerEnv([]string{"A=1"}, 1000)
	if strings.Join(env, " ") != "A=1 GOMEMLIMIT=900B" {
		t.Errorf("env = %q", env)
	}
	if env := workerEnv([]string{"GOMEMLIMIT=5GiB"}, 1000); len(env) != 1 {
		t.Errorf("an explicit GOMEMLIMIT was overridden: %q", env)
	}
	if env := workerEnv([]string{"A=1"}, 0); len(env) != 1 {
		t.Errorf("no limit, yet env = %q", env)
	}
}

func TestTreeResidentCountsChildren(t *testing.T) {
	if _, err := sysmem.Resident(os.Getpid()); err != nil {
		t.Skip("this system's memory cannot be read:", err)
	}
	child := exec.Command("sleep", "30")
	if err := child.Start(); err != nil {
		t.Skip("no sleep to start:", err)
	}
	defer func() {
		_ = child.Process.Kill()
		_ = child.Wait()
	}()
	own, _ := sysmem.Resident(os.Getpid())
	total, pids, err := treeResident(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(pids, child.Process.Pid) {
		t.Errorf("the child %d is not among %v", child.Process.Pid, pids)
	}
	if total <= own {
		t.Errorf("the tree holds %d bytes, this process alone %d", total, own)
	}
}

func TestFormatBytes(t *testing.T) {
	tests := []struct {
		n    uint64
		want string
	}{
		{0, "0 B"}, {1023, "1023 B"}, {1024, "1.0 KiB"}, {160 << 20, "160.0 MiB"},
		{4 << 30, "4.0 GiB"}, {3 << 29, "1.5 GiB"}, {1 << 40, "1.0 TiB"}, {1 << 62, "4.0 EiB"},
	}
	for _, tt := range tests {
		if got := formatBytes(tt.n); got != tt.want {
			t.Errorf("formatBytes(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
