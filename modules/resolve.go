package modules

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

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
	if len(b.need) == 0 {
		return nil, nil // a worker for cgo alone
	}
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
