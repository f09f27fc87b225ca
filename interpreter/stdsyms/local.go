package stdsyms

import (
	"fmt"
	"log"
	"os"
	"strconv"
)

// The generator writes these names, not os.Exit, log.Fatal, ..., into the
// tables of os and log (yaegi's extract keeps them for a package of
// replacements). Cells run in the worker, a process of its own, so they get
// the standard library unrestricted, with two exceptions: os.Exit ends the
// cell, not the worker, and is reported as an exit (the session recognises
// the panic "os.Exit(N)"), and log.Fatal* log their message and end the cell
// the same way, as os.Exit(1).

func osExit(code int) { panic(Exit{Code: code}) }

// Exit is the panic with which os.Exit ends a cell. As under go run, the
// deferred calls it unwinds do not run and recover does not stop it: the
// interpreter knows it by its ExitsProgram method.
type Exit struct{ Code int }

func (e Exit) Error() string { return "os.Exit(" + strconv.Itoa(e.Code) + ")" }

// ExitsProgram marks Exit for the interpreter.
func (Exit) ExitsProgram() {}

var osFindProcess = os.FindProcess

func logFatal(v ...any) {
	log.Output(2, fmt.Sprint(v...))
	osExit(1)
}

func logFatalf(format string, v ...any) {
	log.Output(2, fmt.Sprintf(format, v...))
	osExit(1)
}

func logFatalln(v ...any) {
	log.Output(2, fmt.Sprintln(v...))
	osExit(1)
}

// log.New returns a real *log.Logger: its methods are the ones programs call.
var logNew = log.New

type logLogger = log.Logger
