# pidigits, the task of The Computer Language Benchmarks Game
# (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/pidigits.html):
# the first n digits of π by Gibbons' unbounded spigot algorithm on
# arbitrary-precision integers (Python's int here, math/big in
# pidigits.go), ten digits a line. Written plainly from the task's
# description; pidigits.go is the same program.
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 27
    numer, accum, denom = 1, 0, 1

    def extract(nth):
        return (numer * nth + accum) // denom

    line = ""
    i = k = 0
    while i < n:
        k += 1
        k2 = k * 2 + 1
        # next term
        accum = (accum + (numer << 1)) * k2
        denom *= k2
        numer *= k
        if numer > accum:
            continue
        d = extract(3)
        if d != extract(4):
            continue
        line += str(d)
        i += 1
        if i % 10 == 0 or i == n:
            print("%-10s\t:%d" % (line, i))
            line = ""
        # eliminate digit
        accum = (accum - denom * d) * 10
        numer *= 10


main()
