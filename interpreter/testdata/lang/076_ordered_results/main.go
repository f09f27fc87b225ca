package main

import "fmt"

type result struct {
	idx, val int
}

func main() {
	inputs := []int{3, 1, 4, 1, 5, 9, 2, 6}
	ch := make(chan result)
	for i, v := range inputs {
		go func() {
			ch <- result{i, v * v}
		}()
	}
	out := make([]int, len(inputs))
	for range inputs {
		r := <-ch
		out[r.idx] = r.val
	}
	fmt.Println(out)
}
