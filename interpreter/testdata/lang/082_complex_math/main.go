package main

import (
	"fmt"
	"math/cmplx"
)

func main() {
	roots := []complex128{}
	for k := range 4 {
		roots = append(roots, cmplx.Rect(1, float64(k)*3.141592653589793/2))
	}
	for _, r := range roots {
		fmt.Printf("%.2f %.2f\n", real(r), imag(r))
	}
	z := cmplx.Sqrt(-4)
	fmt.Println(z, cmplx.Abs(3+4i), cmplx.Conj(1+2i))
	var sum complex64
	for _, v := range []complex64{1 + 1i, 2 - 3i} {
		sum += v
	}
	fmt.Println(sum)
}
