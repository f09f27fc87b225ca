package main

import "fmt"

// Switch cases are tried top to bottom whatever the place of default,
// fallthrough goes to the next clause in the source, and strings convert
// to and from slices of defined byte and rune types.

type B byte
type R rune

func check(name string, result bool) bool {
	fmt.Print(name, " ")
	return result
}

func main() {
	for _, x := range []int{1, 2, 3} {
		switch {
		default:
			fmt.Print("default ")
			fallthrough
		case check("first", x == 1):
			fmt.Print("first-body ")
		case check("second", x == 2):
			fmt.Print("second-body ")
		case check("third", false):
		}
		fmt.Println()
	}
	count := 0
	switch 5 {
	case 5:
		count++
		fallthrough
	default:
		count += 10
	case 6:
		count += 100
	}
	fmt.Println(count)

	bs := []B("héllo")
	rs := []R("héllo")
	fmt.Println(len(bs), len(rs), string(bs), string(rs), bs[1], rs[1])
}
