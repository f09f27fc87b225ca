package procs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gopar/gopar/internal/childfiles"
)

// Time limits of a worker process's life: how long it may take to start
// and say hello, how long an interrupted task gets to return before its
// process is killed, and how long a closed process gets to exit.
var (
	startTimeout     = 20 * time.Second
	interruptGrace   = 2 * time.Second
	exitGrace        = time.Second
	lineKeep         = 1 << 10 // longest stderr line kept for a report
	errUnknownToPeer = errors.New("not registered in the worker process")
)

// process is the pool's handle on one worker process.
type process struct {
	cmd     *exec.Cmd
	pid     int
	conn    *conn
	toChild io.Closer
	stderr  *lastWords
	startup time.Duration
	tasks   map[string]string // name → signature, as the worker registered them

	replies chan reply
	dead    chan struct{} // closed when the process has exited
	status  string        // how it exited; set before dead is closed

	mu      sync.Mutex
	current *task             // the task running now, whose results the reader decodes
	callCtx context.Context   // ends when the running call does
	queues  map[uint64]*Queue // queues passed to this process, by id
	killed  atomic.Bool
}

type reply struct {
	h      header
	values []reflect.Value
	decode time.Duration
}

// startProcess starts exe as a worker process and waits until it is ready.
func startProcess(exe string) (*process, error) {
	callsR, callsW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	repliesR, repliesW, err := os.Pipe()
	if err != nil {
		callsR.Close()
		callsW.Close()
		return nil, err
	}
	cmd := exec.Command(exe, WorkerCommand)
	cmd.Env = append(os.Environ(), envWorker+"=1")
	if err := childfiles.Pass(cmd, callsR, repliesW); err != nil {
		for _, f := range []*os.File{callsR, callsW, repliesR, repliesW} {
			f.Close()
		}
		return nil, fmt.Errorf("procs: starting worker process %s: %w", exe, err)
	}
	// What tasks print is the cell's output, as for goroutines.
	cmd.Stdout = os.Stdout
	lw := &lastWords{w: os.Stderr}
	cmd.Stderr = lw
	cmd.WaitDelay = exitGrace
	begin := time.Now()
	err = cmd.Start()
	callsR.Close()
	repliesW.Close()
	if err != nil {
		callsW.Close()
		repliesR.Close()
		return nil, fmt.Errorf("procs: starting worker process %s: %w", exe, err)
	}
	p := &process{
		cmd:     cmd,
		pid:     cmd.Process.Pid,
		conn:    newConn(repliesR, callsW),
		toChild: callsW,
		stderr:  lw,
		replies: make(chan reply, 1),
		dead:    make(chan struct{}),
		queues:  map[uint64]*Queue{},
	}
	hello := make(chan error, 1)
	go func() {
		var h header
		err := p.conn.dec.Decode(&h)
		if err == nil && h.Kind != kindHello {
			err = fmt.Errorf("unexpected message %d", h.Kind)
		}
		if err == nil {
			p.tasks = make(map[string]string, len(h.Tasks))
			for _, sig := range h.Tasks {
				name, _, _ := strings.Cut(sig, " ")
				p.tasks[name] = sig
			}
		}
		hello <- err
	}()
	var timeout <-chan time.Time
	timer := time.NewTimer(startTimeout)
	defer timer.Stop()
	timeout = timer.C
	select {
	case err = <-hello:
	case <-timeout:
		err = fmt.Errorf("not ready after %v", startTimeout)
	}
	if err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		callsW.Close()
		repliesR.Close()
		msg := fmt.Sprintf("procs: %s did not start as a worker process (%v)", exe, err)
		if w := lw.words(); w != "" {
			msg += ": " + w
		}
		return nil, errors.New(msg + "; a pool runs gopar itself: set procs.SetExecutable or GOPAR_EXE to the gopar binary")
	}
	p.startup = time.Since(begin)
	go p.readLoop()
	return p, nil
}

// readLoop reads what the worker sends until its pipe closes, then waits
// for the process and marks it dead.
func (p *process) readLoop() {
	for {
		var h header
		if err := p.conn.dec.Decode(&h); err != nil {
			break
		}
		if err := p.handle(h); err != nil {
			_ = p.cmd.Process.Kill()
			break
		}
	}
	err := p.cmd.Wait()
	switch {
	case p.killed.Load():
		p.status = "killed by the pool"
	case err != nil:
		p.status = err.Error()
	default:
		p.status = "exit status 0"
	}
	close(p.dead)
}

func (p *process) handle(h header) error {
	switch h.Kind {
	case kindResult:
		p.mu.Lock()
		t := p.current
		p.mu.Unlock()
		r := reply{h: h}
		start := time.Now()
		for i := range h.N {
			if t == nil || i >= len(t.results) {
				return fmt.Errorf("procs: unexpected result from worker %d", p.pid)
			}
			v, err := decodeValue(p.conn, t.results[i])
			if err != nil {
				return err
			}
			r.values = append(r.values, v)
		}
		r.decode = time.Since(start)
		p.replies <- r
	case kindPut:
		var it item
		if err := p.conn.dec.Decode(&it); err != nil {
			return err
		}
		if q := p.queue(h.Queue); q != nil {
			if h.Front {
				q.pushFront(it.V)
			} else {
				q.Put(it.V)
			}
		}
	case kindGet:
		q := p.queue(h.Queue)
		p.mu.Lock()
		ctx := p.callCtx
		p.mu.Unlock()
		if q == nil || ctx == nil {
			return nil // the call is over: no one waits for the answer
		}
		go func() {
			v, err := q.get(ctx)
			if err != nil {
				return
			}
			err = p.conn.send(header{Kind: kindItem, ID: h.ID, Queue: h.Queue}, item{v})
			if err != nil {
				q.pushFront(v)
			}
			var refused *refusedError
			if errors.As(err, &refused) {
				// The item cannot travel: the task's Get fails with
				// the reason, and the item stays here.
				_ = p.conn.send(header{Kind: kindItem, ID: h.ID, Queue: h.Queue, Err: "procs: Queue.Get: " + err.Error()})
			}
		}()
	default:
		return fmt.Errorf("procs: unexpected message %d from worker %d", h.Kind, p.pid)
	}
	return nil
}

