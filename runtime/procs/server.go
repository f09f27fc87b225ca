package procs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sync"
	"time"

	"github.com/gopar/gopar/internal/childfiles"
	"github.com/gopar/gopar/runtime/internal/failure"
	"github.com/gopar/gopar/runtime/interrupt"
)

// WorkerCommand is the hidden gopar subcommand that runs a worker process:
// the pool starts `gopar procs-worker`, and gopar's main calls ServeWorker
// for it.
const WorkerCommand = "procs-worker"

// envWorker marks a process the pool started, so ServeWorker can tell a
// real start from someone typing the subcommand.
const envWorker = "GOPAR_PROCS_WORKER"

// The pipes of a worker process are the first files the pool passes it
// (childfiles: fds 3 and 4 on Unix), so that stdout and stderr stay free for
// what tasks print: calls from the parent, then replies to it.

// ServeWorker runs the worker side of a process pool: it reads tasks from
// the pipes the pool gave the process, runs them one at a time and sends
// back their results, until the pool closes the pipe (or its process
// dies), and then exits. What tasks print goes to the process's stdout and
// stderr, which the pool shares with its own. The gopar binary calls it
// for `gopar procs-worker`; a test binary can call it from TestMain when
// the environment variable GOPAR_PROCS_WORKER is 1.
func ServeWorker() error {
	if os.Getenv(envWorker) != "1" {
		return errors.New("procs: the worker mode is started by a procs.Pool, not by hand")
	}
	in, out := childfiles.Open(0, "procs-calls", false), childfiles.Open(1, "procs-replies", false)
	if in == nil || out == nil {
		return errors.New("procs: the worker's pipes are missing")
	}
	s := &server{conn: newConn(in, out), gets: map[uint64]chan delivery{}}
	return s.serve()
}

// server is the worker process's end of the pipes.
type server struct {
	conn *conn

	mu      sync.Mutex
	gets    map[uint64]chan delivery // Queue.Get requests waiting for an item
	nextGet uint64
}

func (s *server) serve() error {
	if err := s.conn.send(header{Kind: kindHello, PID: os.Getpid(), Tasks: Tasks()}); err != nil {
		return err
	}
	for {
		var h header
		if err := s.conn.dec.Decode(&h); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				// The pool closed the pipe, or its process is gone: a
				// task still running has no one to report to.
				os.Exit(0)
			}
			return err
		}
		switch h.Kind {
		case kindCall:
			if err := s.start(h); err != nil {
				return err
			}
		case kindInterrupt:
			interrupt.Trigger()
		case kindItem:
			d := delivery{}
			if h.Err != "" {
				d.err = errors.New(h.Err)
			} else {
				var it item
				if err := s.conn.dec.Decode(&it); err != nil {
					return err
				}
				d.v = it.V
			}
			s.deliver(h.ID, h.Queue, d)
		default:
			return fmt.Errorf("procs: worker got message kind %d", h.Kind)
		}
	}
}

// start decodes a call's arguments and runs the task on its own
// goroutine, so that the loop keeps reading interrupts and queue items.
// The pool sends a worker one call at a time.
func (s *server) start(h header) error {
	t, err := lookup(h.Task)
	if err != nil || h.N != len(t.params) {
		return fmt.Errorf("procs: worker cannot run %q: %v", h.Task, err)
	}
	args := make([]reflect.Value, len(t.params))
	for i, p := range t.params {
		v, err := decodeValue(s.conn, p)
		if err != nil {
			return fmt.Errorf("procs: task %s: decoding argument %d: %w", t.name, i+1, err)
		}
		if p == queueType {
			v = reflect.ValueOf(&Queue{id: v.Interface().(uint64), remote: s})
		}
		args[i] = v
	}
	interrupt.Reset()
	go s.run(h.ID, t, args)
	return nil
}

