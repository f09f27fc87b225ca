package interp

// Exiting is implemented by the panic value with which a host ends a program
// as os.Exit does (gopar: os.Exit in a cell). Go runs no deferred call on
// os.Exit and no recover stops it, so the frames such a panic unwinds skip
// their deferred calls, and a goroutine it ends reports it to
// Options.GoroutineExit instead of crashing the process.
type Exiting interface {
	ExitsProgram()
}

// exiting reports whether v, a recovered panic value, ends the program.
func exiting(v any) bool {
	_, ok := v.(Exiting)
	return ok
}

// endGoroutine, deferred at the top of a goroutine a go statement starts,
// ends the goroutine quietly on a panic that ends the program, after the
// host was told; other panics go on.
func (interp *Interpreter) endGoroutine() {
	if r := recover(); r != nil {
		if !exiting(r) {
			panic(r)
		}
		if report := interp.opt.goroutineExit; report != nil {
			report(r)
		}
	}
}
