package kernel

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/gopar/gopar/internal/childfiles"
	"github.com/gopar/gopar/worker"
)

// Supervisor runs learner code in a worker process and keeps the kernel
// alive whatever that code does: when the worker dies it starts a new one
// and replays the declarations made so far.
type Supervisor struct {
	argv []string // how to start a worker
	out  *Output
	env  []string

	mu      sync.Mutex
	proc    *process
	decls   []string // declarations to replay after a crash
	globals []string // variables defined so far, lost on a crash
	dir     string   // the worker's working directory, restored after a crash
	cellEnv []string // the worker's environment, restored after a crash
	busy    bool     // a cell is running: its own reply reports a crash
	// lost and lostWhy go to the next worker's restore: the variables of
	// the dead one, undefined until a cell sets them again.
	lost    []string
	lostWhy string
	notice  string // told on the next cell: the worker died between cells

	// InterruptGrace is how long an interrupted cell may take to stop
	// before the worker is killed and restarted.
	InterruptGrace time.Duration
	// MemoryLimit is the resident memory, in bytes, past which the worker
	// is stopped and the cell fails with a MemoryError; 0 for none.
	MemoryLimit int64
}

// NewSupervisor returns a supervisor that starts workers with argv and
// sends their output to out.
func NewSupervisor(argv []string, out *Output) *Supervisor {
	return &Supervisor{argv: argv, out: out, InterruptGrace: 3 * time.Second, MemoryLimit: memoryLimitOrDefault()}
}

// Start launches the first worker without waiting for it to be ready.
func (s *Supervisor) Start() error {
	_, err := s.current()
	return err
}

// Ready is closed when the current worker (started if there is none) has
// started up and waits for requests.
func (s *Supervisor) Ready() <-chan struct{} {
	p, err := s.current()
	if err != nil {
		return nil
	}
	return p.ready
}

// current returns the live worker, starting one when there is none.
func (s *Supervisor) current() (*process, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.currentLocked()
}

func (s *Supervisor) currentLocked() (*process, error) {
	if s.proc != nil && !s.proc.dead() {
		return s.proc, nil
	}
	p, err := startProcess(s.argv, workerEnv(s.env, s.MemoryLimit), s.out)
	if err != nil {
		return nil, err
	}
	s.proc = p
	if s.MemoryLimit > 0 {
		go p.watchMemory(s.MemoryLimit)
	}
	go s.watch(p)
	if len(s.decls) > 0 || s.dir != "" || s.cellEnv != nil || len(s.lost) > 0 {
		p.restore(worker.Request{Decls: s.decls, Dir: s.dir, Env: s.cellEnv, Lost: s.lost, Reason: s.lostWhy})
	}
	s.lost, s.lostWhy = nil, ""
	return p, nil
}

// watch reports a worker that died while no cell was running (killed, out
// of memory, a goroutine of an earlier cell crashing): at once, on the
// output of the last cell, and again on the next cell. It starts the
// replacement at once, so that the next cell finds the state restored.
func (s *Supervisor) watch(p *process) {
	<-p.exited
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.proc != p || s.busy {
		return // replaced on purpose, or the running cell's reply reports it
	}
	reason := s.deathReason(p, nil)
	lost := s.takeLostLocked(reason)
	if _, err := s.currentLocked(); err != nil {
		s.out.Write("stderr", []byte("\n[gopar] The Go process running the cells stopped ("+reason+
			") and a new one could not be started: "+err.Error()+"\n"))
		s.out.Flush()
		return
	}
	what := "A new one was started"
	if len(s.decls) > 0 {
		what += " and the declarations of earlier cells, the working directory and the environment were restored"
	}
	what += "."
	if len(lost) > 0 {
		what += " Variables lost (undefined until the cells that set them run again): " + strings.Join(lost, ", ") + "."
	}
	s.out.Write("stderr", []byte("\n[gopar] The Go process running the cells stopped after this cell ended ("+reason+"). "+what+"\n"))
	s.out.Flush()
	s.notice = "[gopar] Since the last cell, the Go process running the cells stopped (" + reason + "). " + what + "\n"
}

