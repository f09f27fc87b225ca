package main

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func (a *account) deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

func main() {
	// A mutex and a WaitGroup held in variables, by pointer and in a struct.
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func() {
			mu.Lock()
			total += i
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("total", total)

	acc := &account{}
	pwg := &wg
	for range 50 {
		pwg.Add(2)
		go func() { acc.deposit(3); pwg.Done() }()
		go func() { acc.deposit(-1); pwg.Done() }()
	}
	pwg.Wait()
	fmt.Println("balance", acc.balance)

	// Atomic counters: Add and Load return values, Store sets.
	var hits atomic.Int64
	var n32 atomic.Int32
	wg.Add(10)
	for i := range 10 {
		go func() {
			hits.Add(int64(i % 2 * 4))
			n32.Add(1)
			wg.Done()
		}()
	}
	wg.Wait()
	v := hits.Add(5)
	fmt.Println(v, hits.Load(), n32.Load())
	hits.Store(-7)
	fmt.Println(hits.Load())
	var flag atomic.Bool
	flag.Store(true)
	fmt.Println(flag.Load(), mu.TryLock(), mu.TryLock())
	mu.Unlock()

	// A seeded generator's methods.
	r := rand.New(rand.NewSource(42))
	a, b, c := r.Intn(100), r.Int63(), r.Float64()
	r2 := rand.New(rand.NewSource(42))
	fmt.Println(a == r2.Intn(100), b == r2.Int63(), c == r2.Float64(), a >= 0 && a < 100)

	// Builders and buffers.
	var sb strings.Builder
	for i := range 5 {
		fmt.Fprint(&sb, i)
	}
	fmt.Println(sb.Len(), sb.String())
	var buf bytes.Buffer
	buf.WriteString("hello")
	fmt.Println(buf.Len(), buf.String())
	pb := &buf
	pb.Reset()
	fmt.Println(pb.Len(), buf.Len())

	// Methods of named types of basic kinds and a value receiver.
	d := 1500 * time.Millisecond
	fmt.Println(d.Seconds(), d.Milliseconds(), d.String())
	t := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	fmt.Println(t.Unix(), t.YearDay())

	// A nil receiver panics as in Go.
	func() {
		defer func() {
			e := recover()
			fmt.Println("recovered:", e != nil)
		}()
		var nb *strings.Builder
		fmt.Println(nb.Len())
	}()

	// Results used in expressions and conditions.
	var cnt atomic.Int64
	s := 0
	for i := range 10 {
		s += int(cnt.Add(int64(i)))
		if cnt.Load() > 20 {
			s++
		}
	}
	fmt.Println(s, cnt.Load())
}
