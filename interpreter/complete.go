package interpreter

import (
	"go/ast"
	"go/types"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Complete returns completions for code at cursor (cursor counts Unicode
// code points, as Jupyter protocol 5.2+ does); start and end are the
// code-point offsets of the text the chosen match replaces.
func (s *Session) Complete(code string, cursor int) (matches []string, start, end int) {
	// Completion works on the state the last finished cell left, so that
	// it answers while a cell runs.
	s = s.current()
	b := byteOffset(code, cursor)
	// The identifier being typed ends at the cursor.
	i := b
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:i])
		if !isIdentRune(r) {
			break
		}
		i -= size
	}
	prefix := code[i:b]
	start, end = runeOffset(code, i), cursor

	var candidates []string
	if i > 0 && code[i-1] == '.' {
		candidates = s.memberNames(code, i-1)
	} else {
		candidates = s.scopeNames(code, i)
	}
	seen := map[string]bool{}
	for _, c := range candidates {
		if strings.HasPrefix(c, prefix) && !seen[c] && !strings.HasPrefix(c, "_") {
			seen[c] = true
			matches = append(matches, c)
		}
	}
	sort.Strings(matches)
	return matches, start, end
}

// memberNames lists what can follow the expression that ends at byte
// offset dot (the position of the dot): package members, fields, methods.
func (s *Session) memberNames(code string, dot int) []string {
	if qual := identBefore(code, dot); qual != "" {
		if p, ok := s.importedPackages()[qual]; ok && !s.shadowed(code, dot, qual) {
			return packageMembers(p)
		}
		// A package not imported yet, named by its usual name.
		if p, ok := packageByName(qual); ok && !s.declares(qual) && !s.shadowed(code, dot, qual) {
			return packageMembers(p)
		}
	}
	pr := s.newProbe(code, dot, "")
	if !pr.ok {
		return nil
	}
	e := pr.exprEndingAt()
	if e == nil {
		return nil
	}
	if id, ok := e.(*ast.Ident); ok {
		if pn, ok := pr.c.info.Uses[id].(*types.PkgName); ok {
			return packageMembers(pn.Imported().Path())
		}
	}
	tv, ok := pr.c.info.Types[e]
	if !ok || tv.Type == nil {
		return nil
	}
	return fieldsAndMethods(tv.Type, pr.c.pkg)
}

// shadowed reports whether a package name is hidden by a local of the same
// name; the probe decides.
func (s *Session) shadowed(code string, at int, name string) bool {
	pr := s.newProbe(code, at, "")
	if !pr.ok {
		return false
	}
	for sc := pr.scopeAt(); sc != nil; sc = sc.Parent() {
		if obj := sc.Lookup(name); obj != nil {
			_, isPkg := obj.(*types.PkgName)
			return !isPkg
		}
	}
	return false
}

// packageMembers lists the exported names of a package cells can import.
func packageMembers(importPath string) []string {
	pkg, err := sharedImporter().Import(importPath)
	if err != nil {
		return nil
	}
	var out []string
	for _, name := range pkg.Scope().Names() {
		if ast.IsExported(name) {
			out = append(out, name)
		}
	}
	return out
}

// fieldsAndMethods lists the fields and methods reachable from a value of
// type t (or from t itself when it names a type, for method expressions).
func fieldsAndMethods(t types.Type, main *types.Package) []string {
	var out []string
	visible := func(o types.Object) bool { return o.Exported() || o.Pkg() == main }
	ms := types.NewMethodSet(t)
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for i := 0; i < ms.Len(); i++ {
		if o := ms.At(i).Obj(); visible(o) {
			out = append(out, o.Name())
		}
	}
	seen := map[types.Type]bool{}
	var fields func(t types.Type, depth int)
	fields = func(t types.Type, depth int) {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || seen[t] || depth > 4 {
			return
		}
		seen[t] = true
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			if visible(f) {
				out = append(out, f.Name())
			}
			if f.Embedded() {
				fields(f.Type(), depth+1)
			}
		}
	}
	fields(t, 0)
	return out
}

