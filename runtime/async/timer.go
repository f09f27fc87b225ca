package async

import (
	"fmt"
	"time"

	"github.com/gopar/gopar/runtime/internal/progress"
	"github.com/gopar/gopar/runtime/interrupt"
)

// Sleep pauses the calling goroutine for d, like Python's asyncio.sleep; an
// interrupt of the cell ends it early.
func Sleep(d time.Duration) { interrupt.Sleep(d) }

// Timer times a block of code, the lesson's `async with timer() as t:`.
//
//	t := async.StartTimer()
//	pi := calcPiSplit(1<<20, 10)
//	fmt.Printf("that took %.3f seconds\n", t.Seconds())
type Timer struct {
	start   time.Time
	stopped time.Duration // the elapsed time frozen by Stop, or -1
}

// StartTimer starts a timer.
func StartTimer() *Timer { return &Timer{start: time.Now(), stopped: -1} }

// Elapsed is the time since the timer started, or until it was stopped.
func (t *Timer) Elapsed() time.Duration {
	if t.stopped >= 0 {
		return t.stopped
	}
	return time.Since(t.start)
}

// Seconds is Elapsed in seconds.
func (t *Timer) Seconds() float64 { return t.Elapsed().Seconds() }

// Stop freezes the timer and returns the elapsed time.
func (t *Timer) Stop() time.Duration {
	if t.stopped < 0 {
		t.stopped = time.Since(t.start)
	}
	return t.stopped
}

// String prints the elapsed time: `fmt.Println("that took", t)`.
func (t *Timer) String() string { return fmt.Sprint(t.Elapsed()) }

// SetProgress turns on or off the progress bars that long gathers and
// computations show (gopar/delayed, gopar/bag and gopar/array share the
// setting). They are on by default and appear after one second.
func SetProgress(on bool) { progress.SetEnabled(on) }
