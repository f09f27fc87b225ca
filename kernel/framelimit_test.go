package kernel

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"io"
	"log"
	"net"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/gopar/gopar/worker"
)

// stubBackend answers every cell with its code as the result.
type stubBackend struct{}

func (stubBackend) Start() error { return nil }
func (stubBackend) Execute(ctx context.Context, req ExecuteRequest) ExecuteResult {
	return ExecuteResult{Result: map[string]any{"text/plain": req.Code}}
}
func (stubBackend) Ask(worker.Request) worker.Event { return worker.Event{} }
func (stubBackend) Interrupt()                      {}
func (stubBackend) Restart() error                  { return nil }
func (stubBackend) Shutdown()                       {}

// syncLog is a log destination tests can read while the kernel writes.
type syncLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

const testKey = "4f1e0c2d-secret-test-key"

// freePort returns a TCP port nobody listens on right now.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// tcpConnection is a connection on fresh TCP ports.
func tcpConnection(t *testing.T) *ConnectionInfo {
	return &ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", Key: testKey, SignatureScheme: "hmac-sha256",
		ShellPort: freePort(t), ControlPort: freePort(t), StdinPort: freePort(t), IOPubPort: freePort(t), HBPort: freePort(t)}
}

// startStubKernel serves a kernel with stubBackend on conn and returns its
// log.
func startStubKernel(t *testing.T, conn *ConnectionInfo) *syncLog {
	t.Helper()
	logs := &syncLog{}
	k := New(conn, Info{Version: "test", GoVersion: "1"}, log.New(logs, "", 0))
	k.SetBackend(stubBackend{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = k.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	waitListening(t, conn, conn.ShellPort)
	return logs
}

// dial connects to one of the kernel's ports without ZeroMQ.
func dial(conn *ConnectionInfo, port int) (net.Conn, error) {
	if conn.Transport == "ipc" {
		return net.Dial("unix", conn.IP+"-"+strconv.Itoa(port))
	}
	return net.Dial("tcp", conn.IP+":"+strconv.Itoa(port))
}

func waitListening(t *testing.T, conn *ConnectionInfo, port int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		c, err := dial(conn, port)
		if err == nil {
			c.Close()
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("nothing listens on port %d", port)
}

// askKernelInfo sends a signed kernel_info_request on a fresh DEALER and
// waits for the reply.
func askKernelInfo(t *testing.T, conn *ConnectionInfo) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	d := zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("test-client")), zmq4.WithDialerRetry(10*time.Millisecond))
	defer d.Close()
	if err := d.Dial(conn.endpoint(conn.ShellPort)); err != nil {
		return err
	}
	s := NewSigner(conn.Key)
	frames, err := s.Encode(nil, newHeader("kernel_info_request", "test"), nil, nil, map[string]any{})
	if err != nil {
		return err
	}
	if err := d.Send(zmq4.NewMsgFrom(frames...)); err != nil {
		return err
	}
	type result struct {
		msg zmq4.Msg
		err error
	}
	got := make(chan result, 1)
	go func() {
		m, err := d.Recv()
		got <- result{m, err}
	}()
	select {
	case r := <-got:
		if r.err != nil {
			return r.err
		}
		m, err := s.Decode(r.msg.Frames)
		if err != nil {
			return err
		}
		var c struct {
			Status string `json:"status"`
		}
		if err := json.Unmarshal(m.Content, &c); err != nil || m.Header.MsgType != "kernel_info_reply" || c.Status != "ok" {
			t.Errorf("got %s %s", m.Header.MsgType, m.Content)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// zmtpHello is what a ZMTP 3.0 DEALER sends first: the greeting and its
// READY command.
func zmtpHello() []byte { return zmtpHelloAs("DEALER") }

// zmtpHelloAs is what a ZMTP 3.0 socket of the type sends first.
func zmtpHelloAs(socketType string) []byte {
	var b bytes.Buffer
	greeting := make([]byte, 64)
	greeting[0], greeting[9], greeting[10] = 0xFF, 0x7F, 3
	copy(greeting[12:], "NULL")
	b.Write(greeting)
	var ready bytes.Buffer
	ready.WriteByte(5)
	ready.WriteString("READY")
	ready.WriteByte(byte(len("Socket-Type")))
	ready.WriteString("Socket-Type")
	binary.Write(&ready, binary.BigEndian, uint32(len(socketType)))
	ready.WriteString(socketType)
	b.WriteByte(0x04) // a short command frame
	b.WriteByte(byte(ready.Len()))
	b.Write(ready.Bytes())
	return b.Bytes()
}

// longFrameHeader is the header of a frame that claims size bytes.
func longFrameHeader(flags byte, size uint64) []byte {
	h := []byte{flags | 0x02, 0, 0, 0, 0, 0, 0, 0, 0}
	binary.BigEndian.PutUint64(h[1:], size)
	return h
}

// rawConn connects to port without ZeroMQ, reads whatever the kernel says
// in the background and writes what.
func rawConn(t *testing.T, conn *ConnectionInfo, port int, what ...[]byte) net.Conn {
	t.Helper()
	c, err := dial(conn, port)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	go io.Copy(io.Discard, c)
	for _, w := range what {
		if _, err := c.Write(w); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func TestHostilePeersDoNotStopTheKernel(t *testing.T) {
	conn := tcpConnection(t)
	logs := startStubKernel(t, conn)
	tests := []struct {
		name    string
		send    [][]byte
		wantLog string // what the kernel logs about it
	}{
		{"a frame claiming 1 TiB", [][]byte{zmtpHello(), longFrameHeader(0, 1<<40)}, "a frame of 1.0 TiB"},
		{"a frame claiming 2^62 bytes", [][]byte{zmtpHello(), longFrameHeader(0, 1<<62)}, "a frame of 4.0 EiB"},
		{"a READY command claiming 1 TiB", [][]byte{zmtpHello()[:64], longFrameHeader(0x04, 1<<40)}, "a command of 1.0 TiB"},
		{"frames adding up past the limit", [][]byte{zmtpHello(),
			longFrameHeader(0x01, maxFrameBytes/2), bytes.Repeat([]byte{'x'}, maxFrameBytes/2),
			longFrameHeader(0x01, maxFrameBytes/2), bytes.Repeat([]byte{'y'}, maxFrameBytes/2),
			longFrameHeader(0, maxFrameBytes/2)}, "a message of 96.0 MiB"},
		{"a silent connection", nil, ""},
		{"half a greeting", [][]byte{zmtpHello()[:11]}, "i/o timeout"},
		{"an HTTP request", [][]byte{[]byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n")}, "does not speak ZMTP"},
		{"garbage", [][]byte{bytes.Repeat([]byte{0xFF, 0x00, 0x7F}, 1000)}, "does not speak ZMTP"},
		{"garbage after a ZMTP signature", [][]byte{zmtpHello()[:10], bytes.Repeat([]byte{0x7F, 0xFF}, 1000)}, "could not exchange greetings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rawConn(t, conn, conn.ShellPort, tt.send...)
			time.Sleep(50 * time.Millisecond)
			if err := askKernelInfo(t, conn); err != nil {
				t.Fatalf("the kernel does not answer after %s: %v\nlog:\n%s", tt.name, err, logs)
			}
			if !strings.Contains(logs.String(), tt.wantLog) {
				t.Errorf("the log does not say %q:\n%s", tt.wantLog, logs)
			}
		})
	}
	if strings.Contains(logs.String(), testKey) {
		t.Errorf("the log shows the key:\n%s", logs)
	}
}

func TestIPCSocketsAreGuardedToo(t *testing.T) {
	conn := &ConnectionInfo{Transport: "ipc", IP: filepath.Join(t.TempDir(), "kernel"), Key: testKey,
		SignatureScheme: "hmac-sha256", ShellPort: 1, ControlPort: 2, StdinPort: 3, IOPubPort: 4, HBPort: 5}
	logs := startStubKernel(t, conn)
	if err := askKernelInfo(t, conn); err != nil {
		t.Fatalf("no answer over ipc: %v", err)
	}
	rawConn(t, conn, conn.ShellPort, zmtpHello(), longFrameHeader(0, 1<<40))
	time.Sleep(50 * time.Millisecond)
	if err := askKernelInfo(t, conn); err != nil {
		t.Fatalf("no answer over ipc after a 1 TiB frame header: %v\n%s", err, logs)
	}
	if !strings.Contains(logs.String(), "a frame of 1.0 TiB") {
		t.Errorf("the log does not mention the frame:\n%s", logs)
	}
}

// FuzzFrameGuard checks the guard's reading of the ZMTP framing against a
// plain parser of the whole stream: however the stream is cut into reads,
// the guard refuses it exactly when a frame would take a message (or a
// command) past the limit.
func FuzzFrameGuard(f *testing.F) {
	hello := zmtpHello()
	f.Add(append(slices.Clone(hello), 0x01, 3, 'a', 'b', 'c', 0x00, 2, 'd', 'e'), uint8(7))
	f.Add(append(slices.Clone(hello), longFrameHeader(0, 1<<40)...), uint8(3))
	f.Add(append(slices.Clone(hello), 0x01, 60, 0x00, 10), uint8(1))
	f.Add(append(slices.Clone(hello), 0x04, 65), uint8(64))
	f.Fuzz(func(t *testing.T, stream []byte, cut uint8) {
		const limit = 64
		want := firstViolation(stream, limit)
		frames := zmtpFrames{limit: limit}
		frames.reset()
		step := int(cut%16) + 1
		var got error
		for rest := stream; len(rest) > 0 && got == nil; {
			n := min(step, len(rest))
			got = frames.observe(rest[:n])
			rest = rest[n:]
		}
		if (got != nil) != want {
			t.Fatalf("guard error %v, but the stream breaks the limit: %v", got, want)
		}
	})
}

// firstViolation parses a complete stream and reports whether it declares
// a frame that takes its message or command past limit.
func firstViolation(b []byte, limit uint64) bool {
	if len(b) < 64 {
		return false
	}
	pos, total := 64, uint64(0)
	for pos < len(b) {
		flags := b[pos]
		pos++
		sizeLen := 1
		if flags&zmtpLong != 0 {
			sizeLen = 8
		}
		if len(b)-pos < sizeLen {
			return false
		}
		size := uint64(b[pos])
		if sizeLen == 8 {
			size = binary.BigEndian.Uint64(b[pos:])
		}
		pos += sizeLen
		command := flags&zmtpCommand != 0
		if size > limit || (!command && total+size > limit) {
			return true
		}
		if !command {
			total += size
			if flags&zmtpMore == 0 {
				total = 0
			}
		}
		if size > uint64(len(b)-pos) {
			return false
		}
		pos += int(size)
	}
	return false
}

// countingConn records every write that reaches the network.
type countingConn struct {
	net.Conn
	writes [][]byte
}

func (c *countingConn) Write(p []byte) (int, error) {
	c.writes = append(c.writes, append([]byte(nil), p...))
	return len(p), nil
}

// zmq4 writes a frame's header and body separately; the guard sends the
// greeting, each command and each whole message in one write, bytes
// unchanged.
func TestGuardSendsWholeMessages(t *testing.T) {
	wire := &countingConn{}
	gc := &guardConn{Conn: wire}
	gc.sent.limit = 1 << 62
	gc.sent.reset()

	greeting := make([]byte, 64)
	greeting[0], greeting[9] = 0xFF, 0x7F
	ready := append([]byte{zmtpCommand, 5}, "READY"...)
	long := bytes.Repeat([]byte("x"), 300)
	longHeader := binary.BigEndian.AppendUint64([]byte{zmtpMore | zmtpLong}, uint64(len(long)))
	writes := [][]byte{
		greeting,
		ready[:2], ready[2:],
		{zmtpMore, 9}, []byte("<IDS|MSG>"),
		{zmtpMore, 0}, // an empty frame
		longHeader, long,
		{0, 2}, []byte("{}"),
		{0, 3}, []byte("end"), // a message of one frame
	}
	var all []byte
	for _, w := range writes {
		if n, err := gc.Write(w); n != len(w) || err != nil {
			t.Fatalf("Write(%d bytes) = %d, %v", len(w), n, err)
		}
		all = append(all, w...)
	}
	if got := bytes.Join(wire.writes, nil); !bytes.Equal(got, all) {
		t.Fatalf("the network saw %d bytes, want the %d written, in order", len(got), len(all))
	}
	var sizes []int
	for _, w := range wire.writes {
		sizes = append(sizes, len(w))
	}
	want := []int{64, 7, 11 + 2 + 9 + len(long) + 4, 5}
	if !slices.Equal(sizes, want) {
		t.Errorf("writes of %v bytes, want %v (greeting, command, message, message)", sizes, want)
	}
}

// readingConn hands out data in reads of at most chunk bytes and counts them.
type readingConn struct {
	net.Conn
	data  []byte
	chunk int
	reads int
}

func (c *readingConn) LocalAddr() net.Addr  { return &net.TCPAddr{} }
func (c *readingConn) RemoteAddr() net.Addr { return &net.TCPAddr{} }
func (c *readingConn) Close() error         { return nil }

func (c *readingConn) SetReadDeadline(time.Time) error { return nil }

func (c *readingConn) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	c.reads++
	n := copy(p[:min(len(p), c.chunk)], c.data)
	c.data = c.data[n:]
	return n, nil
}

// zmq4 reads a frame's header and body separately; the guard reads from
// the socket a buffer at a time and passes on the same bytes, in order,
// still closing on a frame over the limit.
func TestGuardReadsAheadAndStillLimits(t *testing.T) {
	greeting := make([]byte, 64)
	greeting[0], greeting[9] = 0xFF, 0x7F
	var stream []byte
	stream = append(stream, greeting...)
	stream = append(stream, append([]byte{zmtpCommand, 5}, "READY"...)...)
	var parts [][]byte
	for i := range 40 {
		body := bytes.Repeat([]byte{byte('a' + i%26)}, i)
		parts = append(parts, body)
		stream = append(stream, zmtpMore, byte(len(body)))
		stream = append(stream, body...)
	}
	stream = append(stream, 0, 3)
	stream = append(stream, "end"...)

	wire := &readingConn{data: slices.Clone(stream), chunk: 1 << 20}
	gc := &guardConn{Conn: wire, guard: frameGuard{logger: log.New(io.Discard, "", 0)}}
	gc.frames.limit = 1 << 20
	gc.frames.reset()
	var got []byte
	readFull := func(n int) {
		buf := make([]byte, n)
		if _, err := io.ReadFull(gc, buf); err != nil {
			t.Fatalf("reading %d bytes: %v", n, err)
		}
		got = append(got, buf...)
	}
	readFull(64)
	readFull(2)
	readFull(5)
	for _, body := range parts {
		readFull(2)
		readFull(len(body))
	}
	readFull(2)
	readFull(3)
	if !bytes.Equal(got, stream) {
		t.Fatalf("zmq4 would see %d bytes that differ from the %d sent", len(got), len(stream))
	}
	if wire.reads != 1 {
		t.Errorf("%d reads from the socket for %d small reads, want 1", wire.reads, 2*len(parts)+5)
	}
	if _, err := gc.Read(make([]byte, 1)); err != io.EOF {
		t.Errorf("after the stream: %v, want EOF", err)
	}

	// A frame declaring more than the limit closes the connection, even
	// though its header arrived in the same read as what came before.
	big := append(slices.Clone(greeting), zmtpCommand, 5)
	big = append(big, "READY"...)
	big = binary.BigEndian.AppendUint64(append(big, zmtpLong), 2<<20)
	wire = &readingConn{data: big, chunk: 1 << 20}
	gc = &guardConn{Conn: wire, guard: frameGuard{logger: log.New(io.Discard, "", 0)}}
	gc.frames.limit = 1 << 20
	gc.frames.reset()
	buf := make([]byte, 71)
	if _, err := io.ReadFull(gc, buf); err != nil {
		t.Fatalf("greeting and command: %v", err)
	}
	if _, err := io.ReadFull(gc, make([]byte, 9)); err == nil || !strings.Contains(err.Error(), "larger than the limit") {
		t.Errorf("a 2 MiB frame with a 1 MiB limit: %v, want the limit error", err)
	}
}
