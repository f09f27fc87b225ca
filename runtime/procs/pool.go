package procs

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/gopar/gopar/runtime/async"
	"github.com/gopar/gopar/runtime/interrupt"
)

// Pool is a set of worker processes that run registered tasks: Python's
// multiprocessing.Pool. Each worker is a separate gopar process, with its
// own memory and its own Go runtime, started once when the pool is made
// and reused for every task; a worker that dies is replaced on its next
// task. Arguments and results cross the process boundary gob-encoded over
// pipes, which is the cost a process pool pays and goroutines do not:
// Stats measures it.
type Pool struct {
	exe   string
	slots []*slot
	jobs  chan *job
	done  chan struct{}
	once  sync.Once
	wg    sync.WaitGroup
	stats counters
}

// job is one call of a task, waiting for a worker.
type job struct {
	task  *task
	args  []reflect.Value
	index int // position in a Map or StarMap, -1 for Apply
	ctx   context.Context
	out   chan<- outcome
}

type outcome struct {
	index int
	value any
	err   error
}

// slot is one worker of the pool: a goroutine that takes jobs and runs
// them in its process, starting a new process when the last one died.
type slot struct {
	pool *Pool
	mu   sync.Mutex
	proc *process
}

// NewPool starts n worker processes (n <= 0: one per CPU core) and waits
// until all are ready. Close the pool when done with it.
//
//	pool, err := procs.NewPool(4)
//	defer pool.Close()
//	pis, err := pool.Map("calc_pi", []any{1_000_000, 1_000_000, 1_000_000, 1_000_000})
func NewPool(n int) (*Pool, error) {
	if n <= 0 {
		n = runtime.NumCPU()
	}
	exe, err := Executable()
	if err != nil {
		return nil, err
	}
	p := &Pool{exe: exe, jobs: make(chan *job), done: make(chan struct{})}
	p.slots = make([]*slot, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range p.slots {
		p.slots[i] = &slot{pool: p}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = p.slots[i].start()
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		for _, s := range p.slots {
			if s.proc != nil {
				s.proc.stop()
			}
		}
		return nil, errs[firstError(errs)]
	}
	for _, s := range p.slots {
		p.wg.Add(1)
		go s.loop()
	}
	return p, nil
}

func firstError(errs []error) int {
	for i, err := range errs {
		if err != nil {
			return i
		}
	}
	return -1
}

// Size is the number of worker processes.
func (p *Pool) Size() int { return len(p.slots) }

// Map runs task once per element of args, each element being the task's
// one argument, spread over the workers, and returns the results in the
// order of args: pool.map in Python. The first task that fails stops the
// call and gives its error; so does interrupting the cell.
func (p *Pool) Map(task string, args []any) ([]any, error) {
	calls := make([][]any, len(args))
	for i, a := range args {
		calls[i] = []any{a}
	}
	return p.run(task, calls, true)
}

// StarMap is Map for tasks of several arguments: each element of args is
// the argument list of one call, Python's pool.starmap.
//
//	pool.StarMap("calc_pi_seeded", [][]any{{1_000_000, 1}, {1_000_000, 2}})
func (p *Pool) StarMap(task string, args [][]any) ([]any, error) {
	return p.run(task, args, true)
}

// Apply runs task once, in one worker, and returns its result: a task
// with several results gives them as a []any.
func (p *Pool) Apply(task string, args ...any) (any, error) {
	out, err := p.run(task, [][]any{args}, false)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// MapAsync is Map in the background: the returned future's value is the
// []any of results (AwaitFloats, AwaitInts and the like convert it).
func (p *Pool) MapAsync(task string, args []any) *async.Future {
	return async.GoErr(func() (any, error) { return asAny(p.Map(task, args)) }).Name(task)
}

// StarMapAsync is StarMap in the background.
func (p *Pool) StarMapAsync(task string, args [][]any) *async.Future {
	return async.GoErr(func() (any, error) { return asAny(p.StarMap(task, args)) }).Name(task)
}

// ApplyAsync is Apply in the background: Python's apply_async.
//
//	f := pool.ApplyAsync("calc_pi", 10_000_000)
//	pi := f.AwaitFloat()
func (p *Pool) ApplyAsync(task string, args ...any) *async.Future {
	return async.GoErr(func() (any, error) { return p.Apply(task, args...) }).Name(task)
}

func asAny(v []any, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return v, nil
}

// Close stops the worker processes, at once: tasks still running end with
// ErrClosed. Calling it again does nothing.
func (p *Pool) Close() error {
	p.once.Do(func() {
		close(p.done)
		p.wg.Wait()
	})
	return nil
}

// String describes the pool for printing.
func (p *Pool) String() string {
	select {
	case <-p.done:
		return fmt.Sprintf("procs.Pool(%d processes, closed)", len(p.slots))
	default:
	}
	pids := make([]int, 0, len(p.slots))
	for _, s := range p.slots {
		if proc := s.current(); proc != nil && proc.alive() {
			pids = append(pids, proc.pid)
		}
	}
	return fmt.Sprintf("procs.Pool(%d processes, pids %v)", len(p.slots), pids)
}

// run hands the calls to the workers and gathers their outcomes.
func (p *Pool) run(name string, calls [][]any, many bool) ([]any, error) {
	select {
	case <-p.done:
		return nil, ErrClosed
	default:
	}
	t, err := lookup(name)
	if err != nil {
		return nil, err
	}
	jobs := make([]*job, len(calls))
	ctx, cancel := context.WithCancelCause(interrupt.Context())
	defer cancel(nil)
	go func() {
		select {
		case <-p.done:
			cancel(ErrClosed)
		case <-ctx.Done():
		}
	}()
	out := make(chan outcome, len(calls))
	for i, args := range calls {
		vals, err := t.args(args)
		if err != nil {
			if many {
				err = fmt.Errorf("item %d: %w", i, err)
			}
			return nil, err
		}
		index := i
		if !many {
			index = -1
		}
		jobs[i] = &job{task: t, args: vals, index: index, ctx: ctx, out: out}
	}
	go func() {
		for _, j := range jobs {
			select {
			case p.jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	results := make([]any, len(calls))
	for range calls {
		select {
		case o := <-out:
			if o.err != nil {
				return nil, o.err
			}
			results[max(o.index, 0)] = o.value
		case <-ctx.Done():
			if errors.Is(context.Cause(ctx), ErrClosed) {
				return nil, ErrClosed
			}
			return nil, ErrInterrupted
		}
	}
	return results, nil
}

func (s *slot) current() *process {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.proc
}

func (s *slot) start() error {
	proc, err := startProcess(s.pool.exe)
	if err != nil {
		return err
	}
	s.pool.stats.starts.Add(1)
	s.pool.stats.startTime.Add(int64(proc.startup))
	s.mu.Lock()
	s.proc = proc
	s.mu.Unlock()
	return nil
}

func (s *slot) loop() {
	defer s.pool.wg.Done()
	for {
		select {
		case <-s.pool.done:
			if proc := s.current(); proc != nil {
				proc.stop()
			}
			return
		case j := <-s.pool.jobs:
			v, err := s.run(j)
			j.out <- outcome{index: j.index, value: v, err: err}
		}
	}
}

func (s *slot) run(j *job) (any, error) {
	if err := j.ctx.Err(); err != nil {
		return nil, err
	}
	proc := s.current()
	if proc == nil || !proc.alive() {
		if err := s.start(); err != nil {
			return nil, err
		}
		proc = s.current()
	}
	return proc.call(j.ctx, j, s.pool.done, &s.pool.stats)
}

// counters accumulate Stats.
type counters struct {
	starts, tasks, crashes   atomic.Int64
	startTime, busy          atomic.Int64
	roundTrip, encode        atomic.Int64
	decode                   atomic.Int64
	bytesSent, bytesReceived atomic.Int64
}

var exePath struct {
	sync.Mutex
	path string
}

// SetExecutable sets the program the pool starts as its worker processes
// (with the argument procs-worker); "" goes back to the default, which is
// $GOPAR_EXE if set, else the running program. The default is right in a
// notebook, where the running program is gopar itself.
func SetExecutable(path string) {
	exePath.Lock()
	defer exePath.Unlock()
	exePath.path = path
}

// Executable is the program new pools start as worker processes.
func Executable() (string, error) {
	exePath.Lock()
	path := exePath.path
	exePath.Unlock()
	if path != "" {
		return path, nil
	}
	if env := os.Getenv("GOPAR_EXE"); env != "" {
		return env, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("procs: cannot find the gopar executable: %w (set GOPAR_EXE)", err)
	}
	return exe, nil
}
