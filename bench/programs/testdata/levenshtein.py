# Levenshtein distance, a task of Rosetta Code
# (https://rosettacode.org/wiki/Levenshtein_distance): the edit distance
# of the task's pairs, then of pairs of longer words made by a linear
# congruential generator (Park and Miller's minimal standard), by the
# dynamic programme on two rows. Written plainly from the task's
# description; levenshtein.go is the same program.
import sys


def levenshtein(s, t):
    prev = list(range(len(t) + 1))
    cur = [0] * (len(t) + 1)
    for i in range(1, len(s) + 1):
        cur[0] = i
        for j in range(1, len(t) + 1):
            cost = 0 if s[i - 1] == t[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev, cur = cur, prev
    return prev[len(t)]


seed = 1


def word(n):
    global seed
    b = []
    for _ in range(n):
        seed = seed * 16807 % 2147483647
        b.append("acgt"[seed % 4])
    return "".join(b)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    print("kitten sitting", levenshtein("kitten", "sitting"))
    print("rosettacode raisethysword", levenshtein("rosettacode", "raisethysword"))
    total = 0
    for i in range(10):
        d = levenshtein(word(n), word(n + i))
        total += d
        print("pair %d: %d" % (i, d))
    print("total", total)


main()
