// The constructs ordinary Go code is made of, each timed in a loop of n
// operations: run as a cell in gopar (a whole program, as a learner pastes
// it) and compiled by go build; constructs.py does the same in Python.
// Every line printed is "name<TAB>ns per operation<TAB>checksum": the
// checksums must agree between the sides. The first argument divides
// every n (1 for a full run, more for a smoke test, 0 for none of these
// constructs), the second is the number of sleeping goroutines whose
// memory is measured (0: none).
//
// The called funcs are marked go:noinline so that compiled Go pays for
// the calls it is measured on; the interpreter ignores the mark.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

type Point struct{ X, Y int }

//go:noinline
func (p Point) Sum() int { return p.X + p.Y }

//go:noinline
func (p *Point) Move(d int) int { p.X += d; return p.X }

type Shape interface{ Area() int }

type Rect struct{ W, H int }

//go:noinline
func (r Rect) Area() int { return r.W * r.H }

//go:noinline
func add(a, b int) int { return a + b }

//go:noinline
func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func funcCall(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s = add(s, i)
	}
	return s
}

// fib(20) makes 21,891 calls.
func recursiveCall(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += fib(20)
	}
	return s
}

func valueMethod(n int) int {
	p := Point{1, 2}
	s := 0
	for i := 0; i < n; i++ {
		s += p.Sum()
	}
	return s
}

func pointerMethod(n int) int {
	p := &Point{}
	s := 0
	for i := 0; i < n; i++ {
		s += p.Move(1) & 7
	}
	return s
}

func interfaceMethod(n int) int {
	var sh Shape = Rect{2, 3}
	s := 0
	for i := 0; i < n; i++ {
		s += sh.Area()
	}
	return s
}

func closureCall(n int) int {
	k := 3
	f := func(x int) int { return x + k }
	s := 0
	for i := 0; i < n; i++ {
		s = f(s) & 0xffff
	}
	return s
}

var sink *Point

func structAlloc(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		p := &Point{i, 1}
		sink = p
		s += p.Y
	}
	return s
}

func fieldReadWrite(n int) int {
	p := &Point{}
	for i := 0; i < n; i++ {
		p.X = p.Y + i
		p.Y = p.X & 0xff
	}
	return p.X + p.Y
}

func sliceAppend(n int) int {
	s := 0
	for r := 0; r < n; r++ {
		var xs []int
		for i := 0; i < 1000; i++ {
			xs = append(xs, i)
		}
		s += len(xs)
	}
	return s
}

func mapGetSet(n int) int {
	m := map[int]int{}
	for i := 0; i < n; i++ {
		k := i & 1023
		m[k] = m[k] + 1
	}
	return len(m) + m[5]
}

func stringBuilding(n int) int {
	s := 0
	for r := 0; r < n; r++ {
		var b strings.Builder
		for i := 0; i < 1000; i++ {
			b.WriteString("ab")
		}
		s += len(b.String())
	}
	return s
}

func channelSendReceive(n int) int {
	ch := make(chan int, 1)
	s := 0
	for i := 0; i < n; i++ {
		ch <- i
		s += <-ch & 1
	}
	return s
}

func selectReady(n int) int {
	a, b := make(chan int, 1), make(chan int, 1)
	s := 0
	for i := 0; i < n; i++ {
		if i&1 == 0 {
			a <- 1
		} else {
			b <- 2
		}
		select {
		case v := <-a:
			s += v
		case v := <-b:
			s += v
		}
	}
	return s
}

func goroutineSpawnJoin(n int) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	s := 0
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			mu.Lock()
			s++
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	return s
}

func mutexLockUnlock(n int) int {
	var mu sync.Mutex
	s := 0
	for i := 0; i < n; i++ {
		mu.Lock()
		s++
		mu.Unlock()
	}
	return s
}

// rss is the process's resident set in bytes (Linux), or 0.
func rss() uint64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(data))
	if len(fields) < 2 {
		return 0
	}
	pages, _ := strconv.ParseUint(fields[1], 10, 64)
	return pages * uint64(os.Getpagesize())
}

// sleepingGoroutines starts n goroutines that block on a channel and
// reports what they cost in memory while they all sleep: the Go runtime's
// stacks plus heap in use, and the resident set, per goroutine.
func sleepingGoroutines(n int) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	rss0 := rss()
	start := time.Now()
	release := make(chan struct{})
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			<-release
			done.Done()
		}()
	}
	started.Wait()
	spawned := time.Since(start)
	runtime.ReadMemStats(&after)
	rss1 := rss()
	close(release)
	done.Wait()
	used := (after.StackInuse + after.HeapInuse) - (before.StackInuse + before.HeapInuse)
	fmt.Printf("goroutines\t%d\t%d\n", n, n)
	fmt.Printf("goroutine memory\t%d\t%d\n", used/uint64(n), n)
	fmt.Printf("goroutine rss\t%d\t%d\n", (rss1-min(rss0, rss1))/uint64(n), n)
	fmt.Printf("goroutine start, all sleeping\t%.1f\t%d\n", float64(spawned.Nanoseconds())/float64(n), n)
	fmt.Printf("goroutine all, start to joined\t%.1f\t%d\n", float64(time.Since(start).Nanoseconds())/float64(n), n)
}

func main() {
	div, sleepers := 1, 0
	if len(os.Args) > 1 {
		div, _ = strconv.Atoi(os.Args[1])
	}
	if len(os.Args) > 2 {
		sleepers, _ = strconv.Atoi(os.Args[2])
	}
	// Each runs n times, making per operations every time.
	constructs := []struct {
		name   string
		n, per int
		run    func(int) int
	}{
		{"function call", 200000, 1, funcCall},
		{"recursive call", 10, 21891, recursiveCall},
		{"method call on a value", 200000, 1, valueMethod},
		{"method call on a pointer", 200000, 1, pointerMethod},
		{"interface method call", 200000, 1, interfaceMethod},
		{"closure call", 200000, 1, closureCall},
		{"struct allocation &T{}", 200000, 1, structAlloc},
		{"field read and write", 200000, 1, fieldReadWrite},
		{"slice append", 200, 1000, sliceAppend},
		{"map get and set", 200000, 1, mapGetSet},
		{"string building", 200, 1000, stringBuilding},
		{"channel send and receive", 200000, 1, channelSendReceive},
		{"select of two channels", 200000, 1, selectReady},
		{"goroutine spawn and join", 5000, 1, goroutineSpawnJoin},
		{"mutex lock and unlock", 200000, 1, mutexLockUnlock},
	}
	for _, c := range constructs {
		if div == 0 {
			break
		}
		n := max(c.n/div, 1)
		ops := float64(n * c.per)
		// The fastest of three runs.
		best, sum := time.Duration(0), 0
		for r := 0; r < 3; r++ {
			start := time.Now()
			sum = c.run(n)
			if d := time.Since(start); r == 0 || d < best {
				best = d
			}
		}
		fmt.Printf("%s\t%.1f\t%d\n", c.name, float64(best.Nanoseconds())/ops, sum)
	}
	if sleepers > 0 {
		sleepingGoroutines(sleepers)
	}
}
