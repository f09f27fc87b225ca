// Package load estimates how much of the machine other processes used
// while a benchmark ran.
package load

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// Meter estimates how much of the machine other processes used during the
// benchmark: CPU time the kernel counts as busy (/proc/stat) minus the CPU
// time of this process and the children it waited for (getrusage). On a
// shared machine that share is what keeps parallel code from its full
// speed-up and slows every side, so the reports state it.
type Meter struct {
	busy0, total0 float64
	own0          time.Duration
	ok            bool
}

// Start starts measuring.
func Start() Meter {
	busy, total, ok := procStat()
	return Meter{busy0: busy, total0: total, own0: ownCPU(), ok: ok}
}

// OthersShare returns the fraction of all CPU time since the start that
// went to other processes, or -1 if /proc/stat cannot be read.
func (m Meter) OthersShare() float64 {
	busy, total, ok := procStat()
	if !m.ok || !ok || total <= m.total0 {
		return -1
	}
	tick := 1.0 / 100 // USER_HZ: /proc/stat counts hundredths of a second on Linux
	own := (ownCPU() - m.own0).Seconds() / tick
	return max(0, (busy-m.busy0)-own) / (total - m.total0)
}

// procStat returns the busy and total ticks of all CPUs.
func procStat() (busy, total float64, ok bool) {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, 0, false
	}
	line, _, _ := strings.Cut(string(data), "\n")
	fields := strings.Fields(line)
	if len(fields) < 5 || fields[0] != "cpu" {
		return 0, 0, false
	}
	for k, f := range fields[1:] {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return 0, 0, false
		}
		if k >= 8 { // guest time is already counted in user time
			break
		}
		total += v
		if k != 3 && k != 4 { // idle, iowait
			busy += v
		}
	}
	return busy, total, true
}
