package interpreter

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"maps"
	"os"
	"path"
	"reflect"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/gopar/gopar/interpreter/stdsyms"
	"github.com/gopar/gopar/runtime/interrupt"
	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// Options configure a Session.
type Options struct {
	Stdin  io.Reader // what fmt.Scan*, bufio.NewReader(os.Stdin) etc. read in cells (may be nil)
	Stdout io.Writer // where cells print; the worker passes os.Stdout
	Stderr io.Writer
}

// Session is one notebook's interpreter state: the cells run so far, their
// declarations and variables. Its methods are safe to call from several
// goroutines; cells run one at a time.
type Session struct {
	opts Options

	mu sync.Mutex // held while a cell runs

	runMu       sync.Mutex
	running     *userRun // the cell's code yaegi is running now, for Abandon
	in          *interp.Interpreter
	stderr      *panicFilter
	decls       []declRecord          // latest version of each declaration, oldest first
	globals     map[string]*globalVar // variables cells defined
	hidden      map[string]string     // import path -> name, for generated code
	loaded      map[string]bool       // std source packages loaded into the interpreter
	funcs       map[string]string     // cell funcs held in variables, with their signatures
	funcImpls   map[string]string     // and the funcs that implement them
	interrupted bool                  // the last cell was interrupted
	evals       int                   // number of sources handed to yaegi, numbers their lines
	cells       int                   // number of cells run
	compiled    int                   // number of funcs made by Compile
	sources     map[int]*emitted
	base        *checkBase  // earlier cells as the checker sees them
	changes     baseChanges // since the base last looked (tables.go)
	// checkEverything checks every cell with all earlier declarations, as
	// the base would not: tests compare the two.
	checkEverything bool

	globalNames []string      // the keys of globals, sorted (tables.go)
	versions    tableVersions // count writes to what Snapshot lists
	snapshot    snapshotCache // Snapshot and GlobalNames, as of versions

	pendingHidden []string // hidden imports not yet made in the interpreter

	result     *cellResult // set by the running cell's trailing expression
	indexSites []indexSite // of the running cell, to explain an index out of range
	panicked   string      // set when the running cell panicked

	goPanics goPanicLog

	exitMu  sync.Mutex
	goExit  *stdsyms.Exit      // os.Exit called by a goroutine while the cell ran
	stopRun context.CancelFunc // stops the running cell

	viewMu    sync.Mutex // also held while the tables are written (tables.go)
	view      *Session   // the state after the last finished cell, for Complete and Inspect
	published *Session   // that state without the tables, until asked for

	debug debugState // the debugger, when a front end debugs (debug.go)
}

// publish makes the state after this cell the one Complete and Inspect
// see. Its tables of declarations and variables are copied only when they
// ask (current): copying them after every cell would cost each cell the
// whole session.
func (s *Session) publish() {
	v := &Session{
		opts:    s.opts,
		in:      s.in,
		hidden:  maps.Clone(s.hidden), // views may add hidden imports
		loaded:  map[string]bool{},
		cells:   s.cells,
		sources: map[int]*emitted{},
	}
	s.viewMu.Lock()
	s.published, s.view = v, nil
	s.viewMu.Unlock()
}

// current is the state of the last finished cell, with the session's
// tables as they are now (tables.go writes them holding viewMu).
func (s *Session) current() *Session {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	if s.view == nil && s.published != nil {
		v := s.published
		s.published = nil
		v.decls = s.decls[:len(s.decls):len(s.decls)] // removing copies (tables.go)
		v.globals = maps.Clone(s.globals)
		v.funcs, v.funcImpls = maps.Clone(s.funcs), maps.Clone(s.funcImpls)
		s.view = v
	}
	return s.view
}

// cellResult is the value of a cell's trailing expression.
type cellResult struct {
	text  string
	value any
}

// New starts a session with a fresh interpreter.
func New(opts Options) (*Session, error) {
	if opts.Stdin == nil {
		opts.Stdin = strings.NewReader("")
	}
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	s := &Session{opts: opts}
	setProgramArgs(opts.Stderr)
	if err := s.start(); err != nil {
		return nil, err
	}
	s.resetTables()
	s.publish()
	return s, nil
}

