// Bytes and runes compared: elements of strings, of byte and rune slices,
// variables, globals and constants, with ==, !=, <, <=, >= and >, in
// conditions of ifs and fors and joined by && and ||, a byte of a string
// copied to a variable, and a string index out of range.
package main

import "fmt"

var gs = "global"

func scan(s, t string, bs []byte, rs []rune) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == 'a' {
			n++
		}
		if s[i] >= 'a' && s[i] <= 'm' {
			n += 10
		}
	}
	for j := 0; j < len(t) && j < len(s); j++ {
		if s[j] != t[j] {
			n += 100
		}
	}
	var c byte = 'z'
	for _, b := range bs {
		if b < c {
			n += 1000
		}
	}
	for i := range rs {
		if rs[i] == 'é' || rs[i] > 1000 {
			n += 10000
		}
	}
	if gs[0] == 'g' {
		n++
	}
	b0 := s[1]
	fmt.Println(n, b0, string(b0))
}

func bad(s string, i int) {
	defer func() { fmt.Println(recover()) }()
	if s[i] == 'x' {
		fmt.Println("no")
	}
}
func main() {
	scan("banana split", "bandana", []byte("hello"), []rune("héllo€"))
	bad("abc", 5)
	bad("", 0)
}
