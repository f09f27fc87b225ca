package profile

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"

	"github.com/gopar/gopar/internal/sysmem"
)

// withoutGC runs f with the garbage collector off, as IPython's timer does.
// Python still frees most objects by reference counting while its collector
// is off; Go has nothing of the kind, so "off" is bounded: a memory limit
// lets the collector run only once a statement has allocated more than
// gcOffHeadroom (or half the memory the machine or cgroup can spare, if
// less). Both settings are restored afterwards and the garbage is returned to
// the system, so that timing leaves the process no bigger than it found it.
func withoutGC(f func() error) error {
	oldPercent := debug.SetGCPercent(-1)
	oldLimit := debug.SetMemoryLimit(-1) // a negative value only reads it
	if limit := gcOffLimit(); limit < oldLimit {
		debug.SetMemoryLimit(limit)
	}
	defer func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
		debug.FreeOSMemory()
	}()
	return f()
}

// gcOffHeadroom is how much a timed statement may allocate before the
// collector runs anyway.
const gcOffHeadroom = 1 << 30

// gcOffLimit is the Go runtime's present footprint plus the headroom.
func gcOffLimit() int64 {
	spare := int64(2 * gcOffHeadroom)
	if avail, err := sysmem.Available(); err == nil {
		spare = min(spare, avail)
	}
	if cg, ok := cgroupSpare(); ok {
		spare = min(spare, cg)
	}
	return goFootprint() + spare/2
}

func goFootprint() int64 {
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	metrics.Read(s)
	var v [2]int64
	for i := range s {
		if s[i].Value.Kind() == metrics.KindUint64 {
			v[i] = int64(s[i].Value.Uint64())
		}
	}
	return v[0] - v[1]
}

// cgroupSpare is memory.max - memory.current of a cgroup v2 with a limit.
func cgroupSpare() (int64, bool) {
	read := func(name string) (int64, bool) {
		b, err := os.ReadFile("/sys/fs/cgroup/" + name)
		if err != nil {
			return 0, false
		}
		n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
		return n, err == nil // "max" means no limit
	}
	maxBytes, ok1 := read("memory.max")
	cur, ok2 := read("memory.current")
	if !ok1 || !ok2 {
		return 0, false
	}
	return max(maxBytes-cur, 0), true
}
