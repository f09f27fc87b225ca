package sysmem

import (
	"fmt"
	"syscall"
	"unsafe"
)

// Windows gives a process's working set through GetProcessMemoryInfo
// (psapi) and the machine's memory through GlobalMemoryStatusEx
// (kernel32); the standard library's syscall package loads both DLLs.

var (
	psapi                    = syscall.NewLazyDLL("psapi.dll")
	procGetProcessMemoryInfo = psapi.NewProc("GetProcessMemoryInfo")
	kernel32                 = syscall.NewLazyDLL("kernel32.dll")
	procGlobalMemoryStatusEx = kernel32.NewProc("GlobalMemoryStatusEx")
)

const (
	processQueryLimitedInformation = 0x1000 // PROCESS_QUERY_LIMITED_INFORMATION
	processVMRead                  = 0x0010 // PROCESS_VM_READ
)

func resident(pid int) (int64, error) {
	h, err := syscall.OpenProcess(processQueryLimitedInformation|processVMRead, false, uint32(pid))
	if err != nil {
		return 0, fmt.Errorf("opening process %d: %w", pid, err)
	}
	defer syscall.CloseHandle(h)
	var c processMemoryCounters
	c.Cb = uint32(unsafe.Sizeof(c))
	if r, _, err := procGetProcessMemoryInfo.Call(uintptr(h), uintptr(unsafe.Pointer(&c)), uintptr(c.Cb)); r == 0 {
		return 0, fmt.Errorf("GetProcessMemoryInfo(%d): %w", pid, err)
	}
	return int64(c.WorkingSetSize), nil
}

// children walks a snapshot of all processes for those whose parent is pid.
func children(pid int) ([]int, error) {
	snap, err := syscall.CreateToolhelp32Snapshot(syscall.TH32CS_SNAPPROCESS, 0)
	if err != nil {
		return nil, fmt.Errorf("listing processes: %w", err)
	}
	defer syscall.CloseHandle(snap)
	var e syscall.ProcessEntry32
	e.Size = uint32(unsafe.Sizeof(e))
	var pids []int
	for err = syscall.Process32First(snap, &e); err == nil; err = syscall.Process32Next(snap, &e) {
		if int(e.ParentProcessID) == pid && int(e.ProcessID) != pid {
			pids = append(pids, int(e.ProcessID))
		}
	}
	return pids, nil
}

func memoryStatus() (memoryStatusEx, error) {
	var m memoryStatusEx
	m.Length = uint32(unsafe.Sizeof(m))
	if r, _, err := procGlobalMemoryStatusEx.Call(uintptr(unsafe.Pointer(&m))); r == 0 {
		return m, fmt.Errorf("GlobalMemoryStatusEx: %w", err)
	}
	return m, nil
}

func total() (int64, error) {
	m, err := memoryStatus()
	return int64(m.TotalPhys), err
}

func available() (int64, error) {
	m, err := memoryStatus()
	return int64(m.AvailPhys), err
}

// Windows keeps a peak working set (PeakWorkingSetSize) but cannot reset
// it: peaks come from sampling.
func resetPeak() bool      { return false }
func peak() (int64, error) { return 0, ErrUnsupported }
