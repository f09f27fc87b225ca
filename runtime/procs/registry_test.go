package procs

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestRegisterRejects(t *testing.T) {
	tests := []struct {
		name string
		fn   any
		want string
	}{
		{"", func() {}, "needs a name"},
		{"r1", 42, "not a function"},
		{"r2", func(ch chan int) {}, "cannot be sent"},
		{"r3", func() func() { return nil }, "cannot be sent"},
		{"r4", func(xs ...int) {}, "variadic"},
		{"r5", func(s struct{ hidden int }) {}, "cannot be sent"},
		{"calc_pi", func() {}, "registered twice"},
	}
	for _, tt := range tests {
		func() {
			defer func() {
				r := recover()
				msg := ""
				switch r := r.(type) {
				case error:
					msg = r.Error()
				case string:
					msg = r
				}
				if !strings.Contains(msg, tt.want) {
					t.Errorf("Register(%q, %T): panic %v, want one with %q", tt.name, tt.fn, r, tt.want)
				}
			}()
			Register(tt.name, tt.fn)
		}()
	}
}

// A task registered only in this process, as a cell would register an
// interpreted function, is refused by the workers with an explanation.
func TestTaskUnknownToWorkers(t *testing.T) {
	p := newPool(t, 1)
	name := fmt.Sprintf("only_here_%d", time.Now().UnixNano()) // fresh under -count
	Register(name, func(n int) int { return n })
	_, err := p.Apply(name, 1)
	if !errors.Is(err, errUnknownToPeer) || !strings.Contains(err.Error(), "cannot cross a process boundary") {
		t.Errorf("got %v", err)
	}
}

func TestTasksListsTheLesson(t *testing.T) {
	all := strings.Join(Tasks(), "\n")
	for _, want := range []string{"calc_pi func(int) float64", "sum_range func(int64) int64", "calc_pi_queue func(int, *procs.Queue)"} {
		if !strings.Contains(all, want) {
			t.Errorf("Tasks() lacks %q:\n%s", want, all)
		}
	}
}
