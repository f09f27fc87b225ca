package modules

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Worker returns a worker binary in which every package of pkgs is
// linked (and those linked in this one), resolving and building it when
// the cache does not have it. progress gets a line on what it is doing.
// "" means this binary already is that worker.
func Worker(ctx context.Context, pkgs []string, progress io.Writer) (string, error) {
	need := slices.Sorted(slices.Values(append(Linked(), pkgs...)))
	need = slices.Compact(need)
	gobin, err := goCommand(pkgs)
	if err != nil {
		return "", err
	}
	say := &lineWriter{w: progress, prefix: "[gopar] "}
	g := &gorun{gobin: gobin}
	ws, err := findWorkspace(ctx, g)
	if err != nil {
		return "", importFailed(pkgs, err)
	}
	base, err := baseIdentity()
	if err != nil {
		return "", importFailed(pkgs, err)
	}
	cache, err := cacheDir()
	if err != nil {
		return "", importFailed(pkgs, err)
	}
	b := &builder{g: g, ws: ws, need: need, base: base, cache: cache, say: say}
	bin, err := b.worker(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", importFailed(pkgs, err)
	}
	if exe, err := os.Executable(); err == nil && sameFile(exe, bin) {
		return "", nil
	}
	return bin, nil
}

func importFailed(pkgs []string, err error) error {
	var ie *ImportError
	if errors.As(err, &ie) {
		return err
	}
	return &ImportError{Msg: "importing " + strings.Join(pkgs, ", ") + ": " + firstLines(err.Error(), 6)}
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = append(lines[:n], "…")
	}
	return strings.Join(lines, "\n")
}

func sameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

type builder struct {
	g     *gorun
	ws    *workspace
	need  []string // packages to link, sorted
	base  string   // identity of gopar's executable
	cache string
	say   *lineWriter
}

// index is what a lookup key (the module files before resolving) led to:
// the module files after it and the build.
type index struct {
	Key   string            `json:"key"`
	Files map[string][]byte `json:"files"` // base name -> content, of the workspace's files
}

func (b *builder) worker(ctx context.Context) (string, error) {
	// The index serves the kernel's own module only: a notebook's module
	// may have code of its own, or replace modules by directories, whose
	// files the go.mod does not name.
	lookup := b.lookupKey()
	if ix, ok := b.readIndex(lookup); ok && b.ws.own {
		bin := b.binary(ix.Key)
		if _, err := os.Stat(bin); err == nil {
			if b.ws.own {
				for name, data := range ix.Files {
					_ = os.WriteFile(filepath.Join(b.ws.dir, name), data, 0o644)
				}
			}
			b.fromCache(ix.Key)
			return bin, nil
		}
	}
	mods, err := b.resolve(ctx)
	if err != nil {
		return "", err
	}
	key := b.buildKey(mods)
	bin := b.binary(key)
	if _, err := os.Stat(bin); err != nil {
		if err := b.build(ctx, key, mods); err != nil {
			return "", err
		}
	} else {
		b.fromCache(key)
	}
	b.writeIndex(lookup, key)
	return bin, nil
}

// keepWorkers is how many worker builds the cache keeps: each is a whole
// gopar, some 60 MB.
const keepWorkers = 6

// prune removes the worker builds used least recently past keepWorkers
// (a use touches the build's directory), sparing those used in the last
// day: a kernel may be running one, and restarts its worker from it.
func (b *builder) prune(keep string) {
	dirs, err := os.ReadDir(filepath.Join(b.cache, "workers"))
	if err != nil {
		return
	}
	type build struct {
		path string
		used time.Time
	}
	var builds []build
	for _, d := range dirs {
		info, err := d.Info()
		if err != nil || !d.IsDir() || strings.Contains(d.Name(), ".building-") || d.Name() == keep {
			continue
		}
		builds = append(builds, build{filepath.Join(b.cache, "workers", d.Name()), info.ModTime()})
	}
	slices.SortFunc(builds, func(x, y build) int { return y.used.Compare(x.used) })
	for i, old := range builds {
		if i >= keepWorkers-1 && time.Since(old.used) > 24*time.Hour {
			os.RemoveAll(old.path)
		}
	}
}

