package magics

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image/png"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gopar/gopar/runtime/display"
)

// recorder is a display sink that keeps what is published.
type recorder struct {
	mu   sync.Mutex
	msgs []display.Message
}

func (r *recorder) Publish(m display.Message) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, m)
}

func TestScaling(t *testing.T) {
	rec := &recorder{}
	display.SetSink(rec)
	defer display.SetSink(&recorder{})

	// 800 ms of work shared by the workers, with 5% of it serial.
	eng := &fakeEngine{perWorkers: func(w int) func(int) time.Duration {
		return perLoop(40*time.Millisecond + 760*time.Millisecond/time.Duration(w))
	}}
	out, res, err := run(t, eng, "%scaling -w 4,1,2 -r 2 calcPi(n, workers)")
	if err != nil || res != nil {
		t.Fatalf("result %v, err %v", res, err)
	}
	want := "" +
		"workers  time per loop               speed-up  efficiency\n" +
		"      1  800 ms ± 0 ns                   1.00      100.0%\n" +
		"      2  420 ms ± 0 ns                   1.90       95.2%\n" +
		"      4  230 ms ± 0 ns                   3.48       87.0%\n"
	if out != want {
		t.Errorf("table\n%s\nwant\n%s", out, want)
	}
	if !strings.Contains(eng.compiled[0], "func(workers int) func(int) time.Duration {\nreturn func(_goparN int) time.Duration {") ||
		!strings.Contains(eng.compiled[0], "calcPi(n, workers)") {
		t.Errorf("compiled %q", eng.compiled[0])
	}
	if len(rec.msgs) != 1 {
		t.Fatalf("published %d messages, want one plot", len(rec.msgs))
	}
	m := rec.msgs[0]
	if m.Kind != display.KindDisplay || m.Data["text/plain"] != "<speed-up by workers: 1: 1.00, 2: 1.90, 4: 3.48>" {
		t.Errorf("message %v %v", m.Kind, m.Data["text/plain"])
	}
	raw, err := base64.StdEncoding.DecodeString(m.Data["image/png"].(string))
	if err != nil {
		t.Fatal(err)
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(raw)); err != nil || cfg.Width < 200 || cfg.Height < 150 {
		t.Errorf("png %+v, %v", cfg, err)
	}
}

func TestParseWorkers(t *testing.T) {
	tests := []struct {
		in   string
		want []int
		ok   bool
	}{
		{"1,2,4", []int{1, 2, 4}, true},
		{"1-4", []int{1, 2, 3, 4}, true},
		{"8,1,4-5,4", []int{1, 4, 5, 8}, true},
		{"0,1", nil, false},
		{"4-2", nil, false},
		{"two", nil, false},
		{"", nil, false},
	}
	for _, tt := range tests {
		got, err := parseWorkers(tt.in)
		if (err == nil) != tt.ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseWorkers(%q) = %v, %v", tt.in, got, err)
		}
	}
}

func TestDefaultWorkers(t *testing.T) {
	tests := []struct {
		cpus int
		want []int
	}{
		{1, []int{1}}, {2, []int{1, 2}}, {6, []int{1, 2, 4, 6}}, {8, []int{1, 2, 4, 8}},
	}
	for _, tt := range tests {
		if got := defaultWorkers(tt.cpus); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("defaultWorkers(%d) = %v, want %v", tt.cpus, got, tt.want)
		}
	}
}

func TestScalingUsageErrors(t *testing.T) {
	for _, cell := range []string{"%scaling -w 0 f(workers)", "%scaling", "%scaling -q f(workers)"} {
		eng := &fakeEngine{}
		out, _, err := run(t, eng, cell)
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.HasPrefix(out, "%scaling [-w COUNTS]") || len(eng.compiled) != 0 {
			t.Errorf("%q: err %v, printed %q", cell, err, out)
		}
	}
}
