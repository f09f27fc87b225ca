package jit

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
)

// codegenVersion changes whenever the generated files change, so that
// cached builds of an older layout are not reused.
const codegenVersion = "jit-1"

//go:embed helper_main.go.txt
var helperMain string

// Compile builds a %%native cell's Go source with the local Go toolchain
// and returns its functions, callable at compiled speed. src is the cell as
// the learner wrote it: imports and declarations, no package clause, e.g.
//
//	import "math/rand/v2"
//
//	func calcPi(n int) float64 {
//		m := 0
//		for range n {
//			x, y := rand.Float64()*2-1, rand.Float64()*2-1
//			if x*x+y*y < 1 {
//				m++
//			}
//		}
//		return 4 * float64(m) / float64(n)
//	}
//
// Compile errors come back as a *CompileError positioned on the cell's
// lines. The cell may import the standard library only. dir is the
// directory the cell runs in; a helper process starts there. Builds are
// cached by source under os.UserCacheDir()/gopar/jit, so running the same
// cell again costs milliseconds; ctx cancels a build.
//
// Compile loads the build as a plugin when it can, and otherwise runs it in
// a helper process (Module.Fallback says why).
func Compile(ctx context.Context, src, dir string) (*Module, error) {
	return CompileMode(ctx, src, dir, Auto)
}

// CompileMode is Compile with the way to run the functions chosen.
func CompileMode(ctx context.Context, src, dir string, mode Mode) (*Module, error) {
	return CompileWith(ctx, src, dir, mode, Deps{})
}

// Deps are the modules a cell imports besides the standard library: the
// go.mod lines that require them (and replace them, where the notebook's
// module does) at the versions the notebook resolved, and the checksums.
type Deps struct {
	Require string
	Sum     []byte
}

// CompileWith is CompileMode for a cell that imports packages of modules.
func CompileWith(ctx context.Context, src, dir string, mode Mode, deps Deps) (*Module, error) {
	c, err := parseCell(src)
	if err != nil {
		return nil, err
	}
	c.deps = deps
	tc, err := findToolchain(ctx)
	if err != nil {
		return nil, err
	}
	if dir == "" {
		dir = "."
	}
	fallback := ""
	if mode == Auto || mode == Plugin {
		why := pluginUnsupported(tc)
		if why == "" {
			m, err := compilePlugin(ctx, c, tc)
			var ce *CompileError
			if err == nil || errors.As(err, &ce) || mode == Plugin || ctx.Err() != nil {
				return m, err
			}
			why = err.Error()
		} else if mode == Plugin {
			return nil, errors.New("%%native: cannot use a plugin: " + why)
		}
		fallback = why
	}
	m, err := compileProcess(ctx, c, tc, dir)
	if m != nil {
		m.Fallback = fallback
	}
	return m, err
}

// toolchain is the go command and what it says about itself.
type toolchain struct {
	goCmd     string
	GOVERSION string
	GOROOT    string
	GOOS      string
	GOARCH    string
	cacheDir  string
}

var toolchains sync.Map // go command path → *toolchain

// cacheDir, if set, replaces os.UserCacheDir()/gopar/jit as the place of
// builds (tests set it).
var cacheDir string

// findToolchain finds the go command ($GOPAR_GO, else go on PATH) and asks
// it its version, once per process.
func findToolchain(ctx context.Context) (*toolchain, error) {
	goCmd := os.Getenv("GOPAR_GO")
	if goCmd == "" {
		var err error
		if goCmd, err = exec.LookPath("go"); err != nil {
			return nil, ErrNoToolchain
		}
	}
	if tc, ok := toolchains.Load(goCmd); ok {
		return tc.(*toolchain), nil
	}
	cmd := exec.CommandContext(ctx, goCmd, "env", "-json", "GOVERSION", "GOROOT", "GOOS", "GOARCH")
	cmd.Env = buildEnv(nil)
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%w (%s env: %v)", ErrNoToolchain, goCmd, err)
	}
	tc := &toolchain{goCmd: goCmd}
	if err := json.Unmarshal(out, tc); err != nil {
		return nil, fmt.Errorf("%s env: %w", goCmd, err)
	}
	tc.cacheDir = cacheDir
	if tc.cacheDir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		tc.cacheDir = filepath.Join(cache, "gopar", "jit")
	}
	toolchains.Store(goCmd, tc)
	return tc, nil
}

