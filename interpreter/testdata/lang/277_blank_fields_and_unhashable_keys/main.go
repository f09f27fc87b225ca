// Blank fields are left out of == and of map keys, as Go does, even when
// unsafe code wrote something into them. A key that cannot be hashed
// panics with Go's runtime error, naming the program's type.
package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

type T struct {
	_, _, _ int
}

type Padded struct {
	ID int
	_  [4]byte
	N  string
}

type Bag struct {
	name  string
	items []string
}

func store(m map[any]int, k any) {
	defer func() {
		if r := recover(); r != nil {
			_, isRuntime := r.(runtime.Error)
			fmt.Println(r, isRuntime)
		}
	}()
	m[k]++
}

func main() {
	type raw struct{ x, y, z int }
	t1 := *(*T)(unsafe.Pointer(&raw{1, 2, 3}))
	t2 := *(*T)(unsafe.Pointer(&raw{4, 5, 6}))
	fmt.Println(t1 == t2, T{} == t1)
	var a, b any = t1, t2
	fmt.Println(a == b)
	m := map[T]int{}
	m[t1]++
	m[t2]++
	fmt.Println(len(m), m[T{}])

	p := Padded{ID: 1, N: "x"}
	q := p
	bytes := (*[unsafe.Sizeof(q)]byte)(unsafe.Pointer(&q))
	bytes[unsafe.Offsetof(q.ID)+8] = 7 // the blank field
	fmt.Println(p == q, [2]Padded{p} == [2]Padded{q})
	q.N = "y"
	fmt.Println(p == q)
	seen := map[any]bool{p: true}
	fmt.Println(seen[Padded{ID: 1, N: "x"}])

	keys := map[any]int{}
	store(keys, Bag{name: "b"})
	store(keys, []int{1})
	store(keys, [1]any{map[string]int{}})
	store(keys, "fine")
	fmt.Println(len(keys))
}
