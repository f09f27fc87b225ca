package worker

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestListEdit checks that an edit made between two lists, sent as JSON,
// turns the first into the second, and that it carries only what changed.
func TestListEdit(t *testing.T) {
	long := make([]string, 0, 1000)
	for i := range 1000 {
		long = append(long, "func f"+string(rune('a'+i%26))+"() {}")
	}
	withOne := slices.Insert(slices.Clone(long), 600, "type T struct{}")
	tests := []struct {
		name     string
		old, new []string
		added    int // entries the edit carries
	}{
		{"from nothing", nil, []string{"a", "b"}, 2},
		{"to nothing", []string{"a", "b"}, nil, 0},
		{"unchanged", []string{"a", "b"}, []string{"a", "b"}, 0},
		{"appended", []string{"a"}, []string{"a", "b"}, 1},
		{"inserted in the middle", long, withOne, 1},
		{"removed from the middle", withOne, long, 0},
		{"replaced", []string{"a", "b", "c"}, []string{"a", "x", "c"}, 1},
		{"repeated entries", []string{"a", "a", "a"}, []string{"a", "a"}, 0},
		{"all new", []string{"a", "b"}, []string{"c"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Diff(tt.old, tt.new)
			if len(e.Add) != tt.added {
				t.Errorf("the edit carries %d entries, want %d: %+v", len(e.Add), tt.added, e)
			}
			data, err := json.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			var got ListEdit
			if err := json.Unmarshal(data, &got); err != nil {
				t.Fatal(err)
			}
			list, ok := got.Apply(tt.old)
			if !ok || !slices.Equal(list, tt.new) {
				t.Errorf("applied to the old list: %q, %v; want %q", list, ok, tt.new)
			}
		})
	}
	// An edit that keeps more than the list has cannot be applied.
	if _, ok := (ListEdit{Keep: 2, KeepTail: 1}).Apply([]string{"a", "b"}); ok {
		t.Error("an edit keeping 3 entries of a list of 2 was applied")
	}
}
