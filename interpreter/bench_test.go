package interpreter

import (
	"context"
	"io"
	"testing"

	"github.com/gopar/gopar/third_party/yaegi/interp"
)

func benchSession(b *testing.B) *Session {
	b.Helper()
	s, err := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Execute(context.Background(), `import "fmt"`); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkExecuteTrivial is the cost of a cell that computes 1+1.
func BenchmarkExecuteTrivial(b *testing.B) {
	s := benchSession(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Execute(ctx, "1+1"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecutePrint is the cost of a cell that prints a line.
func BenchmarkExecutePrint(b *testing.B) {
	s := benchSession(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Execute(ctx, `fmt.Println("hi")`); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecuteAfterDecls is a trivial cell in a session that already
// holds some declarations, which every cell is checked against.
func BenchmarkExecuteAfterDecls(b *testing.B) {
	s := benchSession(b)
	ctx := context.Background()
	for i := range 30 {
		code := "func f" + itoa(i) + "(n int) int {\n\ts := 0\n\tfor j := range n {\n\t\ts += j * " + itoa(i) + "\n\t}\n\treturn s\n}\n" +
			"type T" + itoa(i) + " struct{ A, B int }\nv" + itoa(i) + " := f" + itoa(i) + "(3)"
		if _, err := s.Execute(ctx, code); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := s.Execute(ctx, "1+1"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNew is the cost of a fresh session.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Options{Stdout: io.Discard, Stderr: io.Discard}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoop runs an interpreted loop of a million additions in a cell,
// lowered (range over int, per-iteration variable), to compare with
// BenchmarkLoopYaegi, the same loop handed to yaegi as is.
func BenchmarkLoop(b *testing.B) {
	s := benchSession(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Execute(ctx, "total := 0\nfor i := range 1000000 {\n\ttotal += i\n}"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoopYaegi(b *testing.B) {
	in := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard})
	if err := in.Use(baseExports()); err != nil {
		b.Fatal(err)
	}
	if _, err := in.Eval("func run() int {\n\ttotal := 0\n\tfor i := 0; i < 1000000; i++ {\n\t\ttotal += i\n\t}\n\treturn total\n}"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := in.Eval("run()"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCalls is recursive calls of a cell func, which cells call
// through a variable (so that redefining it reaches earlier callers).
func BenchmarkCalls(b *testing.B) {
	s := benchSession(b)
	ctx := context.Background()
	if _, err := s.Execute(ctx, "func fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Execute(ctx, "fib(20)"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCallsYaegi(b *testing.B) {
	in := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard})
	if err := in.Use(baseExports()); err != nil {
		b.Fatal(err)
	}
	if _, err := in.Eval("func fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := in.Eval("fib(20)"); err != nil {
			b.Fatal(err)
		}
	}
}
