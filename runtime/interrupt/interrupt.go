// Package interrupt lets compiled code called from cells notice that the
// user pressed "interrupt": the interpreter stops interpreted code by itself,
// but a native kernel or a sleep must check for it.
//
// The worker calls Trigger when an interrupt arrives and Reset before each
// cell; everything else only reads Context or calls Sleep.
package interrupt

import (
	"context"
	"sync"
	"time"
)

var (
	mu     sync.Mutex
	ctx    context.Context
	cancel context.CancelFunc
)

func init() { Reset() }

// Context is cancelled when the running cell is interrupted. Long compiled
// loops should check it every few milliseconds of work.
func Context() context.Context {
	mu.Lock()
	defer mu.Unlock()
	return ctx
}

// Interrupted reports whether the running cell has been interrupted.
func Interrupted() bool { return Context().Err() != nil }

// Trigger cancels the current context.
func Trigger() {
	mu.Lock()
	defer mu.Unlock()
	cancel()
}

// Reset starts a fresh context for the next cell, unless the current one is
// still live.
func Reset() {
	mu.Lock()
	defer mu.Unlock()
	if ctx != nil && ctx.Err() == nil {
		return
	}
	ctx, cancel = context.WithCancel(context.Background())
}

// Sleep pauses like time.Sleep but returns early when the cell is
// interrupted; cells see it as time.Sleep.
func Sleep(d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-Context().Done():
	}
}

type stopKey struct{}

// WithStop returns ctx carrying stop, which ends the running cell as an
// interrupt does, also when compiled code blocks it. The worker puts it in
// each cell's context.
func WithStop(ctx context.Context, stop func()) context.Context {
	return context.WithValue(ctx, stopKey{}, stop)
}

// Stop ends the running cell through the stop ctx carries (a goroutine's
// os.Exit ends the program), and reports whether ctx carried one.
func Stop(ctx context.Context) bool {
	stop, ok := ctx.Value(stopKey{}).(func())
	if ok {
		stop()
	}
	return ok
}
