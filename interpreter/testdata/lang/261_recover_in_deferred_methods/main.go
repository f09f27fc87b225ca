package main

import "fmt"

// recover in a method deferred directly, through an interface or on a
// value, stops the panic; `defer recover()` stops one only when the func
// deferring it returns normally as a deferred call of the panicking func.

type Stopper interface{ Stop() }

type Ptr struct{ name string }

func (p *Ptr) Stop() { fmt.Println(p.name, "recovered", recover()) }

type Val int

func (v Val) Stop() { fmt.Println("value", int(v), "recovered", recover()) }

func viaPointer() {
	p := &Ptr{"pointer"}
	defer p.Stop()
	panic("one")
}

func viaInterface() {
	var s Stopper = &Ptr{"interface"}
	defer s.Stop()
	panic("two")
}

func viaValue() {
	var s Stopper = Val(3)
	defer s.Stop()
	panic("three")
}

func notDirect() (out string) {
	defer func() { out = fmt.Sprint("outer recovered ", recover()) }()
	defer func() {
		defer recover() // run by this func's own panic: does nothing
		panic("inner")
	}()
	panic("outer")
}

func deferredRecoverStops() (out string) {
	defer func() { out = fmt.Sprint("left for the next: ", recover()) }()
	defer func() {
		defer recover() // runs as this func returns normally: stops "first"
	}()
	panic("first")
}

func main() {
	viaPointer()
	viaInterface()
	viaValue()
	fmt.Println(notDirect())
	fmt.Println(deferredRecoverStops())
}