func (b *builder) fromCache(key string) {
	now := time.Now()
	_ = os.Chtimes(filepath.Dir(b.binary(key)), now, now)
	if key != linked.key {
		b.say.Say("%s: linked in a worker from the cache", strings.Join(b.need, ", "))
	}
}

func (b *builder) binary(key string) string {
	return filepath.Join(b.cache, "workers", key, "gopar")
}

// lookupKey names what the workspace's files, the packages and the go
// command's settings resolve to, before running it.
func (b *builder) lookupKey() string {
	h := sha256.New()
	dir := b.ws.dir
	if b.ws.own {
		dir = "" // every kernel's own module is the same
	}
	fmt.Fprintln(h, "gopar module lookup 1", b.base, b.g.gobin, b.ws.goVersion, dir, b.ws.own)
	for _, v := range []string{"GOFLAGS", "GOPROXY", "GOPRIVATE", "GONOPROXY", "GOSUMDB", "GONOSUMDB", "GOTOOLCHAIN", "GOWORK"} {
		fmt.Fprintf(h, "%s=%s\n", v, os.Getenv(v))
	}
	for _, f := range b.ws.files {
		data, _ := os.ReadFile(f)
		if b.ws.own {
			f = filepath.Base(f) // every kernel's own module is the same
		}
		fmt.Fprintf(h, "%s %d\n", f, len(data))
		h.Write(data)
	}
	fmt.Fprintln(h, b.need)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func (b *builder) readIndex(lookup string) (*index, bool) {
	data, err := os.ReadFile(filepath.Join(b.cache, "index", lookup+".json"))
	if err != nil {
		return nil, false
	}
	var ix index
	if json.Unmarshal(data, &ix) != nil || ix.Key == "" {
		return nil, false
	}
	return &ix, true
}

func (b *builder) writeIndex(lookup, key string) {
	ix := index{Key: key, Files: map[string][]byte{}}
	if b.ws.own {
		for _, f := range b.ws.files {
			if data, err := os.ReadFile(f); err == nil {
				ix.Files[filepath.Base(f)] = data
			}
		}
	}
	data, _ := json.Marshal(ix)
	_ = writeAtomic(filepath.Join(b.cache, "index", lookup+".json"), data)
}

// module is one module the packages use, as the workspace resolves it.
type module struct {
	Path, Version string
	// A replacement: a directory, or another module's path and version.
	ReplaceDir, ReplacePath, ReplaceVersion string
}

// resolve makes the workspace provide every package (go get for those no
// module of it provides: the latest version, unless %go get pinned one)
// and lists the modules they use.
func (b *builder) resolve(ctx context.Context) ([]module, error) {
	g := *b.g
	g.env = b.ws.env()
	g.progress = b.say
	b.say.Say("resolving %s with the go command (module in %s)…", strings.Join(b.need, ", "), b.ws.dir)
	missing, err := b.unprovided(ctx, &g)
	if err != nil {
		return nil, err
	}
	if len(missing) > 0 {
		if _, err := g.output(ctx, b.ws.dir, append([]string{"get"}, missing...)...); err != nil {
			return nil, err
		}
		if missing, err = b.unprovided(ctx, &g); err != nil {
			return nil, err
		} else if len(missing) > 0 {
			return nil, fmt.Errorf("no module provides %s", strings.Join(missing, ", "))
		}
	}
	out, err := g.output(ctx, b.ws.dir, append([]string{"list", "-deps", "-f",
		`{{with .Module}}{{.Path}}	{{.Version}}	{{if .Main}}{{.Dir}}{{else}}{{with .Replace}}{{.Dir}}	{{.Path}}	{{.Version}}{{end}}{{end}}{{end}}`}, b.need...)...)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var mods []module
	for _, line := range strings.Split(string(out), "\n") {
		if line == "" || seen[line] {
			continue
		}
		seen[line] = true
		f := append(strings.Split(line, "\t"), "", "", "", "")
		m := module{Path: f[0], Version: f[1]}
		if f[2] != "" || f[3] != "" {
			if f[4] == "" {
				m.ReplaceDir = f[2]
			} else {
				m.ReplacePath, m.ReplaceVersion = f[3], f[4]
			}
		}
		// The notebook module's own packages, and modules replaced by
		// directories, are built from those directories.
		if m.Path != goparModule {
			mods = append(mods, m)
		}
	}
	return mods, nil
}

// unprovided lists the packages of b.need no module of the workspace
// provides; a package that is there but cannot be imported is an error.
func (b *builder) unprovided(ctx context.Context, g *gorun) ([]string, error) {
	out, err := g.output(ctx, b.ws.dir, append([]string{"list", "-e", "-f",
		`{{.ImportPath}}	{{.Name}}	{{with .Module}}{{.Path}}{{end}}	{{with .Error}}{{.Err}}{{end}}`}, b.need...)...)
	if err != nil {
		return nil, err
	}
	var missing []string
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		f := append(strings.SplitN(sc.Text(), "\t", 4), "", "", "")
		path, name, mod, perr := f[0], f[1], f[2], strings.TrimSpace(f[3])
		switch {
		case mod == "":
			missing = append(missing, path)
		case perr != "":
			return nil, errors.New(perr)
		case name == "main":
			return nil, &ImportError{Msg: path + " is a program, not a package a cell can import"}
		}
	}
	return missing, nil
}

