package main

import "fmt"

func main() {
	arr := [3]int{1, 2, 3}
	cp := arr
	cp[0] = 100
	fmt.Println(arr, cp)
	s := arr[:]
	s[1] = 200
	fmt.Println(arr, len(s), cap(s))
	a := make([]int, 3, 10)
	b := append(a, 4)
	a[0] = 9
	fmt.Println(b[0], len(b))
	c := make([]int, 2)
	n := copy(c, []int{7, 8, 9})
	fmt.Println(n, c)
	matrix := make([][]float64, 2)
	for i := range matrix {
		matrix[i] = make([]float64, 2)
		matrix[i][i] = 1
	}
	fmt.Println(matrix)
	var nilSlice []int
	fmt.Println(nilSlice == nil, len(nilSlice), append(nilSlice, 1))
}
