package sysmem

import (
	"slices"
	"testing"
)

func TestProcField(t *testing.T) {
	meminfo := []byte("MemTotal:       24684084 kB\nMemFree:  1 kB\nMemAvailable:   1024 kB\nHugePages_Total:       0\n")
	tests := []struct {
		name string
		want int64
		ok   bool
	}{
		{"MemTotal", 24684084 << 10, true},
		{"MemAvailable", 1 << 20, true},
		{"HugePages_Total", 0, true}, // a count, not kB
		{"VmHWM", 0, false},
		{"MemTot", 0, false}, // a prefix of a name is not the name
	}
	for _, tt := range tests {
		got, err := procField(meminfo, tt.name)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("procField(%s) = %d, %v; want %d (found: %v)", tt.name, got, err, tt.want, tt.ok)
		}
	}
	if _, err := procField([]byte("VmRSS:\n"), "VmRSS"); err == nil {
		t.Error("a field without a value was read")
	}
	if _, err := procField([]byte("VmRSS: lots kB\n"), "VmRSS"); err == nil {
		t.Error("a field that is not a number was read")
	}
}

func TestStatmResident(t *testing.T) {
	got, err := statmResident([]byte("5000 1200 300 10 0 900 0\n"), 4096)
	if err != nil || got != 1200*4096 {
		t.Errorf("statmResident = %d, %v", got, err)
	}
	for _, bad := range []string{"", "5000", "5000 x"} {
		if _, err := statmResident([]byte(bad), 4096); err == nil {
			t.Errorf("statm %q was read", bad)
		}
	}
}

func TestPidList(t *testing.T) {
	if got := pidList([]byte("12 345 6789 \n")); !slices.Equal(got, []int{12, 345, 6789}) {
		t.Errorf("pidList = %v", got)
	}
	if got := pidList(nil); got != nil {
		t.Errorf("pidList of nothing = %v", got)
	}
}
