package magics

import (
	"context"
	"io"
	"strings"

	"github.com/gopar/gopar/modules"
	"github.com/gopar/gopar/worker"
)

const goUsage = `%go get MODULE@VERSION ... | %go list | %go cgo

Manage the Go modules cells import. Importing a package gopar does not bundle
fetches its module with the go command (into the go.mod or go.work of the
notebook's directory when there is one, else the kernel's own module) and
builds a worker with it linked in, cached for later kernels.
  %go get MODULE@VERSION   pin a version (go get's arguments); a package
                           already linked is rebuilt at the new version
  %go list                 list the modules, and the packages linked in
  %go cgo                  run cells in a worker built with cgo, for the C
                           kernels of gopar/native (a release gopar has no
                           cgo); needs the go command and a C compiler
A cell's %go get and %go cgo lines run before the rest of it, as its imports
are resolved before it runs.`

func goMagicLine(c *call) (outcome, error) {
	args := strings.Fields(c.args)
	if len(args) == 0 {
		return outcome{}, usageErrorf("%%go needs a command: get, list or cgo")
	}
	switch args[0] {
	case "get":
		if len(args) == 1 {
			return outcome{}, usageErrorf("%%go get needs a module, as MODULE@VERSION")
		}
		bin, err := modules.Get(c.ctx, args[1:], c.out)
		if err != nil {
			return outcome{}, err
		}
		if bin != "" {
			return outcome{}, &worker.SwitchWorker{Binary: bin}
		}
		return outcome{}, nil
	case "list":
		if len(args) > 1 {
			return outcome{}, usageErrorf("%%go list takes no arguments")
		}
		return outcome{}, modules.List(c.ctx, c.out)
	case "cgo":
		if len(args) > 1 {
			return outcome{}, usageErrorf("%%go cgo takes no arguments")
		}
		bin, err := modules.Cgo(c.ctx, c.out)
		if err != nil {
			return outcome{}, err
		}
		if bin != "" {
			return outcome{}, &worker.SwitchWorker{Binary: bin}
		}
		return outcome{}, nil
	}
	return outcome{}, usageErrorf("%%go %s: unknown command (get, list or cgo)", args[0])
}

// GoLinesFirst runs the %go get and %go cgo lines of a cell before the
// rest of it and returns the cell without them (blank lines in their
// place, so that line numbers stay). They pin the versions the cell's
// imports resolve to, or ask for cgo, and may need another worker: the
// cell then runs there from the start, where those lines change nothing,
// and none of its code has run twice. Usage mistakes are left in the
// cell, for Run to report in order.
func GoLinesFirst(ctx context.Context, cell string, out io.Writer) (string, error) {
	if _, _, _, _, ok := cellMagic(cell); ok {
		return cell, nil
	}
	segs, err := splitCell(cell)
	if err != nil {
		return cell, nil
	}
	lines := strings.Split(cell, "\n")
	for _, s := range segs {
		if s.kind != magicSegment || s.assign != "" {
			continue
		}
		name, args := splitName(s.text)
		f := strings.Fields(args)
		if name != "go" || len(f) == 0 || !(f[0] == "get" && len(f) > 1 || f[0] == "cgo" && len(f) == 1) {
			continue
		}
		if _, err := dispatch(&call{ctx: ctx, out: out, args: args}, name); err != nil {
			return "", err
		}
		lines[s.line] = ""
	}
	return strings.Join(lines, "\n"), nil
}
