package interpreter

import (
	"strings"

	"github.com/gopar/gopar/interpreter/stdsyms"
	"github.com/gopar/gopar/runtime/display"
)

// bundle is the MIME bundle of a cell's result: text/plain always, plus the
// rich forms the display package knows for the value.
func bundle(r *cellResult) map[string]any {
	out := map[string]any{}
	rich := richBundle(r.value)
	for mime, data := range rich {
		out[mime] = data
	}
	// A picture's own caption ("<Figure 640x480>") beats a dump of the
	// struct behind it; other values keep the interpreter's text, which
	// honours String() of cell types.
	_, png := rich["image/png"]
	_, svg := rich["image/svg+xml"]
	_, jpeg := rich["image/jpeg"]
	if _, caption := rich["text/plain"]; !(caption && (png || svg || jpeg)) {
		out["text/plain"] = r.text
	}
	return out
}

// richBundle returns the rich forms of a value (images, plots, values with
// HTML or PNG methods...), or nil when it has none.
func richBundle(v any) map[string]any {
	return display.Bundle(v)
}

// cellPanic describes a panic that ended the cell; msg is the panic value
// as the Go runtime prints it.
func (s *Session) cellPanic(msg string) *Error {
	msg, where := s.goPanicMessage(msg)
	if msg == "runtime error: index out of range" {
		detail, at := s.indexDetail(s.indexSites)
		msg += detail
		if at != "" {
			where = at
		}
	}
	if strings.HasPrefix(msg, "os.Exit(") {
		return exitErrorText(msg)
	}
	tb := []string{"panic: " + msg}
	if where != "" {
		tb = append(tb, "  at "+where)
	}
	tb = append(tb, s.frames()...)
	return &Error{Name: namePanic, Value: msg, Traceback: tb}
}

// exitError describes a cell ended by os.Exit.
func exitError(e stdsyms.Exit) *Error { return exitErrorText(e.Error()) }

func exitErrorText(call string) *Error {
	value := call + " was called: the cell stopped, the session goes on"
	return &Error{Name: "Exit", Value: value, Traceback: []string{value}}
}
