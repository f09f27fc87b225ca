//go:build !cgo

package native

// CAvailable reports whether this gopar was built with cgo, so that
// SumRangeC and ConditionalSumRangeC run C code rather than return ErrNoCgo.
const CAvailable = false

// SumRangeC would be SumRange written in C; this gopar was built without
// cgo, so it returns ErrNoCgo.
func SumRangeC(n int64) (int64, error) { return 0, ErrNoCgo }

// ConditionalSumRangeC would be ConditionalSumRange written in C; this gopar
// was built without cgo, so it returns ErrNoCgo.
func ConditionalSumRangeC(n int64) (int64, error) { return 0, ErrNoCgo }
