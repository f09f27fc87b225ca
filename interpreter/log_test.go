package interpreter

import (
	"strings"
	"testing"
)

// TestLogFatalExits: log.Fatal* and the Fatal methods of a *log.Logger log
// their message and end the cell as os.Exit(1) does, not the session.
func TestLogFatalExits(t *testing.T) {
	s, out, errb := newTestSession(t, "")
	runAll(t, s, errb, []string{
		`import (
	"log"
	"os"
)`,
		`type service struct{ *log.Logger }
lg := log.New(os.Stdout, "lg: ", 0)
log.SetFlags(0)`,
	})
	for _, tc := range []struct{ cell, out, stderr string }{
		{`log.Fatal("bad ", 1)`, "", "bad 1\n"},
		{`log.Fatalf("bad %d", 2)`, "", "bad 2\n"},
		{`log.Fatalln("bad", 3)`, "", "bad 3\n"},
		{`lg.Fatal("bad ", 4)`, "lg: bad 4\n", ""},
		{`lg.Fatalf("bad %d", 5)`, "lg: bad 5\n", ""},
		{`f := lg.Fatalln
f("bad", 6)`, "lg: bad 6\n", ""},
		{`service{lg}.Fatal("bad ", 7)`, "lg: bad 7\n", ""},
		{`var v log.Logger
v.SetOutput(os.Stdout)
v.Fatal("bad ", 8)`, "bad 8\n", ""},
	} {
		out.Reset()
		errb.Reset()
		_, e := run(t, s, tc.cell+"\nprintln(\"not reached\")")
		if e == nil || e.Name != "Exit" || !strings.HasPrefix(e.Value, "os.Exit(1)") {
			t.Errorf("%s: error %v, want an exit with 1", tc.cell, e)
		}
		if out.String() != tc.out || errb.String() != tc.stderr {
			t.Errorf("%s: stdout %q, stderr %q; want %q, %q", tc.cell, out, errb, tc.out, tc.stderr)
		}
	}
	out.Reset()
	runAll(t, s, errb, []string{`lg.Println("still here")`})
	if out.String() != "lg: still here\n" {
		t.Errorf("after the exits: %q", out)
	}
}

// TestLogPanics: log.Panic and the Panic methods log, then panic as in a
// program.
func TestLogPanics(t *testing.T) {
	s, out, errb := newTestSession(t, "")
	runAll(t, s, errb, []string{`import (
	"log"
	"os"
)`, `log.SetFlags(0)
lg := log.New(os.Stdout, "", 0)`})
	if _, e := run(t, s, `log.Panicf("p%d", 1)`); e == nil || e.Name != namePanic || e.Value != "p1" {
		t.Errorf("log.Panicf: %v", e)
	}
	if _, e := run(t, s, `lg.Panic("p2")`); e == nil || e.Name != namePanic || e.Value != "p2" {
		t.Errorf("Logger.Panic: %v", e)
	}
	if !strings.Contains(errb.String(), "p1\n") || out.String() != "p2\n" {
		t.Errorf("stdout %q, stderr %q", out, errb)
	}
}
