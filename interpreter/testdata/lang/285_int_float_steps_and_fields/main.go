// Arithmetic, comparisons, ++ and op= on int and float64 variables, local
// and global, and fields of structs reached from variables: the values
// they leave where they leave them, named number types beside them, int
// overflow and division, NaN and signed zeros, values passed to and
// returned from calls, fields of nested structs, of pointers and of nil
// pointers, and a field assigned through a variable whose value a
// pointer, a closure or a later iteration sees.
package main

import (
	"fmt"
	"math"
)

type Celsius float64
type Count int

type Inner struct{ A, B float64 }

type Outer struct {
	N  string
	In Inner
	P  *Inner
	K  Count
}

type Point struct{ X, Y int }

var total int
var avg float64
var shared = []int{1, 2, 3}

func add(a, b int) int            { return a + b }
func scale(x float64) float64     { return x * 1.5 }
func half(c Celsius) Celsius      { return c / 2 }
func both(a, b int) (int, int)    { return a + b, a - b }
func asAny(a, b int) any          { return a * b }
func cmp(a, b float64) bool       { return a < b }
func pick(b bool, x, y int8) int8 { return map[bool]int8{true: x, false: y}[b] }
func same(s string) string        { return s }
func cpx(z complex128) complex128 { return z * z }

func ops(a, b int) {
	fmt.Println(a+b, a-b, a*b, a/b, a%b, a&b, a|b, a^b, a&^b)
	c := a
	c += b
	c -= 3
	c *= 2
	c /= 3
	c %= 7
	c &= 0xff
	c |= 0x100
	c ^= 5
	c &^= 1
	fmt.Println(c)
}

func at(xs []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	v = xs[i]
	return
}

func slices() {
	xs := []int{5, 6, 7, 8}
	fs := make([]float64, 4)
	for i := 0; i < len(xs); i++ {
		xs[i] = xs[i] * 2
		fs[i] = float64(xs[i]) / 4
		xs[i]++
		xs[i] += i
		fs[i] *= 2
	}
	fmt.Println(xs, fs)
	var u uint8 = 2
	xs[u] = xs[u+1] - xs[0]
	fmt.Println(xs[u], xs[len(xs)-1])
	ys := xs[1:3]
	ys[0] = 100
	fmt.Println(xs, ys, len(ys), cap(ys))
	xs = append(xs, 9)
	xs[0] = -1
	fmt.Println(xs, ys)
	xs[0], xs[4] = xs[4], xs[0]
	fmt.Println(xs)
	for i := range shared {
		shared[i] *= 10
	}
	shared = append(shared, shared[0]+shared[2])
	fmt.Println(shared)
	ps := []Point{{1, 2}, {3, 4}}
	ps[1].X = ps[0].Y + 10
	pp := []*Point{{1, 1}}
	pp[0].Y = 7
	fmt.Println(ps, *pp[0])
	ss := []string{"a", "b"}
	ss[1] = ss[0] + ss[1]
	fmt.Println(ss)
	bs := []bool{false}
	bs[0] = len(ss) > 1
	fmt.Println(bs)
	var nilSlice []int
	fmt.Println(at(xs, 4))
	fmt.Println(at(xs, 5))
	fmt.Println(at(xs, -1))
	fmt.Println(at(nilSlice, 0))
	grid := [][]float64{{1, 2}, {3, 4}}
	row := grid[1]
	row[0] += grid[0][1]
	fmt.Println(grid)
}

type PointPtr *Point

type Node struct {
	Val         int
	Left, Right *Node
	Tag         string
	Seen        map[string]bool
	Done        chan int
}

var lastNode *Node

func noisy(tag string, v int) int {
	fmt.Print(tag, " ")
	return v
}

func tree(d int) *Node {
	if d == 0 {
		return &Node{Val: 1}
	}
	return &Node{Val: d, Left: tree(d - 1), Right: tree(d - 1)}
}

func (n *Node) sum() int {
	if n == nil {
		return 0
	}
	return n.Val + n.Left.sum() + n.Right.sum()
}

func pointers() {
	// Literals evaluate their elements in order, each literal is new.
	p := Point{Y: noisy("y", 2), X: noisy("x", 1)}
	q := &Point{noisy("a", 3), noisy("b", 4)}
	fmt.Println(p, *q)
	var nodes []*Node
	for i := 0; i < 3; i++ {
		nd := &Node{Val: i, Tag: fmt.Sprint("n", i), Seen: map[string]bool{}}
		nd.Seen[nd.Tag] = true
		nodes = append(nodes, nd)
		lastNode = nd
	}
	nodes[0].Left = nodes[1]
	nodes[1].Right = nodes[2]
	fmt.Println(nodes[0].Left.Right.Tag, lastNode.Tag, len(nodes[2].Seen), nodes[0] != nodes[1])
	fmt.Println(tree(4).sum())
	// A pointer to a variable sees its changes, and changes it.
	x := 5
	px := &x
	*px += 2
	x++
	fmt.Println(x, *px)
	arr := [3]int{1, 2, 3}
	pa := &arr
	pa[1] = 20
	fmt.Println(arr, *pa)
	// Assignable pointer types of different names.
	var pp PointPtr
	b := &Point{7, 8}
	pp = b
	var back *Point = pp
	back.X = 70
	fmt.Println(*b, (*Point)(pp).X)
	ch := make(chan int, 1)
	m := map[string]bool{"k": true}
	holder := Node{Done: ch, Seen: m}
	copyOf := holder
	copyOf.Done <- 9
	fmt.Println(<-holder.Done, copyOf.Seen["k"])
	var np *Node
	fmt.Println(np.sum())
}

