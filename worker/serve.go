package worker

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gopar/gopar/internal/childfiles"
	"github.com/gopar/gopar/runtime/display"
	"github.com/gopar/gopar/runtime/interrupt"
)

// Engine is the interpreter session as the worker needs it.
type Engine interface {
	Execute(ctx context.Context, code string) (map[string]any, error)
	Complete(code string, cursor int) (matches []string, start, end int)
	Inspect(code string, cursor, detailLevel int) (data map[string]any, found bool)
	IsComplete(code string) (status, indent string)
	Snapshot() []string
	Restore(decls []string) error
	GlobalNames() []string
	// Abandon gives up on the running cell, blocked past an interrupt,
	// so that the next request can use the session; false when the cell
	// is not blocked in its own code and is about to end. answer is the
	// cell's error when it was stopped for another reason than the user's
	// interrupt (os.Exit in a goroutine), nil otherwise.
	Abandon() (answer error, ok bool)
}

// Config says how the worker makes its engine and runs a cell.
type Config struct {
	// NewEngine makes the interpreter session; cells read stdin.
	NewEngine func(stdin io.Reader) (Engine, error)
	// RunCell runs one cell (magics included); nil runs eng.Execute.
	RunCell func(ctx context.Context, eng Engine, code string) (map[string]any, error)
}

// Serve runs the worker loop until the kernel closes its pipes: requests
// on fd 3, events on fd 4, interrupts and input replies on fd 5 (on
// Windows the handles childfiles names).
func Serve(cfg Config) error {
	// Polled, the pipes are read through Go's poller: a request wakes the
	// goroutine that handles it, with no hand-over to another.
	reqFile, evFile, sigFile := childfiles.Open(0, "requests", true), childfiles.Open(1, "events", false), childfiles.Open(2, "signals", true)
	if reqFile == nil || evFile == nil || sigFile == nil {
		return errors.New("gopar worker: started outside a kernel (no pipes from it)")
	}
	requests := bufio.NewScanner(reqFile)
	requests.Buffer(make([]byte, 64<<10), 256<<20)
	if !requests.Scan() || strings.TrimSpace(requests.Text()) == "" {
		return errors.New("gopar worker: started outside a kernel (no sync token on fd 3)")
	}
	token := strings.TrimSpace(requests.Text())
	std, err := saveStdio()
	if err != nil {
		return err
	}
	// Deep recursion fails fast instead of growing to the 1 GB default.
	debug.SetMaxStack(256 << 20)
	s := &server{
		cfg:      cfg,
		token:    token,
		std:      std,
		events:   evFile,
		inputs:   make(chan Request, 1),
		requests: requests,
	}
	s.stdin = &stdinReader{s: s}
	display.SetSink(s)
	eng, err := cfg.NewEngine(s.stdin)
	if err != nil {
		return err
	}
	s.eng = eng
	if s.cfg.RunCell == nil {
		s.cfg.RunCell = func(ctx context.Context, eng Engine, code string) (map[string]any, error) {
			return eng.Execute(ctx, code)
		}
	}
	s.emit(Event{Kind: EvReady, Version: runtime.Version()})
	go s.readSignals(sigFile)
	s.serve()
	return nil
}

type server struct {
	cfg    Config
	token  string
	eng    Engine
	stdin  *stdinReader
	inputs chan Request

	emitMu sync.Mutex
	events *os.File
	sync   uint64
	std    *stdio // the worker's own fd 1 and 2, for markers and restoring

	// requests is read by the goroutine serving them: the first, or the
	// one that took over from a cell left blocked (abandon).
	requests *bufio.Scanner

	mu      sync.Mutex
	current *Request // the cell running now
	cancel  context.CancelFunc
	giveUp  *time.Timer // armed by an interrupt of the running cell

	sentDecls, sentGlobals *[]string // as last told to the kernel
	sentDir                *string
	sentEnv                *[]string

	// Variables a dead worker held: replayed as zero values so that the
	// declarations using them compile, but a cell using one is an error
	// until a cell sets it again (lostWhy says why they were lost).
	lost    map[string]bool
	lostWhy string

	debug debugger // debug.go
}

// serve handles requests one at a time. When the kernel closes the pipe
// (it exited), the worker exits too.
func (s *server) serve() {
	for s.requests.Scan() {
		var req Request
		if err := json.Unmarshal(s.requests.Bytes(), &req); err != nil {
			fmt.Fprintln(os.Stderr, "gopar worker: bad request:", err)
			continue
		}
		s.handle(req)
	}
	os.Exit(0)
}

// readSignals handles interrupts and input replies, which arrive while a
// cell runs. When the kernel closes the pipe (it exited), the worker exits
// too, even in the middle of a cell.
func (s *server) readSignals(r io.Reader) {
	defer os.Exit(0)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 256<<20)
	for sc.Scan() {
		var req Request
		if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
			fmt.Fprintln(os.Stderr, "gopar worker: bad signal:", err)
			continue
		}
		switch req.Op {
		case OpInterrupt:
			s.interrupt()
		case OpInputReply:
			select {
			case s.inputs <- req:
			default: // nobody is waiting any more
			}
		case OpDebug:
			go s.handleDebug(req)
		default:
			fmt.Fprintln(os.Stderr, "gopar worker: unknown signal", req.Op)
		}
	}
}

