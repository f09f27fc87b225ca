// Package errors is the generic part of the standard package errors as Go
// source the interpreter runs.
package errors

import "errors"

// AsType finds the first error in err's tree that has the type E, and if
// one is found, returns it and true.
func AsType[E error](err error) (E, bool) {
	var target E
	ok := errors.As(err, &target)
	return target, ok
}
