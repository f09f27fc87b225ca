# fannkuch-redux, the task of The Computer Language Benchmarks Game
# (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/fannkuchredux.html):
# for every permutation of 1..n, in the task's order, count the flips of
# the pancake stack until 1 is on top; print the checksum and the maximum.
# Written plainly from the task's description; fannkuchredux.go is the
# same program.
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = checksum = perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[: k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        max_flips = max(max_flips, flips)
        checksum += flips if perm_count % 2 == 0 else -flips
        # The next permutation: rotate the first r+1 elements until a
        # count is left.
        while True:
            if r == n:
                return checksum, max_flips
            perm0 = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    checksum, flips = fannkuch(n)
    print("%d\nPfannkuchen(%d) = %d" % (checksum, n, flips))


main()
