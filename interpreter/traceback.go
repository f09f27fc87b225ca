package interpreter

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// lineBlock spaces the line numbers of successive sources handed to yaegi:
// source n starts at line n*lineBlock, so any position yaegi reports, even
// in a func an earlier cell defined, leads back to its cell. Line numbers
// must stay below 1<<30, so the numbering wraps after lineBlocks sources.
const (
	lineBlock  = 20000
	lineBlocks = 50000
	// keepMaps is how many sources keep their position maps; older ones
	// only remember their cell.
	keepMaps = 1000
)

// nextBase is the first line number of the next source.
func (s *Session) nextBase() int { return (s.evals%lineBlocks + 1) * lineBlock }

// register remembers how to map the positions of a source back to its cell.
func (s *Session) register(em *emitted) {
	s.evals++
	em.cell = s.cells
	s.sources[em.base/lineBlock] = em
	if old, ok := s.sources[(s.evals-keepMaps)%lineBlocks+1]; ok && old != em {
		old.points, old.src = nil, ""
	}
}

// emitFile prints a file for yaegi and registers it.
func (s *Session) emitFile(fset *token.FileSet, f *ast.File) (*emitted, error) {
	em, err := emitFile(fset, f, s.nextBase(), s.in.FileSet())
	if err != nil {
		return nil, err
	}
	s.register(em)
	return em, nil
}

// compileError describes a yaegi compile error with cell positions.
func (s *Session) compileError(err error) *Error {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(err.Error()), "\n") {
		r := s.remap(l)
		if r == "" {
			// A position in code the session generated: the message
			// without it, never an empty error.
			if m := framePos.FindStringSubmatch(l); m != nil {
				r = m[3]
			}
		}
		lines = append(lines, r)
	}
	if len(lines) > 10 {
		lines = append(lines[:10], "too many errors")
	}
	return compileFailure(lines...)
}

// cellPos maps a position yaegi reported to a cell position, and says
// whether it lies in the running cell.
func (s *Session) cellPos(line, col int) (l, c int, current, ok bool) {
	em := s.sources[line/lineBlock]
	if em == nil {
		return 0, 0, false, false
	}
	current = em.cell == s.cells
	if em.points == nil && em.src == "" {
		return 0, 0, current, true // an old source: its cell is all we know
	}
	l, c, ok = em.cellPos(line, col)
	return l, c, current, ok
}

var framePos = regexp.MustCompile(`^(?:_\.go:)?(\d+):(\d+): (.*)$`)

// remap rewrites the leading position of a message into cell terms.
func (s *Session) remap(msg string) string {
	m := framePos.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	line, _ := strconv.Atoi(m[1])
	col, _ := strconv.Atoi(m[2])
	l, c, current, ok := s.cellPos(line, col)
	if !ok {
		return ""
	}
	if l == 0 {
		return "(earlier cell) " + m[3]
	}
	if !current {
		return fmt.Sprintf("(earlier cell) %d:%d: %s", l, c, m[3])
	}
	return fmt.Sprintf("%d:%d: %s", l, c, m[3])
}

// panicError describes a panic that escaped the cell's own recover (a
// panic in the interpreter itself).
func (s *Session) panicError(p interp.Panic) *Error {
	if os.Getenv("GOPAR_DUMP") != "" {
		os.Stderr.Write(p.Stack) // debugging the interpreter: where it panicked
	}
	return s.cellPanic(panicMessage(p.Value))
}

// frames are the cell frames yaegi printed while a panic unwound, as
// "line:col: in func" lines, innermost first.
func (s *Session) frames() []string {
	var out []string
	// yaegi's frame lines name the func reliably, but their positions are
	// those of the first node of the func running the same kind of
	// operation, not of the one that panicked: show the func only.
	for _, f := range s.stderr.take() {
		m := framePos.FindStringSubmatch(f)
		if m == nil {
			continue
		}
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		_, _, current, ok := s.cellPos(line, col)
		if !ok {
			continue // generated code, not the cell's
		}
		fn := strings.TrimSuffix(strings.TrimPrefix(m[3], "panic: "), "(...)")
		fn = strings.TrimPrefix(fn, "main.")
		switch {
		case strings.HasPrefix(fn, "_goparCell"):
			fn = "the cell"
		case strings.HasPrefix(fn, "_goparF_"):
			// A cell func, held in a variable (lower_funcvar.go).
			name := strings.TrimPrefix(fn, "_goparF_")
			if i := strings.LastIndexByte(name, '_'); i > 0 {
				rest := ""
				if j := strings.IndexByte(name[i:], '.'); j >= 0 {
					rest = name[i+j:]
				}
				name = name[:i] + rest
			}
			fn = name
		case strings.HasPrefix(fn, "_gopar"):
			continue
		}
		fn = strings.ReplaceAll(fn, ".func", " (func literal)")
		if !current {
			fn += " (defined in an earlier cell)"
		}
		if n := len(out); n > 0 && out[n-1] == "  in "+fn {
			continue // a program's main runs inside the cell's own func
		}
		out = append(out, "  in "+fn)
	}
	return out
}

// panicMessage prints a panic value the way the Go runtime does.
func panicMessage(v any) string {
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		v = rv.Interface()
	}
	switch v := v.(type) {
	case error:
		return v.Error()
	case fmt.Stringer:
		return v.String()
	case string:
		return v
	}
	return fmt.Sprintf("%v", v)
}
