package interpreter

import (
	"errors"
	"strings"
	"testing"
)

// TestCompileErrorOutsideTheCell: an error yaegi reports at a position in
// code the session generated keeps its message (it was an empty
// "CompileError: ").
func TestCompileErrorOutsideTheCell(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	e := s.compileError(errors.New("987654:7: invalid type assertion: x.(T)"))
	if !strings.Contains(e.Value, "invalid type assertion: x.(T)") {
		t.Errorf("value %q lost the message", e.Value)
	}
	for _, line := range e.Traceback {
		if strings.TrimSpace(strings.TrimPrefix(line, "CompileError:")) == "" {
			t.Errorf("an empty line in the traceback %q", e.Traceback)
		}
	}
}
