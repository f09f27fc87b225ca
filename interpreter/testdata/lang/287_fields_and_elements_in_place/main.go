// Fields and elements read and written in place: x.f = y op z and x = y
// between variables, constants, fields of structs and of pointers to
// structs, elements of slices, of every plain kind (numbers of each size,
// bools, strings, pointers, maps, channels), single and multiple
// assignments (swaps, rotations, a variable and an element exchanged), in
// funcs and at the top level, with globals; and where reflect's way is
// taken: a nil pointer, an index out of range, a division by zero, on the
// left and on the right, in the order Go panics in; and bool fields and
// elements as the conditions of ifs and fors.
package main

import "fmt"

type In struct {
	A, b int
	F    float64
}
type Out struct {
	In
	p *In
	Z complex128
	x int
}

var g Out
var gp = &In{}

func try1(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main1() {
	o := Out{}
	op := &o
	xs := []int{1, 2, 3}
	fs := make([]float64, 4)
	i, z := 1, 0
	o.A = o.b + 5
	o.b = o.A * 3
	op.x = op.A - op.b
	o.F = o.F + 1.5
	op.Z = op.Z + 2i
	g.A = g.b + 7
	gp.b = gp.A + i
	xs[i] = xs[i-1] + xs[i+1]
	xs[2] = xs[0] & 6
	fs[i] = fs[i] + 2.5
	fs[3] = fs[i] * fs[i]
	fmt.Println(o.A, o.b, o.x, o.F, o.Z, g.A, gp.b, xs, fs)
	var np *In
	try1("nil dest", func() { np.A = i + 1 })
	try1("nil src", func() { i = np.A + 1 })
	try1("range dest", func() { xs[5] = i + 1 })
	try1("range src", func() { i = xs[i+5] + 1 })
	try1("neg", func() { k := -1; xs[k] = xs[0] + 1 })
	try1("rem", func() { xs[0] = xs[1] % z })
	q := &o.In
	q.A = q.A + 100
	k := func() { q.A = q.A * 2 }
	k()
	fmt.Println(o.A, q.A, i)
	type T struct{ n int }
	t := T{}
	for j := 0; j < 10; j++ {
		t.n = t.n + j
		xs[j%3] = xs[j%3] + t.n
	}
	fmt.Println(t, xs)
	ps := []*In{{A: 1}, {A: 2}}
	for _, p := range ps {
		p.A = p.A * 10
	}
	fmt.Println(*ps[0], *ps[1])
}

type S struct {
	B  bool
	I8 int8
	U  uint
	F  float32
	C  complex64
	St string
	P  *int
	M  map[string]int
	Ch chan int
}

var gs S
var gxs = []string{"a", "b"}

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main2() {
	var s S
	sp := &s
	x := 5
	bs := []bool{false, true}
	strs := []string{"x", "y", "z"}
	ps := []*int{nil, &x}
	s.B = bs[1]
	s.I8 = -3
	s.U = 7
	s.F = 1.5
	s.C = 2i
	s.St = strs[2]
	s.P = ps[1]
	s.M = map[string]int{"k": 1}
	sp.Ch = make(chan int, 1)
	t := s
	var u S
	up := &u
	up.B = t.B
	up.I8 = sp.I8
	up.U = s.U
	up.F = s.F
	up.C = s.C
	up.St = sp.St
	up.P = s.P
	up.M = s.M
	up.Ch = s.Ch
	gs.St = gxs[1]
	gxs[0] = up.St
	strs[0] = strs[1]
	k := strs[2]
	bs[0] = bs[1]
	fmt.Println(u.B, u.I8, u.U, u.F, u.C, u.St, *u.P, u.M["k"], cap(u.Ch), gs.St, gxs, strs, k, bs)
	var np *S
	i := 1
	try("nil dest", func() { np.St = strs[i] })
	try("nil src", func() { k = np.St })
	try("range dest", func() { strs[i+5] = k })
	var fs []func() string
	for j := 0; j < 3; j++ {
		v := strs[j]
		fs = append(fs, func() string { return v })
	}
	fmt.Println(fs[0](), fs[1](), fs[2]())
	type Named string
	var nn Named = "n"
	ns := []Named{"a"}
	ns[0] = nn
	fmt.Println(ns)
	arr := [3]int{1, 2, 3}
	arr[0] = arr[2]
	fmt.Println(arr)
}

type S3 struct{ St string }

func a1(strs []string, i int) {
	defer func() { fmt.Println("range src first ->", recover()) }()
	strs[i+5] = strs[i+7]
}
func a2(strs []string, i int, np *S3) {
	defer func() { fmt.Println("nil src into range ->", recover()) }()
	strs[i+5] = np.St
}
func a3(xs []int, i, z int, np *struct{ A int }) {
	defer func() { fmt.Println("div into nil ->", recover()) }()
	np.A = i / z
}
func a4(xs []int, i, z int) {
	defer func() { fmt.Println("div into range ->", recover()) }()
	xs[i+9] = xs[i] % z
}

type P struct {
	X, Y int
	S    string
	F    float64
}

var gints = []int{10, 20, 30}

func swaps(xs []int, ss []string, p *P, i, j int) {
	xs[i], xs[j] = xs[j], xs[i]
	ss[0], ss[1], ss[2] = ss[2], ss[0], ss[1]
	p.X, p.Y = p.Y, p.X
	p.S, ss[0] = ss[0], p.S
	a, b := 1, 2
	a, b = b, a+b
	i, j = i+1, j-1
	gints[0], gints[2] = gints[2], gints[0]
	var q P
	q.F, p.F = p.F+1, q.F
	xs[i], a = a, xs[i]
	fmt.Println(xs, ss, *p, a, b, i, j, gints, q)
}

func panics(xs []int, i int, np *P) {
	defer func() { fmt.Println("swap range ->", recover(), xs) }()
	xs[0], xs[i] = xs[i], xs[0]
}
func panics2(xs []int, i int, np *P) {
	defer func() { fmt.Println("dest nil ->", recover(), xs) }()
	xs[0], np.X = 5, xs[0]
}
func fib(n int) int {
	a, b := 0, 1
	for i := 0; i < n; i++ {
		a, b = b, a+b
	}
	return a
}

type N struct {
	Ok   bool
	Next *N
}

func count(xs []bool, n *N) (int, int) {
	c := 0
	for i := 0; i < len(xs); i++ {
		if xs[i] {
			c++
		}
	}
	k := 0
	for p := n; p != nil; p = p.Next {
		if p.Ok {
			k++
		}
	}
	j := 0
	for xs[j] {
		j++
	}
	return c, k + j
}

func bad(xs []bool, i int, p *N) {
	defer func() { fmt.Println(recover()) }()
	if xs[i] {
		fmt.Println("no")
	}
}
func bad2(p *N) {
	defer func() { fmt.Println(recover()) }()
	if p.Ok {
		fmt.Println("no")
	}
}

func main() {
	main1()
	main2()
	a1([]string{"a", "b", "c"}, 1)
	a2([]string{"a", "b", "c"}, 1, nil)
	a3(nil, 1, 0, nil)
	a4([]int{1, 2}, 1, 0)
	swaps([]int{1, 2, 3, 4}, []string{"a", "b", "c"}, &P{1, 2, "s", 0.5}, 0, 3)
	panics([]int{1, 2}, 5, nil)
	panics2([]int{1, 2}, 5, nil)
	fmt.Println(fib(50))
	fmt.Println(count([]bool{true, true, false, true}, &N{true, &N{false, &N{true, nil}}}))
	bad([]bool{true}, 3, nil)
	bad2(nil)
}