// giveUpAfter is how long an interrupted cell has to end before the worker
// leaves it behind, blocked in compiled code, and serves the next request.
const giveUpAfter = 200 * time.Millisecond

func (s *server) interrupt() {
	// Cancel the cell before waking its sleeps, so that a cell whose sleep
	// was cut short ends as interrupted, not as done.
	s.mu.Lock()
	if s.cancel != nil {
		s.cancel()
		if s.giveUp == nil {
			cell := s.current
			s.giveUp = time.AfterFunc(giveUpAfter, func() { s.abandon(cell) })
		}
	}
	s.mu.Unlock()
	interrupt.Trigger()
	if d, ok := s.eng.(DebugEngine); ok {
		d.DebugInterrupted() // goroutines stopped at a breakpoint end too
	}
}

// abandon answers an interrupted cell that is still blocked (a mutex held
// forever, a wait on compiled code) and hands the requests to a new
// goroutine. The blocked one stays blocked inside the engine, which no
// longer lets it touch the session. An engine that is not running the
// cell's code (it is finishing) declines, and the cell answers itself.
func (s *server) abandon(cell *Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current != cell {
		return
	}
	answer, ok := s.eng.Abandon()
	if !ok {
		return
	}
	reply := Event{Kind: EvReply, ID: cell.ID, Error: errInterrupted}
	if answer != nil {
		reply.Error = asError(answer)
	}
	s.current, s.cancel, s.giveUp = nil, nil, nil
	s.noteChanges(&reply)
	s.emit(reply)
	go s.serve()
}

func (s *server) handle(req Request) {
	reply := Event{Kind: EvReply, ID: req.ID}
	handled := false
	defer func() {
		if handled {
			return
		}
		if r := recover(); r != nil {
			panic(r) // the worker's own bug: the kernel restarts the worker
		}
		// The cell called runtime.Goexit, which ends the goroutine that
		// runs it (its deferred calls have run): answer, and serve on.
		reply.Error = errGoexit
		s.emit(reply)
		go s.serve()
	}()
	switch req.Op {
	case OpExecute:
		s.execute(req, &reply)
	case OpComplete:
		reply.Matches, reply.CursorStart, reply.CursorEnd = s.eng.Complete(req.Code, req.Cursor)
	case OpInspect:
		reply.Data, reply.Found = s.eng.Inspect(req.Code, req.Cursor, req.DetailLevel)
	case OpIsComplete:
		reply.Status, reply.Indent = s.eng.IsComplete(req.Code)
	case OpRestore:
		reply.Error = s.restore(req)
	default:
		reply.Error = &Error{Name: "WorkerError", Value: "unknown request " + req.Op}
	}
	handled = true
	s.emit(reply)
}

func (s *server) execute(req Request, reply *Event) {
	interrupt.Reset()
	ctx, cancel := context.WithCancel(context.Background())
	ctx = interrupt.WithStop(ctx, s.interrupt)
	s.mu.Lock()
	s.current, s.cancel = &req, cancel
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.giveUp != nil {
			s.giveUp.Stop()
		}
		s.current, s.cancel, s.giveUp = nil, nil, nil
		s.mu.Unlock()
		cancel()
	}()

	// Whatever the last cell did to fd 1 and 2 (closed, redirected), this
	// one prints where the kernel reads.
	s.std.restore()
	if exitRequest(req.Code) && !s.definesExit(req.Code) {
		reply.Payload = []map[string]any{{"source": "ask_exit", "keepkernel": false}}
		s.noteChanges(reply)
		return
	}
	if err := s.checkLost(req.Code); err != nil {
		reply.Error = err
		s.noteChanges(reply)
		return
	}
	result, err := s.cfg.RunCell(ctx, s.eng, req.Code)
	if err == nil {
		s.forgetLost(req.Code)
	}
	if err == nil && ctx.Err() != nil {
		// It finished only because the interrupt cut a sleep or a native
		// kernel short: what it computed is not what the cell says.
		err = errInterrupted
	}
	var switchTo *SwitchWorker
	if errors.As(err, &switchTo) {
		reply.Worker = switchTo.Binary
		s.noteChanges(reply)
		return
	}
	if err != nil {
		reply.Error = asError(err)
	} else {
		reply.Result = result
		if len(req.UserExpressions) > 0 {
			reply.UserExpressions = s.userExpressions(ctx, req.UserExpressions)
		}
	}
	s.noteChanges(reply)
}

// errInterrupted ends a cell that an interrupt stopped.
var errInterrupted = &Error{Name: "Interrupted", Value: "the cell was interrupted",
	Traceback: []string{"Interrupted: the cell was interrupted"}}

