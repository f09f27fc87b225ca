package native

import "github.com/gopar/gopar/runtime/interrupt"

// stopper tells a kernel whether the running cell has been interrupted. It
// holds the Done channel of the cell's context, taken once when the kernel
// starts, so that each check is a non-blocking receive and costs nanoseconds;
// kernels check it after a few milliseconds of work, never per element.
type stopper struct{ done <-chan struct{} }

func newStopper() stopper { return stopper{interrupt.Context().Done()} }

// stopped reports whether the cell has been interrupted.
func (s stopper) stopped() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}
