# nsieve, a task of the old Computer Language Shootout
# (http://shootout.alioth.debian.org/, the Benchmarks
# Game's predecessor): count the primes up to m with the sieve of
# Eratosthenes on an array of flags, for m = 2^n × 10000, 2^(n-1) × 10000
# and 2^(n-2) × 10000. Written plainly from the task's description, with
# its output format; nsieve.go is the same program.
import sys


def nsieve(m, is_prime):
    for i in range(2, m + 1):
        is_prime[i] = True
    count = 0
    for i in range(2, m + 1):
        if is_prime[i]:
            for k in range(i + i, m + 1, i):
                is_prime[k] = False
            count += 1
    return count


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    flags = [False] * ((1 << n) * 10000 + 1)
    for i in range(3):
        m = (1 << (n - i)) * 10000
        print("Primes up to %8d %8d" % (m, nsieve(m, flags)))


main()
