package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// stats is one measurement repeated: fastest, median, every run (seconds).
type stats struct {
	Min    float64   `json:"min_s"`
	Median float64   `json:"median_s"`
	P90    float64   `json:"p90_s"`
	Runs   []float64 `json:"runs_s"`
}

// kernelResults is what bench/kernel/bench_kernel.py writes.
type kernelResults struct {
	Machine struct {
		CPU       string  `json:"cpu"`
		CPUs      int     `json:"cpus"`
		MemoryGiB float64 `json:"memory_gib"`
		OS        string  `json:"os"`
		Python    string  `json:"python"`
		Ipykernel string  `json:"ipykernel"`
		Date      string  `json:"date"`
	} `json:"machine"`
	Settings struct {
		Starts int `json:"starts"`
		Trips  int `json:"trips"`
		Runs   int `json:"runs"`
	} `json:"settings"`
	Kernel map[string]struct {
		Startup   stats `json:"startup"`
		FirstCell stats `json:"first_cell"`
		RoundTrip stats `json:"round_trip"`
		LeanTrip  stats `json:"lean_round_trip"`
		LeanInfo  stats `json:"lean_kernel_info"`
	} `json:"kernel"`
	Interpreted map[string]struct {
		What         string `json:"what"`
		CPython      stats  `json:"cpython"`
		Gopar        stats  `json:"gopar"`
		CPythonValue string `json:"cpython_value"`
		GoparValue   string `json:"gopar_value"`
	} `json:"interpreted"`
	InterpretedLoad float64 `json:"interpreted_other_load"`
	Scaling         struct {
		Workers         []int            `json:"workers"`
		Interpreted     map[string]stats `json:"interpreted"`
		Native          map[string]stats `json:"native"`
		InterpretedWhat string           `json:"interpreted_what"`
		NativeWhat      string           `json:"native_what"`
		OtherLoad       float64          `json:"other_load"`
		Rounds          int              `json:"rounds"`
	} `json:"scaling"`
	Memory map[string]struct {
		IdleRSS    float64 `json:"idle_rss_mib"`
		IdlePSS    float64 `json:"idle_pss_mib"`
		SessionRSS float64 `json:"session_rss_mib"`
		SessionPSS float64 `json:"session_pss_mib"`
		Cells      int     `json:"cells"`
	} `json:"memory"`
	Room struct {
		Kernels   int     `json:"kernels"`
		ReadyS    float64 `json:"ready_s"`
		RanS      float64 `json:"ran_s"`
		KernelRSS float64 `json:"kernel_rss_mib"`
		WorkerRSS float64 `json:"worker_rss_mib"`
		PSS       float64 `json:"pss_mib"`
	} `json:"room"`
	Seconds float64 `json:"seconds"`
}

func readKernelResults(path string) (*kernelResults, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r kernelResults
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, k := range []string{"gopar", "ipykernel"} {
		if _, ok := r.Kernel[k]; !ok {
			return nil, fmt.Errorf("%s: no kernel results for %s", path, k)
		}
		if _, ok := r.Memory[k]; !ok {
			return nil, fmt.Errorf("%s: no memory results for %s", path, k)
		}
	}
	return &r, nil
}

// table is a Markdown table: its header cells and its rows.
type table struct {
	header []string
	rows   [][]string
}

// tables returns the Markdown tables of md in order.
func tables(md string) []table {
	var out []table
	lines := strings.Split(md, "\n")
	for i := 0; i+1 < len(lines); i++ {
		if !isRow(lines[i]) || !isRule(lines[i+1]) {
			continue
		}
		t := table{header: cells(lines[i])}
		i += 2
		for ; i < len(lines) && isRow(lines[i]); i++ {
			t.rows = append(t.rows, cells(lines[i]))
		}
		out = append(out, t)
	}
	return out
}

func isRow(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "|") }

var ruleRE = regexp.MustCompile(`^\|(\s*:?-+:?\s*\|)+\s*$`)

func isRule(l string) bool { return ruleRE.MatchString(strings.TrimSpace(l)) }

func cells(l string) []string {
	l = strings.TrimSpace(l)
	l = strings.TrimPrefix(l, "|")
	l = strings.TrimSuffix(l, "|")
	parts := strings.Split(l, "|")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}

