// Asserting a nil any to an interface of a compiled package, as a deferred
// recover does with r.(error) whether or not there was a panic: not ok
// with the comma-ok form, a runtime error without it. Values of compiled
// types asserted to the program's own interfaces, named or written in
// place, by their methods.
package main

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"
)

type Sizer interface{ Len() int }

func safe(f func()) (err error) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			err = e
		} else if r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	f()
	return nil
}

func kind(r any) string {
	if _, ok := r.(runtime.Error); ok {
		return "runtime error"
	}
	if s, ok := r.(fmt.Stringer); ok {
		return "stringer " + s.String()
	}
	return fmt.Sprintf("other %v", r)
}

func main() {
	fmt.Println(safe(func() {}))
	fmt.Println(safe(func() { panic("boom") }))
	fmt.Println(safe(func() { panic(errors.New("failed")) }))
	fmt.Println(safe(func() {
		var xs []int
		_ = xs[len(xs)]
	}))

	var r any
	e, ok := r.(error)
	fmt.Println(e, ok)
	_, ok = r.(io.Reader)
	fmt.Println(ok)
	fmt.Println(kind(nil), kind(3))

	var s fmt.Stringer
	_, ok = s.(error)
	fmt.Println(ok)
	fmt.Println(safe(func() { _ = r.(error) }))

	defer func() {
		r := recover()
		_, ok := r.(interface{ RuntimeError() })
		_, wraps := r.(interface{ Unwrap() error })
		fmt.Println("recovered", ok, wraps)
	}()
	var d any = time.Second
	str, ok := d.(interface{ String() string })
	fmt.Println(str.String(), ok)
	_, ok = d.(interface{ String() int })
	fmt.Println(ok)
	_, ok = d.(Sizer)
	fmt.Println(ok)
	var w error = io.ErrUnexpectedEOF
	_, ok = w.(interface{ Unwrap() error })
	fmt.Println(ok)
	var xs []int
	_ = xs[len(xs)]
}
