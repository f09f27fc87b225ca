package display

import (
	"sync"
	"testing"
)

func TestHandleUpdatesKeepTheID(t *testing.T) {
	tests := []struct {
		name  string
		run   func() *Handle
		kinds []Kind
	}{
		{"show then update", func() *Handle {
			h := Show("starting")
			h.Update(NewHTML("<b>half</b>"))
			h.Update(linePlot(t))
			return h
		}, []Kind{KindDisplay, KindUpdate, KindUpdate}},
		{"update before display shows", func() *Handle {
			h := NewHandle()
			h.Update("first")
			h.Update("second")
			return h
		}, []Kind{KindDisplay, KindUpdate}},
		{"display twice", func() *Handle {
			h := NewHandle()
			h.Display("a")
			h.Display("b")
			h.Update("c")
			return h
		}, []Kind{KindDisplay, KindDisplay, KindUpdate}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := record(t)
			h := tt.run()
			msgs := rec.messages()
			if len(msgs) != len(tt.kinds) {
				t.Fatalf("%d messages, want %d", len(msgs), len(tt.kinds))
			}
			for i, m := range msgs {
				if m.Kind != tt.kinds[i] {
					t.Errorf("message %d is %q, want %q", i, m.Kind, tt.kinds[i])
				}
				if m.DisplayID != h.ID() || m.DisplayID == "" {
					t.Errorf("message %d has id %q, handle has %q", i, m.DisplayID, h.ID())
				}
				if _, ok := m.Data[MIMEText]; !ok {
					t.Errorf("message %d lacks text/plain", i)
				}
			}
		})
	}
}

func TestHandleRichUpdate(t *testing.T) {
	rec := record(t)
	h := Show(NewHTML("<progress value=0 max=2></progress>"))
	h.Update(linePlot(t))
	msgs := rec.messages()
	if _, ok := msgs[0].Data[MIMEHTML]; !ok {
		t.Errorf("first display %v lacks HTML", keys(msgs[0].Data))
	}
	if _, ok := msgs[1].Data[MIMEPNG]; !ok {
		t.Errorf("plot update %v lacks PNG", keys(msgs[1].Data))
	}
	if meta, _ := msgs[1].Metadata[MIMEPNG].(map[string]any); meta["width"] != 640 {
		t.Errorf("plot update metadata %v", msgs[1].Metadata)
	}
}

func TestHandlesAreDistinct(t *testing.T) {
	record(t)
	seen := map[string]bool{}
	for range 100 {
		id := NewHandle().ID()
		if seen[id] {
			t.Fatalf("id %s handed out twice", id)
		}
		seen[id] = true
	}
}

func TestHandleFromGoroutines(t *testing.T) {
	rec := record(t)
	h := NewHandle()
	var wg sync.WaitGroup
	const n = 40
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.Update(i)
		}()
	}
	wg.Wait()
	msgs := rec.messages()
	if len(msgs) != n {
		t.Fatalf("%d messages, want %d", len(msgs), n)
	}
	// Exactly one display, and it comes first: updates to an id the front
	// end has not seen would be lost.
	if msgs[0].Kind != KindDisplay {
		t.Errorf("first message is %q", msgs[0].Kind)
	}
	for i, m := range msgs[1:] {
		if m.Kind != KindUpdate || m.DisplayID != h.ID() {
			t.Errorf("message %d: %q with id %q", i+1, m.Kind, m.DisplayID)
		}
	}
}
