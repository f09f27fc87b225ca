package worker

import (
	"slices"
	"sort"
	"testing"
)

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestLostVariablesAreFoundWhereTheyAreRead(t *testing.T) {
	s := &server{lost: map[string]bool{"x": true, "pts": true}, lostWhy: "signal: killed"}
	for _, tt := range []struct {
		code string
		hit  []string // lost variables the cell reads
	}{
		{"x + 1", []string{"x"}},
		{"fmt.Println(len(pts), x)", []string{"pts", "x"}},
		{"x++", []string{"x"}},
		{"x := 5\nx + 1", nil},
		{"x, y := 1, 2", nil},
		{"var x = 3", nil},
		{"p.x + q.pts", nil},                        // fields
		{"s := S{x: 1}", nil},                       // a key in a literal
		{"func f(x int) int { return x * 2 }", nil}, // a parameter
		{"f := func(pts []int) int { return len(pts) }", nil},
		{"for _, x := range []int{1} {\n\tfmt.Println(x)\n}", nil},
		{"%timeit f(x)", []string{"x"}},
		{"y := 2", nil},
	} {
		err := s.checkLost(tt.code)
		var got []string
		if err != nil {
			used, declared, _ := scanNames(tt.code)
			for _, n := range []string{"pts", "x"} {
				if used[n] && !declared[n] {
					got = append(got, n)
				}
			}
		}
		if !slices.Equal(got, tt.hit) {
			t.Errorf("%q: lost variables read %v, want %v (error %v)", tt.code, got, tt.hit, err)
		}
	}
}

func TestACellSettingALostVariableMakesItOrdinary(t *testing.T) {
	s := &server{lost: map[string]bool{"x": true, "pts": true}}
	s.forgetLost("x = 5\nfunc g(pts int) {}")
	if got := keys(s.lost); !slices.Equal(got, []string{"pts"}) {
		t.Errorf("still lost: %v, want [pts]", got)
	}
	if err := s.checkLost("x * 2"); err != nil {
		t.Errorf("x was set again, yet: %v", err)
	}
	if err := s.checkLost("pts"); err == nil || err.Name != "CompileError" {
		t.Errorf("reading pts: %v, want a CompileError", err)
	}
}
