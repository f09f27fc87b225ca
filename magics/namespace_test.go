package magics

import (
	"strings"
	"testing"
)

var someGlobals = []Variable{
	{"pi", "float64", "3.14159"},
	{"alpha", "int", "123"},
	{"_hidden", "int", "1"},
	{"beta", "string", "test"},
	{"long", "[]int", "[" + strings.Repeat("1 ", 40) + "2]"},
	{"multi", "string", "a\nb"},
}

func TestWho(t *testing.T) {
	tests := []struct {
		cell, want string
		globals    []Variable
	}{
		{"%who", "alpha\t beta\t long\t multi\t pi\t \n", someGlobals},
		{"%who int string", "alpha\t beta\t multi\t \n", someGlobals},
		{"%who bool", "No variables match your requested type.\n", someGlobals},
		{"%who", "Interactive namespace is empty.\n", nil},
		{"%who", "a\t b\t c\t d\t e\t f\t g\t h\t i\t \nj\t \n", letters("abcdefghij")},
	}
	for _, tt := range tests {
		out, _, err := run(t, &fakeEngine{globals: tt.globals}, tt.cell)
		if err != nil || out != tt.want {
			t.Errorf("%q: got %q, want %q", tt.cell, out, tt.want)
		}
	}
}

func letters(s string) []Variable {
	var out []Variable
	for _, c := range s {
		out = append(out, Variable{Name: string(c), Type: "int", Value: "0"})
	}
	return out
}

func TestWhos(t *testing.T) {
	want := "" +
		"Variable   Type       Data/Info\n" +
		"-------------------------------\n" +
		"alpha      int        123\n" +
		"beta       string     test\n" +
		"long       []int      [1 1 1 1 1 1 1 1 1 1 1 1 <...> 1 1 1 1 1 1 1 1 1 1 1 2]\n" +
		"multi      string     a\\nb\n" +
		"pi         float64    3.14159\n"
	out, _, err := run(t, &fakeEngine{globals: someGlobals}, "%whos")
	if err != nil || out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	out, _, _ = run(t, &fakeEngine{}, "%whos")
	if out != "Interactive namespace is empty.\n" {
		t.Errorf("empty: %q", out)
	}
}

func TestReset(t *testing.T) {
	eng := &fakeEngine{}
	for _, cell := range []string{"%reset", "%reset -f"} {
		if _, _, err := run(t, eng, cell); err != nil {
			t.Errorf("%q: %v", cell, err)
		}
	}
	if eng.resets != 2 {
		t.Errorf("%d resets, want 2", eng.resets)
	}
	if _, _, err := run(t, eng, "%reset in"); err == nil || eng.resets != 2 {
		t.Errorf("%%reset in: err %v, resets %d", err, eng.resets)
	}
}
