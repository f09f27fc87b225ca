package interpreter

import (
	"fmt"
	"go/ast"
	"go/constant"
	"reflect"
	"regexp"
	"strings"
)

// yaegi runs many operations through package reflect, so a learner's
// runtime error arrives in reflect's words. goPanicMessage says it the way
// the Go runtime does.
var reflectMessages = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`^reflect: (slice|array|string) index out of range$`), "runtime error: index out of range"},
	{regexp.MustCompile(`^reflect(\.Value\.Slice\w*)?: slice (index|bounds) out of (range|bounds)$`), "runtime error: slice bounds out of range"},
	{regexp.MustCompile(`^reflect: call of reflect\.Value\.\w+ on zero Value$`), "runtime error: invalid memory address or nil pointer dereference"},
	{regexp.MustCompile(`^reflect: indirection through nil pointer.*$`), "runtime error: invalid memory address or nil pointer dereference"},
	{regexp.MustCompile(`^reflect: call of reflect\.Value\.\w+ on ptr Value$`), "runtime error: invalid memory address or nil pointer dereference"},
	{regexp.MustCompile(`^reflect: cannot convert slice with length (\d+) to (?:pointer to )?array with length (\d+)$`), "runtime error: cannot convert slice with length $1 to array or pointer to array with length $2"},
}

// unhashable is the message of a map's runtime error for a key of an
// interface type holding a value that cannot be hashed: reached through
// reflect, it is worded unlike compiled code's, and names yaegi's struct
// type for the program's.
var unhashable = regexp.MustCompile(`^(?:runtime error: )?hash of unhashable type:? (.*)$`)

// typeNameFor is the program's name of the type whose reflect type is
// written rt, or rt.
func (s *Session) typeNameFor(rt string) string {
	if in := s.in; in != nil {
		if name := in.TypeNameFor(rt); name != "" {
			return name
		}
	}
	return rt
}

// runtimeError is a runtime error raised inside the interpreter (by
// reflect, or by yaegi's type assertions) as recover hands it to the cell:
// a runtime.Error with the Go runtime's message, as in compiled code.
type runtimeError struct {
	msg string // as the Go runtime says it
	raw string // as it was raised, with yaegi's position
}

func (e *runtimeError) Error() string { return e.msg }

// RuntimeError marks the error as a runtime.Error.
func (e *runtimeError) RuntimeError() {}

// GoparPanicText is what the cell's panic report starts from: the raw
// message keeps the position of the failing operation.
func (e *runtimeError) GoparPanicText() string { return e.raw }

// nilDerefError is the Go runtime's own nil pointer dereference error.
var nilDerefError = func() (err any) {
	defer func() { err = recover() }()
	var p *int
	return *p
}()

// runtimeError turns a panic value raised by the interpreter's machinery
// into the runtime error Go raises for the same operation; other values
// (runtime errors of compiled code, panics of compiled packages) are kept.
func (s *Session) runtimeError(v any) any {
	var raw string
	switch x := v.(type) {
	case string:
		raw = x
	case *reflect.ValueError:
		raw = x.Error()
	case error:
		if _, ok := x.(interface{ RuntimeError() }); ok {
			if m := unhashable.FindStringSubmatch(x.Error()); m != nil {
				msg := "runtime error: hash of unhashable type " + s.typeNameFor(m[1])
				return &runtimeError{msg: msg, raw: msg}
			}
			return v
		}
		raw = x.Error()
	default:
		return v
	}
	msg := raw
	if m := framePos.FindStringSubmatch(raw); m != nil {
		msg = m[3]
	}
	if strings.HasPrefix(msg, "interface conversion: ") {
		if _, isErr := v.(error); isErr {
			return &runtimeError{msg: msg, raw: raw}
		}
		return v
	}
	for _, rm := range reflectMessages {
		if rm.re.MatchString(msg) {
			return &runtimeError{msg: rm.re.ReplaceAllString(msg, rm.repl), raw: raw}
		}
	}
	return v
}

// goPanicMessage rewrites a panic message into the Go runtime's words and
// splits off a position yaegi put in front of it.
func (s *Session) goPanicMessage(msg string) (text, where string) {
	if m := framePos.FindStringSubmatch(msg); m != nil {
		if r := s.remap(msg); r != "" && r != msg {
			where = strings.TrimSuffix(r, m[3])
			where = strings.TrimSuffix(where, ": ")
		}
		msg = m[3]
	}
	for _, rm := range reflectMessages {
		if rm.re.MatchString(msg) {
			return rm.re.ReplaceAllString(msg, rm.repl), where
		}
	}
	return msg, where
}

// indexSite is an index expression of a cell's own statements with a
// constant index into a package-level variable: a[5].
type indexSite struct {
	name  string
	index int64
	where string
}

// indexSites lists the index sites of the cell's statements (outside func
// literals), before lowering.
func (c *checked) indexSites() []indexSite {
	var out []indexSite
	for _, st := range c.body.List {
		ast.Inspect(st, func(n ast.Node) bool {
			if _, lit := n.(*ast.FuncLit); lit {
				return false
			}
			ix, ok := n.(*ast.IndexExpr)
			if !ok {
				return true
			}
			id, ok := ix.X.(*ast.Ident)
			if !ok {
				return true
			}
			tv, ok := c.info.Types[ix.Index]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
				return true
			}
			obj := c.info.Uses[id]
			if obj == nil || obj.Parent() != c.pkg.Scope() && c.defined[id.Name] != obj {
				return true
			}
			i, exact := constant.Int64Val(tv.Value)
			if !exact {
				return true
			}
			p := c.fset.Position(ix.Lbrack)
			out = append(out, indexSite{name: id.Name, index: i, where: fmt.Sprintf("%d:%d", p.Line, p.Column)})
			return true
		})
	}
	return out
}

// indexDetail says which index site is out of range, as Go does: "[5] with
// length 2", with its position.
func (s *Session) indexDetail(sites []indexSite) (string, string) {
	if len(sites) == 0 {
		return "", ""
	}
	values := s.in.Globals()
	for _, site := range sites {
		v, ok := values[site.name]
		if !ok || !v.IsValid() {
			continue
		}
		switch v.Kind() {
		case reflect.Slice, reflect.Array, reflect.String:
		default:
			continue
		}
		if site.index < 0 || site.index >= int64(v.Len()) {
			return fmt.Sprintf(" [%d] with length %d", site.index, v.Len()), site.where
		}
	}
	return "", ""
}
