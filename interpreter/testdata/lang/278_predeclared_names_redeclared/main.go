// Predeclared names declared again by the program: constants named like
// types and builtins, funcs named true and false, local variables and
// parameters named nil, len, new, string or copy, and fields and methods
// named like builtins, next to code that uses the predeclared ones.
package main

import (
	"fmt"
	"strings"
)

const (
	uint8      = 33
	complex128 = 6
	print      = 25
	iota       = 38
)

type Stringer interface{ String() string }

type T struct{ s []byte }

func (t T) String() string { return fmt.Sprint(len(t.s)) }

func (t T) len() float64 { return 1.5 }

type Box struct {
	len, cap float64
	new      []rune
}

func true(ok interface{ Bool() any }) {}

func false(v any) (x any, ok bool) {
	x, ok = v.(Stringer)
	return
}

func count(len []float64, nil func(float64) any) (copy []any) {
	for _, x := range len {
		copy = append(copy, nil(x))
	}
	return
}

func main() {
	fmt.Println(uint8+complex128+print, iota)

	var s Stringer = T{[]byte("abc")}
	x, ok := false(s)
	fmt.Println(x, ok)
	x, ok = false(3)
	fmt.Println(x, ok)

	locals()

	b := Box{len: 2, cap: 3, new: []rune("xy")}
	fmt.Println(b.len+b.cap, T{}.len(), strings.Repeat("-", 3))
	fmt.Println(count([]float64{1, 2}, func(f float64) any { return f * 2 }))

}

func locals() {
	nil := 0
	new := "n"
	copy := []float32{1}
	len := func(xs ...any) any { return fmt.Sprint("len", xs) }
	fmt.Println(nil, new, copy, len(1, 2))
	for cap := range 2 {
		defer func() { fmt.Println("deferred", cap) }()
	}
	real := map[any]any{nil: new}
	fmt.Println(real[0])
}
