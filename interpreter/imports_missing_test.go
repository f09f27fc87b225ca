package interpreter

import (
	"strings"
	"testing"
)

// TestMissingImports: a standard package used without its import is
// imported when its name is unambiguous, with a note, and stays imported;
// an ambiguous or unknown name stays an error that suggests the imports.
func TestMissingImports(t *testing.T) {
	s, out, errb := newTestSession(t, "")
	runAll(t, s, errb, []string{`fmt.Println(strings.ToUpper("x"), math.Sqrt(16))`})
	if out.String() != "X 4\n" {
		t.Errorf("stdout %q", out)
	}
	if errb.String() != "added import \"fmt\"\nadded import \"math\"\nadded import \"strings\"\n" {
		t.Errorf("stderr %q, want one note per import", errb)
	}
	out.Reset()
	errb.Reset()
	runAll(t, s, errb, []string{
		`func shout(s string) string { return strings.Repeat(strings.ToUpper(s), 2) + strconv.Itoa(len(s)) }`,
		`fmt.Println(shout("ab"))`,
		`var b bytes.Buffer
b.WriteString("ok")
b.String()`,
	})
	if out.String() != "ABAB2\n" {
		t.Errorf("stdout %q", out)
	}
	if errb.String() != "added import \"strconv\"\nadded import \"bytes\"\n" {
		t.Errorf("stderr %q: only the new imports get a note", errb)
	}
	// They are the session's imports now, as if written.
	snap := strings.Join(s.Snapshot(), "\n")
	for _, p := range []string{"fmt", "math", "strings", "strconv", "bytes"} {
		if !strings.Contains(snap, "import \""+p+"\"") {
			t.Errorf("snapshot lacks import %q:\n%s", p, snap)
		}
	}

	for _, tc := range []struct{ cell, err string }{
		{`rand.Intn(6)`, `1:1: undefined: rand (import "math/rand"; "crypto/rand" and "math/rand/v2" are also named rand)`},
		{`rand.Shuffle(0, nil)`, `1:1: undefined: rand (import "math/rand" or "math/rand/v2")`},
		{`rand.Int()`, `1:1: undefined: rand (import "crypto/rand", "math/rand" or "math/rand/v2")`},
		{`template.New("t")`, `1:1: undefined: template (import "html/template" or "text/template")`},
		{`x := nosuchpkg.F()`, `1:6: undefined: nosuchpkg`},
		{`y := bufio`, `1:6: undefined: bufio`},
		{`json.Nope()`, `1:6: undefined: json.Nope`},
	} {
		errb.Reset()
		_, e := run(t, s, tc.cell)
		if e == nil || e.Value != tc.err {
			t.Errorf("%s: error %v, want %s", tc.cell, e, tc.err)
		}
		if errb.Len() > 0 {
			t.Errorf("%s: stderr %q, want no note", tc.cell, errb)
		}
	}
}
