// pidigits, the task of The Computer Language Benchmarks Game
// (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/pidigits.html):
// the first n digits of π by Gibbons' unbounded spigot algorithm on
// arbitrary-precision integers (math/big here, Python's int in
// pidigits.py), ten digits a line. Written plainly from the task's
// description; pidigits.py is the same program.
package main

import (
	"fmt"
	"math/big"
	"os"
	"strconv"
)

func main() {
	n := 27
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	numer, accum, denom := big.NewInt(1), big.NewInt(0), big.NewInt(1)
	tmp1, tmp2 := new(big.Int), new(big.Int)
	three, four, ten := big.NewInt(3), big.NewInt(4), big.NewInt(10)

	extract := func(nth *big.Int) int64 {
		tmp1.Mul(numer, nth)
		tmp2.Add(tmp1, accum)
		tmp1.Quo(tmp2, denom)
		return tmp1.Int64()
	}
	line := ""
	for i, k := 0, int64(0); i < n; {
		k++
		k2 := k*2 + 1
		// next term
		tmp1.Lsh(numer, 1)
		accum.Add(accum, tmp1)
		accum.Mul(accum, big.NewInt(k2))
		denom.Mul(denom, big.NewInt(k2))
		numer.Mul(numer, big.NewInt(k))
		if numer.Cmp(accum) > 0 {
			continue
		}
		d := extract(three)
		if d != extract(four) {
			continue
		}
		line += strconv.FormatInt(d, 10)
		i++
		if i%10 == 0 || i == n {
			fmt.Printf("%-10s\t:%d\n", line, i)
			line = ""
		}
		// eliminate digit
		accum.Sub(accum, tmp1.Mul(denom, big.NewInt(d)))
		accum.Mul(accum, ten)
		numer.Mul(numer, ten)
	}
}
