package magics

import (
	"errors"
	"reflect"
	"testing"
)

func TestParseOptions(t *testing.T) {
	tests := []struct {
		args, spec string
		opts       options
		rest       string
		err        string
	}{
		{"f()", "n:r:p:qo", options{}, "f()", ""},
		{"-n 10 f()", "n:r:p:qo", options{'n': "10"}, "f()", ""},
		{"-n10 -r3 f(1, 2)", "n:r:p:qo", options{'n': "10", 'r': "3"}, "f(1, 2)", ""},
		{"-qo  f()", "n:r:p:qo", options{'q': "", 'o': ""}, "f()", ""},
		{"-qn 5 f()", "n:r:p:qo", options{'q': "", 'n': "5"}, "f()", ""},
		{"-r 1 -o calc(workers -1)", "n:r:p:qo", options{'r': "1", 'o': ""}, "calc(workers -1)", ""},
		{"f() -n 3", "n:r:p:qo", options{}, "f() -n 3", ""},
		{"-- -x", "n:r:p:qo", options{}, "-x", ""},
		{"-1 + x", "n:r:p:qo", options{}, "-1 + x", ""},
		{"  -p 4   x  *  2 ", "n:r:p:qo", options{'p': "4"}, "x  *  2 ", ""},
		{"-x f()", "n:r:p:qo", nil, "", `option -x not recognized ( allowed: "n:r:p:qo" )`},
		{"-n", "n:r:p:qo", nil, "", `option -n requires argument ( allowed: "n:r:p:qo" )`},
		{"-a notes.txt", "a", options{'a': ""}, "notes.txt", ""},
	}
	for _, tt := range tests {
		opts, rest, err := parseOptions(tt.args, tt.spec)
		if tt.err != "" {
			var ue *UsageError
			if !errors.As(err, &ue) || ue.Msg != tt.err {
				t.Errorf("parseOptions(%q): err %v, want UsageError %q", tt.args, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(opts, tt.opts) || rest != tt.rest {
			t.Errorf("parseOptions(%q) = %v, %q, %v; want %v, %q", tt.args, opts, rest, err, tt.opts, tt.rest)
		}
	}
}

func TestIntOption(t *testing.T) {
	tests := []struct {
		val  string
		want int
		ok   bool
	}{
		{"7", 7, true}, {"1_000", 1000, true}, {"0x10", 16, true},
		{"0", 0, false}, {"-3", 0, false}, {"1e3", 0, false}, {"x", 0, false},
	}
	for _, tt := range tests {
		got, err := options{'n': tt.val}.intOption('n', 99, 1)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("-n %s: %d, %v", tt.val, got, err)
		}
	}
	if got, err := (options{}).intOption('n', 99, 1); got != 99 || err != nil {
		t.Errorf("absent -n: %d, %v; want the default 99", got, err)
	}
}

func TestUsageErrorText(t *testing.T) {
	err := error(&UsageError{Msg: "option -x not recognized"})
	if err.Error() != "UsageError: option -x not recognized" {
		t.Errorf("got %q", err)
	}
}

func TestUnquote(t *testing.T) {
	home := func() (string, error) { return "/home/u", nil }
	tests := []struct{ in, want string }{
		{"a.txt", "a.txt"}, {` "my file.txt" `, "my file.txt"}, {"'x'", "x"},
		{"~/data.csv", "/home/u/data.csv"}, {"~", "/home/u"}, {"~user/x", "~user/x"}, {`"a'`, `"a'`},
	}
	for _, tt := range tests {
		if got := unquote(tt.in, home); got != tt.want {
			t.Errorf("unquote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
