package magics

import (
	"context"
	"strings"
	"time"
)

// fakeEngine records what the magics ask of the interpreter and answers with
// canned results; its compiled timing funcs report made-up durations, so
// timing output is exact.
type fakeEngine struct {
	executed []string
	compiled []string
	bound    map[string]any
	globals  []Variable
	resets   int

	results   map[string]map[string]any // trimmed code -> bundle
	fail      map[string]error          // trimmed code -> error
	onExecute func(code string)

	stmtTimer    func(loops int) time.Duration // the statement's loop, overhead included
	emptyPerLoop time.Duration                 // the empty loop's cost per iteration
	perWorkers   func(workers int) func(int) time.Duration
}

func (e *fakeEngine) Execute(ctx context.Context, code string) (map[string]any, error) {
	e.executed = append(e.executed, code)
	if e.onExecute != nil {
		e.onExecute(code)
	}
	key := strings.TrimSpace(code)
	if err := e.fail[key]; err != nil {
		return nil, err
	}
	return e.results[key], ctx.Err()
}

func (e *fakeEngine) Compile(src string) (any, error) {
	e.compiled = append(e.compiled, src)
	empty := func(n int) time.Duration { return time.Duration(n) * e.emptyPerLoop }
	switch {
	case src == loopSource("_goparN int", "", ""):
		return empty, nil
	case strings.HasPrefix(src, "func(workers int)"):
		return func(w int) func(int) time.Duration {
			stmt := e.perWorkers(w)
			return func(n int) time.Duration { return stmt(n) + empty(n) }
		}, nil
	}
	return func(n int) time.Duration { return e.stmtTimer(n) + empty(n) }, nil
}

func (e *fakeEngine) Bind(name string, v any) error {
	if e.bound == nil {
		e.bound = map[string]any{}
	}
	e.bound[name] = v
	return nil
}

func (e *fakeEngine) Globals() []Variable { return e.globals }

func (e *fakeEngine) Reset() error { e.resets++; return nil }

// perLoop is a statement timer taking d per loop.
func perLoop(d time.Duration) func(int) time.Duration {
	return func(n int) time.Duration { return time.Duration(n) * d }
}

// sequence is a statement timer whose successive runs take the given
// per-loop times, the last one repeating.
func sequence(ds ...time.Duration) func(int) time.Duration {
	i := 0
	return func(n int) time.Duration {
		d := ds[min(i, len(ds)-1)]
		i++
		return time.Duration(n) * d
	}
}
