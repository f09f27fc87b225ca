package interp

import (
	"reflect"
	"sync"
	"unsafe"
)

// gopar: a goroutine that a run's code starts waits on a cancellation
// channel of its own, closed with the run's when the run is cancelled. A
// channel operation that blocks waits in a select of its channel and the
// cancellation channel, and the runtime's select locks every channel it
// waits on: all the goroutines of a run locked the run's one channel at
// each blocking send and receive, and spun on its lock (a daisy chain of
// 900 goroutines passing numbers on unbuffered channels, the concurrent
// prime sieve, took 430-570 ms on two processors and 250 ms on one).

// runCancel cancels the goroutines of a run (EvalHere).
type runCancel struct {
	done unsafe.Pointer // the run's channel (as a channel's reflect.Value points to it)

	mu        sync.Mutex
	over      bool                             // cancelled, or the run returned
	own       map[unsafe.Pointer]chan struct{} // the goroutines' channels
	cancelled bool
}

func newRunCancel(done chan struct{}) *runCancel {
	return &runCancel{done: *(*unsafe.Pointer)(unsafe.Pointer(&done)), own: map[unsafe.Pointer]chan struct{}{}}
}

// cancel closes the channels of the run's goroutines (the run's own is
// closed by its caller).
func (r *runCancel) cancel() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, ch := range r.own {
		close(ch)
	}
	r.own, r.over, r.cancelled = nil, true, true
}

// end forgets the goroutines' channels when the run returns: no cancel
// reaches a run's goroutines after it (as none reached them through the
// run's channel).
func (r *runCancel) end() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.own, r.over = nil, true
}

// goroutineCase returns the cancellation case of a goroutine started from
// a frame whose case is parent: a channel of its own when parent is the
// channel of the running run or of one of its goroutines, else parent.
func (interp *Interpreter) goroutineCase(parent *reflect.SelectCase) *reflect.SelectCase {
	r := interp.cancels.Load()
	if r == nil || parent == nil || parent.Chan.Kind() != reflect.Chan {
		return parent
	}
	p := parent.Chan.UnsafePointer()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.over {
		return parent
	}
	if _, ok := r.own[p]; !ok && p != r.done {
		return parent
	}
	ch := make(chan struct{})
	c := reflect.ValueOf(ch)
	r.own[c.UnsafePointer()] = ch
	return &reflect.SelectCase{Dir: reflect.SelectRecv, Chan: c}
}
