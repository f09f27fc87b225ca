# mandelbrot, the task of The Computer Language Benchmarks Game
# (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/mandelbrot.html):
# the Mandelbrot set on [-1.5-i, 0.5+i] as an n×n bitmap, 50 iterations
# with escape at 2, written as a portable bitmap (PBM) to standard output.
# Written plainly from the task's description; mandelbrot.go is the same
# program.
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    out = bytearray(b"P4\n%d %d\n" % (n, n))
    for y in range(n):
        bits = bit = 0
        ci = 2 * y / n - 1
        for x in range(n):
            cr = 2 * x / n - 1.5
            zr = zi = tr = ti = 0.0
            i = 0
            while i < 50 and tr + ti <= 4:
                zi = 2 * zr * zi + ci
                zr = tr - ti + cr
                tr = zr * zr
                ti = zi * zi
                i += 1
            bits <<= 1
            if tr + ti <= 4:
                bits |= 1
            bit += 1
            if bit == 8:
                out.append(bits)
                bits = bit = 0
        if bit > 0:
            out.append((bits << (8 - bit)) & 0xFF)
    sys.stdout.buffer.write(out)
    sys.stdout.flush()


main()
