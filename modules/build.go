package modules

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gopar/gopar/internal/goparsrc"
)

// Worker returns a worker binary in which every package of pkgs is
// linked (and those linked in this one), resolving and building it when
// the cache does not have it. progress gets a line on what it is doing.
// "" means this binary already is that worker.
func Worker(ctx context.Context, pkgs []string, progress io.Writer) (string, error) {
	gobin, err := goCommand(pkgs)
	if err != nil {
		return "", err
	}
	bin, err := buildWorker(ctx, gobin, append(Linked(), pkgs...), builtWithCgo(), progress)
	if err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", importFailed(pkgs, err)
	}
	return bin, nil
}

// buildWorker returns a worker binary with the packages need linked in,
// built with cgo or without, from the cache or built; "" when that is
// this binary.
func buildWorker(ctx context.Context, gobin string, need []string, cgo bool, progress io.Writer) (string, error) {
	need = slices.Compact(slices.Sorted(slices.Values(need)))
	g := &gorun{gobin: gobin}
	ws, err := findWorkspace(ctx, g)
	if err != nil {
		return "", err
	}
	base, err := baseIdentity()
	if err != nil {
		return "", err
	}
	cache, err := cacheDir()
	if err != nil {
		return "", err
	}
	b := &builder{g: g, ws: ws, need: need, cgo: cgo, base: base, cache: cache, say: &lineWriter{w: progress, prefix: "[gopar] "}}
	bin, err := b.worker(ctx)
	if err != nil {
		return "", err
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
	cgo   bool     // build with cgo
	base  string   // identity of gopar's executable
	cache string
	say   *lineWriter
}

func (b *builder) worker(ctx context.Context) (string, error) {
	// The index serves the kernel's own module only: a notebook's module
	// may have code of its own, or replace modules by directories, whose
	// files the go.mod does not name.
	lookup := b.lookupKey()
	if ix, ok := b.readIndex(lookup); ok && b.ws.own {
		bin := b.binary(ix.Key)
		if _, err := os.Stat(bin); err == nil {
			for name, data := range ix.Files {
				_ = os.WriteFile(filepath.Join(b.ws.dir, name), data, 0o644)
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
	if b.ws.own {
		b.writeIndex(lookup, key)
	}
	return bin, nil
}

// build writes a module whose main package is gopar's own, importing a
// package laid over gopar's source with the symbol table of each package of
// b.need, and builds it.
func (b *builder) build(ctx context.Context, key string, mods []module) error {
	src := sourceDir()
	if src == "" {
		return errors.New("gopar's source is not in this gopar, next to the gopar executable, above the notebook or in the module cache: install a release of gopar, or gopar with go install, or run it from its source tree")
	}
	start := time.Now()
	what := strings.Join(b.need, ", ") + " linked in"
	switch {
	case len(b.need) == 0:
		what = "cgo"
	case b.cgo && !builtWithCgo():
		what += ", and cgo"
	}
	b.say.Say("building a worker with %s (cached: later kernels take it from the cache)…", what)
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
	flags, env := builtLikeThis()
	g.env = append(g.env, env...)
	if b.cgo {
		g.env = append(g.env, "CGO_ENABLED=1") // the last of a name counts
	}
	args := append([]string{"build", "-overlay", filepath.Join(dir, "overlay.json"), "-o", filepath.Join(dir, "gopar")}, flags...)
	if _, err := g.output(ctx, dir, append(args, goparModule)...); err != nil {
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

// builtLikeThis is how this gopar was built, as far as a worker built from
// it must be built the same way: with cgo or without, the same build tags,
// linker flags (the version a release stamps) and -trimpath (with which
// the packages compiled for the release are the build cache's too).
func builtLikeThis() (flags, env []string) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil, nil
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "CGO_ENABLED", "GOEXPERIMENT":
			env = append(env, s.Key+"="+s.Value)
		case "-trimpath":
			if s.Value == "true" {
				flags = append(flags, "-trimpath")
			}
		case "-ldflags":
			flags = append(flags, "-ldflags="+s.Value)
		case "-tags":
			// The source it builds from is the unpacked snapshot, which
			// embeds no snapshot of its own.
			tags := slices.DeleteFunc(strings.Split(s.Value, ","), func(t string) bool { return t == goparsrc.SnapshotTag || t == "" })
			if len(tags) > 0 {
				flags = append(flags, "-tags="+strings.Join(tags, ","))
			}
		}
	}
	return flags, env
}

// builtWithCgo reports whether this binary was built with cgo.
func builtWithCgo() bool {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "CGO_ENABLED" {
				return s.Value == "1"
			}
		}
	}
	return false
}
