package worker

import "strings"

// exitRequest recognises a cell that is only `exit` or `quit` (with or
// without parentheses), which in IPython asks the front end to close.
func exitRequest(code string) bool {
	switch strings.TrimSpace(code) {
	case "exit", "quit", "exit()", "quit()":
		return true
	}
	return false
}

// definesExit reports whether the session has its own func exit or quit,
// which such a cell then calls instead.
func (s *server) definesExit(code string) bool {
	name := strings.TrimSuffix(strings.TrimSpace(code), "()")
	for _, d := range s.eng.Snapshot() {
		if strings.HasPrefix(d, "func "+name+"(") || strings.HasPrefix(d, "var "+name+" ") {
			return true
		}
	}
	return false
}
