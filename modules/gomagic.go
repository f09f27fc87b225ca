package modules

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// Get runs `go get ARGS` in the notebook's module (%go get): it pins the
// versions cells' imports resolve to. When a package linked in this worker
// now resolves to another version, it returns the worker binary built with
// the new one, in which cells must run from now on ("" when none is needed).
func Get(ctx context.Context, args []string, out io.Writer) (string, error) {
	gobin, err := lookGo("%go get needs")
	if err != nil {
		return "", err
	}
	g := &gorun{gobin: gobin, progress: &lineWriter{w: out, prefix: ""}}
	ws, err := findWorkspace(ctx, g)
	if err != nil {
		return "", err
	}
	g.env = ws.env()
	if _, err := g.output(ctx, ws.dir, append([]string{"get"}, args...)...); err != nil {
		return "", &ImportError{Msg: firstLines(err.Error(), 6)}
	}
	if len(Linked()) == 0 {
		return "", nil
	}
	return Worker(ctx, nil, out)
}

// List prints the notebook's module and what it requires (%go list), the
// packages linked in this worker and the modules gopar bundles.
func List(ctx context.Context, out io.Writer) error {
	if gobin, err := lookGo("%go list needs"); err == nil {
		g := &gorun{gobin: gobin}
		ws, err := findWorkspace(ctx, g)
		if err != nil {
			return err
		}
		g.env = ws.env()
		mods, err := g.output(ctx, ws.dir, "list", "-m", "-f", `{{if not .Main}}{{.Path}} {{.Version}}{{with .Replace}} => {{.Path}} {{.Version}}{{end}}{{end}}`, "all")
		if err != nil {
			return err
		}
		where := "the notebook's module"
		if ws.own {
			where = "the kernel's own module"
		}
		fmt.Fprintf(out, "Modules of %s (%s):\n", where, ws.dir)
		listed := false
		for _, line := range strings.Split(string(mods), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				fmt.Fprintln(out, "  "+line)
				listed = true
			}
		}
		if !listed {
			fmt.Fprintln(out, "  none yet: importing a package fetches its module")
		}
	} else {
		fmt.Fprintln(out, "No go command on the PATH: only bundled packages can be imported.")
	}
	if pkgs := Linked(); len(pkgs) > 0 {
		fmt.Fprintln(out, "Linked in this worker:")
		for _, p := range pkgs {
			fmt.Fprintln(out, "  "+p)
		}
	}
	fmt.Fprintln(out, "Bundled with gopar:")
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if bundled[d.Path] {
				fmt.Fprintf(out, "  %s %s\n", d.Path, d.Version)
			}
		}
	}
	return nil
}

// bundled are the modules whose packages cells import without building.
var bundled = map[string]bool{"golang.org/x/sync": true, "gonum.org/v1/gonum": true, "gonum.org/v1/plot": true}

// Cgo returns a worker binary built with cgo, with the packages linked in
// this one (%go cgo): the C kernels of gopar/native call C through it, and
// release binaries are built without it, so that one Linux binary runs
// everywhere. It needs the go command and a C compiler. "" when this
// worker has cgo already.
func Cgo(ctx context.Context, out io.Writer) (string, error) {
	if builtWithCgo() {
		fmt.Fprintln(out, "Cells run in a worker built with cgo.")
		return "", nil
	}
	gobin, err := lookGo("%go cgo needs")
	if err != nil {
		return "", err
	}
	cc, err := (&gorun{gobin: gobin}).output(ctx, startDir, "env", "CC")
	if err != nil {
		return "", &ImportError{Msg: firstLines(err.Error(), 6)}
	}
	if f := strings.Fields(string(cc)); len(f) == 0 || !haveCommand(f[0]) {
		return "", &ImportError{Msg: fmt.Sprintf("%%go cgo needs a C compiler (gcc or clang; Xcode's command line tools on macOS), and the go command's CC (%s) is not on the PATH: install one and run %%go cgo again", strings.TrimSpace(string(cc)))}
	}
	bin, err := buildWorker(ctx, gobin, Linked(), true, out)
	if err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", &ImportError{Msg: "building a worker with cgo: " + firstLines(err.Error(), 6)}
	}
	if bin == "" {
		return "", &ImportError{Msg: "the worker built with cgo is this one, which has no cgo"}
	}
	return bin, nil
}