func (b *builder) buildKey(mods []module) string {
	h := sha256.New()
	fmt.Fprintln(h, "gopar worker build 2", b.base, b.ws.goVersion, os.Getenv("GOFLAGS"), sourceDir())
	fmt.Fprintln(h, b.need)
	for _, m := range mods {
		fmt.Fprintf(h, "%+v\n", m)
		if m.ReplaceDir != "" {
			stampTree(h, m.ReplaceDir)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// stampTree writes to w the name, size and modification time of each file
// under dir (hidden directories aside): code edited there makes another
// build.
func stampTree(w io.Writer, dir string) {
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && path != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() {
			fmt.Fprintf(w, "%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
}

// build writes a module whose main package is gopar's own, importing a
// package laid over gopar's source with the symbol table of each package of
// b.need, and builds it.
func (b *builder) build(ctx context.Context, key string, mods []module) error {
	src := sourceDir()
	if src == "" {
		return errors.New("gopar's source is not next to the gopar executable, above the notebook or in the module cache: install gopar with go install, or run it from its source tree")
	}
	start := time.Now()
	b.say.Say("building a worker with %s linked in (cached: later kernels take it from the cache)…", strings.Join(b.need, ", "))
	final := filepath.Dir(b.binary(key))
	if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		return err
	}
	dir, err := os.MkdirTemp(filepath.Dir(final), key+".building-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := b.writeModule(dir, src, mods); err != nil {
		return err
	}
	g := *b.g
	g.env = []string{"GOWORK=off", "GOFLAGS=" + strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod")}
	gen := filepath.Join(dir, "gensymbols")
	if _, err := g.output(ctx, dir, "build", "-o", gen, goparModule+"/internal/gensymbols"); err != nil {
		return err
	}
	// The tables form a package of their own under gopar's source, so
	// that a module's package names cannot meet the names of gopar's main
	// package; main imports it for its init funcs.
	overlay := map[string]string{}
	lay := func(name, body string) error {
		file := filepath.Join(dir, "overlay", name)
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		overlay[filepath.Join(src, name)] = file
		return os.WriteFile(file, []byte(body), 0o644)
	}
	for i, pkg := range b.need {
		file := filepath.Join(dir, "overlay", linkedDir, "zz_module_"+strconv.Itoa(i)+".go")
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		g.gobin = gen // the generator runs the go command itself, with g's environment
		if _, err := g.output(ctx, dir, "-o", file, pkg, pkg); err != nil {
			return fmt.Errorf("symbol table of %s: %w", pkg, err)
		}
		overlay[filepath.Join(src, linkedDir, filepath.Base(file))] = file
	}
	g.gobin = b.g.gobin
	const generated = "// Code generated by gopar's module builder. DO NOT EDIT.\n\n"
	err = errors.Join(
		lay(filepath.Join(linkedDir, "symbols.go"), generated+fmt.Sprintf(
			"package symbols\n\nimport (\n\tgoparsymbols %q\n\t%q\n)\n\n// Symbols is gopar's table of tables, which the tables of this package add to.\nvar Symbols = goparsymbols.Symbols\n\nfunc init() { modules.Link(%q, %q, %q, %s) }\n",
			goparModule+"/symbols", goparModule+"/modules", b.base, src, key, quoteAll(b.need))),
		lay("zz_linked_modules.go", generated+fmt.Sprintf("package main\n\nimport _ %q\n", goparModule+"/"+filepath.ToSlash(linkedDir))))
	if err != nil {
		return err
	}
	ov, _ := json.Marshal(map[string]any{"Replace": overlay})
	if err := os.WriteFile(filepath.Join(dir, "overlay.json"), ov, 0o644); err != nil {
		return err
	}
	if _, err := g.output(ctx, dir, "build", "-overlay", filepath.Join(dir, "overlay.json"), "-o", filepath.Join(dir, "gopar"), goparModule); err != nil {
		return err
	}
	os.Remove(gen)
	if err := os.Rename(dir, final); err != nil {
		if _, serr := os.Stat(filepath.Join(final, "gopar")); serr != nil {
			return err
		} // another kernel built the same worker meanwhile
	}
	b.say.Say("built in %.1fs", time.Since(start).Seconds())
	b.prune(key)
	return nil
}

// writeModule writes the build's go.mod (gopar from its source, the
// packages' modules at the versions the workspace chose) and go.sum.
func (b *builder) writeModule(dir, src string, mods []module) error {
	goLine := "go " + b.ws.goVersion
	if data, err := os.ReadFile(filepath.Join(src, "go.mod")); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "go ") {
				goLine = line
			}
		}
	}
	mod := fmt.Sprintf("module gopar.worker\n\n%s\n\nrequire %s v0.0.0-00010101000000-000000000000\n\nreplace %s => %s\n%s",
		goLine, goparModule, goparModule, strconv.Quote(src), requireLines(mods))
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	sum, _ := os.ReadFile(filepath.Join(src, "go.sum"))
	return os.WriteFile(filepath.Join(dir, "go.sum"), append(sum, b.ws.sums()...), 0o644)
}

// requireLines are the go.mod lines that require mods (and replace them as
// the notebook's module does).
func requireLines(mods []module) string {
	var b strings.Builder
	for _, m := range mods {
		if m.Version != "" {
			fmt.Fprintf(&b, "\nrequire %s %s\n", m.Path, m.Version)
		} else {
			fmt.Fprintf(&b, "\nrequire %s v0.0.0-00010101000000-000000000000\n", m.Path)
		}
		switch {
		case m.ReplaceDir != "":
			fmt.Fprintf(&b, "replace %s => %s\n", m.Path, strconv.Quote(m.ReplaceDir))
		case m.ReplacePath != "":
			fmt.Fprintf(&b, "replace %s => %s %s\n", m.Path, m.ReplacePath, m.ReplaceVersion)
		}
	}
	return b.String()
}

// Requirements resolves the packages a %%native cell imports, as an import
// in a cell would, and returns the go.mod lines that require their modules
// and the checksums, for the cell's own build.
func Requirements(ctx context.Context, pkgs []string, progress io.Writer) (string, []byte, error) {
	gobin, err := goCommand(pkgs)
	if err != nil {
		return "", nil, err
	}
	g := &gorun{gobin: gobin}
	ws, err := findWorkspace(ctx, g)
	if err != nil {
		return "", nil, importFailed(pkgs, err)
	}
	b := &builder{g: g, ws: ws, need: slices.Sorted(slices.Values(pkgs)), say: &lineWriter{w: progress, prefix: "[gopar] "}}
	mods, err := b.resolve(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return "", nil, ctx.Err()
		}
		return "", nil, importFailed(pkgs, err)
	}
	return requireLines(mods), ws.sums(), nil
}

// linkedDir is where, in gopar's source as the build sees it, the tables
// of the linked packages are laid.
const linkedDir = "internal/linkedsymbols"

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = strconv.Quote(x)
	}
	return strings.Join(q, ", ")
}

func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	tmp.Close()
	return os.Rename(tmp.Name(), path)
}