// deathReason says why p died: cause is the error of the call that saw it.
func (s *Supervisor) deathReason(p *process, cause error) string {
	switch {
	case errors.Is(cause, errStuck):
		return "the cell did not stop after the interrupt, so its process was restarted"
	case p.overMemory.Load() > 0:
		return memoryError(s.MemoryLimit)
	}
	return p.fatalMessage()
}

// takeLostLocked hands the variables of a dead worker to the next one's
// restore, and returns them sorted.
func (s *Supervisor) takeLostLocked(reason string) []string {
	lost := append([]string(nil), s.globals...)
	sort.Strings(lost)
	s.globals = nil
	s.lost, s.lostWhy = lost, reason
	return lost
}

// StdinFunc asks the front end for a line of input.
type StdinFunc func(prompt string, password bool) (string, error)

// ExecuteRequest is what the kernel asks the worker to run.
type ExecuteRequest struct {
	Code            string
	Silent          bool
	AllowStdin      bool
	UserExpressions map[string]string
	Stdin           StdinFunc
}

// ExecuteResult is the outcome of a cell.
type ExecuteResult struct {
	Result          map[string]any // trailing value, nil when none
	Error           *worker.Error
	UserExpressions map[string]any
	Payload         []map[string]any // for the front end, as ipykernel's (ask_exit)
}

// Execute runs one cell. ctx is cancelled to interrupt it.
func (s *Supervisor) Execute(ctx context.Context, req ExecuteRequest) ExecuteResult {
	s.mu.Lock()
	s.busy = true
	notice := s.notice
	s.notice = ""
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.busy = false
		s.mu.Unlock()
	}()
	if notice != "" {
		s.out.Write("stderr", []byte(notice))
	}
	return s.execute(ctx, req, 0)
}

func (s *Supervisor) execute(ctx context.Context, req ExecuteRequest, switches int) ExecuteResult {
	p, err := s.current()
	if err != nil {
		return ExecuteResult{Error: &worker.Error{Name: "WorkerError", Value: err.Error()}}
	}
	p.setStdin(req.Stdin)
	defer p.setStdin(nil)
	ev, err := p.call(ctx, worker.Request{
		Op: worker.OpExecute, Code: req.Code, Silent: req.Silent,
		AllowStdin: req.AllowStdin, UserExpressions: req.UserExpressions,
	}, s.InterruptGrace)
	if err != nil {
		return ExecuteResult{Error: s.recover(p, err)}
	}
	if ev.Worker != "" {
		// A cell may switch twice: to link its imports, then to rebuild
		// them at the version a %go get line pins.
		if switches == 2 {
			return ExecuteResult{Error: &worker.Error{Name: "WorkerError", Value: "the worker started for the cell's modules asked for another one",
				Traceback: []string{"WorkerError: the worker started for the cell's modules asked for another one"}}}
		}
		s.switchWorker(p, ev.Worker)
		return s.execute(ctx, req, switches+1)
	}
	s.mu.Lock()
	if ev.Decls != nil {
		s.decls = s.applyEdit("declarations", s.decls, *ev.Decls)
	}
	if ev.Globals != nil {
		s.globals = s.applyEdit("variables", s.globals, *ev.Globals)
	}
	if ev.Dir != nil {
		s.dir = *ev.Dir
	}
	if ev.Env != nil {
		s.cellEnv = *ev.Env
	}
	s.mu.Unlock()
	return ExecuteResult{Result: ev.Result, Error: ev.Error, UserExpressions: ev.UserExpressions, Payload: ev.Payload}
}