func (p *process) queue(id uint64) *Queue {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.queues[id]
}

func (p *process) alive() bool {
	select {
	case <-p.dead:
		return false
	default:
		return true
	}
}

// call runs one task in the process and waits for its result, for the
// process's death, or for ctx to end. closing says the pool is closing:
// the process is then stopped at once rather than interrupted.
func (p *process) call(ctx context.Context, j *job, closing <-chan struct{}, st *counters) (any, error) {
	t := j.task
	if _, ok := p.tasks[t.name]; !ok {
		return nil, fmt.Errorf("procs: task %q is %w: tasks are registered by compiled Go code, in an init function, so that every process of the same binary knows them; a function defined in a cell lives only in the interpreter and cannot cross a process boundary", t.name, errUnknownToPeer)
	}
	callCtx, endCall := context.WithCancel(context.Background())
	defer endCall()
	values := make([]any, len(j.args))
	p.mu.Lock()
	p.current, p.callCtx = t, callCtx
	for i, a := range j.args {
		if q, ok := a.Interface().(*Queue); ok && t.params[i] == queueType {
			p.queues[q.id] = q
		}
		values[i] = encodable(a, t.params[i])
	}
	p.mu.Unlock()
	p.stderr.reset()

	sent0, recv0, enc0 := p.conn.w.n.Load(), p.conn.r.n.Load(), p.conn.encodeTime.Load()
	begin := time.Now()
	if err := p.conn.send(header{Kind: kindCall, ID: uint64(j.index), Task: t.name}, values...); err != nil {
		var refused *refusedError
		if !errors.As(err, &refused) {
			// Part of the call may be in the pipe already: this
			// process's stream cannot be trusted any more.
			p.kill()
			<-p.dead
		}
		return nil, fmt.Errorf("procs: task %s: sending the arguments: %w", t.name, err)
	}
	defer func() {
		st.bytesSent.Add(p.conn.w.n.Load() - sent0)
		st.bytesReceived.Add(p.conn.r.n.Load() - recv0)
		st.encode.Add(p.conn.encodeTime.Load() - enc0)
	}()

	select {
	case r := <-p.replies:
		st.tasks.Add(1)
		st.busy.Add(int64(r.h.Busy))
		st.roundTrip.Add(int64(time.Since(begin)))
		st.decode.Add(int64(r.decode))
		if r.h.Err != "" {
			return nil, &TaskError{Task: t.name, Index: j.index, Msg: r.h.Err, Panic: r.h.Panic}
		}
		return t.value(r.values), nil
	case <-p.dead:
		st.crashes.Add(1)
		return nil, &WorkerError{Task: t.name, PID: p.pid, Status: p.status, LastWords: p.stderr.words()}
	case <-ctx.Done():
	}
	select {
	case <-closing:
		p.stop()
	default:
		// Native kernels in the worker check the interrupt and return
		// early; a task that does not is killed after a grace period.
		_ = p.conn.send(header{Kind: kindInterrupt})
		timer := time.NewTimer(interruptGrace)
		defer timer.Stop()
		select {
		case <-p.replies:
		case <-p.dead:
		case <-timer.C:
			p.kill()
			<-p.dead
		}
	}
	return nil, ctx.Err()
}

func (p *process) kill() {
	p.killed.Store(true)
	_ = p.cmd.Process.Kill()
}

// stop closes the process's pipe, which makes it exit, and kills it if it
// has not after exitGrace.
func (p *process) stop() {
	p.toChild.Close()
	timer := time.NewTimer(exitGrace)
	defer timer.Stop()
	select {
	case <-p.dead:
	case <-timer.C:
		p.kill()
		<-p.dead
	}
}

// lastWords passes a worker's stderr on to the pool's own and remembers,
// from what the running task wrote, the first line of a Go crash report
// ("panic: ...", "fatal error: ...") and the last line, so that a crash
// can be reported with its cause.
type lastWords struct {
	w       io.Writer
	mu      sync.Mutex
	partial []byte
	crash   string
	last    string
}

func (l *lastWords) Write(p []byte) (int, error) {
	l.mu.Lock()
	l.partial = append(l.partial, p...)
	for {
		i := bytes.IndexByte(l.partial, '\n')
		if i < 0 {
			break
		}
		l.line(string(l.partial[:i]))
		l.partial = l.partial[i+1:]
	}
	if len(l.partial) > lineKeep {
		l.line(string(l.partial))
		l.partial = l.partial[:0]
	}
	l.mu.Unlock()
	return l.w.Write(p)
}

func (l *lastWords) line(s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if len(s) > lineKeep {
		s = s[:lineKeep] + "..."
	}
	l.last = s
	if l.crash == "" && (strings.HasPrefix(s, "panic: ") || strings.HasPrefix(s, "fatal error: ")) {
		l.crash = s
	}
}

func (l *lastWords) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.partial, l.crash, l.last = l.partial[:0], "", ""
}

func (l *lastWords) words() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.partial) > 0 {
		l.line(string(l.partial))
		l.partial = l.partial[:0]
	}
	if l.crash != "" {
		return l.crash
	}
	return l.last
}
