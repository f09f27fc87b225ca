package sysmem

import (
	"bufio"
	"bytes"
	"errors"
	"strconv"
	"strings"
)

// The parsers of Linux's /proc files, apart from the reading so that they
// are tested on every system.

// procField returns the value of a "Name:   1234 kB" line of /proc/meminfo
// or /proc/PID/status, in bytes.
func procField(data []byte, name string) (int64, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), name+":")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			return 0, errors.New(name + ": no value")
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, errors.New(name + ": " + err.Error())
		}
		if len(f) > 1 && f[1] == "kB" {
			n <<= 10
		}
		return n, nil
	}
	return 0, errors.New(name + " not found")
}

// statmResident reads the resident pages, the second field of
// /proc/PID/statm, in bytes.
func statmResident(data []byte, pageSize int) (int64, error) {
	f := strings.Fields(string(data))
	if len(f) < 2 {
		return 0, errors.New("statm: too few fields")
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0, errors.New("statm: " + err.Error())
	}
	return pages * int64(pageSize), nil
}

// pidList reads the space-separated pids of /proc/PID/task/TID/children.
func pidList(data []byte) []int {
	var pids []int
	for _, f := range strings.Fields(string(data)) {
		if n, err := strconv.Atoi(f); err == nil {
			pids = append(pids, n)
		}
	}
	return pids
}
