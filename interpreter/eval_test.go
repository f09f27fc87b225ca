package interpreter

import (
	"context"
	"errors"
	"go/parser"
	"go/token"
	"runtime"
	"testing"
	"time"
)

func TestRunsNoCode(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"func f() int { return 1 }\ntype T struct{}\nfunc (T) init() {}\nconst N = 2\nvar x int", true},
		{`import "fmt"` + "\nvar _ = fmt.Sprint", false},
		{"func init() {}", false},
		{"var a, b int\nvar c = 3", false},
	}
	for _, tt := range tests {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package main\n"+tt.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := runsNoCode(f); got != tt.want {
			t.Errorf("runsNoCode(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestDeclarationsRunCode checks cells whose declarations run code when
// they are made, and cells whose declarations do not compile.
func TestDeclarationsRunCode(t *testing.T) {
	s, out, _ := newTestSession(t, "")
	if _, e := run(t, s, "import \"fmt\"\nfunc init() { fmt.Println(\"init ran\") }"); e != nil {
		t.Fatal(e)
	}
	if got := out.String(); got != "init ran\n" {
		t.Errorf("output %q, want the init func's", got)
	}
	_, e := run(t, s, "type T struct{ A int }\nfunc (t T) Get() int {\n\treturn t.B\n}")
	if e == nil || e.Value != "3:11: t.B undefined (type T has no field or method B)" {
		t.Errorf("got %v", e)
	}
	if res, e := run(t, s, "func sq(x int) int { return x * x }\nsq(7)"); e != nil || res["text/plain"] != "49" {
		t.Errorf("got %v %v", res, e)
	}
}

// TestInterruptEndsGoroutinesWaiting checks that interrupting a cell ends
// the goroutines it started that wait on channels, each on a cancellation
// channel of its own: in a literal, a func, a goroutine started by a
// goroutine, a select, a range, and a closure of an earlier cell called
// in a goroutine.
func TestInterruptEndsGoroutinesWaiting(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	decl := "func waitOn(c chan int) { <-c }\nvar recvFn = func(c chan int) int { return <-c }"
	if _, e := run(t, s, decl); e != nil {
		t.Fatal(e)
	}
	cell := `block := make(chan int)
out := make(chan int)
go func() { <-block }()
go waitOn(block)
go func() {
	go func() { out <- 1 }()
	select {
	case <-block:
	case out <- 2:
	}
}()
go func() { recvFn(block) }()
go func() {
	for range block {
	}
}()
<-block`
	const started = 6
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := s.Execute(ctx, cell)
		done <- err
	}()
	// The cell's goroutine, the worker's and the six the cell starts.
	for runtime.NumGoroutine() < before+started+1 {
		runtime.Gosched()
	}
	cancel()
	var e *Error
	if err := <-done; !errors.As(err, &e) || e.Name != nameInterrupted {
		t.Fatalf("got %v, want an interrupt", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine() - before; n > 0 {
		t.Errorf("%d goroutines still waiting after the interrupt", n)
	}
}

// TestInterruptedChannelWaitEnds checks that interrupting a wait on a
// channel ends the goroutine that ran it, also in the first cell of a
// session, compiled before yaegi had run anything interruptible.
func TestInterruptedChannelWaitEnds(t *testing.T) {
	for _, cells := range [][]string{
		{"c := make(chan int)\n<-c"},
		{"x := 1", "c := make(chan int)\n<-c\nx++"},
	} {
		s, _, _ := newTestSession(t, "")
		for _, c := range cells[:len(cells)-1] {
			if _, e := run(t, s, c); e != nil {
				t.Fatal(e)
			}
		}
		before := runtime.NumGoroutine()
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		_, err := s.Execute(ctx, cells[len(cells)-1])
		cancel()
		var e *Error
		if !errors.As(err, &e) || e.Name != nameInterrupted {
			t.Fatalf("%q: got %v, want an interrupt", cells, err)
		}
		deadline := time.Now().Add(2 * time.Second)
		for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if n := runtime.NumGoroutine() - before; n > 0 {
			t.Errorf("%q: %d goroutines still waiting after the interrupt", cells, n)
		}
	}
}