// start makes a fresh interpreter with the session's streams and tables.
func (s *Session) start() error {
	s.stderr = &panicFilter{w: s.opts.Stderr}
	in := interp.New(interp.Options{
		Stdin:         s.opts.Stdin,
		Stdout:        s.opts.Stdout,
		Stderr:        s.stderr,
		Args:          []string{"gopar"},
		GoroutineExit: s.goroutineExit,
	})
	if err := in.Use(baseExports()); err != nil {
		return err
	}
	if err := in.Use(stdioExports(s.opts.Stdin, s.opts.Stdout, s.opts.Stderr)); err != nil {
		return err
	}
	if err := in.Use(programExports()); err != nil {
		return err
	}
	if err := in.Use(s.runtimeExports()); err != nil {
		return err
	}
	s.in = in
	s.hidden = map[string]string{}
	s.versions.hidden++
	s.loaded = map[string]bool{}
	s.resetFuncs()
	s.interrupted = false
	s.pendingHidden = nil
	s.sources = map[int]*emitted{}
	s.base = nil
	// Through EvalWithContext, which (and only which) turns on yaegi's
	// interruptible channel operations: declarations compiled before that
	// would wait on channels past an interrupt.
	if _, err := in.EvalWithContext(context.Background(), runtimeImports); err != nil {
		return fmt.Errorf("interpreter start: %w", err)
	}
	return nil
}

// goroutineExit records os.Exit called by a goroutine and stops the
// running cell, as os.Exit stops a program. A goroutine an earlier cell left
// running just ends.
func (s *Session) goroutineExit(v any) {
	e, ok := v.(stdsyms.Exit)
	if !ok {
		return
	}
	s.exitMu.Lock()
	defer s.exitMu.Unlock()
	if s.stopRun == nil || s.goExit != nil {
		return
	}
	s.goExit = &e
	s.stopRun()
}

// Reset discards all state (a fresh interpreter).
func (s *Session) Reset() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.goPanics.take()
	if err := s.start(); err != nil {
		return err
	}
	s.resetTables()
	s.publish()
	return nil
}

// Execute runs one cell (magics already stripped) on the calling
// goroutine. It returns the MIME bundle of the value of a trailing
// expression, or nil when the cell has none. Cancelling ctx interrupts the
// cell: Execute returns promptly with an *Error named "Interrupted", unless
// compiled code keeps the cell from stopping (see Abandon).
func (s *Session) Execute(ctx context.Context, code string) (map[string]any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.publish()
	if ctx == nil {
		ctx = context.Background()
	}
	res, err := s.execute(ctx, code)
	if err != nil {
		return nil, err
	}
	if res == nil {
		return nil, nil
	}
	return bundle(res), nil
}

func (s *Session) execute(ctx context.Context, code string) (*cellResult, error) {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	s.exitMu.Lock()
	s.goExit = nil
	s.stopRun = func() {
		stop()
		interrupt.Stop(ctx) // the worker gives up on a main blocked in compiled code
	}
	s.exitMu.Unlock()
	res, err := s.executeCell(ctx, code)
	s.exitMu.Lock()
	exit := s.goExit
	s.goExit, s.stopRun = nil, nil
	s.exitMu.Unlock()
	if exit != nil {
		// A goroutine's os.Exit ends the program, whatever its main did.
		res, err = nil, exitError(*exit)
	}
	if exitedZero(err) {
		// os.Exit(0) ends a program as a success, as under go run.
		return nil, nil
	}
	return res, err
}

