package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	ch <- "a"
	ch <- "b"
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch, <-ch)
	ch <- "c"
	v, ok := <-ch
	fmt.Printf("%q %v\n", v, ok)
	close(ch)
	v, ok = <-ch
	fmt.Printf("%q %v\n", v, ok)
}