// switchWorker starts cells in binary, a gopar built with the modules a
// cell imports linked in. The declarations, working directory and
// environment are restored as after a crash; variables cannot move to
// another process, so they are named as lost (at the top of a session
// there are none).
func (s *Supervisor) switchWorker(old *process, binary string) {
	s.mu.Lock()
	s.argv = append([]string{binary}, s.argv[1:]...)
	s.proc = nil
	lost := s.takeLostLocked("the cells moved to a worker process with the imported modules linked in")
	s.mu.Unlock()
	old.kill()
	<-old.exited
	msg := "[gopar] Cells now run in a new worker process with the imported modules linked in"
	if len(lost) > 0 {
		msg += "; the declarations of earlier cells, the working directory and the environment were restored. Variables lost (undefined until the cells that set them run again): " + strings.Join(lost, ", ") + ".\n"
	} else {
		msg += "; nothing was lost.\n"
	}
	s.out.Write("stderr", []byte(msg))
}

// recover turns a dead or stuck worker into an error on the cell and
// starts its replacement.
func (s *Supervisor) recover(p *process, cause error) *worker.Error {
	p.kill()
	<-p.exited
	e := &worker.Error{Name: "WorkerDied", Value: s.deathReason(p, cause)}
	switch {
	case errors.Is(cause, errStuck):
		e.Name = "Interrupted"
	case p.overMemory.Load() > 0:
		e.Name = "MemoryError"
	}
	s.mu.Lock()
	lost := s.takeLostLocked(e.Value)
	_, err := s.currentLocked()
	s.mu.Unlock()
	if err != nil {
		e.Traceback = append(e.Traceback, "could not start a new worker: "+err.Error())
		return e
	}
	e.Traceback = []string{e.Name + ": " + e.Value,
		"The Go process running the cells stopped; a new one was started and the declarations of earlier cells, the working directory and the environment were restored."}
	if len(lost) > 0 {
		e.Traceback = append(e.Traceback, "Variables lost (undefined until the cells that set them run again): "+strings.Join(lost, ", "))
	}
	return e
}

// Interrupt asks the running cell to stop.
func (s *Supervisor) Interrupt() {
	s.mu.Lock()
	p := s.proc
	s.mu.Unlock()
	if p != nil && !p.dead() {
		p.send(worker.Request{Op: worker.OpInterrupt})
	}
}

// Restart replaces the worker with a fresh one, dropping all state.
func (s *Supervisor) Restart() error {
	s.mu.Lock()
	p := s.proc
	s.proc, s.decls, s.globals, s.dir, s.cellEnv, s.lost, s.notice = nil, nil, nil, "", nil, nil, ""
	s.mu.Unlock()
	if p != nil {
		p.kill()
		<-p.exited
	}
	return s.Start()
}

// Shutdown stops the worker.
func (s *Supervisor) Shutdown() {
	s.mu.Lock()
	p := s.proc
	s.proc = nil
	s.mu.Unlock()
	if p != nil {
		p.kill()
		<-p.exited
	}
}

// Ask sends a non-execute request (complete, inspect, is_complete) and
// returns the reply; a failure returns the zero event.
func (s *Supervisor) Ask(req worker.Request) worker.Event {
	p, err := s.current()
	if err != nil {
		return worker.Event{}
	}
	ev, err := p.call(context.Background(), req, 0)
	if err != nil {
		return worker.Event{}
	}
	return ev
}

var errStuck = errors.New("worker did not stop after interrupt")
var errDied = errors.New("worker exited")

// process is one running worker.
type process struct {
	cmd    *exec.Cmd
	token  string
	out    *Output
	ready  chan struct{} // closed when the worker says it is ready
	exited chan struct{}

	sendMu sync.Mutex
	reqW   *os.File // requests, fd 3 of the worker
	sigMu  sync.Mutex
	sigW   *os.File // interrupts and input replies, fd 5

	mu       sync.Mutex
	waiting  map[uint64]chan worker.Event
	nextID   uint64
	stdin    StdinFunc
	reached  [2]uint64 // highest sync marker seen on stdout, stderr
	released uint64    // highest marker whose event has been handled
	synced   *sync.Cond
	errTail  []byte // the end of stderr, for the fatal message
	fatal    string // the first "fatal error: ..." line the runtime printed
	exitErr  error
	finished bool

	overMemory atomic.Int64 // resident bytes when killed for passing the memory limit
}

