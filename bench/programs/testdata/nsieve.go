// nsieve, a task of the old Computer Language Shootout
// (http://shootout.alioth.debian.org/, the Benchmarks
// Game's predecessor): count the primes up to m with the sieve of
// Eratosthenes on an array of flags, for m = 2^n × 10000, 2^(n-1) × 10000
// and 2^(n-2) × 10000. Written plainly from the task's description, with
// its output format; nsieve.py is the same program.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func nsieve(m int, isPrime []bool) int {
	for i := 2; i <= m; i++ {
		isPrime[i] = true
	}
	count := 0
	for i := 2; i <= m; i++ {
		if isPrime[i] {
			for k := i + i; k <= m; k += i {
				isPrime[k] = false
			}
			count++
		}
	}
	return count
}

func main() {
	n := 2
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	flags := make([]bool, (1<<n)*10000+1)
	for i := 0; i < 3; i++ {
		m := (1 << (n - i)) * 10000
		fmt.Printf("Primes up to %8d %8d\n", m, nsieve(m, flags))
	}
}