// findTable returns the first table whose header starts with first.
func findTable(md, first string) (table, bool) {
	for _, t := range tables(md) {
		if len(t.header) > 0 && strings.EqualFold(t.header[0], first) {
			return t, true
		}
	}
	return table{}, false
}

// column returns the index of the header cell that contains name.
func (t table) column(name string) int {
	for i, h := range t.header {
		if strings.Contains(strings.ToLower(h), strings.ToLower(name)) {
			return i
		}
	}
	return -1
}

var numberRE = regexp.MustCompile(`-?[0-9]+(\.[0-9]+)?`)

// number reads the first number of a cell, in the unit it has: "16.7
// (18.0)" is 16.7, "78.91 µs" is 78.91, "95×" is 95.
func number(cell string) (float64, bool) {
	m := numberRE.FindString(strings.ReplaceAll(cell, ",", ""))
	if m == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(m, 64)
	return f, err == nil
}

// nativeRow is one kernel of bench/native's table.
type nativeRow struct {
	name, work string
	goMS, cMS  float64
	ratio      float64
}

func nativeRows(md string) ([]nativeRow, error) {
	t, ok := findTable(md, "kernel")
	if !ok {
		return nil, fmt.Errorf("no kernel table in the native results")
	}
	goCol, cCol, rCol := t.column("go native"), t.column("c gcc"), t.column("go / c")
	if goCol < 0 || cCol < 0 || rCol < 0 {
		return nil, fmt.Errorf("the native table lacks a column: %q", t.header)
	}
	var out []nativeRow
	for _, r := range t.rows {
		if len(r) <= max(goCol, cCol, rCol) {
			continue
		}
		g, ok1 := number(r[goCol])
		c, ok2 := number(r[cCol])
		ratio, ok3 := number(r[rCol])
		if ok1 && ok2 && ok3 {
			out = append(out, nativeRow{name: r[0], work: r[1], goMS: g, cMS: c, ratio: ratio})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the native table has no rows")
	}
	return out, nil
}

// taskRow is one line of bench/runtime's per-task table, in µs.
type taskRow struct {
	tasks                    float64
	asyncio, compiled, fromC float64
}

func taskRows(md string) ([]taskRow, error) {
	t, ok := findTable(md, "tasks")
	if !ok {
		return nil, fmt.Errorf("no per-task table in the runtime results")
	}
	a, c, cell := t.column("asyncio"), t.column("compiled"), t.column("from a cell")
	if a < 0 || c < 0 || cell < 0 {
		return nil, fmt.Errorf("the per-task table lacks a column: %q", t.header)
	}
	var out []taskRow
	for _, r := range t.rows {
		if len(r) <= max(a, c, cell) {
			continue
		}
		n, ok0 := number(r[0])
		x, ok1 := microseconds(r[a])
		y, ok2 := microseconds(r[c])
		z, ok3 := microseconds(r[cell])
		if ok0 && ok1 && ok2 && ok3 {
			out = append(out, taskRow{tasks: n, asyncio: x, compiled: y, fromC: z})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the per-task table has no rows")
	}
	sort.Slice(out, func(i, j int) bool { return out[i].tasks < out[j].tasks })
	return out, nil
}

// microseconds reads a duration cell such as "78.91 µs", "1.2 ms", "350 ns".
func microseconds(cell string) (float64, bool) {
	v, ok := number(cell)
	if !ok {
		return 0, false
	}
	switch {
	case strings.Contains(cell, "ns"):
		return v / 1000, true
	case strings.Contains(cell, "ms"):
		return v * 1000, true
	case strings.Contains(cell, "µs"), strings.Contains(cell, "us"):
		return v, true
	case strings.HasSuffix(strings.TrimSpace(cell), "s"):
		return v * 1e6, true
	}
	return v, true
}

// demote lowers every Markdown heading of md by levels and drops its
// first-level title, so another report can hold it as a section.
func demote(md string, levels int) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(md), "\n") {
		if strings.HasPrefix(l, "# ") {
			continue
		}
		if strings.HasPrefix(l, "#") {
			l = strings.Repeat("#", levels) + l
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return strings.TrimSpace(b.String()) + "\n"
}
