# spectral-norm, the task of The Computer Language Benchmarks Game
# (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/spectralnorm.html):
# the spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1),
# truncated to n×n, by ten steps of the power method. Written plainly from
# the task's description; spectralnorm.go is the same program.
import math
import sys


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_u(u, v):
    for i in range(len(v)):
        s = 0.0
        for j, uj in enumerate(u):
            s += eval_a(i, j) * uj
        v[i] = s


def times_transposed_u(u, v):
    for i in range(len(v)):
        s = 0.0
        for j, uj in enumerate(u):
            s += eval_a(j, i) * uj
        v[i] = s


def a_times_transposed_u(u, v):
    w = [0.0] * len(u)
    times_u(u, w)
    times_transposed_u(w, v)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    u = [1.0] * n
    v = [0.0] * n
    for _ in range(10):
        a_times_transposed_u(u, v)
        a_times_transposed_u(v, u)
    vbv = vv = 0.0
    for i, vi in enumerate(v):
        vbv += u[i] * vi
        vv += vi * vi
    print("%0.9f" % math.sqrt(vbv / vv))


main()
