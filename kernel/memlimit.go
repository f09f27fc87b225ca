package kernel

import (
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gopar/gopar/internal/sysmem"
)

// A cell that allocates without bound would otherwise take the whole
// machine down with it, and with thirty learners on one server, everyone's
// kernels. So the supervisor watches the resident memory of its worker (with
// the processes it started) and, past the limit, stops them and starts a new
// worker, as after any other crash; the cell ends with a MemoryError. The
// worker's Go runtime also gets a soft limit a little below (GOMEMLIMIT), so
// the garbage collector works harder before the hard limit is reached.

// MemoryLimitEnv names the environment variable that sets the limit, e.g.
// "2GiB", "512MiB", "25%" (of the machine's memory) or "off".
const MemoryLimitEnv = "GOPAR_MEMORY_LIMIT"

// Default limit: half the memory the kernel may use (the machine's, its
// cgroup's or MEM_LIMIT, whichever is least), at most maxDefaultLimit.
const maxDefaultLimit = 8 << 30

// softLimitShare is the part of the limit given to the worker's garbage
// collector as its soft limit.
const softLimitShare = 0.9

// Sampling the worker's memory: slowly while far from the limit, fast
// when close to it.
const (
	memorySampleSlow = 100 * time.Millisecond
	memorySampleFast = 20 * time.Millisecond
)

// MemoryLimitFromEnv returns the limit set by GOPAR_MEMORY_LIMIT, or the
// default when it is unset. 0 means no limit.
func MemoryLimitFromEnv() (int64, error) {
	v := strings.TrimSpace(os.Getenv(MemoryLimitEnv))
	if v == "" {
		return DefaultMemoryLimit(), nil
	}
	return ParseMemoryLimit(v, machineMemory())
}

// memoryLimitOrDefault is MemoryLimitFromEnv for NewSupervisor, which
// cannot fail: a bad setting is logged and the default used.
func memoryLimitOrDefault() int64 {
	n, err := MemoryLimitFromEnv()
	if err != nil {
		log.Printf("gopar: %v; using the default memory limit", err)
		return DefaultMemoryLimit()
	}
	return n
}

// DefaultMemoryLimit is half the memory the kernel may use (machine,
// cgroup, MEM_LIMIT), at most 8 GiB; 0 (no limit) when it cannot be read.
func DefaultMemoryLimit() int64 { return defaultMemoryLimit(machineMemory()) }

func defaultMemoryLimit(total int64) int64 {
	if total <= 0 {
		return 0
	}
	return min(total/2, maxDefaultLimit)
}

// ParseMemoryLimit reads a limit: a number of bytes with an optional unit
// (B, KiB, MiB, GiB, TiB; KB, MB, GB, TB in powers of 1000; K, M, G, T as
// the binary ones), a percentage of total, or "off", "none", "0" for no
// limit.
func ParseMemoryLimit(s string, total int64) (int64, error) {
	t := strings.TrimSpace(s)
	switch strings.ToLower(t) {
	case "off", "none", "no", "0", "unlimited":
		return 0, nil
	}
	bad := fmt.Errorf("%s=%q is not a memory size (write e.g. 2GiB, 512MiB or 25%%)", MemoryLimitEnv, s)
	if pct, ok := strings.CutSuffix(t, "%"); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(pct), 64)
		if err != nil || f <= 0 || f > 100 {
			return 0, bad
		}
		if total <= 0 {
			return 0, fmt.Errorf("%s=%q: the machine's memory is unknown", MemoryLimitEnv, s)
		}
		return int64(float64(total) * f / 100), nil
	}
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := t, ""
	if i >= 0 {
		num, unit = t[:i], strings.TrimSpace(t[i:])
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 {
		return 0, bad
	}
	mult, ok := memoryUnits[strings.ToLower(unit)]
	if !ok {
		return 0, bad
	}
	n := f * mult
	if n >= math.MaxInt64 {
		return 0, bad
	}
	return int64(n), nil
}

var memoryUnits = map[string]float64{
	"": 1, "b": 1,
	"k": 1 << 10, "kib": 1 << 10, "kb": 1e3,
	"m": 1 << 20, "mib": 1 << 20, "mb": 1e6,
	"g": 1 << 30, "gib": 1 << 30, "gb": 1e9,
	"t": 1 << 40, "tib": 1 << 40, "tb": 1e12,
}

// machineMemory is the memory this kernel may use: the machine's, or less
// where a limit says so: the memory cgroup the kernel runs in (or one
// above it), and MEM_LIMIT, which JupyterHub's spawners set to a user's
// share; 0 when unknown.
func machineMemory() int64 {
	total, _ := sysmem.Total()
	lower := func(n int64) {
		if n > 0 && (total == 0 || n < total) {
			total = n
		}
	}
	lower(cgroupMemory(readFile("/proc/self/cgroup"), "/sys/fs/cgroup"))
	if v := strings.TrimSpace(os.Getenv(SpawnerLimitEnv)); v != "" {
		if n, err := ParseMemoryLimit(v, 0); err == nil {
			lower(n)
		} else {
			log.Printf("gopar: ignoring %s=%q: not a memory size", SpawnerLimitEnv, v)
		}
	}
	return total
}

