package interpreter

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"sync"

	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// symImporter gives go/types the packages cells can import, built from the
// same yaegi symbol tables the interpreter uses (so the checker and the
// interpreter agree on what exists), plus the generic parts of the standard
// library that the interpreter runs from source (stdsrc). Packages are built
// on first import and shared by all sessions: they never change.
type symImporter struct {
	mu      sync.Mutex
	exports interp.Exports
	pkgs    map[string]*types.Package // by import path, complete
	shells  map[string]*types.Package // by import path, possibly only partly filled
	types   map[reflect.Type]types.Type
	fset    *token.FileSet // positions of stdsrc declarations
	// Compiled packages cells import under another path (gopar/async is
	// github.com/gopar/gopar/runtime/async): Go package path -> the path cells use.
	aliases map[string]string
}

var sharedImporter = sync.OnceValue(func() *symImporter {
	im := &symImporter{
		exports: baseExports(),
		pkgs:    map[string]*types.Package{},
		shells:  map[string]*types.Package{},
		types:   map[reflect.Type]types.Type{},
		fset:    token.NewFileSet(),
		aliases: map[string]string{},
	}
	for key, syms := range im.exports {
		i := strings.LastIndexByte(key, '/')
		if i < 0 {
			continue
		}
		cellPath := key[:i]
		for name, v := range syms {
			if strings.HasPrefix(name, "_") || !v.IsValid() || v.Kind() != reflect.Pointer || !v.IsNil() {
				continue
			}
			// Only a package cells cannot import by its own path: std
			// packages alias types of others (os.FileInfo is fs.FileInfo).
			if real := v.Type().Elem().PkgPath(); real != "" && real != cellPath && v.Type().Elem().Name() == name && !im.declares(real, name) {
				im.aliases[real] = cellPath
			}
		}
	}
	return im
})

// cellPath is the path cells import a compiled package by.
func (im *symImporter) cellPath(goPath string) string {
	if p, ok := im.aliases[goPath]; ok {
		return p
	}
	return goPath
}

// Import implements types.Importer.
func (im *symImporter) Import(path string) (*types.Package, error) {
	im.mu.Lock()
	defer im.mu.Unlock()
	return im.importLocked(path)
}

func (im *symImporter) importLocked(path string) (*types.Package, error) {
	if path == "unsafe" {
		// go/types leaves unsafe to the importer; its builtins are go/types' own.
		return types.Unsafe, nil
	}
	if p := im.pkgs[path]; p != nil {
		return p, nil
	}
	syms, name, ok := im.table(path)
	src := stdSources()[path]
	if !ok && src == nil {
		return nil, fmt.Errorf("package %s is not in the standard library or the gopar runtime", path)
	}
	if name == "" {
		name = src.name
	}
	pkg := im.shell(path, name)
	var compiled []types.Object
	for sym, v := range syms {
		if strings.HasPrefix(sym, "_") || src != nil && src.declares[sym] {
			continue
		}
		if obj := pkg.Scope().Lookup(sym); obj != nil {
			compiled = append(compiled, obj)
			continue
		}
		if obj := im.object(pkg, sym, v); obj != nil {
			pkg.Scope().Insert(obj)
			compiled = append(compiled, obj)
		} else if obj := pkg.Scope().Lookup(sym); obj != nil {
			compiled = append(compiled, obj)
		}
	}
	// Converting the compiled symbols may have imported this very package
	// (sync's types mention atomic.Pointer, whose source imports sync).
	if p := im.pkgs[path]; p != nil {
		return p, nil
	}
	im.pkgs[path] = pkg
	if src != nil {
		if err := im.checkSource(pkg, src, compiled); err != nil {
			delete(im.pkgs, path)
			return nil, err
		}
	}
	pkg.MarkComplete()
	return pkg, nil
}

// table finds the symbols of an import path; the key of a table is
// "path/name" where name is the package's own name.
func (im *symImporter) table(path string) (map[string]reflect.Value, string, bool) {
	prefix := path + "/"
	for k, v := range im.exports {
		if strings.HasPrefix(k, prefix) && !strings.Contains(k[len(prefix):], "/") {
			return v, k[len(prefix):], true
		}
	}
	return nil, "", false
}

// shell returns the package object for path, creating it empty.
func (im *symImporter) shell(path, name string) *types.Package {
	if p := im.shells[path]; p != nil {
		if name != "" && p.Name() != name {
			p.SetName(name)
		}
		return p
	}
	if name == "" {
		name = path[strings.LastIndex(path, "/")+1:]
	}
	p := types.NewPackage(path, name)
	im.shells[path] = p
	return p
}

