package main

import (
	"fmt"
	"strconv"
)

// A func's named results start at zero on every call, also when the call's
// result goes to a variable that already holds a value, for generic funcs
// and methods too; an argument read from that variable is its old value.

type myint int

func (i myint) String() string { return strconv.Itoa(int(i)) }

func stringify[T fmt.Stringer](s []T) (ret []string) {
	for _, v := range s {
		ret = append(ret, v.String())
	}
	return ret
}

func methodValues[T fmt.Stringer](s []T) (ret []string) {
	for _, v := range s {
		f := v.String
		ret = append(ret, f())
	}
	return ret
}

func dbl[T int | float64](x T) T { return x * 2 }

type Acc struct{ total int }

func (a *Acc) Add(v int) (sum int) {
	sum += a.total + v
	a.total = sum
	return
}

func main() {
	x := []myint{1, 2, 3}
	got := stringify(x)
	got = stringify(x)
	fmt.Println(got)
	got = methodValues(x)
	fmt.Println(got)
	n := 3
	n = dbl(n)
	n = dbl(n)
	fmt.Println(n)
	a := &Acc{}
	t := 5
	t = a.Add(t)
	t = a.Add(t)
	fmt.Println(t, a.total)
}
