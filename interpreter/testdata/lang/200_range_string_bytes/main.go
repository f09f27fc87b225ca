package main

import "fmt"

type name string

func main() {
	// Ranging over a string decodes one rune at a time from its bytes: an
	// invalid byte is one utf8.RuneError, and the index is a byte offset.
	s := "a\xca\xfeé€\xed\xa0\x80z"
	for i, r := range s {
		fmt.Printf("%d:%U ", i, r)
	}
	fmt.Println()

	// With the index alone, it is still the byte offset of each rune.
	for i := range "héllo" {
		fmt.Print(i, " ")
	}
	fmt.Println()

	n := 0
	for range "日本語" {
		n++
	}
	fmt.Println("runes:", n)

	// A named string type ranges the same way.
	for i, r := range name("ñu") {
		fmt.Print(i, string(r), " ")
	}
	fmt.Println()
}
