package jit

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"reflect"
	"sync"
	"time"

	"github.com/gopar/gopar/internal/childfiles"
	"github.com/gopar/gopar/runtime/interrupt"
)

// The parent's copies of the helper's messages (helper_main.go.txt); gob
// matches them by field name.
type (
	funcDesc struct {
		Name string
		Type typeDesc
	}
	helperHello struct {
		PID   int
		Funcs []funcDesc
	}
	helperCall struct {
		ID   uint64
		Func string
	}
	helperReply struct {
		ID       uint64
		Panic    string
		ErrSet   bool
		ErrValue string
	}
)

// helperStartTimeout bounds how long a helper process may take to say
// hello.
var helperStartTimeout = 20 * time.Second

// helper runs a cell's functions in a process of their own, built from the
// cell with a small server: slower per call than a plugin (each call
// crosses two pipes) but independent of how gopar itself was built, and
// killable when the cell is interrupted.
type helper struct {
	exe, dir string

	mu      sync.Mutex
	proc    *helperProc
	funcs   []funcDesc // as the first process reported them
	started int        // processes started
}

// helperProc is one running helper process.
type helperProc struct {
	cmd     *exec.Cmd
	toChild io.Closer
	enc     *gob.Encoder
	w       *bufio.Writer
	dec     *gob.Decoder
	wmu     sync.Mutex

	mu      sync.Mutex
	nextID  uint64
	pending map[uint64]*pendingCall
	exited  bool // set, under mu, once no reply can come
	dead    chan struct{}
	status  string
	stderr  *crashLine
}

type pendingCall struct {
	sig  *callSig
	done chan callOutcome
}

type callOutcome struct {
	reply         helperReply
	results, back reflect.Value
	err           error
}

// callSig is a function's signature split the way calls travel.
type callSig struct {
	name          string
	ft            reflect.Type
	args, results reflect.Type // structs of the arguments and of the non-error results; nil if none
	back          reflect.Type // struct of the arguments a callee can write to
	backIndex     []int
	hasErr        bool
}

func newCallSig(name string, ft reflect.Type) *callSig {
	s := &callSig{name: name, ft: ft}
	var in, res, back []reflect.Type
	for i := range ft.NumIn() {
		in = append(in, ft.In(i))
		if written(ft.In(i)) {
			back = append(back, ft.In(i))
			s.backIndex = append(s.backIndex, i)
		}
	}
	for i := range ft.NumOut() {
		if i == ft.NumOut()-1 && ft.Out(i) == errorType {
			s.hasErr = true
			break
		}
		res = append(res, ft.Out(i))
	}
	s.args, s.results, s.back = fields("A", in), fields("R", res), fields("B", back)
	return s
}

// fields and written mirror gopar_fields and gopar_written in the helper.
func fields(prefix string, types []reflect.Type) reflect.Type {
	if len(types) == 0 {
		return nil
	}
	fs := make([]reflect.StructField, len(types))
	for i, t := range types {
		fs[i] = reflect.StructField{Name: fmt.Sprintf("%s%d", prefix, i), Type: t}
	}
	return reflect.StructOf(fs)
}

func written(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Pointer:
		return true
	}
	return false
}

// start starts the helper process if none is running, and returns it.
func (h *helper) start() (*helperProc, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.proc != nil && h.proc.alive() {
		return h.proc, nil
	}
	p, hello, err := startHelper(h.exe, h.dir)
	if err != nil {
		return nil, err
	}
	if h.funcs == nil {
		h.funcs = hello.Funcs
	}
	h.proc = p
	h.started++
	return p, nil
}

