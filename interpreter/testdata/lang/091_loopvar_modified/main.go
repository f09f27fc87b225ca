package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 10; i++ {
		if i%3 == 1 {
			i++
			continue
		}
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	fmt.Println(*ps[0], *ps[1], *ps[2])
}