// errGoexit ends a cell that called runtime.Goexit.
var errGoexit = &Error{Name: "Goexit", Value: "runtime.Goexit ended the cell",
	Traceback: []string{"Goexit: runtime.Goexit ended the cell"}}

// noteChanges adds to reply the session's declarations and variables when
// they changed since the kernel last heard of them.
func (s *server) noteChanges(reply *Event) {
	// Most cells declare nothing: the kernel hears of the session's
	// declarations only when they change, and then only what changed
	// (ListEdit), not a growing copy every cell.
	reply.Decls = noteList(&s.sentDecls, s.eng.Snapshot())
	reply.Globals = noteList(&s.sentGlobals, s.eng.GlobalNames())
	if dir, err := os.Getwd(); err == nil && (s.sentDir == nil || dir != *s.sentDir) {
		s.sentDir, reply.Dir = &dir, &dir
	}
	if env := os.Environ(); s.sentEnv == nil || !slices.Equal(env, *s.sentEnv) {
		s.sentEnv, reply.Env = &env, &env
	}
}

// noteList returns the edit that turns the list last sent into now, or nil
// when they are the same, and keeps now as sent. A new worker's first edit
// (from nothing) replaces the kernel's list.
func noteList(sent **[]string, now []string) *ListEdit {
	var old []string
	if *sent != nil {
		if slices.Equal(now, **sent) {
			return nil
		}
		old = **sent
	}
	edit := Diff(old, now)
	kept := slices.Clone(now) // the engine may reuse its slice
	*sent = &kept
	return &edit
}

// userExpressions evaluates each expression after the cell, as Jupyter's
// execute_request asks.
func (s *server) userExpressions(ctx context.Context, exprs map[string]string) map[string]any {
	out := map[string]any{}
	for name, expr := range exprs {
		data, err := s.eng.Execute(ctx, expr)
		if err != nil {
			e := asError(err)
			out[name] = map[string]any{"status": "error", "ename": e.Name, "evalue": e.Value, "traceback": e.Traceback}
			continue
		}
		if data == nil {
			data = map[string]any{"text/plain": ""}
		}
		out[name] = map[string]any{"status": "ok", "data": data, "metadata": map[string]any{}}
	}
	return out
}

// asError turns any error into what Jupyter shows. Errors that know their
// Jupyter name (the interpreter's) keep it.
func asError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var named interface {
		JupyterError() (name, value string, traceback []string)
	}
	if errors.As(err, &named) {
		n, v, tb := named.JupyterError()
		return &Error{Name: n, Value: v, Traceback: tb}
	}
	return &Error{Name: "Error", Value: err.Error(), Traceback: []string{err.Error()}}
}

// emit writes a sync marker to stdout and stderr, then the event.
func (s *server) emit(ev Event) {
	s.emitMu.Lock()
	defer s.emitMu.Unlock()
	s.sync++
	ev.Sync = s.sync
	m := Marker(s.token, s.sync)
	// The worker's own copies of fd 1 and 2: a cell that closed or
	// redirected os.Stdout does not hold the kernel's output back.
	_, _ = s.std.out.Write(m)
	_, _ = s.std.err.Write(m)
	line, err := json.Marshal(ev)
	if err != nil {
		line, _ = json.Marshal(Event{Kind: ev.Kind, ID: ev.ID, Sync: ev.Sync,
			Error: &Error{Name: "WorkerError", Value: "cannot encode result: " + err.Error()}})
	}
	_, _ = s.events.Write(append(line, '\n'))
}

// Publish implements display.Sink.
func (s *server) Publish(m display.Message) {
	s.emit(Event{Kind: EvDisplay, MsgType: string(m.Kind), Data: m.Data, Metadata: m.Metadata,
		DisplayID: m.DisplayID, Wait: m.Wait})
}

// stdinReader is what cells read as os.Stdin: each read with nothing
// buffered asks the front end for a line.
type stdinReader struct {
	s   *server
	mu  sync.Mutex
	buf []byte
}

// ErrNoStdin is returned to a cell reading stdin when the front end does
// not accept input.
var ErrNoStdin = errors.New("stdin is not available: this front end does not accept input (allow_stdin is false)")

func (r *stdinReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.buf) == 0 {
		line, err := r.s.askInput()
		if err != nil {
			return 0, err
		}
		r.buf = append(r.buf, line...)
		r.buf = append(r.buf, '\n')
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

func (s *server) askInput() (string, error) {
	s.mu.Lock()
	cur := s.current
	s.mu.Unlock()
	if cur == nil || !cur.AllowStdin {
		return "", ErrNoStdin
	}
	// Drop a stale reply from an earlier, abandoned request.
	select {
	case <-s.inputs:
	default:
	}
	s.emit(Event{Kind: EvInputRequest, ID: cur.ID})
	select {
	case rep := <-s.inputs:
		if rep.InputError != "" {
			return "", errors.New("stdin: " + rep.InputError)
		}
		return rep.Value, nil
	case <-interrupt.Context().Done():
		return "", errors.New("stdin: interrupted")
	}
}