func (s *Session) executeCell(ctx context.Context, code string) (*cellResult, error) {
	fset := token.NewFileSet()
	if s.base != nil {
		reservePositions(fset, s.base.fset.Base())
	}
	pc, err := parseCellIn(fset, code)
	if err != nil {
		return nil, parseError(err, code)
	}
	if err := pc.embedFiles(); err != nil {
		return nil, parseError(err, code)
	}
	cellNo := s.cells + 1
	c, cerr := s.checkCell(pc, cellNo)
	if cerr != nil {
		return nil, cerr
	}
	if reasons := s.rebuildReasons(pc, c); len(reasons) > 0 {
		if err := s.rebuild(ctx, pc, c, reasons); err != nil {
			return nil, err
		}
		// Check again against the rebuilt session.
		cellNo = s.cells + 1
		if c, cerr = s.checkCell(pc, cellNo); cerr != nil {
			return nil, cerr
		}
	}
	s.cells = cellNo
	s.indexSites = c.indexSites()
	prog := s.lowerCell(pc, c, cellNo)

	if pc.program.isProgram() {
		// Each run of a program parses its own command line.
		resetFlags(s.opts.Stderr)
	}
	interrupt.Reset()
	stop := context.AfterFunc(ctx, interrupt.Trigger)
	defer stop()
	s.stderr.take()
	s.goPanics.take()

	body, err := s.declare(ctx, pc, c, prog)
	if err != nil {
		return nil, err
	}
	s.debugCell(cellNo, code)
	s.result, s.panicked = nil, ""
	var call *emitted
	if prog.hasBody {
		call = &emitted{src: "\n" + lineComment(s.nextBase()) + runCellFunc + "(" + cellFunc(cellNo) + ")\n", base: s.nextBase()}
		s.register(call)
		from := s.in.FileSet().Base()
		_, err := s.eval(ctx, call)
		s.in.Forget(cellFunc(cellNo)) // called once: let its compiled tree go
		if err != nil {
			return nil, err
		}
		call.parsed = s.in.FileSet().File(token.Pos(from))
	}
	if p := s.goPanics.take(); len(p) > 0 {
		return nil, &Error{Name: namePanic, Value: strings.Join(p, "\n"), Traceback: p}
	}
	if s.panicked != "" {
		return nil, s.cellPanic(s.panicked)
	}
	if call != nil {
		s.forgetSource(call)
		if !leavesCode(prog.file.Decls[len(prog.file.Decls)-1]) {
			s.forgetSource(body)
		}
	}
	return s.result, nil
}

// eval hands one source to yaegi, and turns its failures into *Error. The
// code runs on the calling goroutine; while it runs, Abandon may leave the
// goroutine behind (then eval never returns).
func (s *Session) eval(ctx context.Context, em *emitted) (reflect.Value, error) {
	v, err := s.runCode(func() (reflect.Value, error) { return s.in.EvalHere(ctx, em.src) })
	return v, s.evalError(ctx, err)
}

// runCode runs a cell's code, which Abandon may give up on. Its record is
// cleared however run ends, also by runtime.Goexit: left set, a later
// Abandon would give up on a cell that is not running code.
func (s *Session) runCode(run func() (reflect.Value, error)) (reflect.Value, error) {
	r := &userRun{}
	s.runMu.Lock()
	s.running = r
	s.runMu.Unlock()
	defer func() {
		s.runMu.Lock()
		abandoned := r.abandoned
		if s.running == r {
			s.running = nil
		}
		s.runMu.Unlock()
		if abandoned {
			// The session serves other cells now: touch nothing, wait
			// for nothing, never return.
			select {}
		}
	}()
	return run()
}

// userRun is code of a cell that Abandon may give up on.
type userRun struct{ abandoned bool }

// Abandon gives up on the cell whose code is running and blocked past an
// interrupt, such as a sync.Mutex locked twice: Execute cannot return while
// compiled code holds its goroutine. The session keeps the cell's
// declarations and serves the next call on another goroutine; the blocked
// one, if it ever unblocks, parks for good without touching the session.
// Abandon reports false when no cell's code is running: the cell is about
// to return by itself. answer is the cell's error when a goroutine's
// os.Exit stopped it, nil after an interrupt.
func (s *Session) Abandon() (answer error, ok bool) {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	if s.running == nil {
		return nil, false
	}
	s.exitMu.Lock()
	if s.goExit != nil {
		answer = exitError(*s.goExit)
	}
	s.exitMu.Unlock()
	s.running.abandoned = true
	s.running = nil
	s.interrupted = true
	s.result, s.panicked = nil, ""
	s.publish()
	s.mu.Unlock() // held by the blocked Execute
	return answer, true
}

// evalDecls hands yaegi the source of f, a file of declarations. When they
// run no code (no init funcs, no variables with initial values), nothing
// needs interrupting and the file emitFile parsed is compiled as it is, not
// parsed again from its text. After an interrupt, code of the interrupted
// cell may still be running (Abandon); EvalHere takes the interpreter's
// lock first, which orders what that code did before this source.
func (s *Session) evalDecls(ctx context.Context, em *emitted, f *ast.File) error {
	if s.interrupted || !runsNoCode(f) {
		_, err := s.eval(ctx, em)
		return err
	}
	prog, err := compileSource(s.in, em)
	if err == nil {
		_, err = s.in.Execute(prog)
	}
	return s.evalError(ctx, err)
}

