package interpreter

import (
	"errors"
	"flag"
	"io"
	"os"
	"reflect"
	"strings"

	"github.com/gopar/gopar/interpreter/stdsyms"
	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// programName is os.Args[0] for programs run in cells.
const programName = "main"

// A cell's os.Args and flag package are the worker process's own: the
// worker is a process of its own, and compiled code (flag.Parse, flag.Int,
// a library reading os.Args) must see what cells see. yaegi's sandbox gave
// cells a copy of os.Args that assignments did not reach and a
// flag.CommandLine of their own, while flag's compiled functions parsed
// the worker's command line.

// defaultUsage is flag's own Usage, which a program may replace.
var defaultUsage = flag.Usage

// programExports binds os.Args, flag.CommandLine and flag.Parse in cells.
func programExports() interp.Exports {
	return interp.Exports{
		"os/os": {"Args": reflect.ValueOf(&os.Args).Elem()},
		"flag/flag": {
			"CommandLine": reflect.ValueOf(&flag.CommandLine).Elem(),
			"Parse":       reflect.ValueOf(parseFlags),
		},
	}
}

// setProgramArgs starts a session's programs with no arguments.
func setProgramArgs(stderr io.Writer) {
	os.Args = []string{programName}
	resetFlags(stderr)
}

// resetFlags gives the program about to run a fresh command line, as a new
// process has: a program run twice defines its flags twice. Errors are
// handled by parseFlags: the flag package's ExitOnError would end the
// worker process. The flag package prints its errors and usage to stderr,
// the cell's.
func resetFlags(stderr io.Writer) {
	name := programName
	if len(os.Args) > 0 {
		name = os.Args[0]
	}
	flag.CommandLine = flag.NewFlagSet(name, flag.ContinueOnError)
	flag.CommandLine.SetOutput(stderr)
	flag.CommandLine.Usage = func() { flag.Usage() }
	flag.Usage = defaultUsage
}

// parseFlags is flag.Parse for cells: it parses os.Args[1:] and, on a bad
// flag, ends the program as flag.Parse does (exit status 2, or 0 for -h),
// after the usage flag printed.
func parseFlags() {
	var args []string
	if len(os.Args) > 1 {
		args = os.Args[1:]
	}
	err := flag.CommandLine.Parse(args)
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		exitCell(0)
	default:
		exitCell(2)
	}
}

// exitCell ends the running cell as os.Exit does in cells.
func exitCell(code int) {
	panic(stdsyms.Exit{Code: code})
}

// exitedZero reports whether err is a cell ended by os.Exit(0).
func exitedZero(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Name == "Exit" && strings.HasPrefix(e.Value, "os.Exit(0)")
}
