// Named types made of themselves other than structs: a state machine's
// state func returning the next state, a tree of maps, a slice of itself,
// a channel of channels, a pointer to itself; and a variadic parameter of
// such a type, to which a value of its underlying type is one argument.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type lexer struct {
	input string
	pos   int
	items []string
}

type stateFn func(*lexer) stateFn

func lexText(l *lexer) stateFn {
	start := l.pos
	for l.pos < len(l.input) && l.input[l.pos] != ' ' {
		l.pos++
	}
	l.items = append(l.items, l.input[start:l.pos])
	if l.pos == len(l.input) {
		return nil
	}
	return lexSpace
}

func lexSpace(l *lexer) stateFn {
	for l.pos < len(l.input) && l.input[l.pos] == ' ' {
		l.pos++
	}
	return lexText
}

type Tree map[string]Tree

func (t Tree) add(path string) {
	parts := strings.SplitN(path, "/", 2)
	sub, ok := t[parts[0]]
	if !ok {
		sub = Tree{}
		t[parts[0]] = sub
	}
	if len(parts) == 2 {
		sub.add(parts[1])
	}
}

func (t Tree) print(indent string) {
	var keys []string
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(indent + k)
		t[k].print(indent + "  ")
	}
}

type Nest []Nest

func depth(n Nest) int {
	d := 0
	for _, c := range n {
		d = max(d, depth(c)+1)
	}
	return d
}

func count(args ...Nest) int { return len(args) }

type Counter func(int) Counter

func counter(total int) Counter {
	return func(n int) Counter {
		fmt.Println("total", total+n)
		return counter(total + n)
	}
}

type Link *Link

type Ping chan Ping

func self(n int) Counter {
	if n == 0 {
		return nil
	}
	fmt.Println("self", n)
	var c Counter = self
	return c
}

func main() {
	l := &lexer{input: "go  runs   here"}
	for state := stateFn(lexText); state != nil; state = state(l) {
	}
	fmt.Printf("%q\n", l.items)

	t := Tree{}
	for _, p := range []string{"src/main.go", "src/util/strings.go", "README", "src/util/maps.go"} {
		t.add(p)
	}
	t.print("")
	fmt.Println(len(t["src"]["util"]))

	n := Nest{Nest{}, Nest{Nest{Nest{}}}}
	fmt.Println(depth(n), len(n), len(n[1][0]))
	fmt.Println(count(Nest{}), count(), count(n, n), count(n...))

	c := counter(1)(2)(3)
	fmt.Println(c != nil)
	for f := self(3); f != nil; f = f(0) {
	}

	var a Link
	b := Link(&a)
	a = b
	fmt.Println(*a == b, a == b)

	ping := make(Ping, 1)
	ping <- ping
	back := <-ping
	fmt.Println(back == ping, len(ping))
}
