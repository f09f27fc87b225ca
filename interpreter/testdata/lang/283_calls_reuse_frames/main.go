// Calls whose frames are reused by later calls of the same func, and what
// must not see a reused frame: results, pointers to locals, method values,
// interface values, slices of local arrays, values passed on through
// interfaces, panics, goroutines. Variables declared in loops, kept by
// pointers and closures or not, and multiple assignments of basic values.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
)

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }
func (p Point) Sum() int       { return p.X + p.Y }
func (p *Point) Move(d int)    { p.X += d; p.Y += d }

type Shape interface{ Area() int }

type Rect struct{ W, H int }

func (r Rect) Area() int { return r.W * r.H }

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func same(p Point) Point { return p }

func pair(i int) (Rect, int) { return Rect{i, i + 1}, i }

var shapes []Shape

func keep(s Shape, i int) int { shapes = append(shapes, s); return i }

func id(s Shape) Shape { return s }

func mk(i int) Rect { return Rect{i, 2} }

func addrOf(v int) *int {
	x := v * 10
	return &x
}

func firstTwo(a, b int) []int {
	arr := [3]int{a, b, a + b}
	return arr[:2]
}

func grid(n int) [3]int {
	var g [3]int
	for i := range g {
		g[i] = n + i
	}
	return g
}

func build(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p)
	}
	return b.String()
}

func counter() func() int {
	n := 0
	return func() int { n++; return n }
}

func mayPanic(i int) (r int) {
	if i%3 == 0 {
		panic(fmt.Sprint("three divides ", i))
	}
	return i * i
}

func safe(i int) (r int, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("%v", e)
		}
	}()
	return mayPanic(i), nil
}

func scale(p Point, k int) Point {
	p.X *= k
	p.Y *= k
	return p
}

func words(s string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.Fields(s) {
		m[w]++
	}
	return m
}

type Celsius float64

func reverse(xs []int) {
	for i, j := 0, len(xs)-1; i < j; i, j = i+1, j-1 {
		xs[i], xs[j] = xs[j], xs[i]
	}
}

func loopVars() {
	var ps []*int
	var fs []func() int
	sum := 0
	for i := 0; i < 4; i++ {
		v := i * 2
		ps = append(ps, &v)
		w := i * 3
		fs = append(fs, func() int { return w })
		plain := i + 1
		sum += plain
		a, b := i, -i
		sum += a * b
	}
	for i := range ps {
		fmt.Print(*ps[i], fs[i](), " ")
	}
	fmt.Println(sum)
}

func noEscape(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		x := i * i
		y, z := x+1, x-1
		s += y * z
	}
	return s
}

func swaps() {
	xs := []int{1, 2, 3, 4, 5}
	reverse(xs)
	a, b := "x", "y"
	a, b = b, a
	f, g := 1.5, -2.5
	f, g = g, f
	c1, c2 := Celsius(10), Celsius(20)
	c1, c2 = c2, c1
	t, u := true, false
	t, u = u, t
	var k uint8 = 200
	k, _ = k+100, k
	z1, z2 := 1+2i, 3-4i
	z1, z2 = z2, z1
	arr := [3]string{"p", "q", "r"}
	arr[0], arr[2] = arr[2], arr[0]
	var any1, any2 interface{} = 1, "s"
	any1, any2 = any2, any1
	var s1, s2 Shape = Rect{1, 2}, Rect{3, 4}
	s1, s2 = s2, s1
	var mixed any = "m"
	n2 := 3
	mixed, n2 = n2, 7
	fmt.Println(xs, a, b, f, g, c1, c2, t, u, k, z1, z2, arr, any1, any2)
	fmt.Println(s1.Area(), s2.Area(), mixed, n2)
}

type Tree struct {
	left, right *Tree
	v           int
}

func grow(d int) *Tree {
	if d == 0 {
		return &Tree{v: 1}
	}
	return &Tree{grow(d - 1), grow(d - 1), d}
}

func (t *Tree) sum() int {
	if t.left == nil {
		return t.v
	}
	return t.v + t.left.sum() + t.right.sum()
}

func triple(i int) *[3]int { return &[3]int{i, i, i} }

// literals: new struct and array variables from literals, and literals
// assigned to variables that pointers point to.
func literals() {
	var ps []*[3]int
	for i := 0; i < 3; i++ {
		ps = append(ps, &[3]int{i, i + 1, i + 2})
	}
	fmt.Println(*ps[0], *ps[1], *ps[2], *triple(1), *triple(2))
	t1, t2 := grow(3), grow(2)
	fmt.Println(t1.sum(), t2.sum(), t1.left.sum())
	x := Point{1, 2}
	p := &x
	x = Point{3, 4}
	a := [2]int{1, 2}
	q := &a
	a = [2]int{3, 4}
	fmt.Println(*p, x, *q, a)
	for i := 0; i < 2; i++ {
		y := Point{i, i}
		py := &y
		y = Point{i + 10, i}
		fmt.Println(*py, y)
	}
}

// appends: to the variable appended to, to another, to slices sharing
// an array, of constants to slices of named types.
func appends() {
	var xs []int
	for i := 0; i < 20; i++ {
		xs = append(xs, i)
		fmt.Print(len(xs), ":", cap(xs), " ")
	}
	fmt.Println()
	ys := xs[:3]
	ys = append(ys, 100)
	zs := xs[:2:2]
	zs = append(zs, 7)
	fmt.Println(xs[:5], ys, zs)
	var ss []string
	ss = append(ss, "a")
	ss = append(ss, ss[0]+"b")
	var cs []Celsius
	cs = append(cs, Celsius(2))
	ds := append(cs, 1.5)
	cs = append(cs, 1.5, 3)
	var as []any
	as = append(as, 1, "x")
	as = append(as, nil)
	var bs []byte
	bs = append(bs, 'a')
	bs = append(bs, "bc"...)
	fmt.Println(ss, cs, ds, as, string(bs), len(as))
	m := map[string][]int{}
	m["k"] = append(m["k"], 1)
	m["k"] = append(m["k"], 2)
	type S struct{ v []int }
	var st S
	st.v = append(st.v, 3)
	p := &st
	p.v = append(p.v, 4)
	fmt.Println(m, st)
}

