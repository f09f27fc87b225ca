package native

import "errors"

// ErrNoCgo is the error of the C kernels in a gopar built without cgo
// (CGO_ENABLED=0): their C code is compiled into the binary by cgo, so
// without it there is nothing to call. Load, which calls a shared library
// the learner built, works either way.
var ErrNoCgo = errors.New("native: built without cgo: C kernels unavailable")
