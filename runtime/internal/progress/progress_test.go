package progress

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gopar/gopar/runtime/display"
)

type recorder struct {
	mu   sync.Mutex
	msgs []display.Message
}

func (r *recorder) Publish(m display.Message) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, m)
}

func (r *recorder) all() []display.Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]display.Message(nil), r.msgs...)
}

func TestBar(t *testing.T) {
	after, interval = 5*time.Millisecond, 2*time.Millisecond
	defer func() { after, interval = time.Second, 500*time.Millisecond }()
	tests := []struct {
		name    string
		enabled bool
		run     time.Duration
		shown   bool
	}{
		{"short computation shows nothing", true, 0, false},
		{"long computation shows and updates", true, 40 * time.Millisecond, true},
		{"disabled shows nothing", false, 40 * time.Millisecond, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			display.SetSink(rec)
			SetEnabled(tt.enabled)
			defer SetEnabled(true)
			var done atomic.Int64
			b := Start("work", 10, func() int { return int(done.Load()) })
			for range 10 {
				time.Sleep(tt.run / 10)
				done.Add(1)
			}
			b.Stop()
			msgs := rec.all()
			if !tt.shown {
				if len(msgs) != 0 {
					t.Errorf("published %d messages, want none", len(msgs))
				}
				return
			}
			if len(msgs) < 3 {
				t.Fatalf("published %d messages, want a display and updates", len(msgs))
			}
			if msgs[0].Kind != display.KindDisplay || msgs[0].DisplayID == "" {
				t.Errorf("first message %+v is not a display with an id", msgs[0])
			}
			for _, m := range msgs[1:] {
				if m.Kind != display.KindUpdate || m.DisplayID != msgs[0].DisplayID {
					t.Errorf("message %+v does not update the bar", m)
				}
			}
			last := msgs[len(msgs)-1].Data["text/plain"].(string)
			if !strings.Contains(last, "100% 10/10 tasks") {
				t.Errorf("final state %q", last)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		done, total int
		want        string
	}{
		{0, 4, "x [                              ]   0% 0/4 tasks 1.2s"},
		{1, 4, "x [#######                       ]  25% 1/4 tasks 1.2s"},
		{4, 4, "x [##############################] 100% 4/4 tasks 1.2s"},
	}
	for _, tt := range tests {
		if got := Text("x", tt.done, tt.total, 1234*time.Millisecond); got != tt.want {
			t.Errorf("Text(%d/%d) = %q, want %q", tt.done, tt.total, got, tt.want)
		}
	}
	if h := HTML("<x>", 1, 4, time.Second); !strings.Contains(h, "width:25.0%") || strings.Contains(h, "<x>") {
		t.Errorf("HTML = %s", h)
	}
}