func startHelper(exe, dir string) (*helperProc, *helperHello, error) {
	callsR, callsW, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	repliesR, repliesW, err := os.Pipe()
	if err != nil {
		callsR.Close()
		callsW.Close()
		return nil, nil, err
	}
	cmd := exec.Command(exe)
	cmd.Dir = dir
	if err := childfiles.Pass(cmd, callsR, repliesW); err != nil {
		for _, f := range []*os.File{callsR, callsW, repliesR, repliesW} {
			f.Close()
		}
		return nil, nil, err
	}
	cmd.Stdout = os.Stdout // what the functions print is the cell's output
	cl := &crashLine{w: os.Stderr}
	cmd.Stderr = cl
	cmd.WaitDelay = time.Second
	err = cmd.Start()
	callsR.Close()
	repliesW.Close()
	if err != nil {
		callsW.Close()
		repliesR.Close()
		return nil, nil, fmt.Errorf("%%%%native: starting the helper process: %w", err)
	}
	w := bufio.NewWriter(callsW)
	p := &helperProc{
		cmd: cmd, toChild: callsW, w: w, enc: gob.NewEncoder(w),
		dec:     gob.NewDecoder(bufio.NewReader(repliesR)),
		pending: map[uint64]*pendingCall{},
		dead:    make(chan struct{}),
		stderr:  cl,
	}
	hello := &helperHello{}
	got := make(chan error, 1)
	go func() { got <- p.dec.Decode(hello) }()
	timer := time.NewTimer(helperStartTimeout)
	defer timer.Stop()
	select {
	case err = <-got:
	case <-timer.C:
		err = fmt.Errorf("no answer after %v", helperStartTimeout)
	}
	if err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		callsW.Close()
		repliesR.Close()
		return nil, nil, fmt.Errorf("%%%%native: the helper process did not start (%v) %s", err, cl.line())
	}
	go p.readLoop()
	return p, hello, nil
}

func (p *helperProc) alive() bool {
	select {
	case <-p.dead:
		return false
	default:
		return true
	}
}

// readLoop delivers replies to their calls until the process ends, then
// fails the calls still waiting.
func (p *helperProc) readLoop() {
	for {
		var r helperReply
		if err := p.dec.Decode(&r); err != nil {
			break
		}
		p.mu.Lock()
		pc := p.pending[r.ID]
		delete(p.pending, r.ID)
		p.mu.Unlock()
		if pc == nil {
			break // a reply to no call: the stream is confused
		}
		o := callOutcome{reply: r}
		if r.Panic == "" {
			if o.results, o.err = p.decodeStruct(pc.sig.results); o.err == nil {
				o.back, o.err = p.decodeStruct(pc.sig.back)
			}
		}
		pc.done <- o
		if o.err != nil {
			break
		}
	}
	_ = p.cmd.Process.Kill()
	err := p.cmd.Wait()
	p.mu.Lock()
	p.exited = true
	p.status = "exited"
	if err != nil {
		p.status = err.Error()
	}
	for id, pc := range p.pending {
		pc.done <- callOutcome{err: fmt.Errorf("the helper process died (%s) %s", p.status, p.stderr.line())}
		delete(p.pending, id)
	}
	p.mu.Unlock()
	close(p.dead)
}

func (p *helperProc) decodeStruct(t reflect.Type) (reflect.Value, error) {
	if t == nil {
		return reflect.Value{}, nil
	}
	v := reflect.New(t)
	return v.Elem(), p.dec.DecodeValue(v)
}

// call runs one function in the helper. The cell's interrupt kills the
// helper (compiled loops do not look at interrupts); the next call starts
// a new one.
func (h *helper) call(sig *callSig, in []reflect.Value) []reflect.Value {
	p, err := h.start()
	if err != nil {
		panic(&CallError{Func: sig.name, Err: err})
	}
	pc := &pendingCall{sig: sig, done: make(chan callOutcome, 1)}
	p.mu.Lock()
	if p.exited {
		p.mu.Unlock()
		panic(&CallError{Func: sig.name, Err: errors.New("the helper process died")})
	}
	p.nextID++
	id := p.nextID
	p.pending[id] = pc
	p.mu.Unlock()

	if err := p.send(id, sig, in); err != nil {
		_ = p.cmd.Process.Kill()
		panic(&CallError{Func: sig.name, Err: fmt.Errorf("sending the arguments: %w", err)})
	}
	var o callOutcome
	select {
	case o = <-pc.done:
	case <-interrupt.Context().Done():
		_ = p.cmd.Process.Kill()
		<-p.dead
		panic(&CallError{Func: sig.name, Err: ErrInterrupted})
	}
	switch {
	case o.err != nil:
		panic(&CallError{Func: sig.name, Err: o.err})
	case o.reply.Panic != "":
		panic(&CallError{Func: sig.name, Err: errors.New(o.reply.Panic)})
	}
	writeBack(in, o.back, sig.backIndex)
	out := make([]reflect.Value, 0, sig.ft.NumOut())
	if o.results.IsValid() {
		for i := range o.results.NumField() {
			out = append(out, o.results.Field(i))
		}
	}
	if sig.hasErr {
		var e error
		if o.reply.ErrSet {
			e = errors.New(o.reply.ErrValue)
		}
		ev := reflect.New(errorType).Elem()
		if e != nil {
			ev.Set(reflect.ValueOf(e))
		}
		out = append(out, ev)
	}
	return out
}

