// Package sync is the generic part of the standard package sync as Go
// source the interpreter runs.
package sync

import "sync"

// OnceValue returns a function that invokes f only once and returns the
// value returned by f.
func OnceValue[T any](f func() T) func() T {
	var (
		once   sync.Once
		result T
		failed bool
		p      any
	)
	return func() T {
		once.Do(func() {
			failed = true
			defer func() {
				p = recover()
			}()
			result = f()
			failed = false
		})
		if failed {
			panic(p)
		}
		return result
	}
}

// OnceValues returns a function that invokes f only once and returns the
// values returned by f.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var (
		once   sync.Once
		r1     T1
		r2     T2
		failed bool
		p      any
	)
	return func() (T1, T2) {
		once.Do(func() {
			failed = true
			defer func() {
				p = recover()
			}()
			r1, r2 = f()
			failed = false
		})
		if failed {
			panic(p)
		}
		return r1, r2
	}
}
