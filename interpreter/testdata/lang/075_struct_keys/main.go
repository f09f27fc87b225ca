package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	visits := map[Point]int{}
	path := []Point{{0, 0}, {1, 0}, {0, 0}, {1, 1}, {0, 0}}
	for _, p := range path {
		visits[p]++
	}
	fmt.Println(visits[Point{0, 0}], len(visits))
	fmt.Println(Point{1, 2} == Point{1, 2}, Point{1, 2} == Point{2, 1})
	fmt.Println(visits)
	type Cell struct {
		Alive bool
		Age   int
	}
	board := map[Point]Cell{{1, 1}: {true, 3}}
	c := board[Point{1, 1}]
	c.Age++
	board[Point{1, 1}] = c
	fmt.Printf("%+v\n", board[Point{1, 1}])
}