func startProcess(argv, env []string, out *Output) (*process, error) {
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	evR, evW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	errR, errW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	sigR, sigW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	tok := make([]byte, 8)
	_, _ = rand.Read(tok)
	p := &process{
		token:   hex.EncodeToString(tok),
		out:     out,
		ready:   make(chan struct{}),
		exited:  make(chan struct{}),
		reqW:    reqW,
		sigW:    sigW,
		waiting: map[uint64]chan worker.Event{},
	}
	p.synced = sync.NewCond(&p.mu)
	cmd := exec.Command(argv[0], argv[1:]...)
	if env == nil {
		env = os.Environ()
	}
	// Without goroutine dumps, a fatal error shows as its one-line message.
	cmd.Env = append(env[:len(env):len(env)], "GOTRACEBACK=none")
	cmd.Stdout, cmd.Stderr = outW, errW
	// Requests, events, and interrupts with input replies: the worker's
	// files 0, 1 and 2 (fds 3, 4 and 5 on Unix).
	if err := childfiles.Pass(cmd, reqR, evW, sigR); err != nil {
		return nil, fmt.Errorf("starting worker: %w", err)
	}
	dieWithParent(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting worker: %w", err)
	}
	p.cmd = cmd
	// The sync token goes first on the request pipe, never into the
	// environment that cells and their commands can read.
	if _, err := reqW.Write([]byte(p.token + "\n")); err != nil {
		_ = cmd.Process.Kill()
	}
	reqR.Close()
	evW.Close()
	sigR.Close()
	outW.Close()
	errW.Close()

	var streams sync.WaitGroup
	streams.Add(2)
	go func() { defer streams.Done(); p.readStream(0, "stdout", outR) }()
	go func() { defer streams.Done(); p.readStream(1, "stderr", errR) }()
	go p.readEvents(evR)
	go func() {
		err := cmd.Wait()
		streams.Wait()
		p.mu.Lock()
		p.exitErr, p.finished = err, true
		p.synced.Broadcast()
		p.mu.Unlock()
		reqW.Close()
		sigW.Close()
		close(p.exited)
	}()
	return p, nil
}

func (p *process) dead() bool {
	select {
	case <-p.exited:
		return true
	default:
		return false
	}
}

// kill stops the worker and every process it started (a shell command
// runs in a process group of its own and would outlive it). They are
// listed first: once the worker is gone they belong to init.
func (p *process) kill() {
	if p.cmd.Process == nil {
		return
	}
	_, pids, _ := treeResident(p.cmd.Process.Pid)
	_ = p.cmd.Process.Kill()
	for _, pid := range pids {
		if pid != p.cmd.Process.Pid {
			if proc, err := os.FindProcess(pid); err == nil {
				_ = proc.Kill()
				_ = proc.Release()
			}
		}
	}
}

func (p *process) setStdin(f StdinFunc) {
	p.mu.Lock()
	p.stdin = f
	p.mu.Unlock()
}

// readStream forwards one of the worker's output pipes, noting sync markers.
func (p *process) readStream(index int, name string, r io.ReadCloser) {
	defer r.Close()
	buf := make([]byte, 0, 64<<10)
	chunk := make([]byte, 32<<10)
	for {
		n, err := r.Read(chunk)
		buf = append(buf, chunk[:n]...)
		for len(buf) > 0 {
			text, mark, used := worker.SplitMarkers(buf, p.token)
			if mark == 0 {
				// A character split across two reads waits for its end:
				// published in halves, each would become U+FFFD.
				cut := partialRune(text)
				text, used = text[:len(text)-cut], used-cut
			}
			if len(text) > 0 {
				p.out.Write(name, text)
				if index == 1 {
					p.keepErrTail(text)
				}
			}
			buf = buf[used:]
			if mark > 0 {
				// Hold back what follows the marker until its event is out.
				p.mu.Lock()
				p.reached[index] = mark
				p.synced.Broadcast()
				p.waitLocked(func() bool { return p.released >= mark })
				p.mu.Unlock()
			}
			if used == 0 {
				break
			}
		}
		buf = append(chunk[:0:0], buf...) // keep only the unconsumed partial marker
		if err != nil {
			if len(buf) > 0 {
				p.out.Write(name, buf)
			}
			return
		}
	}
}

