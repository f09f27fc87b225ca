package magics

import (
	"context"
	"io"
	"strings"

	"github.com/gopar/gopar/modules"
	"github.com/gopar/gopar/worker"
)

const goUsage = `%go get MODULE@VERSION ... | %go list

Manage the Go modules cells import. Importing a package gopar does not bundle
fetches its module with the go command (into the go.mod or go.work of the
notebook's directory when there is one, else the kernel's own module) and
builds a worker with it linked in, cached for later kernels.
  %go get MODULE@VERSION   pin a version (go get's arguments); a package
                           already linked is rebuilt at the new version.
                           A cell's %go get lines run before the rest of
                           it, as its imports are resolved before it runs
  %go list                 list the modules, and the packages linked in`

func goMagicLine(c *call) (outcome, error) {
	args := strings.Fields(c.args)
	if len(args) == 0 {
		return outcome{}, usageErrorf("%%go needs a command: get or list")
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
	}
	return outcome{}, usageErrorf("%%go %s: unknown command (get or list)", args[0])
}

// GoGetsFirst runs the %go get lines of a cell before the rest of it and
// returns the cell without them (blank lines in their place, so that line
// numbers stay). They pin the versions the cell's imports resolve to, and
// may need another worker: the cell then runs there from the start, where
// its %go get lines change nothing, and none of its code has run twice.
// Usage mistakes are left in the cell, for Run to report in order.
func GoGetsFirst(ctx context.Context, cell string, out io.Writer) (string, error) {
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
		if f := strings.Fields(args); name != "go" || len(f) < 2 || f[0] != "get" {
			continue
		}
		if _, err := dispatch(&call{ctx: ctx, out: out, args: args}, name); err != nil {
			return "", err
		}
		lines[s.line] = ""
	}
	return strings.Join(lines, "\n"), nil
}
