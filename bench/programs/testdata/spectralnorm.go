// spectral-norm, the task of The Computer Language Benchmarks Game
// (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/spectralnorm.html):
// the spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1),
// truncated to n×n, by ten steps of the power method. Written plainly from
// the task's description; spectralnorm.py is the same program.
package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
)

func evalA(i, j int) float64 {
	return 1 / float64((i+j)*(i+j+1)/2+i+1)
}

func timesU(u, v []float64) {
	for i := range v {
		s := 0.0
		for j, uj := range u {
			s += evalA(i, j) * uj
		}
		v[i] = s
	}
}

func timesTransposedU(u, v []float64) {
	for i := range v {
		s := 0.0
		for j, uj := range u {
			s += evalA(j, i) * uj
		}
		v[i] = s
	}
}

func aTimesTransposedU(u, v []float64) {
	w := make([]float64, len(u))
	timesU(u, w)
	timesTransposedU(w, v)
}

func main() {
	n := 100
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	u := make([]float64, n)
	for i := range u {
		u[i] = 1
	}
	v := make([]float64, n)
	for i := 0; i < 10; i++ {
		aTimesTransposedU(u, v)
		aTimesTransposedU(v, u)
	}
	var vBv, vv float64
	for i, vi := range v {
		vBv += u[i] * vi
		vv += vi * vi
	}
	fmt.Printf("%0.9f\n", math.Sqrt(vBv/vv))
}