func isSep(r rune) bool { return !unicode.IsLetter(r) }

// callbacks: funcs the program hands to compiled code that calls them.
func callbacks() {
	xs := []int{5, 2, 8, 1, 9, 3}
	calls := 0
	sort.Slice(xs, func(i, j int) bool { calls++; return xs[i] < xs[j] })
	fmt.Println(xs, calls > 0)
	fmt.Println(strings.FieldsFunc("Hello, world! Go-is fun", isSep), strings.FieldsFunc("a1b22c", unicode.IsDigit))
	fmt.Println(sort.Search(len(xs), func(k int) bool { return xs[k] >= 5 }))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'o' {
			return -1
		}
		return unicode.ToUpper(r)
	}, "hello world"))
	people := []struct {
		name string
		age  int
	}{{"a", 30}, {"b", 20}, {"c", 25}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	fmt.Println(people)
	defer func() { fmt.Println("recovered:", recover(), xs) }()
	sort.Slice(xs, func(i, j int) bool {
		if xs[i] == 9 {
			panic("nine")
		}
		return xs[i] > xs[j]
	})
	fmt.Println("not reached")
}

type Counter struct{ n int }

func (c *Counter) Inc()          { c.n++ }
func (c Counter) Get() int       { return c.n }
func (c Counter) Twice() Counter { c.n *= 2; return c }

type Stack[T any] struct{ xs []T }

func (s Stack[T]) Len() int  { return len(s.xs) }
func (s *Stack[T]) Push(x T) { s.xs = append(s.xs, x) }

// counted and stacked call methods with value and pointer receivers on
// their variables.
func counted() int {
	var c Counter
	c.Inc()
	c.Inc()
	d := c.Twice()
	return c.Get()*10 + d.Get()
}

func stacked(k int) int {
	var s Stack[int]
	for i := 0; i < k; i++ {
		s.Push(i)
	}
	t := s
	t.Push(99)
	return s.Len()*100 + t.Len()
}

func pairErr() (int, error) { return 7, fmt.Errorf("e") }

// redeclared: variables declared again by a multiple := are the same
// variables, as closures and pointers to them see.
func redeclared(err error) {
	x := 1
	f := func() int { return x }
	x, y := 2, 3
	p := &x
	x, z := 5, 6
	r := 1.5
	g := func() float64 { return r }
	r, k := 2, "k"
	show := func() { fmt.Print("err: ", err, "; ") }
	v, err := pairErr()
	show()
	if true {
		w, err := 8, error(nil)
		fmt.Print(w, err, "; ")
	}
	show()
	fmt.Println(f(), x, y, *p, z, g(), k, v)
}

func main() {
	fmt.Println(fib(15), fib(1), fib(10))
	redeclared(nil)
	for i := 0; i < 3; i++ {
		fmt.Print(counted(), stacked(i), " ")
	}
	fmt.Println()
	callbacks()
	appends()
	literals()
	loopVars()
	fmt.Println(noEscape(10), noEscape(3))
	swaps()

	// A zero argument after a non-zero one is still zero.
	fmt.Println(same(Point{1, 2}), same(Point{}), same(Point{3, 0}), same(Point{}))

	// Results of a call passed on to another, into an interface parameter.
	for i := 0; i < 3; i++ {
		keep(pair(i))
		keep(id(mk(i)), i)
	}
	for _, s := range shapes {
		fmt.Print(s.Area(), " ")
	}
	fmt.Println()

	// Pointers to locals outlive their calls.
	ps := []*int{}
	for i := 0; i < 4; i++ {
		ps = append(ps, addrOf(i))
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println()

	// Slices of local arrays too.
	ss := [][]int{}
	for i := 0; i < 3; i++ {
		ss = append(ss, firstTwo(i, i+1))
	}
	fmt.Println(ss)

	// Arrays are values.
	g1, g2 := grid(1), grid(5)
	fmt.Println(g1, g2)

	fmt.Println(build("a", "b", "c"), build(), build("xyz"))

	// Closures keep their variables.
	c1, c2 := counter(), counter()
	c1()
	c1()
	fmt.Println(c1(), c2(), c1())

	// Method values bind their receiver when they are made.
	p := Point{1, 1}
	sum := p.Sum
	str := p.String
	move := p.Move
	p.X = 10
	fmt.Println(sum(), str(), p)
	move(5)
	fmt.Println(p, sum())

	// An interface holds a copy of the value.
	q := Point{2, 3}
	var st fmt.Stringer = q
	q.X = 100
	fmt.Println(st, q)

	// Panics and recovery between calls.
	for i := 1; i <= 6; i++ {
		r, err := safe(i)
		fmt.Print(r, " ", err, "; ")
	}
	fmt.Println()

	// Arguments are copies.
	base := Point{1, 2}
	fmt.Println(scale(base, 3), scale(base, 0), base)

	m := words("a b a c b a")
	ks := []string{}
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Print(k, "=", m[k], " ")
	}
	fmt.Println()

	// Many goroutines calling the same funcs at once.
	var wg sync.WaitGroup
	results := make([]int, 50)
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := 0
			for j := 0; j < 200; j++ {
				s += same(Point{i, j}).Sum() + fib(i%8)
			}
			results[i] = s
		}(i)
	}
	wg.Wait()
	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Println(total)
}
