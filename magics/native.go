package magics

import (
	"fmt"
	"os"
	"strings"

	"github.com/gopar/gopar/modules"
	"github.com/gopar/gopar/runtime/jit"
)

const nativeUsage = `%%native

Compile the cell's Go functions with the local Go toolchain and make them
callable from later cells at compiled speed, like numba's @jit. The cell is
real Go: imports (the standard library, and packages of modules, resolved
as a cell's imports are) and func declarations; unused imports and
variables are errors, and errors point at the cell's lines.
Functions whose parameters and results are built-in types (numbers, strings,
and slices, maps and pointers of them) can be called from cells; the others
are listed as skipped. Builds are cached, so re-running an unchanged cell is
instant. Needs the go command on the PATH.`

func nativeCell(c *call) (outcome, error) {
	if strings.TrimSpace(c.args) != "" {
		return outcome{}, usageErrorf("%%%%native takes no options")
	}
	dir, err := os.Getwd()
	if err != nil {
		return outcome{}, err
	}
	// Packages of modules (gonum, x/sync or any other) come at the versions
	// the notebook's module resolves, as a cell's imports do.
	var deps jit.Deps
	if pkgs := modules.NonStandard(modules.GoImports(c.body)); len(pkgs) > 0 {
		if deps.Require, deps.Sum, err = modules.Requirements(c.ctx, pkgs, c.out); err != nil {
			return outcome{}, err
		}
	}
	// Leading newlines keep the compiler's line numbers those of the cell.
	m, err := jit.CompileWith(c.ctx, strings.Repeat("\n", c.bodyLine)+c.body, dir, jit.Auto, deps)
	if err != nil {
		return outcome{}, err
	}
	if m.Fallback != "" {
		fmt.Fprintln(c.out, "running in a helper process:", m.Fallback)
	}
	for _, f := range m.List() {
		if err := c.eng.Bind(f.Name, f.Value); err != nil {
			return outcome{}, fmt.Errorf("%%%%native: %s: %w", f.Name, err)
		}
	}
	fmt.Fprint(c.out, m)
	return outcome{}, nil
}
