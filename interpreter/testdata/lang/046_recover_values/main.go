package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ N int }

func (e MyErr) Error() string { return fmt.Sprint("my error ", e.N) }

func try(f func()) {
	defer func() {
		r := recover()
		switch v := r.(type) {
		case string:
			fmt.Println("string:", v)
		case error:
			var me MyErr
			fmt.Println("error:", v, errors.As(v, &me))
		default:
			fmt.Println("other:", v)
		}
	}()
	f()
}

func main() {
	try(func() { panic("plain") })
	try(func() { panic(MyErr{3}) })
	try(func() { panic(42) })
	try(func() {
		var m map[string]int
		m["x"] = 1
	})
}
