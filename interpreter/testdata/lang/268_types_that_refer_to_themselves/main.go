// Named types that refer to themselves through a func, a chan, a slice or
// a map: a lexer's state functions, each returning the next, a channel of
// reply channels, a tree of nested lists and a trie of maps.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

type lexer struct {
	input  string
	start  int
	pos    int
	tokens []string
}

// stateFn is a state of the lexer, returning the next state.
type stateFn func(*lexer) stateFn

func (l *lexer) emit(kind string) {
	l.tokens = append(l.tokens, kind+":"+l.input[l.start:l.pos])
	l.start = l.pos
}

func lexAny(l *lexer) stateFn {
	for l.pos < len(l.input) && l.input[l.pos] == ' ' {
		l.pos++
		l.start = l.pos
	}
	if l.pos >= len(l.input) {
		return nil
	}
	if unicode.IsDigit(rune(l.input[l.pos])) {
		return lexNumber
	}
	return lexWord
}

func lexNumber(l *lexer) stateFn {
	for l.pos < len(l.input) && unicode.IsDigit(rune(l.input[l.pos])) {
		l.pos++
	}
	l.emit("num")
	return lexAny
}

func lexWord(l *lexer) stateFn {
	for l.pos < len(l.input) && l.input[l.pos] != ' ' {
		l.pos++
	}
	l.emit("word")
	return lexAny
}

// countdown returns itself until it reaches zero.
type countdown func() (int, countdown)

func from(n int) countdown {
	return func() (int, countdown) {
		if n == 0 {
			return 0, nil
		}
		return n, from(n - 1)
	}
}

// A request carries the channel to answer on.
type Request chan Request

type Nested []Nested

func depth(n Nested) int {
	d := 0
	for _, c := range n {
		d = max(d, depth(c))
	}
	return d + 1
}

type Trie map[rune]Trie

func (t Trie) Add(word string) {
	for _, r := range word {
		next, ok := t[r]
		if !ok {
			next = Trie{}
			t[r] = next
		}
		t = next
	}
}

func (t Trie) Count() int {
	n := 1
	for _, c := range t {
		n += c.Count()
	}
	return n
}

func main() {
	l := &lexer{input: "go 1 26 gophers"}
	for state := stateFn(lexAny); state != nil; {
		state = state(l)
	}
	fmt.Println(strings.Join(l.tokens, " "))

	var got []int
	for n, next := from(3)(); next != nil; n, next = next() {
		got = append(got, n)
	}
	fmt.Println(got)

	server := make(Request)
	go func() {
		for reply := range server {
			reply <- reply
		}
	}()
	reply := make(Request, 1)
	server <- reply
	fmt.Println(<-reply == reply)
	close(server)

	tree := Nested{Nested{}, Nested{Nested{Nested{}}}}
	fmt.Println(len(tree), depth(tree))

	t := Trie{}
	for _, w := range []string{"go", "gopher", "goroutine"} {
		t.Add(w)
	}
	fmt.Println(t.Count())
	fmt.Printf("%T %T %T\n", stateFn(lexAny) != nil, tree, t)
}
