package main

import "fmt"

type celsius float64

type shape interface{ area() float64 }

type square struct{ side float64 }

func (s square) area() float64 { return s.side * s.side }

type ints chan int8

func main() {
	// A value sent in a select takes the channel's element type, as in a
	// send statement: untyped constants, and values put in interfaces.
	c32 := make(chan int32, 1)
	cf := make(chan float64, 1)
	cc := make(chan celsius, 1)
	cr := make(chan rune, 1)
	ca := make(chan any, 1)
	cs := make(chan shape, 1)
	ci := make(ints, 1)
	select {
	case c32 <- 123:
	}
	select {
	case cf <- 1:
	}
	select {
	case cc <- 36.6:
	}
	select {
	case cr <- 'x':
	}
	select {
	case ca <- 2.5:
	}
	select {
	case cs <- square{3}:
	}
	select {
	case ci <- -1:
	default:
	}
	fmt.Println(<-c32, <-cf, <-cc, string(<-cr), <-ca, (<-cs).area(), <-ci)
	fmt.Printf("%T %T\n", <-func() chan any { ca <- 1; return ca }(), 'y')

	// Sends in a loop, choosing among several channels.
	small := make(chan int16, 3)
	big := make(chan uint64, 3)
	for i := 0; i < 6; i++ {
		select {
		case small <- 100:
		case big <- 1 << 40:
		}
	}
	sum := uint64(0)
	for i := 0; i < 3; i++ {
		sum += uint64(<-small) + <-big
	}
	fmt.Println("sum:", sum)
}
