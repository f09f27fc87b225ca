package magics

import (
	"fmt"
	"strings"
	"time"

	"github.com/gopar/gopar/runtime/profile"
)

const memitUsage = `%memit [-r R] [-i INTERVAL] [-q] [-o] STATEMENT
%%memit [-r R] [-i INTERVAL] [-q] [-o] [SETUP]

Measure the memory a statement takes, as memory_profiler's %memit does, and
print

    peak memory: 52.10 MiB, increment: 31.08 MiB

Memory is the resident memory of the process that runs the cells (on
Windows its working set). The baseline is taken after a garbage collection
that returns freed memory to the system; the peak comes from sampling every
INTERVAL while the statement runs and, on Linux, from the kernel's peak
counter (VmHWM, reset before each run), so that even a short-lived
allocation is seen; elsewhere an allocation shorter than INTERVAL can be
missed. In the cell form the rest of the magic line is setup, run before
the baseline is taken.

Options:
  -r R         runs (default 1), each from a freshly collected heap; the peak
               is the largest
  -i INTERVAL  sampling interval in seconds (default 0.1)
  -q           print nothing
  -o           return the profile.MemitResult (MemUsage, Baseline, Peak(),
               Increment()); "m := %memit f()" keeps it in m`

func memitLine(c *call) (outcome, error) {
	opts, stmt, err := parseOptions(c.args, "r:i:qo")
	if err != nil {
		return outcome{}, err
	}
	if strings.TrimSpace(stmt) == "" {
		return outcome{}, usageErrorf("%%memit needs a statement to measure")
	}
	return memit(c, opts, "", stmt, 0)
}

func memitCell(c *call) (outcome, error) {
	opts, setup, err := parseOptions(c.args, "r:i:qo")
	if err != nil {
		return outcome{}, err
	}
	if strings.TrimSpace(c.body) == "" {
		return outcome{}, usageErrorf("%%%%memit needs a cell body to measure")
	}
	return memit(c, opts, setup, c.body, c.bodyLine)
}

func memit(c *call, opts options, setup, stmt string, line int) (outcome, error) {
	repeat, err := opts.intOption('r', 1, 1)
	if err != nil {
		return outcome{}, err
	}
	interval, err := opts.floatOption('i', profile.DefaultInterval.Seconds())
	if err != nil {
		return outcome{}, err
	}
	if strings.TrimSpace(setup) != "" {
		if _, err := c.eng.Execute(c.ctx, setup); err != nil {
			return outcome{}, err
		}
	}
	code := codeAt(line, stmt)
	r, err := profile.Memit(func() error {
		_, err := c.eng.Execute(c.ctx, code)
		return err
	}, repeat, time.Duration(interval*float64(time.Second)))
	if err != nil {
		return outcome{}, err
	}
	if !opts.has('q') {
		fmt.Fprintln(c.out, r.String())
	}
	if opts.has('o') || c.assign != "" {
		return valueOutcome(r, "<MemitResult : "+r.String()+">"), nil
	}
	return outcome{}, nil
}

// MemitResult is the value %memit -o returns; it lives in gopar/profile so
// that cells can name its type.
type MemitResult = profile.MemitResult
