package sysmem

// The records the macOS and Windows interfaces fill in, declared here
// rather than in their system's file so that their layout is tested on
// every system (layout_test.go).

// procTaskInfo is macOS's struct proc_taskinfo (<sys/proc_info.h>), which
// proc_pidinfo fills in for PROC_PIDTASKINFO.
type procTaskInfo struct {
	VirtualSize      uint64
	ResidentSize     uint64
	TotalUser        uint64
	TotalSystem      uint64
	ThreadsUser      uint64
	ThreadsSystem    uint64
	Policy           int32
	Faults           int32
	Pageins          int32
	CowFaults        int32
	MessagesSent     int32
	MessagesReceived int32
	SyscallsMach     int32
	SyscallsUnix     int32
	Csw              int32
	Threadnum        int32
	Numrunning       int32
	Priority         int32
}

// processMemoryCounters is Windows' PROCESS_MEMORY_COUNTERS (<psapi.h>) on
// 64-bit Windows, where its SIZE_T fields are 8 bytes.
type processMemoryCounters struct {
	Cb                         uint32
	PageFaultCount             uint32
	PeakWorkingSetSize         uint64
	WorkingSetSize             uint64
	QuotaPeakPagedPoolUsage    uint64
	QuotaPagedPoolUsage        uint64
	QuotaPeakNonPagedPoolUsage uint64
	QuotaNonPagedPoolUsage     uint64
	PagefileUsage              uint64
	PeakPagefileUsage          uint64
}

// memoryStatusEx is Windows' MEMORYSTATUSEX (<sysinfoapi.h>), which
// GlobalMemoryStatusEx fills in.
type memoryStatusEx struct {
	Length               uint32
	MemoryLoad           uint32
	TotalPhys            uint64
	AvailPhys            uint64
	TotalPageFile        uint64
	AvailPageFile        uint64
	TotalVirtual         uint64
	AvailVirtual         uint64
	AvailExtendedVirtual uint64
}
