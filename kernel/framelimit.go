package kernel

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/transport"
)

// zmq4 allocates every incoming frame at the size its header declares,
// before reading it, and performs the ZMTP handshake inside its accept
// loop. So a single nine-byte header claiming a terabyte would kill the
// kernel, and a peer that connects and says nothing would keep everyone
// else from connecting. Anyone on the machine can reach the kernel's ports
// and neither needs the key. The guard below sits between the listening
// socket and zmq4: it reads along the ZMTP framing, closes a connection
// whose message would exceed maxFrameBytes before zmq4 allocates it, and
// hands zmq4 only connections that have started talking, with a deadline
// for finishing the handshake.

// handshakeTimeout bounds how long a new connection may take to greet and
// finish the ZMTP handshake.
const handshakeTimeout = 3 * time.Second

// zmtpSignature is how every ZMTP 3 greeting starts. Peers send it at once
// (libzmq then waits for the other side's before sending the rest).
var zmtpSignature = [10]byte{0: 0xFF, 9: 0x7F}

// errMessageTooLarge closes a connection whose message exceeds the limit.
var errMessageTooLarge = errors.New("message larger than the limit")

var guardCount atomic.Uint64

// guardedEndpoint registers a guarded transport for one listening socket
// and returns the endpoint that selects it. Endpoints of transports the
// guard does not know (udp, inproc) come back unchanged.
func guardedEndpoint(endpoint, socket string, logger *log.Logger) string {
	scheme, addr, ok := strings.Cut(endpoint, "://")
	var network string
	switch scheme {
	case "tcp":
		network = "tcp"
	case "ipc":
		network = "unix"
	}
	if !ok || network == "" {
		return endpoint
	}
	name := fmt.Sprintf("gopar-guard-%d", guardCount.Add(1))
	g := frameGuard{inner: transport.New(network), socket: socket, logger: logger, limit: maxFrameBytes}
	if err := zmq4.RegisterTransport(name, g); err != nil {
		return endpoint
	}
	return name + "://" + addr
}

// frameGuard is a zmq4 transport whose listeners guard their connections.
type frameGuard struct {
	inner  transport.Transport
	socket string // shell, control, ... for the log
	logger *log.Logger
	limit  uint64
}

func (g frameGuard) Dial(ctx context.Context, d transport.Dialer, addr string) (net.Conn, error) {
	return g.inner.Dial(ctx, d, addr)
}

func (g frameGuard) Addr(ep string) (string, error) { return g.inner.Addr(ep) }

func (g frameGuard) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := g.inner.Listen(ctx, addr)
	if err != nil {
		return nil, err
	}
	gl := &guardListener{Listener: l, guard: g, conns: make(chan net.Conn), done: make(chan struct{})}
	go gl.acceptLoop()
	return gl, nil
}

// guardListener accepts connections in the background and passes on those
// that have sent their first byte.
type guardListener struct {
	net.Listener
	guard     frameGuard
	conns     chan net.Conn
	done      chan struct{}
	closeOnce sync.Once
}

func (l *guardListener) acceptLoop() {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			select {
			case <-l.done:
				return
			default:
			}
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(5 * time.Millisecond) // e.g. out of file descriptors
			continue
		}
		go l.admit(c)
	}
}

// admit waits for the signature that starts the peer's greeting, then
// hands the connection to zmq4, which reads the rest.
func (l *guardListener) admit(c net.Conn) {
	_ = c.SetReadDeadline(time.Now().Add(handshakeTimeout))
	var sig [len(zmtpSignature)]byte
	n, err := io.ReadFull(c, sig[:])
	switch {
	case n == 0 && errors.Is(err, io.EOF):
		c.Close() // a port check: connected and left
		return
	case err != nil:
		l.guard.logger.Printf("%s: closed a connection that did not greet: %v", l.guard.socket, err)
		c.Close()
		return
	case sig[0] != zmtpSignature[0] || sig[9] != zmtpSignature[9]:
		l.guard.logger.Printf("%s: closed a connection that does not speak ZMTP (it began %q)", l.guard.socket, sig[:])
		c.Close()
		return
	}
	gc := &guardConn{Conn: c, guard: l.guard, unread: sig[:]}
	if sc, ok := c.(syscall.Conn); ok {
		gc.raw, _ = sc.SyscallConn()
	}
	gc.frames.limit = l.guard.limit
	gc.frames.reset()
	gc.sent.limit = math.MaxUint64
	gc.sent.reset()
	select {
	case l.conns <- gc:
	case <-l.done:
		c.Close()
	}
}

func (l *guardListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *guardListener) Close() error {
	var err error
	l.closeOnce.Do(func() {
		close(l.done)
		err = l.Listener.Close()
	})
	return err
}

// guardConn reads along the ZMTP framing of what it passes on, and writes
// what zmq4 sends a whole message at a time.
type guardConn struct {
	net.Conn
	guard  frameGuard
	unread []byte // read from the socket, not yet passed on
	rbuf   []byte // what unread points into, after admit's signature
	rerr   error  // returned once unread is used up
	frames zmtpFrames
	closed bool

	wmu      sync.Mutex
	sent     zmtpFrames // the framing of what zmq4 writes
	pending  []byte     // written by zmq4, not yet sent: the current message so far
	raw      syscall.RawConn
	backlog  []byte // whole messages the peer has not taken yet, in order
	flushing bool   // a goroutine is writing the backlog
	dropped  int    // messages dropped since the backlog last emptied
	werr     error  // the connection failed while the backlog was written
}

