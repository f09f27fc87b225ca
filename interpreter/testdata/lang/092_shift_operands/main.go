package main

import "fmt"

const total = 1 << 20

func half(a int) int { return a / 2 }

func scaled(x float64, n int64) float64 { return x * float64(n) }

func main() {
	for i := range 4 {
		fmt.Println(half(total/(1<<i)), half(1<<i), scaled(1.5, 1<<(2*i)))
	}
	var u uint8 = 3
	fmt.Println(1<<u, uint16(1)<<u, int64(1)<<(u+60), 256>>u)
	masks := []uint32{}
	for b := range 3 {
		masks = append(masks, 1<<b|1<<(b+4))
	}
	fmt.Println(masks)
}
