package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// Go and defer statements evaluate their func and arguments when they run,
// also when the func is the result of a call and the statement runs in a
// loop, in a func that defers a call of its own.

func printer(id int, out chan<- string) func() {
	return func() { out <- fmt.Sprint("printer ", id) }
}

func collect(out chan string, n int) string {
	var got []string
	for range n {
		got = append(got, <-out)
	}
	sort.Strings(got)
	return strings.Join(got, ", ")
}

// workers defers a call and starts goroutines whose closures capture a
// variable of each iteration.
func workers() string {
	var mu sync.Mutex
	var seen []int
	defer mu.Unlock()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		id := i * 10
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(5 * time.Millisecond)
			mu.Lock()
			seen = append(seen, id)
			mu.Unlock()
		}()
	}
	wg.Wait()
	mu.Lock()
	sort.Ints(seen)
	return fmt.Sprint(seen)
}

func deferredResults() (log []string) {
	defer func() { log = append(log, "done") }()
	for i := range 3 {
		defer func(n int) func() {
			return func() { log = append(log, fmt.Sprint("closure ", n)) }
		}(i)()
	}
	return nil
}

func deferredArgs() (out string) {
	var b strings.Builder
	defer func() { out = b.String() }()
	x := 1
	defer fmt.Fprint(&b, "x=", x, " ")
	x = 2
	defer fmt.Fprint(&b, "x=", x, " ")
	x = 3
	return ""
}

func main() {
	fmt.Println(workers())

	out := make(chan string)
	for i := range 3 {
		go printer(i, out)()
	}
	fmt.Println(collect(out, 3))

	for i := 0; i < 3; i++ {
		go func() func() {
			return func() { out <- fmt.Sprint("wrapped ", i) }
		}()()
	}
	fmt.Println(collect(out, 3))

	fmt.Println(deferredResults())
	fmt.Println(deferredArgs())

	// A func variable changed right after the go statement.
	f := func() { out <- "first" }
	go f()
	f = func() { out <- "second" }
	fmt.Println(<-out)
	_ = f
}
