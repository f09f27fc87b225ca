// Package kernel is the Jupyter side of gopar: the connection file, the
// five ZeroMQ sockets, the signed wire format and a dispatch table of
// message handlers. It never runs learner code: a Backend (in production a
// Supervisor of worker processes) does.
//
//	socket → message → handler → backend (worker → interpreter) → output → iopub
package kernel

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/google/uuid"

	"github.com/gopar/gopar/worker"
)

// Backend runs cells. Supervisor is the real one; tests may use another.
type Backend interface {
	Start() error
	Execute(ctx context.Context, req ExecuteRequest) ExecuteResult
	Ask(req worker.Request) worker.Event
	Interrupt()
	Restart() error
	Shutdown()
}

// Info describes the kernel in kernel_info_reply.
type Info struct {
	Version   string // gopar's version
	GoVersion string // the Go version cells are written in, e.g. "1.26.8"
}

// Kernel serves one connection file.
type Kernel struct {
	info    Info
	conn    *ConnectionInfo
	signer  *Signer
	replay  *replayGuard
	session string
	backend Backend
	out     *Output
	logger  *log.Logger

	shell, control, stdin, iopub, hb zmq4.Socket
	iopubMu                          sync.Mutex

	shellHandlers   map[string]handlerFunc
	controlHandlers map[string]handlerFunc

	inputReplies  chan *Message
	shellQueue    chan *Message
	done          chan struct{}
	doneOnce      sync.Once
	shutdownAsked atomic.Bool // a shutdown_request was answered: stop after its idle

	mu         sync.Mutex
	count      int                // execution_count
	cancelCell context.CancelFunc // interrupts the running cell
	history    []historyEntry

	debug debugState // debug.go
}

type handlerFunc func(k *Kernel, m *Message, reply replyFunc)

// replyFunc sends the reply to m on the socket m arrived on.
type replyFunc func(msgType string, content any)

// New returns a kernel for conn. The backend gets the kernel's Output as
// the place its output goes; use NewSupervisor(argv, k.Output()).
func New(conn *ConnectionInfo, info Info, logger *log.Logger) *Kernel {
	if logger == nil {
		logger = log.New(os.Stderr, "gopar: ", log.LstdFlags)
	}
	signer, err := NewSchemeSigner(conn.Key, cmp.Or(conn.SignatureScheme, "hmac-sha256"))
	if err != nil {
		logger.Printf("%v; signing with hmac-sha256", err)
		signer = NewSigner(conn.Key)
	}
	replayPath := ""
	if conn.path != "" && conn.Key != "" {
		replayPath = replayFile(conn.path)
	}
	k := &Kernel{
		info:         info,
		conn:         conn,
		signer:       signer,
		replay:       newReplayGuard(replayPath),
		session:      uuid.NewString(),
		logger:       logger,
		inputReplies: make(chan *Message, 1),
		shellQueue:   make(chan *Message, 1024),
		done:         make(chan struct{}),
	}
	k.out = NewOutput(outputLimitFromEnv(), k.publishRaw)
	k.shellHandlers = map[string]handlerFunc{
		"kernel_info_request": handleKernelInfo,
		"execute_request":     handleExecute,
		"complete_request":    handleComplete,
		"inspect_request":     handleInspect,
		"is_complete_request": handleIsComplete,
		"history_request":     handleHistory,
		"comm_info_request":   handleCommInfo,
		"shutdown_request":    handleShutdown, // deprecated on shell, still honoured
		"debug_request":       handleDebug,
	}
	k.controlHandlers = map[string]handlerFunc{
		"kernel_info_request": handleKernelInfo,
		"shutdown_request":    handleShutdown,
		"interrupt_request":   handleInterrupt,
		"debug_request":       handleDebug,
	}
	return k
}

// Output is where the backend writes cell output.
func (k *Kernel) Output() *Output { return k.out }

// SetBackend installs the backend that runs cells.
func (k *Kernel) SetBackend(b Backend) { k.backend = b }

func outputLimitFromEnv() int {
	var n int
	if v := os.Getenv("GOPAR_OUTPUT_LIMIT"); v != "" {
		fmt.Sscan(v, &n)
	}
	return n
}

