// The concurrent prime sieve, a Go classic also on Rosetta Code
// (https://rosettacode.org/wiki/Sieve_of_Eratosthenes, "Concurrent"
// version; hanabi1224's Programming-Language-Benchmarks calls it
// coro-prime-sieve): a goroutine generates 2, 3, 4, ... and each prime
// found starts a goroutine that filters its multiples out of the stream,
// the filters chained by unbuffered channels. primesieve.py is the same
// daisy chain with generators, Python's coroutines, in place of
// goroutines and channels. Written plainly from the task's description.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func filter(in <-chan int, out chan<- int, prime int) {
	for {
		if i := <-in; i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	n := 100
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	ch := make(chan int)
	go generate(ch)
	sum := 0
	for i := 0; i < n; i++ {
		prime := <-ch
		sum += prime
		if i >= n-5 {
			fmt.Println(prime)
		}
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
	fmt.Println("sum of the first", n, "primes:", sum)
}
