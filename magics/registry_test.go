package magics

import (
	"errors"
	"strings"
	"testing"
)

func TestEveryMagicDocumentsItself(t *testing.T) {
	for _, name := range allNames() {
		m := lookup(name)
		first, _, _ := strings.Cut(m.usage, "\n")
		if !strings.HasPrefix(first, "%"+name) && !strings.HasPrefix(first, "%%"+name) {
			t.Errorf("%s: usage starts %q", name, first)
		}
		if !strings.Contains(m.usage, "\n\n") {
			t.Errorf("%s: usage has no description", name)
		}
		for _, cell := range []string{"%" + name + "?", "%magic " + name, "%help %" + name} {
			if m.lineFn == nil && strings.HasSuffix(cell, "?") {
				cell = "%" + cell
			}
			out, _, err := run(t, &fakeEngine{}, cell)
			if err != nil || out != m.help()+"\n" {
				t.Errorf("%q: out %q, err %v", cell, out, err)
			}
		}
	}
}

func TestLsmagic(t *testing.T) {
	want := "Available line magics:\n" +
		"%args  %cd  %env  %go  %help  %lsmagic  %magic  %memit  %pwd  %reset  %scaling  %time  %timeit  %who  %whos\n\n" +
		"Available cell magics:\n" +
		"%%bash  %%memit  %%native  %%scaling  %%sh  %%time  %%timeit  %%writefile\n\n" +
		"!CMD runs a shell command. %NAME? or %magic NAME shows the usage of a magic.\n"
	out, _, err := run(t, &fakeEngine{}, "%lsmagic")
	if err != nil || out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestMagicOverview(t *testing.T) {
	out, _, err := run(t, &fakeEngine{}, "%magic")
	if err != nil || !strings.HasPrefix(out, magicOverview+"\n") {
		t.Fatalf("out %q, err %v", out, err)
	}
	for _, name := range allNames() {
		if !strings.Contains(out, lookup(name).help()) {
			t.Errorf("%%magic leaves out %s", name)
		}
	}
}

func TestUnknownMagic(t *testing.T) {
	tests := []struct{ cell, msg string }{
		{"%tiemit f()", "Line magic function `%tiemit` not found. Did you mean %timeit?"},
		{"%tim f()", "Line magic function `%tim` not found. Did you mean %time or %timeit?"},
		{"%whoo", "Line magic function `%whoo` not found. Did you mean %who or %whos?"},
		{"%bash", "Line magic function `%bash` not found (But cell magic `%%bash` exists, did you mean that instead?)."},
		{"%%cd /tmp", "Cell magic `%%cd` not found (But line magic `%cd` exists, did you mean that instead?)."},
		{"%%timit\nf()", "Cell magic `%%timit` not found. Did you mean %%timeit?"},
		{"%xyzzy", "Line magic function `%xyzzy` not found. %lsmagic lists the magics."},
		{"%", "a magic needs a name: %lsmagic lists them"},
		{"%nope?", "Line magic function `%nope` not found. %lsmagic lists the magics."},
		{"%magic nope", "Line magic function `%nope` not found. %lsmagic lists the magics."},
		{"%cd -x", `option -x not recognized ( allowed: "q" )`},
		{"x := %lsmagic", "%lsmagic returns no value to assign to x"},
	}
	for _, tt := range tests {
		eng := &fakeEngine{}
		_, _, err := run(t, eng, tt.cell)
		var ue *UsageError
		if !errors.As(err, &ue) || ue.Msg != tt.msg {
			t.Errorf("%q: err %v\nwant UsageError: %s", tt.cell, err, tt.msg)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		d    int
	}{{"timeit", "timeit", 0}, {"tiemit", "timeit", 1}, {"tim", "time", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
}

func TestPlainGoIsNotHandled(t *testing.T) {
	for _, cell := range []string{"x := 1", "ok := !done", "s := `\n%d\n`", "", "a := b &&\n!c"} {
		res, handled, err := Run(t.Context(), cell, &fakeEngine{}, nil)
		if handled || res != nil || err != nil {
			t.Errorf("%q: handled %v, %v, %v", cell, handled, res, err)
		}
	}
}
