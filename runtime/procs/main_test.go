package procs

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"testing"
	"time"

	"github.com/gopar/gopar/runtime/interrupt"
)

// The test binary doubles as the worker executable: the pool starts it
// with GOPAR_PROCS_WORKER=1, and TestMain serves instead of testing.
func TestMain(m *testing.M) {
	if os.Getenv(envWorker) == "1" {
		if err := ServeWorker(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// Tasks that misbehave on purpose, registered in the parent and in the
// workers alike.
func init() {
	Register("test_pid", os.Getpid)
	Register("test_exit", func(code int) { os.Exit(code) })
	Register("test_panic", func() int { panic("deliberate") })
	Register("test_error", func(msg string) (int, error) { return 0, errors.New(msg) })
	Register("test_goroutine_panic", func() {
		done := make(chan struct{})
		go func() { panic("boom in a goroutine") }()
		<-done
	})
	Register("test_stack_overflow", func() int {
		debug.SetMaxStack(1 << 20)
		return recurse(0)
	})
	Register("test_print", func(s string) { fmt.Println(s) })
	// test_spin works until the cell is interrupted, as native kernels do.
	Register("test_spin", func(q *Queue) int {
		q.Put(os.Getpid())
		for interrupt.Context().Err() == nil {
			time.Sleep(time.Millisecond)
		}
		return os.Getpid()
	})
	// test_hang ignores interrupts.
	Register("test_hang", func(q *Queue) {
		q.Put(os.Getpid())
		time.Sleep(time.Hour)
	})
	Register("test_pair", func(a int, b string) (string, int) { return b, a * 2 })
	Register("test_any", func(v any) any { return v })
	Register("test_put_unregistered", func(q *Queue) { q.Put(struct{ X int }{1}) })
}

// recurse overflows the stack long before n wraps around.
func recurse(n int) int {
	if n < 0 {
		return 0
	}
	return recurse(n+1) + 1
}
