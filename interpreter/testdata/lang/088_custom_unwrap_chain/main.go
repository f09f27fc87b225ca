package main

import (
	"errors"
	"fmt"
	"os"
)

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

var ErrNotFound = errors.New("not found")

func lookup(q string) error {
	if q == "missing" {
		return &QueryError{q, ErrNotFound}
	}
	return &QueryError{q, os.ErrPermission}
}

func main() {
	for _, q := range []string{"missing", "secret"} {
		err := lookup(q)
		var qe *QueryError
		fmt.Println(err)
		fmt.Println(errors.Is(err, ErrNotFound), errors.Is(err, os.ErrPermission), errors.As(err, &qe), qe.Query)
	}
	wrapped := fmt.Errorf("outer: %w", lookup("missing"))
	fmt.Println(errors.Is(wrapped, ErrNotFound), errors.Unwrap(errors.Unwrap(wrapped)) == ErrNotFound)
}
