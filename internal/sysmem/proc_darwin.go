package sysmem

import (
	"fmt"
	"sync"
	"unsafe"

	"github.com/ebitengine/purego"
)

// macOS has no /proc: a process's figures come from libproc and the
// machine's from sysctl, both in libSystem, called through purego so that
// no cgo is needed (release builds have none).

const (
	procPIDTaskInfo = 4 // PROC_PIDTASKINFO, <sys/proc_info.h>
	procPPIDOnly    = 6 // PROC_PPID_ONLY, <libproc.h>
)

var libSystem struct {
	once sync.Once
	err  error

	// int proc_pidinfo(int pid, int flavor, uint64_t arg, void *buffer, int buffersize)
	pidinfo func(pid, flavor int32, arg uint64, buf unsafe.Pointer, size int32) int32
	// int proc_listpids(uint32_t type, uint32_t typeinfo, void *buffer, int buffersize)
	listpids func(typ, info uint32, buf unsafe.Pointer, size int32) int32
	// int sysctlbyname(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen)
	sysctlbyname func(name string, old unsafe.Pointer, oldlen *uintptr, newp unsafe.Pointer, newlen uintptr) int32
}

func loadLibSystem() error {
	libSystem.once.Do(func() {
		h, err := purego.Dlopen("/usr/lib/libSystem.B.dylib", purego.RTLD_NOW|purego.RTLD_GLOBAL)
		if err != nil {
			libSystem.err = fmt.Errorf("loading libSystem: %w", err)
			return
		}
		for name, fn := range map[string]any{
			"proc_pidinfo":  &libSystem.pidinfo,
			"proc_listpids": &libSystem.listpids,
			"sysctlbyname":  &libSystem.sysctlbyname,
		} {
			sym, err := purego.Dlsym(h, name)
			if err != nil {
				libSystem.err = fmt.Errorf("libSystem has no %s: %w", name, err)
				return
			}
			purego.RegisterFunc(fn, sym)
		}
	})
	return libSystem.err
}

func resident(pid int) (int64, error) {
	if err := loadLibSystem(); err != nil {
		return 0, err
	}
	var info procTaskInfo
	size := int32(unsafe.Sizeof(info))
	if n := libSystem.pidinfo(int32(pid), procPIDTaskInfo, 0, unsafe.Pointer(&info), size); n != size {
		return 0, fmt.Errorf("proc_pidinfo(%d): no task information (the process is gone or not ours)", pid)
	}
	return int64(info.ResidentSize), nil
}

func children(pid int) ([]int, error) {
	if err := loadLibSystem(); err != nil {
		return nil, err
	}
	// Room for more children than a cell starts; a second try if not.
	for room := 256; ; room *= 4 {
		buf := make([]int32, room)
		n := libSystem.listpids(procPPIDOnly, uint32(pid), unsafe.Pointer(&buf[0]), int32(len(buf)*4))
		if n < 0 {
			return nil, fmt.Errorf("proc_listpids(%d) failed", pid)
		}
		if int(n)/4 < room || room >= 1<<16 {
			var pids []int
			for _, p := range buf[:int(n)/4] {
				if p > 0 {
					pids = append(pids, int(p))
				}
			}
			return pids, nil
		}
	}
}

func total() (int64, error) {
	if err := loadLibSystem(); err != nil {
		return 0, err
	}
	var memsize uint64
	size := unsafe.Sizeof(memsize)
	if libSystem.sysctlbyname("hw.memsize", unsafe.Pointer(&memsize), &size, nil, 0) != 0 || size != 8 {
		return 0, fmt.Errorf("sysctl hw.memsize failed")
	}
	return int64(memsize), nil
}

func available() (int64, error) { return 0, ErrUnsupported }

// macOS keeps a peak (ri_phys_footprint's lifetime maximum) but cannot
// reset it: peaks come from sampling.
func resetPeak() bool      { return false }
func peak() (int64, error) { return 0, ErrUnsupported }
