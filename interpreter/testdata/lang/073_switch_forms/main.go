package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	default:
		return "C"
	}
}

func main() {
	for _, s := range []int{95, 85, 50} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()
	switch x := 2; x {
	case 1, 2:
		fmt.Println("small")
		fallthrough
	case 3:
		fmt.Println("three-ish")
	case 4:
		fmt.Println("four")
	}
	for i := range 3 {
		switch i {
		case 1:
			continue
		}
		fmt.Println("i", i)
	}
}
