package sysmem

import (
	"os"
	"strconv"
)

func resident(pid int) (int64, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0, err
	}
	return statmResident(b, os.Getpagesize())
}

// children reads the children of every thread of pid: Linux lists each
// thread's own in /proc/PID/task/TID/children.
func children(pid int) ([]int, error) {
	dir := "/proc/" + strconv.Itoa(pid) + "/task"
	tasks, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var pids []int
	for _, t := range tasks {
		b, _ := os.ReadFile(dir + "/" + t.Name() + "/children")
		pids = append(pids, pidList(b)...)
	}
	return pids, nil
}

func total() (int64, error)     { return meminfo("MemTotal") }
func available() (int64, error) { return meminfo("MemAvailable") }

func meminfo(name string) (int64, error) {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, err
	}
	return procField(b, name)
}

// resetPeak sets VmHWM back to the present VmRSS (writing "5" to
// /proc/self/clear_refs, Linux 4.0+). VmHWM is otherwise the peak of the
// whole process lifetime, useless for one statement.
func resetPeak() bool {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		return false
	}
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return false
	}
	hwm, err1 := procField(b, "VmHWM")
	rss, err2 := procField(b, "VmRSS")
	// Right after a reset the mark equals the resident size; allow a
	// little for pages touched in between.
	return err1 == nil && err2 == nil && hwm > 0 && hwm-rss < 1<<20
}

func peak() (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	return procField(b, "VmHWM")
}