// partialRune is the length of an incomplete UTF-8 sequence at the end of
// b, 0 when b ends on a whole character (or on bytes that are not UTF-8,
// which no later byte would complete).
func partialRune(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return len(b) - i
			}
			return 0
		}
	}
	return 0
}

func (p *process) keepErrTail(text []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	// The runtime's own reason comes first; a stack dump may follow it and
	// push it out of the tail, so it is kept apart.
	p.errTail = append(p.errTail, text...)
	if p.fatal == "" {
		// The runtime prints the reason in pieces; wait for its line's end.
		if i := bytes.LastIndex(p.errTail, []byte("fatal error: ")); i >= 0 {
			if line, _, ok := bytes.Cut(p.errTail[i:], []byte("\n")); ok {
				p.fatal = string(line)
			}
		}
	}
	if len(p.errTail) > 8<<10 {
		p.errTail = p.errTail[len(p.errTail)-8<<10:]
	}
}

// fatalMessage names why the worker died, from the end of its stderr.
func (p *process) fatalMessage() string {
	p.mu.Lock()
	tail, exitErr, fatal := string(p.errTail), p.exitErr, p.fatal
	p.mu.Unlock()
	if fatal != "" {
		return fatal
	}
	lines := strings.Split(tail, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		for _, prefix := range []string{"fatal error: ", "panic: ", "runtime: "} {
			if strings.HasPrefix(l, prefix) {
				return l
			}
		}
	}
	if exitErr != nil {
		return "the Go process running the cells exited (" + exitErr.Error() + ")"
	}
	return "the Go process running the cells exited"
}

// syncTimeout bounds every wait for a marker, so a cell that closed its own
// stdout cannot hold events back for long.
const syncTimeout = 2 * time.Second

// waitLocked waits (p.mu held) until ready, the worker exits or syncTimeout.
func (p *process) waitLocked(ready func() bool) {
	if ready() || p.finished {
		return
	}
	deadline := time.Now().Add(syncTimeout)
	timer := time.AfterFunc(syncTimeout, func() {
		p.mu.Lock()
		p.synced.Broadcast()
		p.mu.Unlock()
	})
	defer timer.Stop()
	for !ready() && !p.finished && time.Now().Before(deadline) {
		p.synced.Wait()
	}
}

// waitSync blocks until both output pipes have reached marker n, so output
// printed before an event is published before it.
func (p *process) waitSync(n uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.waitLocked(func() bool { return p.reached[0] >= n && p.reached[1] >= n })
}

// release lets the stream readers go on past marker n.
func (p *process) release(n uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n > p.released {
		p.released = n
	}
	p.synced.Broadcast()
}

func (p *process) readEvents(r io.ReadCloser) {
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 256<<20)
	for sc.Scan() {
		var ev worker.Event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			log.Printf("gopar: bad event from worker: %v", err)
			continue
		}
		p.waitSync(ev.Sync)
		switch ev.Kind {
		case worker.EvReady:
			select {
			case <-p.ready: // said twice: nothing new
			default:
				close(p.ready)
			}
		case worker.EvDisplay:
			p.out.Publish(ev.MsgType, displayContent(ev))
		case worker.EvInputRequest:
			go p.answerInput(ev)
		case worker.EvDebug:
			p.out.Publish("debug_event", ev.Debug)
		case worker.EvReply:
			p.mu.Lock()
			ch := p.waiting[ev.ID]
			delete(p.waiting, ev.ID)
			p.mu.Unlock()
			if ch != nil {
				ch <- ev
			}
		}
		p.release(ev.Sync)
	}
	// No more events: never hold the streams back again.
	p.release(^uint64(0))
}

