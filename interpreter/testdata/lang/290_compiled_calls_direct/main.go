package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	w.n++
	return 0, errors.New("disk full")
}

type doc struct {
	title string
	body  strings.Builder
}

func parse(s string) (int, error) {
	return strconv.Atoi(s)
}

func joined(b *strings.Builder) string {
	return b.String()
}

func stars(n int) string {
	return strings.Repeat("*", n)
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked:", r)
		}
	}()
	f()
}

func main() {
	// A local Builder: each write reaches the variable (its address).
	var b strings.Builder
	for i := 0; i < 5; i++ {
		b.WriteString("ab")
		b.WriteByte('-')
		b.WriteRune('é')
	}
	b.Grow(64)
	fmt.Println(b.String(), b.Len(), len(b.String()))

	// cell
	// Results assigned, defined, blank and redeclared.
	n, err := b.WriteString("xyz")
	fmt.Println(n, err, err == nil)
	_, err = b.WriteString("")
	fmt.Println(err == nil)
	n, err2 := b.WriteRune('世')
	fmt.Println(n, err2)
	err = b.WriteByte('!')
	fmt.Println(err, b.Len())

	// Each iteration's variables are its own: closures keep theirs.
	var fs []func() int
	for _, s := range []string{"a", "bb", "ccc"} {
		k, e := b.WriteString(s)
		if e != nil {
			panic(e)
		}
		fs = append(fs, func() int { return k })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// cell
	// A bytes.Buffer as a value, a pointer, in a struct and in a slice.
	var buf bytes.Buffer
	buf.WriteString("hello")
	buf.WriteByte(' ')
	buf.Write([]byte("world"))
	pb := &buf
	pb.WriteRune('!')
	fmt.Println(buf.String(), pb.Len(), string(pb.Bytes()))
	d := doc{title: "t"}
	d.body.WriteString("in a struct")
	pd := &d
	pd.body.WriteString(", through a pointer")
	fmt.Println(d.title, d.body.String())
	bs := make([]strings.Builder, 2)
	bs[1].WriteString("element")
	fmt.Println(bs[0].Len(), bs[1].String())

	// A bufio.Writer whose writer fails: the errors are real ones, and a
	// nil error is nil.
	w := bufio.NewWriterSize(&failWriter{}, 16)
	_, err = w.WriteString("short")
	fmt.Println(err == nil, err)
	var errs []error
	for i := 0; i < 3; i++ {
		_, e := w.WriteString("a string longer than the buffer")
		errs = append(errs, e)
	}
	fmt.Println(errs, w.Flush())
	var out bytes.Buffer
	ow := bufio.NewWriter(&out)
	for i := 0; i < 3; i++ {
		ow.WriteString(strconv.Itoa(i))
		ow.WriteByte(',')
	}
	fmt.Println(ow.Flush() == nil, out.String())

	// cell
	// Compiled funcs: results in variables, returned, in conditions.
	v, err := strconv.Atoi("123")
	fmt.Println(v, err)
	v, err = strconv.Atoi("12x")
	fmt.Println(v, err)
	var perr *strconv.NumError
	fmt.Println(errors.As(err, &perr), perr.Func)
	fmt.Println(parse("-7"))
	fmt.Println(parse(""))
	fmt.Println(joined(&b) == b.String(), stars(3))
	var anyv any
	anyv, err = strconv.Atoi("5")
	fmt.Println(anyv, err)
	var e2 error
	var n2 int
	n2, e2 = strconv.Atoi("z")
	fmt.Println(n2, e2, e2 != nil)
	n2, e2 = strconv.Atoi("8")
	fmt.Println(n2, e2, e2 == nil, errors.New("made"))
	words := strings.Fields(" the quick  brown fox ")
	count := 0
	for _, wd := range words {
		if strings.HasPrefix(wd, "b") || strings.Contains(wd, "ui") {
			count++
		}
	}
	fmt.Println(len(words), count, strings.Split("a,b,c", ","), strings.Index("chicken", "ken"))
	letters := 0
	for _, r := range "a1b2 c!" {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	fmt.Println(letters, string(unicode.ToUpper('q')), strings.ToUpper("up"), strconv.FormatInt(-255, 16))
	sc := bufio.NewScanner(strings.NewReader("one\ntwo\nthree\n"))
	lines := 0
	for sc.Scan() {
		lines++
		fmt.Print(sc.Text(), ";")
	}
	fmt.Println(lines)

	// cell
	// math/big: pointer arguments and results.
	x := big.NewInt(1)
	for i := int64(1); i <= 25; i++ {
		x.Mul(x, big.NewInt(i))
	}
	y := new(big.Int).SetInt64(1000)
	z := new(big.Int).Add(x, y)
	fmt.Println(x, z.Cmp(x), x.Cmp(z), y.Cmp(y))

	// cell
	// Panics are Go's: a nil receiver, a compiled func's own panic, a
	// Builder copied after use.
	try("nil builder", func() {
		var pb *strings.Builder
		pb.WriteString("x")
	})
	try("nil buffer", func() {
		var pb *bytes.Buffer
		fmt.Println(pb.Len())
	})
	try("repeat", func() {
		fmt.Println(strings.Repeat("x", -1))
	})
	try("copy", func() {
		var a strings.Builder
		a.WriteString("x")
		c := a
		c.WriteString("y")
	})
	try("big", func() {
		var nz *big.Int
		fmt.Println(nz.Cmp(x))
	})
}
