package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

func main() {
	c := complex(1, 2)
	fmt.Println(c, real(c), imag(c))
	z := cmplx.Exp(complex(0, math.Pi))
	fmt.Printf("%.3f\n", real(z))
	const k = 2i
	fmt.Println(k * k)
	var w complex128 = 3 + 4i
	fmt.Println(cmplx.Abs(w))
}