// env lets the go command complete go.sum for the modules' own
// requirements, as go mod tidy would.
func (d Deps) env() []string {
	if d.Require == "" {
		return nil
	}
	return []string{"GOFLAGS=-mod=mod"}
}

// buildEnv is the environment of the go command: the user's, without what
// would make the build depend on the notebook's directory or download a
// toolchain, plus extra.
func buildEnv(extra []string) []string {
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	return append(env, extra...)
}

// hostBuild is how the running gopar was built, as far as it matters for
// loading a plugin: the flags that change the standard library's compiled
// packages must be the same in the plugin, or it will not load.
type hostBuild struct {
	flags []string // go build flags
	env   []string // GOAMD64=..., GOEXPERIMENT=...
	cgo   bool
}

var host = sync.OnceValue(func() hostBuild {
	var h hostBuild
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return h
	}
	for _, s := range bi.Settings {
		switch {
		case s.Key == "CGO_ENABLED":
			h.cgo = s.Value == "1"
		case (s.Key == "-race" || s.Key == "-msan" || s.Key == "-asan" || s.Key == "-trimpath") && s.Value == "true":
			h.flags = append(h.flags, s.Key)
		case s.Key == "-tags" || s.Key == "-gcflags":
			h.flags = append(h.flags, s.Key+"="+s.Value)
		case s.Key == "GOEXPERIMENT" || s.Key == "GO"+strings.ToUpper(runtime.GOARCH): // GOAMD64=v1 and the like
			h.env = append(h.env, s.Key+"="+s.Value)
		}
	}
	return h
})

// pluginUnsupported says why this gopar cannot load a plugin built by tc,
// or "" if it can try.
func pluginUnsupported(tc *toolchain) string {
	switch {
	case runtime.GOOS != "linux" && runtime.GOOS != "darwin" && runtime.GOOS != "freebsd":
		return "Go plugins do not work on " + runtime.GOOS
	case !host().cgo:
		return "this gopar was built without cgo, which loading plugins needs"
	case tc.GOVERSION != runtime.Version():
		return fmt.Sprintf("the go command is %s but gopar was built with %s; plugins need the same toolchain", tc.GOVERSION, runtime.Version())
	case tc.GOOS != runtime.GOOS || tc.GOARCH != runtime.GOARCH:
		return fmt.Sprintf("the go command builds for %s/%s, gopar runs on %s/%s", tc.GOOS, tc.GOARCH, runtime.GOOS, runtime.GOARCH)
	}
	return ""
}

// buildDir writes the cell's files into a directory named by the hash of
// everything that goes into the build, and returns it with the hash.
func buildDir(c *cell, tc *toolchain, mode Mode, extra map[string]string, flags []string) (string, string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s/%s\x00%q\x00%q\x00", codegenVersion, mode, tc.GOVERSION, tc.GOOS, tc.GOARCH, flags, host().env)
	h.Write([]byte(c.src))
	fmt.Fprintf(h, "\x00%s\x00%s\x00", c.deps.Require, c.deps.Sum)
	for _, name := range []string{"gopar_helper.go"} {
		h.Write([]byte(extra[name]))
	}
	key := hex.EncodeToString(h.Sum(nil))
	dir := filepath.Join(tc.cacheDir, key[:32]+"-"+mode.String())
	files := map[string]string{
		"go.mod":         fmt.Sprintf("module gopar.jit/c%s\n\ngo %s\n%s", key[:12], goLine(tc.GOVERSION), c.deps.Require),
		"cell.go":        c.src,
		"gopar_funcs.go": c.tableSource(),
	}
	if len(c.deps.Sum) > 0 {
		files["go.sum"] = string(c.deps.Sum)
	}
	for name, src := range extra {
		files[name] = src
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("%%%%native: build directory: %w", err)
	}
	for name, src := range files {
		path := filepath.Join(dir, name)
		if old, err := os.ReadFile(path); err == nil && string(old) == src {
			continue
		}
		if err := writeFileAtomic(path, []byte(src)); err != nil {
			return "", "", fmt.Errorf("%%%%native: build directory: %w", err)
		}
	}
	return dir, key, nil
}