// evalError turns what yaegi returned into *Error, or nil.
func (s *Session) evalError(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		s.interrupted = true
		return &Error{Name: nameInterrupted, Value: "the cell was interrupted",
			Traceback: []string{"Interrupted: the cell was interrupted"}}
	}
	var p interp.Panic
	if errors.As(err, &p) {
		if s.panicked != "" {
			return s.cellPanic(s.panicked)
		}
		return s.panicError(p)
	}
	return s.compileError(err)
}

// runsNoCode reports whether evaluating the file only declares: it has no
// init funcs and no variables with initial values.
func runsNoCode(f *ast.File) bool {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "init" {
				return false
			}
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				continue
			}
			for _, sp := range d.Specs {
				if vs, ok := sp.(*ast.ValueSpec); !ok || len(vs.Values) > 0 {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// compileSource compiles the file emitFile parsed, turning a panic of the
// compiler into the error EvalWithContext would return.
func compileSource(in *interp.Interpreter, em *emitted) (prog *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			var pc [64]uintptr
			n := runtime.Callers(1, pc[:])
			err = interp.Panic{Value: r, Callers: pc[:n], Stack: debug.Stack()}
		}
	}()
	prog, err = in.CompileAST(em.file)
	em.file = nil // compiled: its position map is all a source keeps
	return prog, err
}

// declare makes the cell's imports, variables and declarations in the
// interpreter, and records them. It returns the source of the func of the
// cell's statements, when it has one.
func (s *Session) declare(ctx context.Context, pc *parsedCell, c *checked, prog *program) (body *emitted, err error) {
	// Imports: the cell's new ones and the hidden ones generated code needs.
	if err := s.runImports(ctx, pc, prog); err != nil {
		return nil, err
	}
	// The func of the cell's statements is compiled as a file of its own:
	// yaegi's tree of a file is kept as long as any of its declarations,
	// and the session keeps those, not the func, which runs once.
	files := []*ast.File{prog.file}
	if n := len(prog.file.Decls); prog.hasBody && n > 1 {
		body := prog.file.Decls[n-1]
		files = []*ast.File{{Name: prog.file.Name, Decls: prog.file.Decls[:n-1]}, {Name: prog.file.Name, Decls: []ast.Decl{body}}}
	}
	for _, f := range files {
		if len(f.Decls) == 0 {
			continue
		}
		em, err := s.emitFile(pc.fset, f)
		if err != nil {
			return nil, compileFailure(err.Error())
		}
		if err := s.evalDecls(ctx, em, f); err != nil {
			return nil, err
		}
		if onlyVars(f) {
			// The interpreter keeps a variable's index and type, not
			// its declaration.
			s.forgetSource(em)
		}
		body = em // the func of the statements comes last
	}
	s.commit(pc, c, prog)
	if !prog.hasBody {
		body = nil
	}
	return body, nil
}

// onlyVars reports whether a file declares only variables, whose
// initial values make no funcs.
func onlyVars(f *ast.File) bool {
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); !ok || g.Tok != token.VAR || leavesCode(g) {
			return false
		}
	}
	return true
}

// leavesCode reports whether running a declaration (the func of a cell's
// statements, a variable's initial value) can leave code of it behind to
// run later: a func literal it made, or a goroutine it started.
func leavesCode(d ast.Decl) bool {
	leaves := false
	ast.Inspect(d, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			leaves = true
		}
		return !leaves
	})
	return leaves
}

// forgetSource lets the source of code that ran once and left nothing
// behind go: its file in the interpreter's set of files and its position
// map, which nothing can ask for again. A debugger that is on keeps them.
func (s *Session) forgetSource(em *emitted) {
	s.debug.mu.Lock()
	on := s.debug.opts != nil
	s.debug.mu.Unlock()
	if on {
		return
	}
	if em.parsed != nil {
		s.in.FileSet().RemoveFile(em.parsed)
		em.parsed = nil
	}
	if block := em.base / lineBlock; s.sources[block] == em {
		delete(s.sources, block)
	}
}