// readBufferSize is how much a connection reads at once. zmq4 reads each
// frame's header and body separately, which without a buffer took a
// system call for every two or eight bytes of header.
const readBufferSize = 16 << 10

func (c *guardConn) Read(p []byte) (int, error) {
	if c.closed {
		return 0, c.readError(errMessageTooLarge)
	}
	n, err := c.readBuffered(p)
	wasShaking := !c.frames.handshaken()
	if ferr := c.frames.observe(p[:n]); ferr != nil {
		c.closed = true
		c.guard.logger.Printf("%s: closed a connection: %v", c.guard.socket, ferr)
		c.Conn.Close()
		return 0, c.readError(ferr)
	}
	if wasShaking && c.frames.handshaken() {
		_ = c.Conn.SetReadDeadline(time.Time{})
	}
	return n, err
}

// readBuffered serves p from what was read before, reading again only when
// that is used up. Reads as large as the buffer go straight to the socket.
func (c *guardConn) readBuffered(p []byte) (int, error) {
	if len(c.unread) == 0 {
		if err := c.rerr; err != nil {
			c.rerr = nil
			return 0, err
		}
		if len(p) >= readBufferSize {
			return c.Conn.Read(p)
		}
		if c.rbuf == nil {
			c.rbuf = make([]byte, readBufferSize)
		}
		n, err := c.Conn.Read(c.rbuf)
		if n == 0 {
			return 0, err
		}
		c.unread, c.rerr = c.rbuf[:n], err
	}
	n := copy(p, c.unread)
	c.unread = c.unread[n:]
	return n, nil
}

// readError wraps err as a network error, which tells zmq4 the connection
// is gone (so it stops writing to it), unlike other errors.
func (c *guardConn) readError(err error) error {
	return &net.OpError{Op: "read", Net: c.LocalAddr().Network(), Source: c.LocalAddr(), Addr: c.RemoteAddr(), Err: err}
}

// zmtpFrames follows the ZMTP 3 stream a peer sends: a 64-byte greeting,
// then frames of a flags byte, a 1- or 8-byte size and a body.
type zmtpFrames struct {
	limit uint64

	state    int
	need     uint64 // bytes left in the greeting or the body
	flags    byte
	size     [8]byte
	sizeLen  int
	sizeGot  int
	msgTotal uint64 // sizes of the earlier frames of the current message
	commands int    // command frames completed (the first ends the handshake)
}

const (
	zmtpGreeting = iota
	zmtpFlags
	zmtpSize
	zmtpBody
)

const (
	zmtpMore    = 0x01
	zmtpLong    = 0x02
	zmtpCommand = 0x04
)

func (f *zmtpFrames) reset() {
	f.state, f.need = zmtpGreeting, 64
}

func (f *zmtpFrames) handshaken() bool { return f.commands > 0 }

// observe follows b; it fails when a frame would take the current message
// past the limit.
func (f *zmtpFrames) observe(b []byte) error {
	for len(b) > 0 {
		switch f.state {
		case zmtpGreeting, zmtpBody:
			n := min(f.need, uint64(len(b)))
			f.need -= n
			b = b[n:]
			if f.need == 0 {
				f.endOfPart()
			}
		case zmtpFlags:
			f.flags = b[0]
			b = b[1:]
			f.sizeLen, f.sizeGot = 1, 0
			if f.flags&zmtpLong != 0 {
				f.sizeLen = 8
			}
			f.state = zmtpSize
		case zmtpSize:
			n := copy(f.size[f.sizeGot:f.sizeLen], b)
			f.sizeGot += n
			b = b[n:]
			if f.sizeGot < f.sizeLen {
				continue
			}
			size := uint64(f.size[0])
			if f.sizeLen == 8 {
				size = binary.BigEndian.Uint64(f.size[:])
			}
			command := f.flags&zmtpCommand != 0
			switch {
			case size > f.limit:
				kind := "frame"
				if command {
					kind = "command"
				}
				return fmt.Errorf("%w: a %s of %s (the limit is %s)", errMessageTooLarge, kind, formatBytes(size), formatBytes(f.limit))
			case !command && f.msgTotal > f.limit-size:
				return fmt.Errorf("%w: a message of %s (the limit is %s)", errMessageTooLarge, formatBytes(f.msgTotal+size), formatBytes(f.limit))
			}
			total := size
			if !command {
				total += f.msgTotal
			}
			if f.flags&(zmtpCommand|zmtpMore) == zmtpMore {
				f.msgTotal = total
			} else if f.flags&zmtpCommand == 0 {
				f.msgTotal = 0
			}
			f.state, f.need = zmtpBody, size
			if size == 0 {
				f.endOfPart()
			}
		}
	}
	return nil
}

// atMessageEnd reports whether the stream is between messages: after the
// greeting, a command or a message's last frame.
func (f *zmtpFrames) atMessageEnd() bool {
	return f.state == zmtpFlags && (f.flags&zmtpMore == 0 || f.flags&zmtpCommand != 0)
}

// endOfPart moves on after the greeting or a frame's body.
func (f *zmtpFrames) endOfPart() {
	if f.state == zmtpBody && f.flags&zmtpCommand != 0 {
		f.commands++
	}
	f.state = zmtpFlags
}
