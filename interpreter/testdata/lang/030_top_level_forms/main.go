package main

import (
	"fmt"
	"strconv"
)

func main() {
	m := map[string]int{"a": 1}
	v, ok := m["a"]
	fmt.Println(v, ok)
	var x any = 3
	n, isInt := x.(int)
	fmt.Println(n, isInt)
	ch := make(chan int, 1)
	ch <- 5
	got, open := <-ch
	fmt.Println(got, open)
	total := 0
	for _, s := range []string{"1", "2", "x"} {
		k, err := strconv.Atoi(s)
		if err != nil {
			fmt.Println("bad", s)
			continue
		}
		total += k
	}
	fmt.Println(total)
	for i := 0; i < 2; i++ {
		i := i
		fmt.Println(i)
	}
	var y = total + 1
	fmt.Println(y)
}
