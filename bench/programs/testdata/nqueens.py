# N-queens problem, a task of Rosetta Code
# (https://rosettacode.org/wiki/N-queens_problem): count the ways to
# place n queens on an n×n board so that none attacks another, by
# backtracking row by row with a flag per column and diagonal. Written
# plainly from the task's description; nqueens.go is the same program.
import sys


class Board:
    def __init__(self, n):
        self.n = n
        self.cols = [False] * n
        self.up = [False] * (2 * n - 1)
        self.down = [False] * (2 * n - 1)
        self.solutions = 0
        self.tried = 0

    def place(self, row):
        if row == self.n:
            self.solutions += 1
            return
        for col in range(self.n):
            self.tried += 1
            if self.cols[col] or self.up[row + col] or self.down[row - col + self.n - 1]:
                continue
            self.cols[col] = self.up[row + col] = self.down[row - col + self.n - 1] = True
            self.place(row + 1)
            self.cols[col] = self.up[row + col] = self.down[row - col + self.n - 1] = False


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    for size in range(4, n + 1):
        b = Board(size)
        b.place(0)
        print("%d queens: %d solutions, %d squares tried" % (size, b.solutions, b.tried))


main()
