package main

import "fmt"

func main() {
	c := make(chan int, 10)
	for i := 0; i < 10; i++ {
		c <- i
	}

	// A break without label leaves the select, not the loop around it.
	for i := 0; i < 3; i++ {
		select {
		case v := <-c:
			if v == 0 {
				break
			}
			fmt.Println("received", v)
		}
		fmt.Println("after select", i)
	}

	// A continue ending a case goes on with the next iteration.
	for i := 0; i < 2; i++ {
		select {
		case v := <-c:
			fmt.Println("continue after", v)
			continue
		}
		fmt.Println("not reached")
	}

	// A labelled break leaves the loop, also from the default case.
	n := 0
Loop:
	for {
		n++
		select {
		case v := <-c:
			if v == 6 {
				break Loop
			}
		default:
			break Loop
		}
	}
	fmt.Println("left the loop after", n)

	// A break ending a case, and a goto out of a select.
	for {
		select {
		case <-c:
			break
		}
		break
	}
	select {
	case v := <-c:
		if v > 0 {
			goto done
		}
		fmt.Println("not reached")
	}
done:
	fmt.Println("left:", len(c))
}