func displayContent(ev worker.Event) any {
	if ev.MsgType == "clear_output" {
		return map[string]any{"wait": ev.Wait}
	}
	md := ev.Metadata
	if md == nil {
		md = map[string]any{}
	}
	c := map[string]any{"data": ev.Data, "metadata": md, "transient": map[string]any{}}
	if ev.DisplayID != "" {
		c["transient"] = map[string]any{"display_id": ev.DisplayID}
	}
	return c
}

func (p *process) answerInput(ev worker.Event) {
	p.mu.Lock()
	ask := p.stdin
	p.mu.Unlock()
	reply := worker.Request{Op: worker.OpInputReply, ID: ev.ID}
	if ask == nil {
		reply.InputError = "no cell is waiting for input"
	} else if v, err := ask(cmp.Or(ev.Prompt, p.out.TakePrompt()), ev.Password); err != nil {
		reply.InputError = err.Error()
	} else {
		reply.Value = v
	}
	p.send(reply)
}

func (p *process) send(req worker.Request) error {
	line, err := json.Marshal(req)
	if err != nil {
		return err
	}
	// Interrupts and input replies go on their own pipe, which the worker
	// reads while a cell runs, and never wait behind a long request.
	w, mu := p.reqW, &p.sendMu
	if req.Op == worker.OpInterrupt || req.Op == worker.OpInputReply || req.Op == worker.OpDebug {
		w, mu = p.sigW, &p.sigMu
	}
	mu.Lock()
	defer mu.Unlock()
	_, err = w.Write(append(line, '\n'))
	return err
}

// call sends req and waits for its reply. Cancelling ctx interrupts the
// request; if no reply comes within grace after that, errStuck.
func (p *process) call(ctx context.Context, req worker.Request, grace time.Duration) (worker.Event, error) {
	ch := p.register(&req)
	defer func() {
		p.mu.Lock()
		delete(p.waiting, req.ID)
		p.mu.Unlock()
	}()
	if err := p.send(req); err != nil {
		<-p.exited
		return worker.Event{}, errDied
	}
	done := ctx.Done()
	var stuck <-chan time.Time
	for {
		select {
		case ev := <-ch:
			return ev, nil
		case <-p.exited:
			// A reply sent just before exiting still counts.
			select {
			case ev := <-ch:
				return ev, nil
			default:
			}
			return worker.Event{}, errDied
		case <-done:
			done = nil
			p.send(worker.Request{Op: worker.OpInterrupt})
			if grace > 0 {
				stuck = time.After(grace)
			}
		case <-stuck:
			return worker.Event{}, errStuck
		}
	}
}

// register gives req an id and a channel its reply will arrive on.
func (p *process) register(req *worker.Request) chan worker.Event {
	ch := make(chan worker.Event, 1)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.nextID++
	req.ID = p.nextID
	p.waiting[req.ID] = ch
	return ch
}

// restore replays declarations, working directory and environment into a
// fresh worker. The request is queued
// before any cell sent after it; its reply is awaited in the background.
func (p *process) restore(req worker.Request) {
	req.Op = worker.OpRestore
	ch := p.register(&req)
	if p.send(req) != nil {
		return
	}
	go func() {
		select {
		case ev := <-ch:
			if ev.Error != nil {
				p.out.Write("stderr", []byte("gopar: restoring earlier declarations: "+ev.Error.Value+"\n"))
			}
		case <-p.exited:
		}
	}()
}

// applyEdit applies a worker's edit of a list the kernel keeps for it. An
// edit that does not fit the list is a worker out of step with the kernel:
// the list is kept as it was, and the mismatch logged.
func (s *Supervisor) applyEdit(what string, list []string, e worker.ListEdit) []string {
	out, ok := e.Apply(list)
	if !ok {
		log.Printf("gopar: the worker's edit of the %s (keep %d + %d) does not fit the %d the kernel holds", what, e.Keep, e.KeepTail, len(list))
		return list
	}
	return out
}
