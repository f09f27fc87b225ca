package kernel

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"log"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
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

// Default limit: half the memory of the machine (or of the container),
// at most maxDefaultLimit.
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

// DefaultMemoryLimit is half the memory of the machine or container, at
// most 8 GiB; 0 (no limit) when the memory cannot be read.
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

// machineMemory is the memory this process may use: the machine's, or
// its container's when that is smaller; 0 when unknown.
func machineMemory() int64 {
	total := memTotal(readFile("/proc/meminfo"))
	for _, path := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		if n := cgroupLimit(readFile(path)); n > 0 && (total == 0 || n < total) {
			total = n
		}
	}
	return total
}

func readFile(path string) []byte {
	b, _ := os.ReadFile(path)
	return b
}

// memTotal reads MemTotal from /proc/meminfo; 0 when absent.
func memTotal(meminfo []byte) int64 {
	sc := bufio.NewScanner(bytes.NewReader(meminfo))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == "MemTotal:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
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

// residentBytes is the resident memory of process pid, from /proc/PID/statm.
func residentBytes(pid int) (int64, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0, err
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, errors.New("statm: too few fields")
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0, err
	}
	return pages * int64(os.Getpagesize()), nil
}

// treeResident is the resident memory of pid and of the processes it
// started, and theirs (a gopar/procs pool, a shell command): a cell's
// memory is theirs too. Linux lists each thread's children in
// /proc/PID/task/TID/children; where it does not, pid alone counts.
func treeResident(pid int) (total int64, pids []int, err error) {
	total, err = residentBytes(pid)
	if err != nil {
		return 0, nil, err
	}
	pids = []int{pid}
	seen := map[int]bool{pid: true}
	for i := 0; i < len(pids); i++ {
		for _, child := range childrenOf(pids[i]) {
			if seen[child] {
				continue
			}
			seen[child] = true
			if n, err := residentBytes(child); err == nil {
				total += n
				pids = append(pids, child)
			}
		}
	}
	return total, pids, nil
}

// childrenOf lists the children of every thread of pid.
func childrenOf(pid int) []int {
	dir := "/proc/" + strconv.Itoa(pid) + "/task"
	tasks, _ := os.ReadDir(dir)
	var out []int
	for _, t := range tasks {
		for _, f := range strings.Fields(string(readFile(dir + "/" + t.Name() + "/children"))) {
			if n, err := strconv.Atoi(f); err == nil {
				out = append(out, n)
			}
		}
	}
	return out
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
			return // gone, or no /proc: nothing to watch
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
