package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Counts map[string]int

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", c) }

type Grade int

type store struct {
	hits  map[string]int
	names map[int]string
}

var global = map[rune]int{}

func keys[K comparable, V any](m map[K]V, less func(a, b K) bool) []K {
	var ks []K
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return less(ks[i], ks[j]) })
	return ks
}

func show(m map[string]int) string {
	var b strings.Builder
	for _, k := range keys(m, func(a, b string) bool { return a < b }) {
		fmt.Fprintf(&b, "%s=%d ", k, m[k])
	}
	return b.String()
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked:", r)
		}
	}()
	f()
}

func count(words []string) Counts {
	c := Counts{}
	for _, w := range words {
		c[w]++
	}
	return c
}

func main() {
	// Counting, every form of update.
	m := map[int]int{}
	for i := 0; i < 100; i++ {
		k := i % 7
		m[k] = m[k] + 1
		m[k] += 2
		m[k]++
		m[k] = m[k] - 1
		m[k] -= 1
		m[k]--
		m[k] *= 1
		m[k] = m[k] * 1
	}
	for k := 0; k < 8; k++ {
		fmt.Print(k, ":", m[k], " ")
	}
	fmt.Println(len(m))

	// Not the same entry: m[k] = m[j] + 1, a[k] = b[k] + 1, y + m[k].
	a, b := map[string]int{"x": 1}, map[string]int{"x": 10}
	j := "x"
	k := "y"
	a[k] = a[j] + 1
	a[j] = b[j] + 1
	b[j] = 5 - b[j]
	a["z"] = 100 + a["z"]
	fmt.Println(show(a), show(b))

	// A missing key reads zero, also into a variable that held a value.
	v, ok := a["x"]
	fmt.Println(v, ok)
	v, ok = a["none"]
	fmt.Println(v, ok)
	_, ok = a["y"]
	v, _ = a["y"]
	fmt.Println(v, ok)
	for _, w := range []string{"x", "q", "y"} {
		if n, ok := a[w]; ok {
			fmt.Println("found", w, n)
		} else {
			fmt.Println("missing", w, n)
		}
	}

	// Words, a named map type, strings.
	c := count(strings.Fields("the cat and the dog and the bird"))
	fmt.Println(show(c), len(c))
	s := map[string]string{}
	for _, w := range []string{"a", "b", "a", "c", "a"} {
		s[w] += w
		s["all"] = s["all"] + w
	}
	fmt.Println(s["a"], s["b"], s["all"], len(s))

	// Bools: in conditions, not.
	seen := map[int]bool{}
	var order []int
	for _, x := range []int{3, 1, 3, 2, 1, 4} {
		if seen[x] {
			continue
		}
		seen[x] = true
		order = append(order, x)
	}
	fmt.Println(order, seen[3], !seen[5], len(seen))
	for i := 0; !seen[i]; i++ {
		fmt.Print("no ", i, " ")
	}
	fmt.Println()

	// Floats: NaN keys are all different, +0 and -0 the same key.
	f := map[float64]int{}
	nan := math.NaN()
	f[nan] = 1
	f[nan] = 2
	f[nan]++
	f[nan] += 5
	_, found := f[nan]
	fmt.Println(len(f), found, f[nan])
	f[0.0]++
	f[math.Copysign(0, -1)]++
	f[1] = 10
	f[1] += 0.5 * 4
	fmt.Println(len(f), f[0], f[1])
	sum := 0
	for k, v := range f {
		if k != k {
			sum += v
		}
	}
	fmt.Println("nan sum", sum)

	total := map[string]float64{}
	u64c := map[int]uint64{}
	for i := 0; i < 4; i++ {
		x := float64(i) / 2
		total["a"] += x
		total["b"] = total["b"] + x
		total["c"] -= x
		u64c[i%2]++
		u64c[i%2] += uint64(i)
	}
	fmt.Println(total["a"], total["b"], total["c"], u64c[0], u64c[1])
	fl := map[string]float64{}
	fl["pi"] += math.Pi
	fl["pi"] *= 2
	fl["e"] = fl["e"] + math.E
	fmt.Printf("%.4f %.4f\n", fl["pi"], fl["e"])

	// Other kinds: runes, bytes, int64, uint wrap, int32 overflow.
	runes := map[rune]int{}
	for _, r := range "héllo wörld" {
		runes[r]++
	}
	fmt.Println(runes['l'], runes['ö'], runes['z'], len(runes))
	bytes := map[byte]uint8{}
	for i := 0; i < 300; i++ {
		bytes[byte(i%3)]++
	}
	fmt.Println(bytes[0], bytes[1], bytes[2])
	u := map[uint]uint{}
	u[1]--
	u[2] -= 3
	fmt.Println(u[1], u[2])
	i64 := map[int64]int64{}
	i64[1<<40] = 1 << 50
	i64[1<<40] *= 8
	fmt.Println(i64[1<<40])
	i32 := map[int32]int32{7: math.MaxInt32}
	i32[7]++
	fmt.Println(i32[7])
	u64 := map[uint64]string{}
	u64[math.MaxUint64] = "max"
	u64[math.MaxUint64] += "!"
	fmt.Println(u64[math.MaxUint64])
	fk := map[float64]bool{1: true}
	fmt.Println(fk[1.0], fk[2])

	// Named element and key types, also with methods.
	temps := map[string]Celsius{}
	temps["mon"] = 20.5
	temps["mon"] += 1
	temps["tue"] = temps["mon"] * 2
	fmt.Println(temps["mon"], temps["tue"], temps["wed"])
	grades := map[Grade]Celsius{}
	var g Grade = 3
	grades[g] = 1.5
	grades[g]++
	fmt.Println(grades[3], grades[g])
	var anyv any = temps["tue"]
	fmt.Println(anyv)
	var st fmt.Stringer = temps["mon"]
	fmt.Println(st.String())

	// Maps in struct fields, pointers, globals, maps of maps, closures.
	sv := store{hits: map[string]int{}, names: map[int]string{}}
	p := &sv
	for _, w := range []string{"a", "b", "a"} {
		p.hits[w]++
		sv.names[len(w)] += w
	}
	fmt.Println(sv.hits["a"], sv.hits["b"], p.names[1])
	for _, r := range "banana" {
		global[r]++
	}
	fmt.Println(global['a'], global['n'], global['b'], len(global))
	nested := map[string]map[string]int{"x": {}}
	nested["x"]["y"]++
	nested["x"]["y"] += 2
	fmt.Println(nested["x"]["y"])
	alias := a
	alias["shared"] = 42
	fmt.Println(a["shared"])
	inc := func(key string) { b[key]++ }
	inc("x")
	inc("x")
	fmt.Println(b["x"])

	// A nil map reads zero and panics when written, as in Go.
	var nilMap map[string]int
	fmt.Println(nilMap["x"], len(nilMap))
	nv, nok := nilMap["x"]
	fmt.Println(nv, nok)
	try("assign", func() { nilMap["x"] = 1 })
	try("inc", func() { nilMap["x"]++ })
	try("add", func() { nilMap["x"] += 2 })
	try("self", func() { nilMap["x"] = nilMap["x"] + 1 })
	var nilNames Counts
	try("named", func() { nilNames["y"]-- })

	// Operators the update step leaves to the general one.
	ops := map[string]int{"a": 100, "b": 7}
	ops["a"] /= 3
	ops["a"] %= 7
	ops["b"] <<= 2
	ops["b"] |= 1
	ops["b"] &^= 4
	ops["c"] += len(ops)
	ops["b"] = ops["b"] / 2
	ops["a"] = 2 * ops["a"]
	fmt.Println(show(ops))
	try("divide", func() { ops["a"] /= len(ops) - 3 })

	// A key from a call, a computed key.
	calls := 0
	key := func() string { calls++; return "k" }
	c2 := map[string]int{}
	c2[key()]++
	c2[key()] += 2
	c2[strings.ToUpper(key())] = c2["k"] + 1
	fmt.Println(c2["k"], c2["K"], calls)
}
