package interpreter

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Values of cell types that went through compiled code (a future's result
// typed any) come back without yaegi's interface representation: a struct
// is known by its reflect type, and printed with its type's fields and
// methods.
func TestPrintValuesFromFutures(t *testing.T) {
	s, out, _ := newTestSession(t, "")
	cells := []string{`import (
	"fmt"
	"gopar/async"
)

type Point struct{ X, Y int }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Reading struct {
	Where string
	T     Celsius
}

type Rect struct{ W, H float64 }

func (r Rect) String() string { return fmt.Sprintf("%gx%g", r.W, r.H) }`,
		`f1 := async.Go(func() any { return Point{1, 2} })
f2 := async.Go(func() any { return Reading{"lab", 21.5} })
f3 := async.Go(func() any { return Rect{3, 4} })
f4 := async.Go(func() any { return &Point{5, 6} })
for _, v := range []any{f1.Await(), f2.Await(), f3.Await(), f4.Await()} {
	fmt.Printf("%T %v %+v\n", v, v, v)
}
vs := async.Gather(f1, f2, f3).AwaitSlice()
fmt.Println(vs)
fmt.Printf("%#v\n", vs[0])`,
	}
	for _, c := range cells {
		if _, e := run(t, s, c); e != nil {
			t.Fatalf("%v\n%s", e, c)
		}
	}
	want := `main.Point {1 2} {X:1 Y:2}
main.Reading {lab 21.5°C} {Where:lab T:21.5°C}
main.Rect 3x4 3x4
*main.Point &{5 6} &{X:5 Y:6}
[{1 2} {lab 21.5°C} 3x4]
main.Point{X:1, Y:2}
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

// A cell's trailing expression of interface type shows as fmt prints its
// dynamic value.
func TestInterfaceResults(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if _, e := run(t, s, `import "fmt"

type Point struct{ X, Y int }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }`); e != nil {
		t.Fatal(e)
	}
	for _, c := range []struct{ cell, want string }{
		{"var a any = Point{1, 2}\na", "{1 2}"},
		{"var c any = Celsius(3)\nc", "3.0°C"},
		{"var s Shape = Rect{2, 3}\ns", "{2 3}"},
		{"[]Shape{Rect{1, 1}, nil}", "[{1 1} <nil>]"},
		{"var err error = &NotFound{\"k\"}\nerr", "not found: k"},
		{"[]any{Point{}, Celsius(1), nil, \"s\"}", "[{0 0} 1.0°C <nil> s]"},
		{"map[string]any{\"b\": Celsius(2), \"a\": &Point{1, 1}}", "map[a:0x"},
		{`fmt.Sprintf("%T %T", any(Point{}), error(&NotFound{}))`, "main.Point *main.NotFound"},
	} {
		res, e := run(t, s, c.cell)
		if e != nil {
			t.Errorf("%s: %v", c.cell, e)
			continue
		}
		got, _ := res["text/plain"].(string)
		if got != c.want && !(strings.HasSuffix(c.want, "0x") && strings.HasPrefix(got, c.want)) {
			t.Errorf("%s: shows %q, want %q", c.cell, got, c.want)
		}
	}
}

// A new version of a type starts a new interpreter; values of the new
// version are named and printed with its fields.
func TestPrintRedefinedType(t *testing.T) {
	s, out, _ := newTestSession(t, "")
	for _, c := range []string{
		"import \"fmt\"\ntype P struct{ X int }",
		"var a any = P{1}\nfmt.Printf(\"%T %+v\\n\", a, a)",
		"type P struct{ X, y int }",
		"var b any = P{1, 2}\nfmt.Printf(\"%T %+v %#v\\n\", b, b, b)",
	} {
		if _, e := run(t, s, c); e != nil {
			t.Fatalf("%v\n%s", e, c)
		}
	}
	if got, want := out.String(), "main.P {X:1}\nmain.P {X:1 y:2} main.P{X:1, y:2}\n"; !strings.HasSuffix(got, want) {
		t.Errorf("output:\n%s\nwant it to end with:\n%s", got, want)
	}
}

// reflectString writes types as reflect does, which %T prints.
func TestReflectString(t *testing.T) {
	type pair[K comparable, V any] struct {
		K K
		V V
	}
	src := `package p

import "time"

type pair[K comparable, V any] struct {
	K K
	V V
}

var (
	v0 map[string][]interface{}
	v1 func(int, ...string) (int, error)
	v2 chan<- int
	v3 <-chan []byte
	v4 chan (<-chan int)
	v5 struct {
		A int ` + "`json:\"a\"`" + `
		b rune
		time.Duration
	}
	v6 [3]*int
	v7 interface {
		N()
		M() int
	}
	v8 any
	v9 pair[string, time.Duration]
	v10 []error
	v11 func()
	v12 struct{}
)
`
	want := []any{
		map[string][]interface{}(nil),
		(func(int, ...string) (int, error))(nil),
		(chan<- int)(nil),
		(<-chan []byte)(nil),
		(chan (<-chan int))(nil),
		struct {
			A int `json:"a"`
			b rune
			time.Duration
		}{},
		[3]*int{},
		(*interface {
			N()
			M() int
		})(nil),
		(*any)(nil),
		pair[string, time.Duration]{},
		[]error(nil),
		(func())(nil),
		struct{}{},
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		rt := reflect.TypeOf(w)
		if rt.Kind() == reflect.Pointer && rt.Elem().Kind() == reflect.Interface {
			rt = rt.Elem()
		}
		obj := pkg.Scope().Lookup("v" + itoa(i))
		got := reflectString(obj.Type())
		wantStr := rt.String()
		if strings.HasPrefix(wantStr, "interpreter.pair[") {
			// Declared in this test's package, checked as package p.
			wantStr = "p.pair[" + strings.TrimPrefix(wantStr, "interpreter.pair[")
		}
		if got != wantStr {
			t.Errorf("v%d: reflectString = %q, reflect writes %q", i, got, wantStr)
		}
	}
}
