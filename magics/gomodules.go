package magics

import (
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
                           already linked is rebuilt at the new version
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