func swaps() {
	a, b := 0, 1
	for i := 0; i < 10; i++ {
		a, b = b, a+b
	}
	x, y := 1.5, -2.25
	x, y = y, x
	var u, v uint = 3, 7
	u, v = v, u-v
	p := &Point{1, 2}
	p.X, p.Y = p.Y, p.X
	q := Point{5, 6}
	q.X, q.Y = q.Y*10, q.X
	xs := []float64{1, 2, 3}
	xs[0], xs[2] = xs[2], xs[0]
	total, avg = total+1, avg*2
	var iface any = 4
	n := 9
	n, iface = iface.(int), n
	fmt.Println(a, b, x, y, u, v, *p, q, xs, total, avg, n, iface)
}

func complexes() {
	c := complex(-0.5, 0.5)
	z := complex(0, 0)
	k := 0
	for k = 0; k < 50; k++ {
		z = z*z + c
		if real(z)*real(z)+imag(z)*imag(z) > 4.0 {
			break
		}
	}
	w := z / 0
	d := (z - c) * (z + c) / complex(2, -1)
	var zero complex128
	fmt.Println(k, z, w, d, zero/zero, z == z, d != c)
	zs := []complex128{1, 2i}
	zs[1] = zs[0]*zs[1] - 1
	fmt.Println(zs)
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	q = a / b
	return
}

func remainder(a, b int) (r int, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	r = a
	r %= b
	return
}

func main() {
	// Loops on locals and globals.
	s := 0
	for i := 0; i < 100; i++ {
		s += i
		total += i
	}
	f := 0.0
	for x := 0.5; x < 10; x += 0.5 {
		f += x * x
		avg += x / 10
	}
	fmt.Println(s, total, f, avg)
	for i := 10; i > 0; i-- {
		s -= i
	}
	n := 7
	n++
	n--
	n++
	g := 1.5
	g++
	g--
	g--
	fmt.Println(s, n, g)

	// int overflow wraps; the most negative int divided by -1 is itself.
	big := math.MaxInt
	big++
	fmt.Println(big == math.MinInt, big)
	m := math.MinInt
	neg := -1
	fmt.Println(m/neg, m%neg, m*neg)
	slices()
	pointers()
	swaps()
	complexes()
	ops(17, 5)
	ops(-17, 5)
	fmt.Println(divide(7, 0))
	fmt.Println(remainder(7, 0))

	// NaN and signed zeros.
	nan := math.NaN()
	z := 0.0
	nz := -z
	fmt.Println(nan < 1, nan > 1, nan == nan, nan != nan, z == nz, 1/nz, math.Signbit(nz))
	inf := 1 / z
	fmt.Println(inf > math.MaxFloat64, -inf < -math.MaxFloat64, inf-inf)

	// Named number types beside int and float64.
	c := Celsius(30)
	c += 2.5
	c++
	var k Count = 3
	k *= 4
	k++
	fmt.Println(c, half(c), k, k > 10, c < 40)

	// Values passed to and returned from calls.
	x := add(2, 3)
	y := scale(2)
	q, r := both(x, 2)
	fmt.Println(x, y, q, r, asAny(3, 4), cmp(1, 2), cmp(2, 1), pick(true, -3, 4), same("é"), cpx(1i))
	acc := 0
	for i := 0; i < 10; i++ {
		acc = add(acc, i)
	}
	fmt.Println(acc)

	// Comparisons whose results are kept.
	lt, ge := x < q, y >= 3.0
	eq := x == 5
	fmt.Println(lt, ge, eq)
	var anyb any = x > 2
	fmt.Println(anyb)

	// Fields of structs reached from variables.
	var o Outer
	o.In.A = 1.5
	o.In.B += o.In.A * 2
	o.K++
	po := &o
	po.In.B++
	po.N = "x"
	po.K += 10
	fmt.Println(o.N, o.In, po.In.B, o.K)
	o.P = &Inner{A: 2}
	o.P.B = o.P.A * 3
	fmt.Println(*o.P)
	p := &Point{}
	for i := 0; i < 1000; i++ {
		p.X = p.Y + i
		p.Y = p.X & 0xff
	}
	fmt.Println(p.X, p.Y, *p)

	// A field written through a variable is the variable's: a pointer to
	// it, a closure and the next iteration see the new value.
	pt := Point{1, 2}
	pp := &pt
	show := func() int { return pt.X }
	pt.X = 10
	pt.Y += pt.X
	fmt.Println(pp.X, pp.Y, show())
	pts := []*Point{}
	for i := 0; i < 3; i++ {
		v := Point{i, i}
		v.X *= 10
		pts = append(pts, &v)
	}
	for _, v := range pts {
		fmt.Print(*v, " ")
	}
	fmt.Println()

	// A struct variable assigned whole, then a field.
	q2 := Point{5, 6}
	q2 = Point{7, 8}
	q2.Y = q2.X + 1
	fmt.Println(q2)

	// A nil pointer's field panics.
	defer func() { fmt.Println("recovered:", recover()) }()
	var np *Point
	np.X = np.Y + 1
}
