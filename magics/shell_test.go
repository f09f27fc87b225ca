package magics

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestShellLines(t *testing.T) {
	tests := []struct {
		name, cell, out string
		executed        []string
	}{
		{"output", "!echo hello", "hello\n", nil},
		{"stderr too", "!echo oops >&2", "oops\n", nil},
		{"exit status shown, cell goes on", "!exit 3\n!echo after", "exit status 3\nafter\n", nil},
		{"between go lines", "x := 1\n!echo mid\ny := x", "mid\n", []string{"x := 1", "\n\ny := x"}},
		{"continued line", "!echo a \\\nb", "a b\n", nil},
		{"environment from %env", "%env GOPAR_SHELL_TEST=42\n!echo $GOPAR_SHELL_TEST", "env: GOPAR_SHELL_TEST=42\n42\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOPAR_SHELL_TEST", "")
			eng := &fakeEngine{}
			out, _, err := run(t, eng, tt.cell)
			if err != nil || out != tt.out || strings.Join(eng.executed, "|") != strings.Join(tt.executed, "|") {
				t.Errorf("out %q, err %v, executed %q", out, err, eng.executed)
			}
		})
	}
}

func TestScriptCells(t *testing.T) {
	tests := []struct {
		cell, out, err string
	}{
		{"%%bash\nfor i in 1 2; do echo $i; done", "1\n2\n", ""},
		{"%%sh\necho sh", "sh\n", ""},
		{"%%bash\necho before\nexit 2", "before\n", "bash: exit status 2"},
	}
	for _, tt := range tests {
		out, _, err := run(t, &fakeEngine{}, tt.cell)
		if out != tt.out || (err == nil) != (tt.err == "") || (err != nil && err.Error() != tt.err) {
			t.Errorf("%q: out %q, err %v", tt.cell, out, err)
		}
	}
}

func TestShellInterrupt(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	// The background sleep is in the same process group and must die too,
	// or it would hold the output pipe open.
	_, _, err := Run(ctx, "!sleep 30 & sleep 30", &fakeEngine{}, &strings.Builder{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("interrupted shell took %v to stop", d)
	}
}
