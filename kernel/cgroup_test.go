package kernel

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A probe started by the test binary itself: it moves into the memory
// cgroup GOPAR_CGROUP_PROBE names and prints the default memory limit.
func init() {
	dir := os.Getenv("GOPAR_CGROUP_PROBE")
	if dir == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(dir, "cgroup.procs"), []byte(strconv.Itoa(os.Getpid())), 0); err != nil {
		fmt.Println("cannot join:", err)
		os.Exit(1)
	}
	fmt.Println(DefaultMemoryLimit())
	os.Exit(0)
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCgroupMemoryReadsTheProcessesOwnCgroupAndThoseAbove(t *testing.T) {
	v2 := t.TempDir()
	writeFiles(t, v2, map[string]string{
		"memory.max":                          "max\n",
		"user.slice/memory.max":               "8589934592\n",
		"user.slice/user-1.slice/memory.max":  "max\n",
		"user.slice/user-1.slice/memory.high": "2147483648\n",
	})
	if got := cgroupMemory([]byte("0::/user.slice/user-1.slice\n"), v2); got != 2<<30 {
		t.Errorf("v2: %d, want the own cgroup's memory.high, 2 GiB", got)
	}
	if got := cgroupMemory([]byte("0::/\n"), v2); got != 0 {
		t.Errorf("v2 at the root: %d, want none", got)
	}
	v1 := t.TempDir()
	writeFiles(t, v1, map[string]string{
		"memory/memory.limit_in_bytes":               "9223372036854771712\n",
		"memory/process_api/memory.limit_in_bytes":   "4294967296\n",
		"memory/process_api/x/memory.limit_in_bytes": "9223372036854771712\n",
	})
	if got := cgroupMemory([]byte("5:devices:/\n4:memory:/process_api/x\n0::/\n"), v1); got != 4<<30 {
		t.Errorf("v1: %d, want the parent's 4 GiB", got)
	}
}

func TestMemLimitLowersTheDefault(t *testing.T) {
	t.Setenv(SpawnerLimitEnv, "1073741824")
	if got := DefaultMemoryLimit(); got != 512<<20 {
		t.Errorf("with MEM_LIMIT=1GiB the default is %d, want half of it", got)
	}
}

// TestTheDefaultLimitFollowsTheCgroupAProcessIsIn puts a real process in a
// memory cgroup of 1 GiB: its default limit is half of that, whatever the
// machine has. It needs a writable cgroup (version 1 or 2), as root has.
func TestTheDefaultLimitFollowsTheCgroupAProcessIsIn(t *testing.T) {
	self, _ := os.ReadFile("/proc/self/cgroup")
	var parent string
	for _, line := range strings.Split(string(self), "\n") {
		f := strings.SplitN(line, ":", 3)
		if len(f) == 3 && f[1] == "memory" {
			parent = filepath.Join("/sys/fs/cgroup/memory", f[2])
		}
	}
	if parent == "" {
		if f := strings.SplitN(strings.TrimSpace(string(self)), ":", 3); len(f) == 3 && f[0] == "0" {
			parent = filepath.Join("/sys/fs/cgroup", f[2])
		}
	}
	dir := filepath.Join(parent, fmt.Sprintf("gopar-test-%d", os.Getpid()))
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Skipf("no writable memory cgroup here: %v", err)
	}
	t.Cleanup(func() { os.Remove(dir) })
	limitFile := "memory.limit_in_bytes"
	if _, err := os.Stat(filepath.Join(dir, limitFile)); err != nil {
		limitFile = "memory.max"
	}
	if err := os.WriteFile(filepath.Join(dir, limitFile), []byte("1073741824"), 0); err != nil {
		t.Skipf("cannot set a cgroup limit here: %v", err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GOPAR_CGROUP_PROBE="+dir, SpawnerLimitEnv+"=")
	out, err := cmd.CombinedOutput()
	if strings.HasPrefix(string(out), "cannot join") {
		t.Skipf("cannot move a process into a cgroup here: %s", out)
	}
	if err != nil {
		t.Fatalf("probe: %v: %s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != strconv.Itoa(512<<20) {
		t.Errorf("default limit in a 1 GiB cgroup = %s, want %d", got, 512<<20)
	}
}
