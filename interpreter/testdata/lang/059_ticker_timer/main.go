package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTicker(2 * time.Millisecond)
	defer t.Stop()
	n := 0
	for range t.C {
		n++
		if n == 3 {
			break
		}
	}
	fmt.Println("ticks", n)
	timer := time.NewTimer(time.Hour)
	fmt.Println("stopped", timer.Stop())
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() { done <- true })
	fmt.Println("afterfunc", <-done)
	d := 1500 * time.Millisecond
	fmt.Println(d, d.Seconds())
}
