package main

import (
	"fmt"
	"time"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gopar/gopar/runtime/native"
	"github.com/gopar/gopar/symbols"
	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// cellCalls are the costs, per call, of calling native.SumRange(1) — a
// kernel with next to no work — from compiled code and from a cell.
type cellCalls struct {
	compiled, interpreted, interpretedNoCall, oneLineCell time.Duration
}

// added is what going through the interpreter adds to one kernel call.
func (c cellCalls) added() time.Duration { return c.interpreted - c.interpretedNoCall }

const cellLoop = 200_000

// measureCellCalls runs, in a yaegi interpreter that sees gopar's symbol
// tables as cells do, a loop calling the kernel and the same loop doing
// comparable work without it; the difference is the call. It also times
// evaluating a whole one-line cell, parse and compile included.
func measureCellCalls(rounds int) (cellCalls, error) {
	i := interp.New(interp.Options{})
	if err := i.Use(stdlib.Symbols); err != nil {
		return cellCalls{}, err
	}
	if err := i.Use(symbols.Symbols); err != nil {
		return cellCalls{}, err
	}
	if _, err := i.Eval(`import "gopar/native"`); err != nil {
		return cellCalls{}, err
	}
	if _, err := i.Eval(`
func callKernel(n int) int64 {
	var s int64
	for k := 0; k < n; k++ {
		s += native.SumRange(1)
	}
	return s
}

func noCall(n int) int64 {
	var s int64
	for k := 0; k < n; k++ {
		s += int64(k & 1)
	}
	return s
}`); err != nil {
		return cellCalls{}, err
	}
	loop := func(name string) (func(int) int64, error) {
		v, err := i.Eval(name)
		if err != nil {
			return nil, err
		}
		f, ok := v.Interface().(func(int) int64)
		if !ok {
			return nil, fmt.Errorf("%s is a %T", name, v.Interface())
		}
		return f, nil
	}
	callKernel, err := loop("callKernel")
	if err != nil {
		return cellCalls{}, err
	}
	noCall, err := loop("noCall")
	if err != nil {
		return cellCalls{}, err
	}
	compiled := func(n int) int64 {
		var s int64
		for range n {
			s += native.SumRange(1)
		}
		return s
	}
	perCall := func(f func(int) int64) time.Duration {
		best := time.Duration(1 << 62)
		for range rounds {
			t0 := time.Now()
			f(cellLoop)
			best = min(best, time.Since(t0)/cellLoop)
		}
		return best
	}
	var c cellCalls
	c.compiled = perCall(compiled)
	c.interpreted = perCall(callKernel)
	c.interpretedNoCall = perCall(noCall)

	const cells = 2000
	best := time.Duration(1 << 62)
	for range rounds {
		t0 := time.Now()
		for range cells {
			if _, err := i.Eval(`native.SumRange(1)`); err != nil {
				return cellCalls{}, err
			}
		}
		best = min(best, time.Since(t0)/cells)
	}
	c.oneLineCell = best
	return c, nil
}
