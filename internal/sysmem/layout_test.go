package sysmem

import (
	"testing"
	"unsafe"
)

// The sizes and offsets the system headers give; a wrong field would make
// the system fill in, or the code read, the wrong bytes.
func TestRecordLayouts(t *testing.T) {
	var ti procTaskInfo
	var pmc processMemoryCounters
	var ms memoryStatusEx
	tests := []struct {
		what      string
		got, want uintptr
	}{
		{"sizeof(struct proc_taskinfo)", unsafe.Sizeof(ti), 96},
		{"offsetof(pti_resident_size)", unsafe.Offsetof(ti.ResidentSize), 8},
		{"sizeof(PROCESS_MEMORY_COUNTERS)", unsafe.Sizeof(pmc), 72},
		{"offsetof(WorkingSetSize)", unsafe.Offsetof(pmc.WorkingSetSize), 16},
		{"sizeof(MEMORYSTATUSEX)", unsafe.Sizeof(ms), 64},
		{"offsetof(ullTotalPhys)", unsafe.Offsetof(ms.TotalPhys), 8},
		{"offsetof(ullAvailPhys)", unsafe.Offsetof(ms.AvailPhys), 16},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %d, want %d", tt.what, tt.got, tt.want)
		}
	}
}
