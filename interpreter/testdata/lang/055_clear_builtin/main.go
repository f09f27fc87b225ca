package main

import "fmt"

func main() {
	seen := map[int]bool{1: true, 2: true}
	clear(seen)
	seen[3] = true
	fmt.Println(seen, len(seen))
	buf := []byte("hello")
	clear(buf[1:3])
	fmt.Println(buf)
	type T struct{ A int }
	ts := []T{{1}, {2}}
	clear(ts)
	fmt.Println(ts)
}
