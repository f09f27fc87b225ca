package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

func main() {
	r := rand.New(rand.NewPCG(42, 7))
	deck := make([]int, 10)
	for i := range deck {
		deck[i] = i
	}
	r.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	sorted := slices.Clone(deck)
	slices.Sort(sorted)
	fmt.Println(len(deck), sorted)
	hist := make([]int, 3)
	for range 300 {
		hist[r.IntN(3)]++
	}
	fmt.Println(hist[0]+hist[1]+hist[2], min(hist[0], hist[1], hist[2]) > 50)
	fmt.Println(rand.N(1) == 0)
}
