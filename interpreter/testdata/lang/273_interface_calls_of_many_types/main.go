package main

import (
	"bytes"
	"fmt"
	"strings"
)

// Shape is measured and named.
type Shape interface {
	Name() string
	Area() float64
}

// Rect has value receivers, Circle pointer receivers.
type (
	Rect   struct{ W, H float64 }
	Circle struct{ R float64 }
)

func (r Rect) Name() string    { return "rect" }
func (c *Circle) Name() string { return "circle" }

func (r Rect) Area() float64    { return r.W * r.H }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }

type Celsius float64

func (c Celsius) Area() float64 { return float64(c) }
func (c Celsius) Name() string  { return "celsius" }

// Labeled promotes the methods of its embedded Rect.
type Labeled struct {
	Rect
	Label string
}

func (l Labeled) Name() string { return "labeled " + l.Label }

// Framed holds a Shape as an embedded interface field: its methods are
// the held value's.
type Framed struct {
	Shape
}

// Deep embeds a pointer to a struct embedding Rect.
type Deep struct {
	*Labeled
}

type Writer interface {
	Write(p []byte) (int, error)
}

type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

func total(shapes []Shape) float64 {
	t := 0.0
	for _, s := range shapes {
		t += s.Area() // one call site, many dynamic types
	}
	return t
}

func names(shapes []Shape) string {
	var b strings.Builder
	for _, s := range shapes {
		b.WriteString(s.Name())
		b.WriteByte(' ')
	}
	return b.String()
}

func main() {
	c := &Circle{1}
	shapes := []Shape{
		Rect{2, 3}, c, Celsius(4.5), Labeled{Rect{1, 1}, "a"},
		Framed{Rect{5, 1}}, Framed{&Circle{2}}, Deep{&Labeled{Rect{2, 2}, "d"}},
		Rect{1, 2}, Rect{1, 2}, c,
	}
	fmt.Println(total(shapes))
	fmt.Println(names(shapes))

	// The method of a pointer sees its value change between calls.
	for i := range 3 {
		c.R = float64(i)
		fmt.Print(total([]Shape{c}), " ")
	}
	fmt.Println()

	// The held value of an embedded interface field changes.
	f := Framed{Rect{1, 1}}
	var s Shape = &f
	for _, inner := range []Shape{Rect{2, 2}, &Circle{1}, Celsius(7), Rect{3, 3}} {
		f.Shape = inner
		fmt.Print(s.Name(), "=", s.Area(), " ")
	}
	fmt.Println()

	// Compiled and program types behind a program's interface.
	var buf bytes.Buffer
	cnt := &counter{}
	for _, w := range []Writer{&buf, cnt, &buf, cnt} {
		n, err := w.Write([]byte("hey"))
		fmt.Print(n, err, " ")
	}
	fmt.Println(buf.String(), cnt.n)

	// A nil interface panics at the call.
	func() {
		defer func() { fmt.Println("recovered:", recover() != nil) }()
		var z Shape
		fmt.Println(z.Area())
	}()

	// Interfaces holding interfaces.
	var a any = Shape(Rect{3, 4})
	if sh, ok := a.(Shape); ok {
		fmt.Println(sh.Name(), sh.Area())
	}
}
