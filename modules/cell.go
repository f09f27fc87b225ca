package modules

import (
	"context"
	"io"
)

// Prepare looks at a cell's imports before it runs. When each is
// available it returns "". When some are packages of modules this worker
// does not have, it returns the worker binary that has them (built if need
// be, with progress lines on progress), in which the cell must run instead.
func Prepare(ctx context.Context, code string, progress io.Writer) (string, error) {
	missing := Unbundled(Imports(code))
	if len(missing) == 0 {
		return "", nil
	}
	bin, err := Worker(ctx, missing, progress)
	if err == nil && bin == "" {
		// This very binary was built with them, yet has no table: never
		// switch to ourselves in a loop.
		err = &ImportError{Msg: "the worker built for " + missing[0] + " does not have its symbols"}
	}
	return bin, err
}
