package interp

import (
	"reflect"
	"testing"
)

// The direct paths learn reflect's layouts at start-up and fall back to
// reflect when they do not match: this says when a Go release changed them.
func TestFastPathLayouts(t *testing.T) {
	if !closureLayout.ok {
		t.Error("func values made by makeClosure are not recognised: closures are called through reflect")
	}
	c := &closure{}
	if got := closureOf(makeClosure(reflect.TypeFor[func(int) int](), nil, nil)); got == nil || got == c {
		t.Errorf("closureOf(makeClosure(...)) = %v", got)
	}
	if closureOf(reflect.ValueOf(func() {})) != nil || closureOf(reflect.ValueOf((func())(nil))) != nil {
		t.Error("a compiled func taken for a closure")
	}
	types := []reflect.Type{reflect.TypeFor[int](), reflect.TypeFor[string](), reflect.TypeFor[[]float64]()}
	st := slotStruct(types)
	if st == nil || slotTemplate(st, len(types)) == nil {
		t.Error("frames' slot tables are not made from a template: each slot is a reflect.Value.Field")
	}
	if !typedValues {
		t.Error("reflect.Value is not laid out as valueData reads it: int and float steps, copies, map entries, appends and field and element selectors take reflect's way")
	}
	if _, ok := newTemplateOf(reflect.TypeFor[struct{ X, Y int }]()); !ok {
		t.Error("new values are not made from a template: &T{} looks up *T in reflect's map")
	}
}

// copyPlain copies what reflect.Value.Set would, and declines what it
// cannot copy itself.
func TestCopyPlain(t *testing.T) {
	type celsius float64
	x, p, m := 3, new(int), map[string]int{"a": 1}
	for _, c := range []struct {
		src  any
		copy bool
	}{
		{int64(-7), true}, {uint8(200), true}, {int16(-300), true}, {float32(1.5), true},
		{celsius(36.6), true}, {complex(1, -2), true}, {"héllo", true}, {true, true},
		{p, true}, {m, true}, {make(chan int), true}, {&x, true},
		{struct{ A int }{1}, false}, {[]int{1}, false}, {func() {}, false},
	} {
		src := reflect.ValueOf(c.src)
		dst := reflect.New(src.Type()).Elem()
		if got := copyPlain(&dst, &src); got != c.copy {
			t.Errorf("copyPlain(%T) = %v, want %v", c.src, got, c.copy)
			continue
		}
		if c.copy && !reflect.DeepEqual(dst.Interface(), c.src) {
			t.Errorf("copyPlain(%T) copied %v, want %v", c.src, dst.Interface(), c.src)
		}
	}
	// A destination that cannot be set, or of another kind, or a pointer
	// of another type, is left to Set.
	src := reflect.ValueOf(5)
	if dst := reflect.ValueOf(0); copyPlain(&dst, &src) {
		t.Error("copyPlain wrote a value that cannot be set")
	}
	if dst := reflect.New(reflect.TypeFor[float64]()).Elem(); copyPlain(&dst, &src) {
		t.Error("copyPlain copied an int into a float64")
	}
	type intPtr *int
	pv := reflect.ValueOf(p)
	if dst := reflect.New(reflect.TypeFor[intPtr]()).Elem(); copyPlain(&dst, &pv) {
		t.Error("copyPlain copied a *int into an intPtr, which Set converts")
	}
	// A struct or an array held in memory is copied whole, pointers and
	// all; one of another type, or not in memory, is left to Set.
	type rec struct {
		N int
		S string
		P *int
		A [2]float64
	}
	r := reflect.New(reflect.TypeFor[rec]()).Elem()
	r.Set(reflect.ValueOf(rec{7, "seven", &x, [2]float64{1, 2}}))
	dst := reflect.New(r.Type()).Elem()
	if !copyPlain(&dst, &r) || dst.Interface() != r.Interface() {
		t.Errorf("copyPlain of a struct in memory: copied %v, want %v", dst.Interface(), r.Interface())
	}
	arr := reflect.New(reflect.TypeFor[[3]string]()).Elem()
	arr.Index(1).SetString("b")
	if dstArr := reflect.New(arr.Type()).Elem(); !copyPlain(&dstArr, &arr) || dstArr.Index(1).String() != "b" {
		t.Error("copyPlain did not copy an array in memory")
	}
	type other rec
	if o := reflect.New(reflect.TypeFor[other]()).Elem(); copyPlain(&o, &r) {
		t.Error("copyPlain copied a struct into a struct of another type")
	}
}

// TestAssignmentsInPlaceAllocateNothing checks that single and multiple
// assignments of plain values between variables, elements and fields (a
// swap of ints, of bytes, of strings, a rotation of three, i, j = i+1,
// j-1) allocate nothing when they run: the loop run 101 times allocates
// what it allocates run once. A multiple assignment held its values in a
// temporary that escaped, an allocation each time.
func TestAssignmentsInPlaceAllocateNothing(t *testing.T) {
	i := New(Options{})
	if _, err := i.Eval(`type P struct{ X, Y int }

func shuffle(xs []int, bs []byte, ss []string, p *P, n int) int {
	for r := 0; r < n; r++ {
		for i, j := 0, len(xs)-1; i < j; i, j = i+1, j-1 {
			xs[i], xs[j] = xs[j], xs[i]
			bs[i], bs[j] = bs[j], bs[i]
		}
		ss[0], ss[1], ss[2] = ss[2], ss[0], ss[1]
		p.X, p.Y = p.Y, p.X
		xs[0] = xs[1]
		bs[1] = bs[2]
	}
	return xs[0]
}`); err != nil {
		t.Fatal(err)
	}
	v, err := i.Eval("shuffle")
	if err != nil {
		t.Fatal(err)
	}
	// The interpreter's P is a struct type of its own: the func is called
	// through reflect.
	call := func(n int) {
		v.Call([]reflect.Value{
			reflect.ValueOf([]int{1, 2, 3, 4, 5, 6}), reflect.ValueOf([]byte("abcdef")),
			reflect.ValueOf([]string{"a", "b", "c"}), reflect.New(v.Type().In(3).Elem()), reflect.ValueOf(n),
		})
	}
	once := testing.AllocsPerRun(5, func() { call(1) })
	many := testing.AllocsPerRun(5, func() { call(101) })
	if many > once {
		t.Errorf("the loop run 101 times made %v allocations, run once %v", many, once)
	}
}
