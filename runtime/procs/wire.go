package procs

import (
	"bufio"
	"encoding/gob"
	"io"
	"reflect"
	"sync"
	"sync/atomic"
	"time"
)

// The parent and a worker process talk over two pipes, one each way, each
// a single gob stream: gob sends a type's description once per stream, so
// after the first call only values cross. Every message is a header
// followed by header.N values encoded one by one with their concrete
// types, which the other side knows from the task's signature; only queue
// items travel as interfaces.
type kind uint8

const (
	kindHello     kind = iota + 1 // worker → parent: ready, with the tasks it knows
	kindCall                      // parent → worker: run Task with N arguments
	kindResult                    // worker → parent: N results, or Err
	kindInterrupt                 // parent → worker: the cell was interrupted
	kindPut                       // worker → parent: one item for queue Queue
	kindGet                       // worker → parent: request ID wants an item of Queue
	kindItem                      // parent → worker: the item for get request ID
)

type header struct {
	Kind  kind
	ID    uint64 // call or get request
	Task  string
	N     int
	Queue uint64
	Err   string
	Panic bool          // Err is a panic recovered in the task
	Front bool          // put: an item returned unused, back to the front
	Busy  time.Duration // time the task ran in the worker
	PID   int
	Tasks []string // hello: the task signatures the worker knows
}

// item carries a queue value as an interface, so its type travels with it.
type item struct{ V any }

// conn is one end of the pipes: a gob encoder and decoder that count the
// bytes and the time spent encoding, for Stats.
type conn struct {
	wmu sync.Mutex
	enc *gob.Encoder
	dec *gob.Decoder
	buf *bufio.Writer // a message goes to the pipe in one write
	w   countingWriter
	r   countingReader

	encodeTime atomic.Int64
}

func newConn(r io.Reader, w io.Writer) *conn {
	c := &conn{w: countingWriter{w: w}, r: countingReader{r: r}}
	c.buf = bufio.NewWriter(&c.w)
	c.enc = gob.NewEncoder(c.buf)
	c.dec = gob.NewDecoder(&c.r)
	return c
}

// send writes a header and its values as one message; messages from
// different goroutines never interleave. A value gob cannot encode is
// refused before anything is written, so the stream stays whole; an error
// after that leaves it broken, and the caller must give up the process.
func (c *conn) send(h header, values ...any) error {
	for _, v := range values {
		if err := checkEncodable(v); err != nil {
			return &refusedError{err}
		}
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	start := time.Now()
	defer func() { c.encodeTime.Add(int64(time.Since(start))) }()
	h.N = len(values)
	if err := c.enc.Encode(&h); err != nil {
		return err
	}
	for _, v := range values {
		if err := c.enc.Encode(v); err != nil {
			return err
		}
	}
	return c.buf.Flush()
}

type countingWriter struct {
	w io.Writer
	n atomic.Int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n.Add(int64(n))
	return n, err
}

type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// refusedError is a value send refused to encode: nothing was written.
type refusedError struct{ err error }

func (e *refusedError) Error() string { return e.err.Error() }
func (e *refusedError) Unwrap() error { return e.err }

// mayFail caches, per type, whether gob can fail on some values of it:
// those holding interfaces (a dynamic type gob was not told about) or
// pointers (nil at the top). Other types were checked when their task was
// registered.
var mayFail sync.Map // reflect.Type → bool

func checkEncodable(v any) error {
	t := reflect.TypeOf(v)
	risky, ok := mayFail.Load(t)
	if !ok {
		risky = holdsInterfaceOrPointer(t, map[reflect.Type]bool{})
		mayFail.Store(t, risky)
	}
	if !risky.(bool) {
		return nil
	}
	return gob.NewEncoder(io.Discard).Encode(v)
}

func holdsInterfaceOrPointer(t reflect.Type, seen map[reflect.Type]bool) bool {
	if t == nil || seen[t] {
		return t == nil
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Interface, reflect.Pointer:
		return true
	case reflect.Slice, reflect.Array:
		return holdsInterfaceOrPointer(t.Elem(), seen)
	case reflect.Map:
		return holdsInterfaceOrPointer(t.Key(), seen) || holdsInterfaceOrPointer(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if holdsInterfaceOrPointer(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}
