# Hailstone sequence, a task of Rosetta Code
# (https://rosettacode.org/wiki/Hailstone_sequence): the Collatz sequence
# of 27 (its length, first and last four numbers), and the number below n
# with the longest sequence. Written plainly from the task's description;
# hailstone.go is the same program.
import sys


def hailstone(n):
    seq = [n]
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        seq.append(n)
    return seq


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    s = hailstone(27)
    print("hailstone(27): %d numbers, starting [%s], ending [%s]"
          % (len(s), " ".join(map(str, s[:4])), " ".join(map(str, s[-4:]))))
    longest = length = 0
    for i in range(1, limit):
        l = len(hailstone(i))
        if l > length:
            longest, length = i, l
    print("below %d, %d has the longest sequence: %d numbers" % (limit, longest, length))


main()
