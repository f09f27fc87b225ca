package taskstream

import (
	"strings"
	"testing"
	"time"
)

func TestLanes(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name  string
		spans []Span
		lanes int
	}{
		{"known workers", []Span{{Worker: 0, End: ms}, {Worker: 2, End: ms}}, 3},
		{"goroutines one after another share a lane", []Span{{Worker: -1, Start: 0, End: ms}, {Worker: -1, Start: ms, End: 2 * ms}}, 1},
		{"overlapping goroutines stack", []Span{{Worker: -1, End: 3 * ms}, {Worker: -1, Start: ms, End: 2 * ms}, {Worker: -1, Start: 2 * ms, End: 4 * ms}}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Stream{Spans: tt.spans}
			la := s.lanes()
			if la.count != tt.lanes {
				t.Errorf("%d lanes, want %d", la.count, tt.lanes)
			}
			for i := range tt.spans {
				for j := range i {
					a, b := tt.spans[i], tt.spans[j]
					if la.of[i] == la.of[j] && a.Start < b.End && b.Start < a.End {
						t.Errorf("spans %d and %d overlap in lane %d", i, j, la.of[i])
					}
				}
			}
		})
	}
}

func TestSVG(t *testing.T) {
	s := &Stream{Title: "a & b", Workers: 2, Spans: []Span{
		{Worker: 0, Name: "add-1", Group: "add", Start: 0, End: 2 * time.Millisecond},
		{Worker: 1, Name: "sum-2", Group: "sum", Start: time.Millisecond, End: 3 * time.Millisecond, Failed: true},
	}}
	svg := s.SVG()
	for _, want := range []string{"<svg", "a &amp; b", "<title>add-1: 2ms</title>", "worker 1", `stroke="#d00"`, "</svg>"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if got := s.Text(); got != "task stream: 2 tasks on 2 workers in 3ms (busy 67%)" {
		t.Errorf("Text() = %q", got)
	}
	if empty := (&Stream{}).SVG(); !strings.HasPrefix(empty, "<svg") {
		t.Error("an empty stream draws no picture")
	}
}
