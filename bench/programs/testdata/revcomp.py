# reverse-complement, the task of The Computer Language Benchmarks Game
# (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/revcomp.html):
# read fasta's output from standard input and write each sequence's
# reverse complement (A<->T, C<->G and the IUB codes), 60 characters a
# line, under its header. Written plainly from the task's description;
# revcomp.go is the same program.
import sys

COMPLEMENT = {
    "A": "T", "C": "G", "G": "C", "T": "A", "U": "A", "M": "K", "R": "Y", "W": "W",
    "S": "S", "Y": "R", "K": "M", "V": "B", "H": "D", "D": "H", "B": "V", "N": "N",
}


def write(out, header, seq):
    if header == "":
        return
    out.append(header)
    out.append("\n")
    # Complement, reversed.
    rev = [COMPLEMENT.get(c.upper(), c) for c in reversed(seq)]
    for i in range(0, len(rev), 60):
        out.append("".join(rev[i:i + 60]))
        out.append("\n")


def main():
    data = sys.stdin.read()
    out = []
    header = ""
    seq = []
    for line in data.split("\n"):
        if line.startswith(">"):
            write(out, header, "".join(seq))
            header, seq = line, []
        else:
            seq.append(line)
    write(out, header, "".join(seq))
    sys.stdout.write("".join(out))


main()
