# The concurrent prime sieve, a Go classic also on Rosetta Code
# (https://rosettacode.org/wiki/Sieve_of_Eratosthenes, "Concurrent"
# version; hanabi1224's Programming-Language-Benchmarks calls it
# coro-prime-sieve): a generator yields 2, 3, 4, ... and each prime found
# adds a generator that filters its multiples out of the stream, the
# filters chained. primesieve.go is the same daisy chain with goroutines
# and unbuffered channels. Written plainly from the task's description.
import sys


def generate():
    i = 2
    while True:
        yield i
        i += 1


def filter_(source, prime):
    for i in source:
        if i % prime != 0:
            yield i


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    ch = generate()
    total = 0
    for i in range(n):
        prime = next(ch)
        total += prime
        if i >= n - 5:
            print(prime)
        ch = filter_(ch, prime)
    print("sum of the first", n, "primes:", total)


main()
