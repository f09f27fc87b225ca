package main

import (
	"fmt"
	"runtime"
	"strings"
)

var xs = make([]byte, 10)

// mustRecover is deferred directly: its recover stops the panic even
// though it is not a func literal of the panicking func.
func mustRecover(want string) {
	v := recover()
	if v == nil {
		fmt.Println(want, "did not panic")
		return
	}
	err, ok := v.(runtime.Error)
	if !ok {
		fmt.Println(want, "panicked but not with a runtime.Error:", v)
		return
	}
	fmt.Println(want, strings.Contains(err.Error(), want))
}

// notDirect calls recover from a func the deferred func calls: Go's
// recover returns nil there.
func notDirect() {
	if recover() != nil {
		fmt.Println("recovered outside the deferred func")
	}
}

type m interface{ m() }

func index(i int) {
	defer mustRecover("index out of range")
	fmt.Println(xs[i])
}

func slice(lo, hi int) {
	defer mustRecover("slice bounds out of range")
	fmt.Println(xs[lo:hi])
}

func nilDeref() {
	defer mustRecover("nil pointer dereference")
	var p *[10]int
	fmt.Println(p[1])
}

func assertConcrete() {
	defer mustRecover("interface {} is int, not string")
	var v any = 1
	fmt.Println(v.(string))
}

func assertInterface() {
	defer mustRecover("missing method m")
	var v any = 1
	fmt.Println(v.(m))
}

func divide(x int) {
	defer mustRecover("integer divide by zero")
	fmt.Println(1 / x)
}

func nested() (r string) {
	defer func() {
		v := recover()
		r = fmt.Sprint("outer recovered: ", v)
	}()
	defer func() { notDirect() }()
	panic("boom")
}

func main() {
	index(12)
	slice(5, 15)
	nilDeref()
	assertConcrete()
	assertInterface()
	divide(0)
	fmt.Println(nested())
	func() {
		defer mustRecover("plain")
		panic(fmt.Errorf("not a runtime error"))
	}()
}