// object converts one symbol table entry.
func (im *symImporter) object(pkg *types.Package, name string, v reflect.Value) types.Object {
	if !v.IsValid() {
		return nil
	}
	t := v.Type()
	switch {
	case t.Kind() == reflect.Pointer && v.IsNil():
		// A type: (*T)(nil).
		typ := im.typeOf(t.Elem())
		if n, ok := typ.(*types.Named); ok && n.Obj().Pkg() == pkg && n.Obj().Name() == name {
			return nil // inserted by typeOf
		}
		return types.NewTypeName(token.NoPos, pkg, name, typ) // an alias
	case v.CanAddr():
		return types.NewVar(token.NoPos, pkg, name, im.typeOf(t))
	case t.Kind() == reflect.Func:
		sig := im.typeOf(t).(*types.Signature)
		return types.NewFunc(token.NoPos, pkg, name, sig)
	case t == constantValueType || t.Implements(constantValueType):
		c := v.Interface().(constant.Value)
		return types.NewConst(token.NoPos, pkg, name, untypedOf(c), c)
	default:
		if c, ok := constantOf(v); ok {
			return types.NewConst(token.NoPos, pkg, name, im.typeOf(t), c)
		}
		return types.NewVar(token.NoPos, pkg, name, im.typeOf(t))
	}
}

var constantValueType = reflect.TypeOf((*constant.Value)(nil)).Elem()

func untypedOf(c constant.Value) types.Type {
	switch c.Kind() {
	case constant.Bool:
		return types.Typ[types.UntypedBool]
	case constant.String:
		return types.Typ[types.UntypedString]
	case constant.Int:
		return types.Typ[types.UntypedInt]
	case constant.Float:
		return types.Typ[types.UntypedFloat]
	case constant.Complex:
		return types.Typ[types.UntypedComplex]
	}
	return types.Typ[types.Invalid]
}

