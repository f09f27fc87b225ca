package modules

import (
	"go/scanner"
	"go/token"
	"sort"
	"strconv"
	"strings"

	"github.com/gopar/gopar/symbols"
)

// Imports lists the import paths of a cell's top-level import declarations
// (cells, whole programs and the Go body of a cell magic alike), in order,
// each once. It scans tokens rather than parsing: a cell is not a Go file.
// Cells whose body is not Go (%%bash, %%sh, %%writefile) import nothing,
// and neither does a %%native cell, which is built on its own (see
// Requirements).
func Imports(code string) []string {
	if magic := firstLine(code); strings.HasPrefix(magic, "%%") {
		name := strings.Fields(strings.TrimPrefix(magic, "%%") + " ")
		if len(name) > 0 && (name[0] == "bash" || name[0] == "sh" || name[0] == "writefile" || name[0] == "native") {
			return nil
		}
	}
	return GoImports(code)
}

// GoImports is Imports of Go source, magics or not.
func GoImports(code string) []string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	src := []byte(code)
	s.Init(fset.AddFile("", -1, len(src)), src, func(token.Position, string) {}, 0)
	var paths []string
	seen := map[string]bool{}
	add := func(lit string) {
		if p, err := strconv.Unquote(lit); err == nil && p != "" && !seen[p] {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	depth := 0
	for {
		_, tok, _ := s.Scan()
		switch tok {
		case token.EOF:
			return paths
		case token.LBRACE, token.LPAREN, token.LBRACK:
			depth++
		case token.RBRACE, token.RPAREN, token.RBRACK:
			depth--
		case token.IMPORT:
			if depth == 0 {
				importSpecs(&s, add)
			}
		}
	}
}

// importSpecs reads what follows the import keyword: one spec or a
// parenthesised list, each an optional name and a path.
func importSpecs(s *scanner.Scanner, add func(string)) {
	_, tok, lit := s.Scan()
	if tok != token.LPAREN {
		spec(s, tok, lit, add)
		return
	}
	for {
		_, tok, lit = s.Scan()
		switch tok {
		case token.RPAREN, token.EOF:
			return
		case token.SEMICOLON:
			continue
		}
		spec(s, tok, lit, add)
	}
}

func spec(s *scanner.Scanner, tok token.Token, lit string, add func(string)) {
	if tok == token.IDENT || tok == token.PERIOD {
		_, tok, lit = s.Scan()
	}
	if tok == token.STRING {
		add(lit)
	}
}

func firstLine(code string) string {
	for _, line := range strings.Split(code, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			return line
		}
	}
	return ""
}

// NonStandard lists the paths that are not standard packages.
func NonStandard(paths []string) []string {
	var out []string
	for _, p := range paths {
		if !isStandard(p) {
			out = append(out, p)
		}
	}
	return out
}

// Unbundled lists the paths that are neither standard packages, gopar's
// runtime nor packages whose tables this binary has (bundled or linked).
func Unbundled(paths []string) []string {
	var out []string
	for _, p := range paths {
		if isStandard(p) || strings.HasPrefix(p, "gopar/") || p == "gopar" || hasTable(p) {
			continue
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// isStandard is the go command's rule: a standard package's first path
// element has no dot.
func isStandard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// hasTable reports whether package symbols has the table of path (keyed
// "path/name").
func hasTable(path string) bool {
	for key := range symbols.Symbols {
		if i := strings.LastIndexByte(key, '/'); i > 0 && key[:i] == path {
			return true
		}
	}
	return false
}
