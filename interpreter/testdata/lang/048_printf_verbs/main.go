package main

import "fmt"

type Point struct{ X, Y int }

type Named string

func main() {
	p := Point{1, 2}
	fmt.Printf("%v %+v %T\n", p, p, p)
	fmt.Printf("%T %T %T\n", &p, []Point{}, map[string]Point{})
	fmt.Printf("%5d|%-5s|%05.2f|%x|%q\n", 42, "ab", 3.14159, 255, "hi")
	var n Named = "go"
	fmt.Printf("%s %q %v %T\n", n, n, n, n)
	fmt.Printf("%t %c %U %e\n", true, 'A', 'A', 12345.678)
	fmt.Printf("%[2]d %[1]d\n", 1, 2)
	fmt.Println(fmt.Sprint("a", 1, 2, "b"), fmt.Sprint(1, 2))
}
