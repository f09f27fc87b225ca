package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func memo() func(int) int {
	cache := map[int]int{}
	var f func(int) int
	f = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := cache[n]; ok {
			return v
		}
		v := f(n-1) + f(n-2)
		cache[n] = v
		return v
	}
	return f
}

func main() {
	fmt.Println(fib(15))
	fmt.Println(memo()(60))
}
