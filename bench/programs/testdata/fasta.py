# fasta, the task of The Computer Language Benchmarks Game
# (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/fasta.html):
# DNA sequences in FASTA format, one copied from the ALU repeat and two
# drawn with the task's linear congruential generator from weighted
# alphabets, 60 characters a line. Written plainly from the task's
# description, with its constants; fasta.go is the same program.
# knucleotide and revcomp read what this writes.
import sys

ALU = (
    "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG"
    "GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA"
    "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT"
    "ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA"
    "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG"
    "AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC"
    "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"
)

LINE_LENGTH = 60
IM, IA, IC = 139968, 3877, 29573
last = 42


def random(max_):
    global last
    last = (last * IA + IC) % IM
    return max_ * last / IM


def repeat_fasta(out, header, s, n):
    out.append(header)
    pos = 0
    while n > 0:
        line = min(n, LINE_LENGTH)
        chars = []
        for _ in range(line):
            chars.append(s[pos])
            pos += 1
            if pos == len(s):
                pos = 0
        out.append("".join(chars))
        out.append("\n")
        n -= line


def random_fasta(out, header, acids, n):
    out.append(header)
    # Cumulative probabilities.
    p = 0.0
    cumulative = []
    for c, q in acids:
        p += q
        cumulative.append((c, p))
    while n > 0:
        line = min(n, LINE_LENGTH)
        chars = []
        for _ in range(line):
            r = random(1)
            for c, q in cumulative:
                if r < q:
                    chars.append(c)
                    break
        out.append("".join(chars))
        out.append("\n")
        n -= line


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    iub = [
        ("a", 0.27), ("c", 0.12), ("g", 0.12), ("t", 0.27),
        ("B", 0.02), ("D", 0.02), ("H", 0.02), ("K", 0.02),
        ("M", 0.02), ("N", 0.02), ("R", 0.02), ("S", 0.02),
        ("V", 0.02), ("W", 0.02), ("Y", 0.02),
    ]
    homo_sapiens = [
        ("a", 0.3029549426680), ("c", 0.1979883004921),
        ("g", 0.1975473066391), ("t", 0.3015094502008),
    ]
    out = []
    repeat_fasta(out, ">ONE Homo sapiens alu\n", ALU, 2 * n)
    random_fasta(out, ">TWO IUB ambiguity codes\n", iub, 3 * n)
    random_fasta(out, ">THREE Homo sapiens frequency\n", homo_sapiens, 5 * n)
    sys.stdout.write("".join(out))


main()
