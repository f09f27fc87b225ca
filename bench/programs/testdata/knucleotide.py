# k-nucleotide, the task of The Computer Language Benchmarks Game
# (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/knucleotide.html):
# read the sequence >THREE of fasta's output from standard input, count
# every 1- and 2-nucleotide substring in a hash table (printed by
# frequency) and the occurrences of five given substrings. Written plainly
# from the task's description, with its output format; knucleotide.go is
# the same program.
import sys


def frequencies(seq, k):
    counts = {}
    for i in range(len(seq) - k + 1):
        key = seq[i:i + k]
        counts[key] = counts.get(key, 0) + 1
    return counts


def main():
    lines = iter(sys.stdin.read().splitlines())
    for line in lines:
        if line.startswith(">THREE"):
            break
    parts = []
    for line in lines:
        if line.startswith(">"):
            break
        parts.append(line.upper())
    seq = "".join(parts)

    for k in (1, 2):
        counts = frequencies(seq, k)
        keys = sorted(counts, key=lambda key: (-counts[key], key))
        total = len(seq) - k + 1
        for key in keys:
            print("%s %.3f" % (key, 100 * counts[key] / total))
        print()
    for s in ("GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"):
        print("%d\t%s" % (frequencies(seq, len(s)).get(s, 0), s))


main()