// SpawnerLimitEnv is the variable JupyterHub's spawners set to the memory
// a user's server may use, in bytes.
const SpawnerLimitEnv = "MEM_LIMIT"

// cgroupMemory is the smallest memory limit on the cgroup a process is in
// (as /proc/self/cgroup names it) and on those above it, under root (the
// cgroup file system); 0 when there is none. Version 2 has memory.max and
// memory.high; version 1 memory.limit_in_bytes in its memory hierarchy.
func cgroupMemory(self []byte, root string) int64 {
	var limit int64
	lower := func(n int64) {
		if n > 0 && (limit == 0 || n < limit) {
			limit = n
		}
	}
	for _, line := range strings.Split(string(self), "\n") {
		f := strings.SplitN(line, ":", 3)
		if len(f) != 3 {
			continue
		}
		var dir string
		var files []string
		switch {
		case f[0] == "0" && f[1] == "":
			dir, files = root, []string{"memory.max", "memory.high"}
			if _, err := os.Stat(filepath.Join(root, "unified")); err == nil {
				dir = filepath.Join(root, "unified") // v2 beside v1
			}
		case slices.Contains(strings.Split(f[1], ","), "memory"):
			dir, files = filepath.Join(root, "memory"), []string{"memory.limit_in_bytes"}
		default:
			continue
		}
		// From the process's own cgroup up to the root: a limit on any
		// of them holds.
		for p := filepath.Clean("/" + f[2]); ; p = filepath.Dir(p) {
			for _, file := range files {
				lower(cgroupLimit(readFile(filepath.Join(dir, p, file))))
			}
			if p == "/" {
				break
			}
		}
	}
	return limit
}

func readFile(path string) []byte {
	b, _ := os.ReadFile(path)
	return b
}

// cgroupLimit reads memory.max (v2) or memory.limit_in_bytes (v1); 0 when
// there is none ("max", or v1's huge "unlimited" value).
func cgroupLimit(b []byte) int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || n <= 0 || n >= 1<<60 {
		return 0
	}
	return n
}

// workerEnv is env (nil: this process's) with the worker's soft memory
// limit, unless env sets GOMEMLIMIT itself.
func workerEnv(env []string, limit int64) []string {
	if env == nil {
		env = os.Environ()
	}
	if limit <= 0 {
		return env
	}
	for _, kv := range env {
		if strings.HasPrefix(kv, "GOMEMLIMIT=") {
			return env
		}
	}
	soft := int64(float64(limit) * softLimitShare)
	return append(env[:len(env):len(env)], "GOMEMLIMIT="+strconv.FormatInt(soft, 10)+"B")
}

// treeResident is the resident memory of pid and of the processes it
// started, and theirs (a gopar/procs pool, a shell command): a cell's
// memory is theirs too.
func treeResident(pid int) (total int64, pids []int, err error) {
	total, err = sysmem.Resident(pid)
	if err != nil {
		return 0, nil, err
	}
	pids = []int{pid}
	seen := map[int]bool{pid: true}
	for i := 0; i < len(pids); i++ {
		children, _ := sysmem.Children(pids[i]) // one that just exited has none
		for _, child := range children {
			if seen[child] {
				continue
			}
			seen[child] = true
			if n, err := sysmem.Resident(child); err == nil {
				total += n
				pids = append(pids, child)
			}
		}
	}
	return total, pids, nil
}

// watchMemory kills the worker, and the processes it started, when their
// resident memory exceeds limit, and notes it so that the cell's error
// says why.
func (p *process) watchMemory(limit int64) {
	pid := p.cmd.Process.Pid
	timer := time.NewTimer(memorySampleSlow)
	defer timer.Stop()
	for {
		select {
		case <-p.exited:
			return
		case <-timer.C:
		}
		rss, _, err := treeResident(pid)
		if err != nil {
			return // gone, or its memory cannot be read: nothing to watch
		}
		if rss > limit {
			p.overMemory.Store(rss)
			p.kill() // with the processes it started
			return
		}
		next := memorySampleSlow
		if rss > limit/2 {
			next = memorySampleFast
		}
		timer.Reset(next)
	}
}

// memoryError is the error value of a cell whose worker passed the limit.
func memoryError(limit int64) string {
	return fmt.Sprintf("the cell used more than %s (the limit), so its process was stopped. "+
		"Use less memory at once (smaller chunks, fewer copies), or raise the limit with %s (e.g. %s=\"8GiB\") in the kernel's environment.",
		formatBytes(uint64(limit)), MemoryLimitEnv, MemoryLimitEnv)
}

// formatBytes writes n in binary units: 512 B, 3.5 KiB, 4.0 GiB.
func formatBytes(n uint64) string {
	const unit = 1024
	if n < unit {
		return strconv.FormatUint(n, 10) + " B"
	}
	div, exp := uint64(unit), 0
	for m := n / unit; m >= unit && exp < 5; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