// runImports makes the imports the cell needs that the interpreter lacks.
func (s *Session) runImports(ctx context.Context, pc *parsedCell, prog *program) error {
	var specs []ast.Spec
	made := map[string]bool{}
	for _, r := range s.decls {
		if r.kind == recImport {
			made[r.key] = true
		}
	}
	var fresh []*ast.ImportSpec
	for _, d := range pc.imports {
		for _, sp := range d.Specs {
			is := sp.(*ast.ImportSpec)
			if made["import "+importKey(is)] {
				continue
			}
			made["import "+importKey(is)] = true
			fresh = append(fresh, is)
			specs = append(specs, is)
		}
	}
	for _, path := range s.pendingHidden {
		specs = append(specs, &ast.ImportSpec{
			Name: ast.NewIdent(s.hidden[path]),
			Path: &ast.BasicLit{Kind: token.STRING, Value: quote(path)},
		})
	}
	if len(specs) > 0 {
		f := &ast.File{Name: ast.NewIdent("main"), Decls: []ast.Decl{&ast.GenDecl{Tok: token.IMPORT, Lparen: 1, Specs: specs}}}
		em, err := s.emitFile(pc.fset, f)
		if err != nil {
			return parseError(err, "")
		}
		if _, err := s.eval(ctx, em); err != nil {
			return err
		}
		s.pendingHidden = nil
	}
	for _, is := range fresh {
		s.recordImport(pc.fset, is)
	}
	// Generic parts of std packages run from source.
	for _, path := range prog.stdSources {
		if err := s.loadStdSource(ctx, path); err != nil {
			return err
		}
	}
	return nil
}

// Snapshot returns what a fresh Session needs to rebuild the declarations
// made so far, as plain strings in a replayable order.
func (s *Session) Snapshot() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cachedSnapshot().list
}

// Restore replays declarations from Snapshot into the session. Variables get
// their declared initial values again. When the whole does not compile, the
// declarations are replayed one by one and those that fail are reported.
func (s *Session) Restore(decls []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.publish()
	var imports, rest []string
	for _, d := range decls {
		if path, ok := hiddenImportDecl(d); ok {
			// Generated names are the session's own business, not a cell's.
			s.hiddenImport(path)
			continue
		}
		if strings.HasPrefix(d, "import ") {
			imports = append(imports, d)
		} else {
			rest = append(rest, d)
		}
	}
	if err := s.flushHidden(); err != nil {
		return err
	}
	code := strings.Join(imports, "\n") + "\n" + strings.Join(rest, "\n")
	if _, err := s.execute(context.Background(), code); err == nil {
		return nil
	}
	var failed []string
	for _, d := range append(imports, rest...) {
		if _, err := s.execute(context.Background(), d); err != nil {
			first, _, _ := strings.Cut(d, "\n")
			failed = append(failed, first)
		}
	}
	if len(failed) > 0 {
		msg := "could not restore: " + strings.Join(failed, "; ")
		return compileFailure(msg)
	}
	return nil
}

// hiddenImportDecl recognises a Snapshot line for a hidden import and
// returns its path.
func hiddenImportDecl(d string) (path string, ok bool) {
	f := strings.Fields(d)
	if len(f) != 3 || f[0] != "import" || !strings.HasPrefix(f[1], "_goparpkg_") {
		return "", false
	}
	path, err := strconv.Unquote(f[2])
	return path, err == nil
}

// GlobalNames lists the cell-defined package-level variables by name,
// without formatting their values: the kernel asks after every cell.
func (s *Session) GlobalNames() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cachedSnapshot().names
}

// Variable describes one cell-defined package-level variable.
type Variable struct {
	Name, Type, Value string // Value: short fmt form
}

