package magics

import (
	"os"
	"slices"
	"testing"
)

func TestArgs(t *testing.T) {
	saved := os.Args
	t.Cleanup(func() { os.Args = saved })
	os.Args = []string{"main"}
	steps := []struct {
		cell string
		want []string
	}{
		{`%args -n 7 "two words" 'it''s' x`, []string{"main", "-n", "7", "two words", "its", "x"}},
		{`%args -v`, []string{"main", "-v"}},
		{`%args --`, []string{"main"}},
	}
	for _, s := range steps {
		if _, _, err := run(t, &fakeEngine{}, s.cell); err != nil {
			t.Fatalf("%s: %v", s.cell, err)
		}
		if !slices.Equal(os.Args, s.want) {
			t.Errorf("%s: os.Args = %q, want %q", s.cell, os.Args, s.want)
		}
	}
	os.Args = []string{"main", "a b"}
	if _, res, err := run(t, &fakeEngine{}, "%args"); err != nil || res["text/plain"] != `["main" "a b"]` {
		t.Errorf("%%args shows %v (err %v)", res, err)
	}
	if _, _, err := run(t, &fakeEngine{}, `%args "open`); err == nil {
		t.Error("an unterminated quote was accepted")
	}
}
