// Matrix multiplication with gonum's mat.Dense.
package main

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

func main() {
	a := mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6})
	b := mat.NewDense(3, 2, []float64{7, 8, 9, 10, 11, 12})
	var c mat.Dense
	c.Mul(a, b)
	fmt.Printf("c = %v\n", mat.Formatted(&c, mat.Prefix("    ")))
	r, k := c.Dims()
	fmt.Println("dims:", r, k, "trace:", mat.Trace(&c))
	var t mat.Dense
	t.Mul(a.T(), a)
	fmt.Printf("aᵀa = %.1f\n", mat.Formatted(&t, mat.Prefix("      ")))
}
