package procs

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gopar/gopar/runtime/interrupt"
)

// Queue is a first-in, first-out queue that worker processes share with
// the cell that made it, like Python's multiprocessing.Queue: pass it as
// an argument to a task that takes a *Queue, and the task's Put and Get
// reach this queue across the process boundary. Values cross it
// gob-encoded, so they must be of a type gob knows: numbers, strings,
// slices of them, []any, map[string]any, or a type some task takes or
// returns. A Queue has no size limit.
//
//	q := procs.NewQueue()
//	pool.ApplyAsync("calc_pi_queue", 10_000_000, q)
//	pool.ApplyAsync("calc_pi_queue", 10_000_000, q)
//	fmt.Println(q.Get(), q.Get())
//
// Goroutines in the cell's own process can use it too; in Go, a channel
// is the usual queue between goroutines.
type Queue struct {
	id uint64

	mu    sync.Mutex
	items []any
	ready chan struct{} // closed, and replaced, when an item arrives

	remote *server // set in a worker process: the queue lives in the parent
}

var queueIDs atomic.Uint64

// NewQueue makes an empty queue.
func NewQueue() *Queue {
	return &Queue{id: queueIDs.Add(1), ready: make(chan struct{})}
}

// Put adds v at the end of the queue. In a worker process it sends v to
// the process that made the queue; it panics if v cannot be sent there.
func (q *Queue) Put(v any) {
	if q.remote != nil {
		if err := q.remote.put(q.id, v); err != nil {
			panic(fmt.Errorf("procs: Queue.Put: %w", err))
		}
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, v)
	close(q.ready)
	q.ready = make(chan struct{})
}

// Get removes and returns the first item, waiting for one if the queue is
// empty. If the cell is interrupted while it waits, Get panics with the
// interrupt, so the cell stops there.
func (q *Queue) Get() any {
	v, err := q.GetTimeout(0)
	if err != nil {
		panic(err)
	}
	return v
}

// GetTimeout is Get that gives up after d (d <= 0 waits for ever) and
// returns an error instead of panicking: ErrTimeout or ErrInterrupted.
func (q *Queue) GetTimeout(d time.Duration) (any, error) {
	ctx := interrupt.Context()
	if d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, d, ErrTimeout)
		defer cancel()
	}
	v, err := q.get(ctx)
	switch {
	case err == nil:
		return v, nil
	case ctx.Err() == nil:
		return nil, err // an item that could not reach this process
	case context.Cause(ctx) == ErrTimeout:
		return nil, ErrTimeout
	}
	return nil, ErrInterrupted
}

// Len is the number of items waiting in the queue; in a worker process,
// where the queue lives in another process, it is -1.
func (q *Queue) Len() int {
	if q.remote != nil {
		return -1
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

func (q *Queue) get(ctx context.Context) (any, error) {
	if q.remote != nil {
		return q.remote.get(ctx, q.id)
	}
	for {
		q.mu.Lock()
		if len(q.items) > 0 {
			v := q.items[0]
			q.items[0] = nil
			q.items = q.items[1:]
			q.mu.Unlock()
			return v, nil
		}
		ready := q.ready
		q.mu.Unlock()
		select {
		case <-ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// pushFront puts back an item a worker received after it stopped waiting,
// so that no item is lost.
func (q *Queue) pushFront(v any) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append([]any{v}, q.items...)
	close(q.ready)
	q.ready = make(chan struct{})
}

// String describes the queue for printing.
func (q *Queue) String() string {
	if q.remote != nil {
		return fmt.Sprintf("procs.Queue#%d (in the parent process)", q.id)
	}
	return fmt.Sprintf("procs.Queue#%d (%d waiting)", q.id, q.Len())
}