// Globals lists cell-defined package-level variables, sorted by name.
func (s *Session) Globals() []Variable {
	s.mu.Lock()
	defer s.mu.Unlock()
	values := s.in.Globals()
	var out []Variable
	for _, name := range s.globalNames {
		g := s.globals[name]
		v := Variable{Name: name, Type: g.display}
		if v.Type == "" {
			v.Type = g.typeSrc
		}
		if rv, ok := values[name]; ok && rv.IsValid() {
			v.Value = shortValue(rv)
		}
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// shortValue is fmt's %v of v, cut to one short line.
func shortValue(v reflect.Value) string {
	var text string
	// Formatting a ten-million-element slice to show 80 characters of it
	// would take seconds and race with goroutines still filling it.
	if k := v.Kind(); (k == reflect.Slice || k == reflect.Map || k == reflect.Chan) && v.Len() > 16 {
		return fmt.Sprintf("len %d", v.Len())
	}
	if v.CanInterface() {
		text = fmt.Sprint(v.Interface())
	} else {
		text = v.String()
	}
	text = strings.ReplaceAll(text, "\n", " ")
	if r := []rune(text); len(r) > 80 {
		text = string(r[:77]) + "..."
	}
	return text
}

// Compile evaluates src, a Go function literal such as
// `func(n int) time.Duration { ... }`, in the session's global scope and
// returns the func value as a compiled Go value that compiled code can call
// (a func(int) time.Duration). The literal is lowered like any cell, so
// that its body runs as Go would run it.
func (s *Session) Compile(src string) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.compiled++
	name := "_goparCompiled" + strconv.Itoa(s.compiled)
	// The magics time code in sessions that may not have imported the
	// packages it names (time): import them.
	code := s.missingImports(src) + name + " :=\n" + src
	if _, err := s.execute(context.Background(), code); err != nil {
		return nil, err
	}
	s.deleteGlobal(name) // not a variable of the user's
	v, ok := s.in.Globals()[name]
	if !ok || !v.IsValid() || v.Kind() != reflect.Func {
		return nil, compileFailure("not a func literal: " + src)
	}
	return v.Interface(), nil
}

// Bind makes the global variable name hold v (a compiled value) for later
// cells.
func (s *Session) Bind(name string, v any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !token.IsIdentifier(name) || name == "_" {
		return usageError("%q is not a name a variable can have", name)
	}
	if v == nil {
		return usageError("cannot bind %s to nil", name)
	}
	holder := reflect.New(reflect.TypeOf(v)).Elem()
	holder.Set(reflect.ValueOf(v))
	if err := s.in.Use(interp.Exports{bindPath + "/bind": {name: holder}}); err != nil {
		return err
	}
	typ := sharedImporter().typeFor(reflect.TypeOf(v))
	src, ok := s.typeSource(typ, nil)
	if !ok {
		return usageError("cannot bind %s: its type %s cannot be named in a cell", name, typ)
	}
	if err := s.flushHidden(); err != nil {
		return err
	}
	decl := fmt.Sprintf("package main\nvar %s %s = %s.%s", name, src, bindName, name)
	if _, err := s.in.Eval(decl); err != nil {
		return fmt.Errorf("bind %s: %w", name, err)
	}
	s.setGlobal(&globalVar{name: name, typeSrc: src, display: displayType(typ, nil)})
	s.publish()
	return nil
}

// flushHidden makes pending hidden imports in the interpreter.
func (s *Session) flushHidden() error {
	if len(s.pendingHidden) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("package main\nimport (\n")
	for _, p := range s.pendingHidden {
		fmt.Fprintf(&b, "\t%s %q\n", s.hidden[p], p)
	}
	b.WriteString(")\n")
	if _, err := s.in.Eval(b.String()); err != nil {
		return err
	}
	s.pendingHidden = nil
	return nil
}

// missingImports writes import declarations for the packages src names
// (as pkg.Member) that the session has not imported.
func (s *Session) missingImports(src string) string {
	f, err := parser.ParseExpr(src)
	if err != nil {
		return ""
	}
	imported := s.importedPackages()
	seen := map[string]bool{}
	var b strings.Builder
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		id, ok := sel.X.(*ast.Ident)
		if !ok || seen[id.Name] || imported[id.Name] != "" || s.declares(id.Name) {
			return true
		}
		seen[id.Name] = true
		if p, ok := packageByName(id.Name); ok {
			// The plain form, as a learner writes it, so that their own
			// import of the package later is recognised as the same one.
			if path.Base(p) == id.Name {
				fmt.Fprintf(&b, "import %q\n", p)
			} else {
				fmt.Fprintf(&b, "import %s %q\n", id.Name, p)
			}
		}
		return true
	})
	return b.String()
}