// scopeNames lists what a cell can name at byte offset at: keywords, and
// everything in scope there (locals, cell definitions, packages, builtins).
func (s *Session) scopeNames(code string, at int) []string {
	out := []string{"break", "case", "chan", "const", "continue", "default", "defer", "else",
		"fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package",
		"range", "return", "select", "struct", "switch", "type", "var"}
	for name := range s.importedPackages() {
		out = append(out, name)
	}
	pr := s.newProbe(code, at, probeName)
	if !pr.ok {
		// The cell does not parse: offer what the session declared.
		for _, r := range s.decls {
			out = append(out, declName(r.key))
		}
		for name := range s.globals {
			out = append(out, name)
		}
		return append(out, types.Universe.Names()...)
	}
	for sc := pr.scopeAt(); sc != nil; sc = sc.Parent() {
		out = append(out, sc.Names()...)
	}
	return out
}

// identBefore is the identifier that ends at byte offset i.
func identBefore(code string, i int) string {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:j])
		if !isIdentRune(r) {
			break
		}
		j -= size
	}
	return code[j:i]
}

func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// byteOffset converts a code-point offset into a byte offset.
func byteOffset(s string, runes int) int {
	if runes <= 0 {
		return 0
	}
	n := 0
	for i := range s {
		if n == runes {
			return i
		}
		n++
	}
	return len(s)
}

// runeOffset converts a byte offset into a code-point offset.
func runeOffset(s string, b int) int {
	if b > len(s) {
		b = len(s)
	}
	return utf8.RuneCountInString(s[:b])
}

// importedPackages maps the names cells use for imported packages to their
// import paths.
func (s *Session) importedPackages() map[string]string {
	out := map[string]string{}
	for _, r := range s.decls {
		if r.kind != recImport {
			continue
		}
		name := r.importName
		if name == "" {
			name = packageName(r.importPath)
		}
		if name != "_" && name != "." {
			out[name] = r.importPath
		}
	}
	return out
}

func unquote(s string) (string, error) { return strconv.Unquote(s) }

// packageName is the name a package declares, from the symbol tables.
func packageName(importPath string) string {
	if name, ok := packageNames.Load(importPath); ok {
		return name.(string)
	}
	name := findPackageName(importPath)
	packageNames.Store(importPath, name)
	return name
}

// packageNames holds the answers of findPackageName, which searches the
// symbol tables: lowering asks for every import of every cell.
var packageNames sync.Map

func findPackageName(importPath string) string {
	prefix := importPath + "/"
	for k := range baseExports() {
		if strings.HasPrefix(k, prefix) && !strings.Contains(k[len(prefix):], "/") {
			return k[len(prefix):]
		}
	}
	if src := stdSources()[importPath]; src != nil {
		return src.name
	}
	return path.Base(importPath)
}

// packageByName finds the package cells usually mean by a name: the
// standard library first, then the shortest import path.
func packageByName(name string) (string, bool) {
	best := ""
	better := func(p string) bool {
		if best == "" {
			return true
		}
		std, bestStd := !strings.Contains(p, "."), !strings.Contains(best, ".")
		if std != bestStd {
			return std
		}
		return len(p) < len(best) || len(p) == len(best) && p < best
	}
	for key := range baseExports() {
		i := strings.LastIndexByte(key, '/')
		if i < 0 || key[i+1:] != name || strings.HasPrefix(key, "_") {
			continue
		}
		if p := key[:i]; better(p) {
			best = p
		}
	}
	for p, src := range stdSources() {
		if src.name == name && better(p) {
			best = p
		}
	}
	return best, best != ""
}

// declares reports whether the session declared name (a variable, func,
// type or constant), which hides a package of that name.
func (s *Session) declares(name string) bool {
	if _, ok := s.globals[name]; ok {
		return true
	}
	for _, r := range s.decls {
		if r.kind != recImport && declName(r.key) == name {
			return true
		}
	}
	return false
}