// constantOf reads a typed constant's value.
func constantOf(v reflect.Value) (constant.Value, bool) {
	switch v.Kind() {
	case reflect.Bool:
		return constant.MakeBool(v.Bool()), true
	case reflect.String:
		return constant.MakeString(v.String()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return constant.MakeInt64(v.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return constant.MakeUint64(v.Uint()), true
	case reflect.Float32, reflect.Float64:
		return constant.MakeFloat64(v.Float()), true
	}
	return nil, false
}

var basicKinds = map[reflect.Kind]types.BasicKind{
	reflect.Bool: types.Bool, reflect.Int: types.Int, reflect.Int8: types.Int8, reflect.Int16: types.Int16,
	reflect.Int32: types.Int32, reflect.Int64: types.Int64, reflect.Uint: types.Uint, reflect.Uint8: types.Uint8,
	reflect.Uint16: types.Uint16, reflect.Uint32: types.Uint32, reflect.Uint64: types.Uint64,
	reflect.Uintptr: types.Uintptr, reflect.Float32: types.Float32, reflect.Float64: types.Float64,
	reflect.Complex64: types.Complex64, reflect.Complex128: types.Complex128, reflect.String: types.String,
	reflect.UnsafePointer: types.UnsafePointer,
}

var errorReflect = reflect.TypeOf((*error)(nil)).Elem()

// typeOf converts a reflect type. Named types are created in their package
// (with their methods) the first time they are seen.
func (im *symImporter) typeOf(t reflect.Type) types.Type {
	if typ, ok := im.types[t]; ok {
		return typ
	}
	if t == errorReflect {
		return types.Universe.Lookup("error").Type()
	}
	if t.Name() != "" && t.PkgPath() != "" {
		return im.named(t)
	}
	if b, ok := basicKinds[t.Kind()]; ok {
		typ := types.Typ[b]
		if t.Name() == "" || t.PkgPath() == "" {
			im.types[t] = typ
			return typ
		}
	}
	typ := im.unnamed(t)
	im.types[t] = typ
	return typ
}

func (im *symImporter) named(t reflect.Type) types.Type {
	if i := strings.IndexByte(t.Name(), '['); i > 0 {
		if inst := im.instance(t, t.Name()[:i]); inst != nil {
			im.types[t] = inst
			return inst
		}
	}
	pkgPath := im.cellPath(t.PkgPath())
	pkg := im.shell(pkgPath, "")
	if obj, ok := pkg.Scope().Lookup(t.Name()).(*types.TypeName); ok {
		im.types[t] = obj.Type()
		return obj.Type()
	}
	tn := types.NewTypeName(token.NoPos, pkg, t.Name(), nil)
	named := types.NewNamed(tn, nil, nil)
	im.types[t] = named
	// A complete package may be in use by checkers of other sessions: its
	// scope does not change any more (the type, unexported or not listed,
	// is known without being in it).
	if im.pkgs[pkgPath] == nil {
		pkg.Scope().Insert(tn)
	}
	named.SetUnderlying(im.unnamed(t).Underlying())
	if t.Kind() != reflect.Interface {
		seen := map[string]bool{}
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			seen[m.Name] = true
			named.AddMethod(im.method(pkg, named, false, m))
		}
		pt := reflect.PointerTo(t)
		for i := 0; i < pt.NumMethod(); i++ {
			if m := pt.Method(i); !seen[m.Name] {
				named.AddMethod(im.method(pkg, named, true, m))
			}
		}
	}
	return named
}

// method converts a method of a compiled type; reflect lists the receiver
// as the first parameter.
func (im *symImporter) method(pkg *types.Package, recv *types.Named, ptr bool, m reflect.Method) *types.Func {
	var rt types.Type = recv
	if ptr {
		rt = types.NewPointer(recv)
	}
	ft := m.Type
	params := im.tuple(ft, 1, ft.NumIn(), true)
	results := im.tuple(ft, 0, ft.NumOut(), false)
	sig := types.NewSignatureType(types.NewVar(token.NoPos, pkg, "", rt), nil, nil, params, results, ft.IsVariadic())
	return types.NewFunc(token.NoPos, pkg, m.Name, sig)
}

func (im *symImporter) tuple(ft reflect.Type, from, to int, in bool) *types.Tuple {
	var vars []*types.Var
	for i := from; i < to; i++ {
		var t reflect.Type
		if in {
			t = ft.In(i)
		} else {
			t = ft.Out(i)
		}
		vars = append(vars, types.NewParam(token.NoPos, nil, "", im.typeOf(t)))
	}
	return types.NewTuple(vars...)
}

func (im *symImporter) unnamed(t reflect.Type) types.Type {
	if b, ok := basicKinds[t.Kind()]; ok {
		return types.Typ[b]
	}
	switch t.Kind() {
	case reflect.Pointer:
		return types.NewPointer(im.typeOf(t.Elem()))
	case reflect.Slice:
		return types.NewSlice(im.typeOf(t.Elem()))
	case reflect.Array:
		return types.NewArray(im.typeOf(t.Elem()), int64(t.Len()))
	case reflect.Map:
		return types.NewMap(im.typeOf(t.Key()), im.typeOf(t.Elem()))
	case reflect.Chan:
		dir := types.SendRecv
		switch t.ChanDir() {
		case reflect.SendDir:
			dir = types.SendOnly
		case reflect.RecvDir:
			dir = types.RecvOnly
		}
		return types.NewChan(dir, im.typeOf(t.Elem()))
	case reflect.Func:
		return types.NewSignatureType(nil, nil, nil, im.tuple(t, 0, t.NumIn(), true), im.tuple(t, 0, t.NumOut(), false), t.IsVariadic())
	case reflect.Struct:
		var fields []*types.Var
		var tags []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			pkg := im.shell(im.cellPath(t.PkgPath()), "")
			if f.PkgPath != "" {
				pkg = im.shell(im.cellPath(f.PkgPath), "")
			}
			fields = append(fields, types.NewField(token.NoPos, pkg, f.Name, im.typeOf(f.Type), f.Anonymous))
			tags = append(tags, string(f.Tag))
		}
		return types.NewStruct(fields, tags)
	case reflect.Interface:
		var methods []*types.Func
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			pkg := im.shell(im.cellPath(t.PkgPath()), "")
			if m.PkgPath != "" {
				pkg = im.shell(im.cellPath(m.PkgPath), "")
			}
			sig := types.NewSignatureType(nil, nil, nil, im.tuple(m.Type, 0, m.Type.NumIn(), true), im.tuple(m.Type, 0, m.Type.NumOut(), false), m.Type.IsVariadic())
			methods = append(methods, types.NewFunc(token.NoPos, pkg, m.Name, sig))
		}
		it := types.NewInterfaceType(methods, nil)
		it.Complete()
		return it
	}
	return types.Typ[types.Invalid]
}

