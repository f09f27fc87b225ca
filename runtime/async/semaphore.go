package async

import (
	"github.com/gopar/gopar/runtime/interrupt"
)

// Semaphore limits how many futures run a piece of work at once; the
// lesson uses one to throttle its domain splitting to fewer cores. A nil
// *Semaphore, or one made with n < 1, limits nothing, so code can take an
// optional throttle the way the lesson passes `semaphore or nullcontext()`.
type Semaphore struct {
	slots chan struct{}
}

// NewSemaphore makes a semaphore with n slots.
//
//	sem := async.NewSemaphore(2)
//	for i, box := range boxes {
//		futs[i] = sem.Go(func() any { return mandelbrot(box) })
//	}
func NewSemaphore(n int) *Semaphore {
	if n < 1 {
		return &Semaphore{}
	}
	return &Semaphore{slots: make(chan struct{}, n)}
}

// Acquire takes a slot, waiting for one to be free. If the cell is
// interrupted while it waits, Acquire panics with ErrInterrupted (the
// panic becomes the error of the future it runs in).
func (s *Semaphore) Acquire() {
	if s == nil || s.slots == nil {
		return
	}
	select {
	case s.slots <- struct{}{}:
		return
	default:
	}
	select {
	case s.slots <- struct{}{}:
	case <-interrupt.Context().Done():
		panic(ErrInterrupted)
	}
}

// TryAcquire takes a slot if one is free and reports whether it did.
func (s *Semaphore) TryAcquire() bool {
	if s == nil || s.slots == nil {
		return true
	}
	select {
	case s.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

// Release gives a slot back. Releasing more than was acquired panics.
func (s *Semaphore) Release() {
	if s == nil || s.slots == nil {
		return
	}
	select {
	case <-s.slots:
	default:
		panic("async: Semaphore.Release without Acquire")
	}
}

// With runs fn holding a slot and returns its value: Python's
// `async with semaphore:`.
func (s *Semaphore) With(fn func() any) any {
	s.Acquire()
	defer s.Release()
	return fn()
}

// Go starts fn as a future that first waits for a slot.
func (s *Semaphore) Go(fn func() any) *Future {
	return Go(func() any { return s.With(fn) })
}

// InUse is the number of slots taken now.
func (s *Semaphore) InUse() int {
	if s == nil {
		return 0
	}
	return len(s.slots)
}

// Cap is the number of slots; 0 means no limit.
func (s *Semaphore) Cap() int {
	if s == nil {
		return 0
	}
	return cap(s.slots)
}
