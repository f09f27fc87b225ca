package sysmem

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"testing"
)

// childEnv makes the test binary, started again, a child that waits for
// its standard input to close: a process to find on every system.
const childEnv = "GOPAR_SYSMEM_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		_, _ = io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func supported(t *testing.T, err error) {
	t.Helper()
	if errors.Is(err, ErrUnsupported) && runtime.GOOS != "linux" && runtime.GOOS != "darwin" && runtime.GOOS != "windows" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestResidentOfThisProcess(t *testing.T) {
	n, err := Resident(os.Getpid())
	supported(t, err)
	if n < 1<<20 || n > 1<<40 {
		t.Errorf("this test has %d resident bytes?", n)
	}
}

func TestResidentGrowsWithTouchedMemory(t *testing.T) {
	before, err := Resident(os.Getpid())
	supported(t, err)
	b := make([]byte, 64<<20)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	after, err := Resident(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(b)
	if after-before < 48<<20 {
		t.Errorf("64 MiB touched, resident memory went from %d to %d bytes", before, after)
	}
}

func TestChildrenFindsAStartedProcess(t *testing.T) {
	if _, err := Children(os.Getpid()); errors.Is(err, ErrUnsupported) {
		supported(t, err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), childEnv+"=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		_ = cmd.Wait()
	}()
	kids, err := Children(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(kids, cmd.Process.Pid) {
		t.Errorf("the child %d is not among the children %v", cmd.Process.Pid, kids)
	}
	if n, err := Resident(cmd.Process.Pid); err != nil || n <= 0 {
		t.Errorf("Resident(child) = %d, %v", n, err)
	}
}

func TestResidentOfNoProcess(t *testing.T) {
	if _, err := Resident(-1); err == nil {
		t.Error("a process that cannot exist has a resident size")
	}
}

func TestTotalAndAvailable(t *testing.T) {
	total, err := Total()
	supported(t, err)
	if total < 64<<20 {
		t.Errorf("the machine has %d bytes of memory?", total)
	}
	avail, err := Available()
	if runtime.GOOS == "darwin" {
		if !errors.Is(err, ErrUnsupported) {
			t.Errorf("Available on macOS = %d, %v", avail, err)
		}
		return
	}
	if err != nil || avail <= 0 || avail > total {
		t.Errorf("Available() = %d, %v (total %d)", avail, err, total)
	}
}

func TestPeakAfterReset(t *testing.T) {
	if !ResetPeak() {
		if runtime.GOOS == "linux" {
			t.Log("the peak counter cannot be reset here (no write access to /proc/self/clear_refs)")
		}
		t.Skip("no resettable peak counter")
	}
	base, err := Resident(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 64<<20)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	runtime.KeepAlive(b)
	p, err := Peak()
	if err != nil {
		t.Fatal(err)
	}
	if p-base < 48<<20 {
		t.Errorf("peak %d bytes after touching 64 MiB from %d resident", p, base)
	}
}