// Run binds the sockets, starts the backend and serves until shutdown.
func (k *Kernel) Run(ctx context.Context) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	logs := zmq4.WithLogger(k.logger)
	k.shell = zmq4.NewRouter(ctx, zmq4.WithID(zmq4.SocketIdentity("shell")), logs)
	k.control = zmq4.NewRouter(ctx, zmq4.WithID(zmq4.SocketIdentity("control")), logs)
	k.stdin = zmq4.NewRouter(ctx, zmq4.WithID(zmq4.SocketIdentity("stdin")), logs)
	k.iopub = zmq4.NewPub(ctx, logs)
	k.hb = zmq4.NewRep(ctx, logs)
	binds := []struct {
		s    zmq4.Socket
		port int
		name string
	}{{k.shell, k.conn.ShellPort, "shell"}, {k.control, k.conn.ControlPort, "control"}, {k.stdin, k.conn.StdinPort, "stdin"},
		{k.iopub, k.conn.IOPubPort, "iopub"}, {k.hb, k.conn.HBPort, "heartbeat"}}
	for _, b := range binds {
		// The guard keeps peers without the key from crashing or blocking the sockets.
		if err := b.s.Listen(guardedEndpoint(k.conn.endpoint(b.port), b.name, k.logger)); err != nil {
			return fmt.Errorf("listening on %s: %w", k.conn.endpoint(b.port), err)
		}
	}
	defer func() {
		for _, b := range binds {
			b.s.Close()
		}
	}()
	if err := k.backend.Start(); err != nil {
		return err
	}
	defer k.backend.Shutdown()
	k.publishRaw("status", nil, map[string]string{"execution_state": "starting"})

	go k.serveHeartbeat()
	go k.receive(k.shell, "shell", func(m *Message) { k.shellQueue <- m })
	go k.receive(k.control, "control", k.dispatchControl)
	go k.receive(k.stdin, "stdin", func(m *Message) {
		if m.Header.MsgType == "input_reply" {
			select {
			case k.inputReplies <- m:
			default:
				k.logger.Printf("dropped an input_reply nobody asked for")
			}
		}
	})
	go k.serveShell()

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sigs)
	orphaned := parentGone()
	for {
		select {
		case <-orphaned:
			k.logger.Printf("the process that started the kernel (%s=%s) exited: shutting down", ParentPIDEnv, os.Getenv(ParentPIDEnv))
			k.replay.forget()
			return nil
		case sig := <-sigs:
			if sig == syscall.SIGTERM {
				return nil
			}
			k.interrupt()
		case <-k.done:
			// Let the last replies leave before the sockets close.
			time.Sleep(50 * time.Millisecond)
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (k *Kernel) stopServing() { k.doneOnce.Do(func() { close(k.done) }) }

// receive decodes messages from s, drops (and logs) bad ones, hands good
// ones to handle.
func (k *Kernel) receive(s zmq4.Socket, name string, handle func(*Message)) {
	for {
		raw, err := s.Recv()
		if err != nil {
			select {
			case <-k.done:
				return
			default:
			}
			if isClosed(err) {
				return
			}
			k.logger.Printf("%s: receive: %v", name, err)
			continue
		}
		m, err := k.signer.Decode(raw.Frames)
		if err != nil {
			// Never log the key or the frames: only what was wrong.
			k.logger.Printf("%s: dropped a message: %v", name, err)
			continue
		}
		if k.replay.replayed(m.Signature) {
			k.logger.Printf("%s: dropped a replayed %s message (its signature was seen before)", name, m.Header.MsgType)
			continue
		}
		handle(m)
	}
}

func isClosed(err error) bool {
	return err == context.Canceled || err.Error() == "zmq4: socket closed"
}

func (k *Kernel) serveHeartbeat() {
	for {
		msg, err := k.hb.Recv()
		if err != nil {
			if isClosed(err) {
				return
			}
			select {
			case <-k.done:
				return
			default:
				continue
			}
		}
		_ = k.hb.Send(msg)
	}
}

// serveShell handles shell requests one at a time, in order.
func (k *Kernel) serveShell() {
	for {
		select {
		case m := <-k.shellQueue:
			k.dispatch(k.shell, k.shellHandlers, m)
		case <-k.done:
			return
		}
	}
}

// dispatchControl runs control requests as they arrive, even while a cell
// runs on shell.
func (k *Kernel) dispatchControl(m *Message) { k.dispatch(k.control, k.controlHandlers, m) }

// dispatch wraps a handler in busy/idle status, as the protocol asks for
// every request.
func (k *Kernel) dispatch(s zmq4.Socket, handlers map[string]handlerFunc, m *Message) {
	parent := k.headerJSON(m.Header)
	k.publishRaw("status", parent, map[string]string{"execution_state": "busy"})
	defer func() {
		k.publishRaw("status", parent, map[string]string{"execution_state": "idle"})
		// A shutdown stops the kernel only now, once its idle is out: a
		// server that last saw the kernel busy (Jupyter Notebook's activity
		// watcher) would take the restarted kernel for busy and not make
		// sure its front end's iopub is connected again.
		if k.shutdownAsked.Load() {
			k.stopServing()
		}
	}()
	h, ok := handlers[m.Header.MsgType]
	if !ok {
		k.logger.Printf("ignored a %s message", m.Header.MsgType)
		return
	}
	h(k, m, func(msgType string, content any) { k.send(s, m, msgType, content) })
}

// send replies to m on socket s.
func (k *Kernel) send(s zmq4.Socket, m *Message, msgType string, content any) {
	frames, err := k.signer.Encode(m.Identities, newHeader(msgType, k.session), k.headerJSON(m.Header), nil, content)
	if err != nil {
		k.logger.Printf("encoding %s: %v", msgType, err)
		return
	}
	// SendMulti writes all frames with one writev; Send makes two writes
	// a frame, some 14 system calls for a small message.
	if err := s.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		k.logger.Printf("sending %s: %v", msgType, err)
	}
}

// publishRaw sends a message on iopub; parent may be nil.
func (k *Kernel) publishRaw(msgType string, parent json.RawMessage, content any) {
	topic := []byte("kernel." + k.session + "." + msgType)
	frames, err := k.signer.Encode([][]byte{topic}, newHeader(msgType, k.session), parent, nil, content)
	if err != nil {
		k.logger.Printf("encoding %s: %v", msgType, err)
		return
	}
	k.iopubMu.Lock()
	defer k.iopubMu.Unlock()
	if k.iopub == nil {
		return
	}
	if err := k.iopub.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil { // one writev, see send
		k.logger.Printf("publishing %s: %v", msgType, err)
	}
}

func (k *Kernel) headerJSON(h Header) json.RawMessage {
	b, _ := json.Marshal(h)
	return b
}

// interrupt stops the running cell (or background goroutines when idle).
func (k *Kernel) interrupt() {
	k.mu.Lock()
	cancel := k.cancelCell
	k.mu.Unlock()
	if cancel != nil {
		cancel()
		return
	}
	k.backend.Interrupt()
}
