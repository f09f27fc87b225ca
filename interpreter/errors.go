package interpreter

import (
	"errors"
	"fmt"
	"go/scanner"
	"regexp"
	"strings"
)

// Error is what a failing cell returns: Name like "CompileError", "panic",
// "Interrupted", "UsageError"; Value the message; Traceback the lines to show
// (cell line:col, short, cell frames only).
type Error struct {
	Name      string
	Value     string
	Traceback []string
}

func (e *Error) Error() string {
	if e.Value == "" {
		return e.Name
	}
	return e.Name + ": " + e.Value
}

// Names of the errors a cell can end with.
const (
	nameCompile     = "CompileError"
	namePanic       = "panic"
	nameInterrupted = "Interrupted"
	nameUsage       = "UsageError"
)

// compileFailure is the CompileError whose message is lines. Its traceback
// is headed by the name, as a panic's is: JupyterLab shows only the
// traceback, and the kernel colours the heading red.
func compileFailure(lines ...string) *Error {
	if len(lines) == 0 {
		lines = []string{"the cell does not compile"}
	}
	tb := append([]string{nameCompile + ": " + lines[0]}, lines[1:]...)
	return &Error{Name: nameCompile, Value: strings.Join(lines, "\n"), Traceback: tb}
}

func usageError(format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	return &Error{Name: nameUsage, Value: msg, Traceback: []string{nameUsage + ": " + msg}}
}

// parseError turns a parse error (positions already in cell terms) into
// an *Error. code is the cell: a missing closing bracket is reported at its
// end, where the compiler reports it.
func parseError(err error, code string) *Error {
	var lines []string
	var list scanner.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			if strings.HasSuffix(e.Msg, "found 'EOF'") {
				e.Pos.Line = strings.Count(code, "\n") + 1
				e.Pos.Column = len(code) - strings.LastIndexByte(code, '\n')
			}
			lines = append(lines, fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, syntaxMessage(e.Msg)))
		}
	} else {
		lines = strings.Split(strings.TrimSpace(err.Error()), "\n")
	}
	if len(lines) > 10 {
		lines = append(lines[:10], "too many errors")
	}
	return compileFailure(lines...)
}

var expectedFound = regexp.MustCompile(`^expected (.+), found (.+)$`)

// syntaxMessage words a go/parser message as the Go compiler does:
// "expected '}', found 'EOF'" becomes "syntax error: unexpected EOF,
// expected }".
func syntaxMessage(msg string) string {
	if m := expectedFound.FindStringSubmatch(msg); m != nil {
		return "syntax error: unexpected " + strings.Trim(m[2], "'") + ", expected " + strings.Trim(m[1], "'")
	}
	return "syntax error: " + msg
}
