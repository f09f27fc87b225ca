// Goroutines and deferred funcs that capture variables: per-iteration loop
// variables, variables declared in a loop body, variables shared with the
// func that started them, arguments evaluated at the go statement, many
// goroutines joined by a WaitGroup with results put in order, receives on
// channels of struct{} and of other types, select with a closed channel
// that stops workers, and goroutines that recover from panics.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Point struct{ X, Y int }

func (p Point) Show(out chan<- string) { out <- fmt.Sprintf("point %d,%d", p.X, p.Y) }

func mk(i int) func(chan<- int) { return func(out chan<- int) { out <- i * 100 } }

func square(i int, out chan<- [2]int, wg *sync.WaitGroup) {
	defer wg.Done()
	out <- [2]int{i, i * i}
}

// collect receives n strings and returns them sorted.
func collect(ch <-chan string, n int) []string {
	var s []string
	for range n {
		s = append(s, <-ch)
	}
	sort.Strings(s)
	return s
}

func deferredInLoop() {
	for i := 0; i < 3; i++ {
		x := i * 10
		defer func() { fmt.Println("deferred", i, x) }()
	}
}

func guardNoPanic() (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = "recovered"
		}
	}()
	return "returned"
}

func guardPanic() (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprint("recovered: ", r)
		}
	}()
	var a []int
	_ = a[3]
	return "returned"
}

func wait(release <-chan struct{}, started, done *sync.WaitGroup, out chan<- int, i int) {
	go func() {
		started.Done()
		<-release
		out <- i
		done.Done()
	}()
}

func main() {
	// Loop variables, one per iteration, and variables declared in the
	// loop body.
	out := make(chan string, 100)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		x := i * 10
		wg.Add(1)
		go func() {
			defer wg.Done()
			out <- fmt.Sprint("loop ", i, " ", x)
		}()
	}
	for _, w := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out <- "range " + w
		}()
	}
	wg.Wait()
	fmt.Println(strings.Join(collect(out, 7), "; "))
	// cell
	// A variable of the starting func is shared: the goroutine sees what
	// was assigned before it was let go.
	v := 1
	start, done := make(chan struct{}), make(chan int)
	go func() {
		<-start
		done <- v
	}()
	v = 2
	close(start)
	fmt.Println("shared", <-done)
	// And a goroutine's writes are seen after the join.
	var words []string
	var mu sync.Mutex
	for _, word := range strings.Fields("one two three four") {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			words = append(words, strings.ToUpper(word))
		}()
	}
	wg.Wait()
	sort.Strings(words)
	fmt.Println("words", words)
	// cell
	// Arguments, the func and the receiver are evaluated at the go
	// statement.
	ints := make(chan int, 10)
	n := 5
	go func(k int) { ints <- k }(n * 2)
	n = 100
	fmt.Println("argument", <-ints)
	for i := 0; i < 3; i++ {
		go mk(i)(ints)
	}
	got := []int{<-ints, <-ints, <-ints}
	sort.Ints(got)
	fmt.Println("computed funcs", got)
	p := Point{1, 2}
	go p.Show(out)
	fmt.Println(<-out)
	p = Point{3, 4}
	go p.Show(out)
	fmt.Println(<-out)
	// cell
	// Many goroutines, their results put in order.
	results := make(chan [2]int, 1000)
	squares := make([]int, 1000)
	for i := range 1000 {
		wg.Add(1)
		go square(i, results, &wg)
	}
	wg.Wait()
	close(results)
	for r := range results {
		squares[r[0]] = r[1]
	}
	sum := 0
	for _, s := range squares {
		sum += s
	}
	fmt.Println("squares", squares[:5], squares[997:], sum)
	// cell
	// Goroutines blocked on a channel of struct{} until it is closed.
	release := make(chan struct{})
	var started, finished sync.WaitGroup
	order := make(chan int, 50)
	for i := range 50 {
		started.Add(1)
		finished.Add(1)
		wait(release, &started, &finished, order, i)
	}
	started.Wait()
	close(release)
	finished.Wait()
	close(order)
	seen := 0
	for i := range order {
		seen += i
	}
	fmt.Println("released", seen)
	// Blocking receives of other element types.
	sc, bc, fc := make(chan string), make(chan bool), make(chan float64)
	go func() { sc <- "text"; bc <- true; fc <- 2.5; close(sc) }()
	s := <-sc
	b := <-bc
	f := <-fc
	z, ok := <-sc
	fmt.Printf("received %q %v %v %q %v\n", s, b, f, z, ok)
	nums, sumc := make(chan int), make(chan int)
	go func() {
		t := 0
		for v := range nums {
			t += v
		}
		sumc <- t
	}()
	for k := 1; k <= 10; k++ {
		nums <- k
	}
	close(nums)
	fmt.Println("ranged", <-sumc)
	type signal struct{}
	sig := make(chan signal)
	go func() { sig <- signal{} }()
	fmt.Printf("signal %v\n", <-sig)
	// cell
	// Workers stopped by closing a channel they select on.
	jobs, quit := make(chan int), make(chan struct{})
	var handled [3]int
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case j := <-jobs:
					handled[w] += j
				case <-quit:
					return
				}
			}
		}()
	}
	for j := 1; j <= 100; j++ {
		jobs <- j
	}
	close(quit)
	wg.Wait()
	fmt.Println("jobs", handled[0]+handled[1]+handled[2])
	// cell
	// Goroutines that recover from their panics.
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					out <- fmt.Sprint("goroutine ", i, " recovered: ", r)
				}
			}()
			if i == 1 {
				var m map[string]int
				m["x"] = 1
			}
			if i == 2 {
				panic(fmt.Sprintf("boom %d", i))
			}
			out <- fmt.Sprint("goroutine ", i, " done")
		}()
	}
	wg.Wait()
	fmt.Println(strings.Join(collect(out, 3), "\n"))
	fmt.Println(guardNoPanic(), "|", guardPanic())
	deferredInLoop()
	// cell
	// A goroutine that starts goroutines, and a literal in a goroutine
	// reading the variables of both funcs.
	outer := "outer"
	wg.Add(1)
	go func() {
		defer wg.Done()
		inner := "inner"
		var iwg sync.WaitGroup
		for k := range 2 {
			iwg.Add(1)
			go func() {
				defer iwg.Done()
				show := func() string { return fmt.Sprint(outer, " ", inner, " ", k) }
				out <- show()
			}()
		}
		iwg.Wait()
	}()
	wg.Wait()
	fmt.Println(strings.Join(collect(out, 2), "; "))
}