func (s *server) run(id uint64, t *task, args []reflect.Value) {
	start := time.Now()
	results, err := call(t, args)
	reply := header{Kind: kindResult, ID: id, Busy: time.Since(start)}
	var values []any
	if err != nil {
		reply.Err = err.Error()
		var p *failure.Panic
		reply.Panic = errors.As(err, &p)
	} else {
		values = make([]any, len(results))
		for i, r := range results {
			values[i] = encodable(r, t.results[i])
		}
	}
	if err := s.conn.send(reply, values...); err != nil {
		// A result gob cannot encode: say so instead of the result.
		reply.Err, reply.Panic = "sending the result: "+err.Error(), false
		if err := s.conn.send(reply); err != nil {
			s.broken(err)
		}
	}
}

// broken ends a worker whose stream to the parent failed half-way: the
// parent reports the process's death with these last words.
func (s *server) broken(err error) {
	fmt.Fprintln(os.Stderr, "fatal error: procs worker cannot reply:", err)
	os.Exit(1)
}

// call runs the task, turning a panic in its goroutine into an error; a
// panic in a goroutine the task started kills the process, and the pool
// reports that.
func call(t *task, args []reflect.Value) (results []reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = failure.FromPanic(r)
		}
	}()
	out := t.fn.Call(args)
	if t.hasError {
		if e := out[len(out)-1]; !e.IsNil() {
			return nil, e.Interface().(error)
		}
		out = out[:len(out)-1]
	}
	return out, nil
}

func (s *server) put(queue uint64, v any) error {
	return s.conn.send(header{Kind: kindPut, Queue: queue}, item{v})
}

// delivery is the parent's answer to a Queue.Get: an item, or why the
// item could not be sent.
type delivery struct {
	v   any
	err error
}

// get asks the parent for the next item of a queue and waits for it.
func (s *server) get(ctx context.Context, queue uint64) (any, error) {
	ch := make(chan delivery, 1)
	s.mu.Lock()
	s.nextGet++
	id := s.nextGet
	s.gets[id] = ch
	s.mu.Unlock()
	if err := s.conn.send(header{Kind: kindGet, ID: id, Queue: queue}); err != nil {
		return nil, err
	}
	select {
	case d := <-ch:
		return d.v, d.err
	case <-ctx.Done():
		s.mu.Lock()
		delete(s.gets, id)
		s.mu.Unlock()
		// An item already on its way is returned to the queue by deliver.
		return nil, ctx.Err()
	}
}

func (s *server) deliver(id, queue uint64, d delivery) {
	s.mu.Lock()
	ch, ok := s.gets[id]
	delete(s.gets, id)
	s.mu.Unlock()
	if ok {
		ch <- d
		return
	}
	if d.err != nil {
		return
	}
	// No one waits for it any more: the parent puts it back at the front.
	if err := s.conn.send(header{Kind: kindPut, Queue: queue, Front: true}, item{d.v}); err != nil {
		s.broken(err)
	}
}

// decodeValue reads one value of type t; interfaces and queues travel in
// their own forms.
func decodeValue(c *conn, t reflect.Type) (reflect.Value, error) {
	switch {
	case t == queueType:
		var id uint64
		err := c.dec.Decode(&id)
		return reflect.ValueOf(id), err
	case t.Kind() == reflect.Interface:
		var it item
		if err := c.dec.Decode(&it); err != nil {
			return reflect.Value{}, err
		}
		if it.V == nil {
			return reflect.Zero(t), nil
		}
		return reflect.ValueOf(it.V), nil
	}
	p := reflect.New(t)
	err := c.dec.DecodeValue(p)
	return p.Elem(), err
}

// encodable is what send writes for a value of type t (see decodeValue).
func encodable(v reflect.Value, t reflect.Type) any {
	switch {
	case t == queueType:
		return v.Interface().(*Queue).id
	case t.Kind() == reflect.Interface:
		if !v.IsValid() || v.Kind() == reflect.Interface && v.IsNil() {
			return item{}
		}
		return item{v.Interface()}
	}
	return v.Interface()
}