// checkSource type-checks the Go source shipped for the generic part of a
// standard package into pkg, next to its compiled symbols. The source
// imports the package's own path to reach the compiled part (it also
// compiles as an ordinary package); that import sees the compiled part only.
func (im *symImporter) checkSource(pkg *types.Package, src *stdSource, compiled []types.Object) error {
	var files []*ast.File
	for i, code := range src.files {
		f, err := parser.ParseFile(im.fset, fmt.Sprintf("%s/%d.go", pkg.Path(), i), code, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("std source %s: %w", pkg.Path(), err)
		}
		files = append(files, f)
	}
	self := types.NewPackage(pkg.Path(), pkg.Name())
	for _, obj := range compiled {
		self.Scope().Insert(obj)
	}
	self.MarkComplete()
	imp := importerFunc(func(path string) (*types.Package, error) {
		if path == pkg.Path() {
			return self, nil
		}
		return im.importLocked(path)
	})
	conf := types.Config{Importer: imp, GoVersion: goVersion}
	info := &types.Info{
		Uses:      map[*ast.Ident]types.Object{},
		Defs:      map[*ast.Ident]types.Object{},
		Types:     map[ast.Expr]types.TypeAndValue{},
		Instances: map[*ast.Ident]types.Instance{},
	}
	if err := types.NewChecker(&conf, im.fset, pkg, info).Files(files); err != nil {
		return fmt.Errorf("std source %s: %w", pkg.Path(), err)
	}
	src.checked = &checkedSource{files: files, info: info, pkg: pkg, fset: im.fset}
	return nil
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// typeFor converts a compiled type for the checker.
func (im *symImporter) typeFor(t reflect.Type) types.Type {
	im.mu.Lock()
	defer im.mu.Unlock()
	return im.typeOf(t)
}

// hasTable reports whether path has compiled symbols.
// declares reports whether the table cells import path by holds name. A
// table of interface wrappers alone (keyed by a runtime package's Go path)
// does not make that path importable.
func (im *symImporter) declares(path, name string) bool {
	syms, _, ok := im.table(path)
	if !ok {
		return false
	}
	_, ok = syms[name]
	return ok
}

func (im *symImporter) hasTable(path string) bool {
	_, _, ok := im.table(path)
	return ok
}

// instance turns a compiled instance of a generic type that a std source
// declares (iter.Seq[string], returned by strings.SplitSeq) into the
// checker's instance of that source type, so that it matches iter.Seq[E]
// in cell code. The type arguments are read off the compiled type's
// structure.
func (im *symImporter) instance(t reflect.Type, base string) types.Type {
	src := stdSources()[t.PkgPath()]
	if src == nil || !src.declares[base] {
		return nil
	}
	pkg, err := im.importLocked(t.PkgPath())
	if err != nil {
		return nil
	}
	tn, ok := pkg.Scope().Lookup(base).(*types.TypeName)
	if !ok {
		return nil
	}
	origin, ok := tn.Type().(*types.Named)
	if !ok || origin.TypeParams().Len() == 0 {
		return nil
	}
	args := map[*types.TypeParam]types.Type{}
	if !im.unify(origin.Underlying(), t, args) {
		return nil
	}
	var list []types.Type
	for i := 0; i < origin.TypeParams().Len(); i++ {
		a, ok := args[origin.TypeParams().At(i)]
		if !ok {
			return nil
		}
		list = append(list, a)
	}
	inst, err := types.Instantiate(nil, origin, list, false)
	if err != nil {
		return nil
	}
	return inst
}

// unify matches a checker type with type parameters against a compiled
// type, recording what each parameter stands for.
func (im *symImporter) unify(p types.Type, t reflect.Type, args map[*types.TypeParam]types.Type) bool {
	switch p := p.(type) {
	case *types.TypeParam:
		args[p] = im.typeOf(t)
		return true
	case *types.Signature:
		if t.Kind() != reflect.Func || t.NumIn() != p.Params().Len() || t.NumOut() != p.Results().Len() {
			return false
		}
		for i := 0; i < t.NumIn(); i++ {
			if !im.unify(p.Params().At(i).Type(), t.In(i), args) {
				return false
			}
		}
		for i := 0; i < t.NumOut(); i++ {
			if !im.unify(p.Results().At(i).Type(), t.Out(i), args) {
				return false
			}
		}
		return true
	case *types.Slice:
		return t.Kind() == reflect.Slice && im.unify(p.Elem(), t.Elem(), args)
	case *types.Pointer:
		return t.Kind() == reflect.Pointer && im.unify(p.Elem(), t.Elem(), args)
	case *types.Map:
		return t.Kind() == reflect.Map && im.unify(p.Key(), t.Key(), args) && im.unify(p.Elem(), t.Elem(), args)
	case *types.Chan:
		return t.Kind() == reflect.Chan && im.unify(p.Elem(), t.Elem(), args)
	case *types.Array:
		return t.Kind() == reflect.Array && im.unify(p.Elem(), t.Elem(), args)
	}
	return true // no parameters inside
}
