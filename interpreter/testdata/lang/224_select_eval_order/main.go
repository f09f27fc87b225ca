package main

import "fmt"

var trace []string

func ch(name string, c chan int) chan int {
	trace = append(trace, "chan "+name)
	return c
}

func val(name string, v int) int {
	trace = append(trace, "value "+name)
	return v
}

func main() {
	// The channel operands and the values sent are evaluated exactly once,
	// in source order, before one case is chosen; a send that is not chosen
	// still evaluated its value.
	a := make(chan int, 1)
	b := make(chan int)
	var nilc chan int
	cs := []chan int{a, b}
	for i := 0; i < 2; i++ {
		select {
		case ch("nil", nilc) <- val("nil", 1):
		case v := <-ch("b", b):
			fmt.Println("b", v)
		case ch("a", a) <- val("a", 10+i):
			trace = append(trace, "sent")
		case cs[1] <- val("b", 2) + val("b2", 3):
		default:
			trace = append(trace, "default")
		}
	}
	fmt.Println(trace)
	fmt.Println(<-a)

	// A nil channel is never ready; a select of nil channels with a
	// default takes the default.
	select {
	case <-nilc:
		fmt.Println("nil receive")
	case nilc <- 1:
		fmt.Println("nil send")
	default:
		fmt.Println("default")
	}
}
