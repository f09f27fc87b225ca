// Descriptive statistics with gonum's stat, floats and distuv.
package main

import (
	"fmt"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

func main() {
	xs := []float64{2, 4, 4, 4, 5, 5, 7, 9}
	fmt.Println("mean:", stat.Mean(xs, nil))
	fmt.Println("std dev:", stat.StdDev(xs, nil))
	fmt.Println("weighted mean:", stat.Mean(xs, []float64{1, 1, 1, 1, 1, 1, 1, 9}))
	fmt.Println("sum:", floats.Sum(xs), "max:", floats.Max(xs))
	n := distuv.Normal{Mu: 0, Sigma: 1}
	fmt.Printf("P(Z < 1.96) = %.4f\n", n.CDF(1.96))
}
