// mandelbrot, the task of The Computer Language Benchmarks Game
// (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/mandelbrot.html):
// the Mandelbrot set on [-1.5-i, 0.5+i] as an n×n bitmap, 50 iterations
// with escape at 2, written as a portable bitmap (PBM) to standard output.
// Written plainly from the task's description; mandelbrot.py is the same
// program.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 200
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintf(out, "P4\n%d %d\n", n, n)
	for y := 0; y < n; y++ {
		bits, bit := byte(0), 0
		ci := 2*float64(y)/float64(n) - 1
		for x := 0; x < n; x++ {
			cr := 2*float64(x)/float64(n) - 1.5
			zr, zi, tr, ti := 0.0, 0.0, 0.0, 0.0
			i := 0
			for ; i < 50 && tr+ti <= 4; i++ {
				zi = 2*zr*zi + ci
				zr = tr - ti + cr
				tr = zr * zr
				ti = zi * zi
			}
			bits <<= 1
			if tr+ti <= 4 {
				bits |= 1
			}
			bit++
			if bit == 8 {
				out.WriteByte(bits)
				bits, bit = 0, 0
			}
		}
		if bit > 0 {
			out.WriteByte(bits << (8 - bit))
		}
	}
}