func (p *helperProc) send(id uint64, sig *callSig, in []reflect.Value) error {
	p.wmu.Lock()
	defer p.wmu.Unlock()
	if err := p.enc.Encode(&helperCall{ID: id, Func: sig.name}); err != nil {
		return err
	}
	if sig.args != nil {
		args := reflect.New(sig.args).Elem()
		for i, v := range in {
			args.Field(i).Set(v)
		}
		if err := p.enc.EncodeValue(args.Addr()); err != nil {
			return err
		}
	}
	return p.w.Flush()
}

// writeBack copies what the callee wrote into slice, map and pointer
// arguments back into the caller's, so that a function filling an array
// it was given works as it does in one process.
func writeBack(in []reflect.Value, back reflect.Value, index []int) {
	if !back.IsValid() {
		return
	}
	for i, k := range index {
		copyInto(in[k], back.Field(i))
	}
}

func copyInto(dst, src reflect.Value) {
	switch dst.Kind() {
	case reflect.Slice:
		n := min(dst.Len(), src.Len())
		if k := dst.Type().Elem().Kind(); k == reflect.Slice || k == reflect.Map || k == reflect.Pointer {
			for i := range n {
				if dst.Index(i).IsNil() {
					dst.Index(i).Set(src.Index(i))
				} else {
					copyInto(dst.Index(i), src.Index(i))
				}
			}
			return
		}
		reflect.Copy(dst, src.Slice(0, n))
	case reflect.Map:
		if dst.IsNil() {
			return
		}
		dst.Clear()
		for it := src.MapRange(); it.Next(); {
			dst.SetMapIndex(it.Key(), it.Value())
		}
	case reflect.Pointer:
		if !dst.IsNil() && !src.IsNil() {
			dst.Elem().Set(src.Elem())
		}
	}
}

// close stops the helper process.
func (h *helper) close() {
	h.mu.Lock()
	p := h.proc
	h.proc = nil
	h.mu.Unlock()
	if p == nil {
		return
	}
	p.toChild.Close()
	select {
	case <-p.dead:
	case <-time.After(time.Second):
		_ = p.cmd.Process.Kill()
		<-p.dead
	}
}

// crashLine passes the helper's stderr on and remembers the first line of
// a Go crash report, for the error of the call that died.
type crashLine struct {
	w     io.Writer
	mu    sync.Mutex
	buf   []byte
	crash string
}

func (c *crashLine) Write(b []byte) (int, error) {
	c.mu.Lock()
	if c.crash == "" {
		c.buf = append(c.buf, b...)
		for {
			i := indexNewline(c.buf)
			if i < 0 {
				break
			}
			line := string(c.buf[:i])
			c.buf = c.buf[i+1:]
			if hasCrashPrefix(line) {
				c.crash = line
				c.buf = nil
				break
			}
		}
		if len(c.buf) > 4096 {
			c.buf = c.buf[len(c.buf)-4096:]
		}
	}
	c.mu.Unlock()
	return c.w.Write(b)
}

func (c *crashLine) line() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.crash == "" {
		return ""
	}
	return ": " + c.crash
}

func indexNewline(b []byte) int {
	for i, c := range b {
		if c == '\n' {
			return i
		}
	}
	return -1
}

func hasCrashPrefix(s string) bool {
	for _, p := range []string{"panic: ", "fatal error: "} {
		if len(s) >= len(p) && s[:len(p)] == p {
			return true
		}
	}
	return false
}
