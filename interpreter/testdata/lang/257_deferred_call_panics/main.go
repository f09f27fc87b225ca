package main

import (
	"errors"
	"fmt"
)

// A deferred call that panics after the func returned hands its panic to
// the calls deferred before it: one of them recovers it and sets the
// named result.

func try(g func(), deflt any) (x any) {
	defer func() {
		if v := recover(); v != nil {
			x = v
		}
	}()
	defer g()
	return deflt
}

type resource struct{ name string }

func (r *resource) Close() error {
	panic(errors.New("close " + r.name + ": already closed"))
}

func use(name string) (err error) {
	r := &resource{name}
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("recovered: %v", v)
		}
	}()
	defer r.Close()
	fmt.Println("using", name)
	return nil
}

func main() {
	fmt.Println(try(func() { panic(5) }, 55))
	fmt.Println(try(func() {}, "hi"))
	fmt.Println(use("db"))
}
