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
