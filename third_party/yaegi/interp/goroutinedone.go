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

	mu   sync.Mutex
	over bool            // cancelled, or the run returned
	own  []chan struct{} // the goroutines' channels
}

func newRunCancel(done chan struct{}) *runCancel {
	return &runCancel{done: *(*unsafe.Pointer)(unsafe.Pointer(&done))}
}

// cancel closes the channels of the run's goroutines (the run's own is
// closed by its caller).
func (r *runCancel) cancel() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, ch := range r.own {
		close(ch)
	}
	r.own, r.over = nil, true
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
// channel of the running run or of one of its goroutines, else parent (a
// goroutine of an earlier run, which no cancel reaches).
//
// A goroutine's case names its run in its Send, which a receive case
// does not use; doneCase clears it for reflect.Select, which refuses a
// receive case with a value to send.
func (interp *Interpreter) goroutineCase(parent *reflect.SelectCase) *reflect.SelectCase {
	r := interp.cancels.Load()
	if r == nil || parent == nil || parent.Chan.Kind() != reflect.Chan {
		return parent
	}
	ours := parent.Chan.UnsafePointer() == r.done ||
		parent.Send.IsValid() && parent.Send.UnsafePointer() == unsafe.Pointer(r)
	if !ours {
		return parent
	}
	ch := make(chan struct{})
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.over {
		return parent
	}
	r.own = append(r.own, ch)
	return &reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ch), Send: reflect.ValueOf(r)}
}