// goLine is the go directive for go.mod: the toolchain's own version, so
// that the cell gets the language the toolchain speaks.
func goLine(version string) string {
	v := strings.TrimPrefix(version, "go")
	if m := regexp.MustCompile(`^1\.\d+(\.\d+)?`).FindString(v); m != "" {
		return m
	}
	return "1.22"
}

// build runs go build in dir unless its output is there already.
func build(ctx context.Context, tc *toolchain, dir, out string, args, env []string) error {
	target := filepath.Join(dir, out)
	if _, err := os.Stat(target); err == nil {
		return nil
	}
	tmp := fmt.Sprintf("%s.tmp%d", target, os.Getpid())
	cmd := exec.CommandContext(ctx, tc.goCmd, append(append([]string{"build", "-o", tmp}, args...), ".")...)
	cmd.Dir = dir
	cmd.Env = buildEnv(env)
	output, err := cmd.CombinedOutput()
	if err != nil {
		os.Remove(tmp)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return buildError(output, err)
	}
	return os.Rename(tmp, target)
}

// buildError turns the go command's output into a *CompileError when it
// speaks of the cell's lines, or a plain error when the build failed for
// another reason (no C compiler for a plugin, say).
func buildError(output []byte, err error) error {
	var msgs []string
	for _, line := range strings.Split(string(output), "\n") {
		if strings.HasPrefix(line, cellFile+":") {
			msgs = append(msgs, line)
		} else if strings.HasPrefix(line, "\t") && len(msgs) > 0 {
			msgs[len(msgs)-1] += "\n" + line
		}
	}
	if len(msgs) > 0 {
		return &CompileError{Messages: msgs, Output: string(output)}
	}
	return fmt.Errorf("%%%%native: go build failed (%v):\n%s", err, bytes.TrimSpace(output))
}

func writeFileAtomic(path string, data []byte) error {
	tmp := fmt.Sprintf("%s.tmp%d", path, os.Getpid())
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// loaded remembers the modules of this process by build hash: a plugin
// can be opened only once, and the same cell run twice needs no second
// helper process.
var loaded struct {
	sync.Mutex
	m map[string]*Module
}

func remembered(key string) *Module {
	loaded.Lock()
	defer loaded.Unlock()
	return loaded.m[key]
}

func remember(m *Module) {
	loaded.Lock()
	defer loaded.Unlock()
	if loaded.m == nil {
		loaded.m = map[string]*Module{}
	}
	loaded.m[m.key+m.Mode.String()] = m
}

func forget(m *Module) {
	loaded.Lock()
	defer loaded.Unlock()
	delete(loaded.m, m.key+m.Mode.String())
}

// compileProcess builds the cell with the helper server and starts it.
func compileProcess(ctx context.Context, c *cell, tc *toolchain, dir string) (*Module, error) {
	bdir, key, err := buildDir(c, tc, Process, map[string]string{"gopar_helper.go": helperMain}, nil)
	if err != nil {
		return nil, err
	}
	if m := remembered(key + Process.String()); m != nil {
		return m, nil
	}
	if err := build(ctx, tc, bdir, "cell-helper", nil, c.deps.env()); err != nil {
		return nil, err
	}
	h := &helper{exe: filepath.Join(bdir, "cell-helper"), dir: dir}
	if _, err := h.start(); err != nil {
		return nil, err
	}
	m := &Module{Mode: Process, Dir: bdir, key: key, helper: h}
	descs := map[string]typeDesc{}
	for _, f := range h.funcs {
		descs[f.Name] = f.Type
	}
	for _, df := range c.funcs {
		d, ok := descs[df.name]
		if !ok {
			continue
		}
		ft, err := rebuildFunc(d, rules{cellPkg: "main"})
		if err != nil {
			m.skipped = append(m.skipped, df.name+": "+err.Error())
			continue
		}
		sig := newCallSig(df.name, ft)
		fn := reflect.MakeFunc(ft, func(in []reflect.Value) []reflect.Value {
			m.mu.Lock()
			closed := m.closed
			m.mu.Unlock()
			if closed {
				panic(&CallError{Func: sig.name, Err: ErrClosed})
			}
			return h.call(sig, in)
		})
		m.funcs = append(m.funcs, &Func{Name: df.name, Signature: signature(df.name, df.params, ft), Type: ft, Value: fn.Interface(), params: df.params})
	}
	m.skipped = append(m.skipped, c.notes...)
	remember(m)
	return m, nil
}
