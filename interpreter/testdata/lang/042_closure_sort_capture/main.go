package main

import (
	"fmt"
	"sort"
)

func main() {
	people := []struct {
		Name string
		Age  int
	}{{"Ann", 30}, {"Bob", 25}, {"Cid", 35}}
	for _, key := range []string{"name", "age"} {
		sorted := append(people[:0:0], people...)
		sort.Slice(sorted, func(i, j int) bool {
			if key == "age" {
				return sorted[i].Age < sorted[j].Age
			}
			return sorted[i].Name > sorted[j].Name
		})
		fmt.Println(key, sorted)
	}
}
