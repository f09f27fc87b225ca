# Arithmetic evaluation, a task of Rosetta Code
# (https://rosettacode.org/wiki/Arithmetic_evaluation): parse infix
# expressions of integers, + - * and parentheses into an abstract syntax
# tree by recursive descent, and evaluate the tree modulo 1000003. The
# expressions are made by a linear congruential generator (Park and
# Miller's minimal standard). Written plainly from the task's
# description, the tree's nodes as classes with an eval method;
# arith.go is the same program.
import sys


# MODULUS keeps the values small: every result is taken modulo it.
MODULUS = 1000003


def mod(x):
    return (x % MODULUS + MODULUS) % MODULUS


class Num:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def eval(self):
        return self.value


class BinOp:
    __slots__ = ("op", "left", "right")

    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def eval(self):
        l, r = self.left.eval(), self.right.eval()
        if self.op == "+":
            return mod(l + r)
        if self.op == "-":
            return mod(l - r)
        return mod(l * r)


def tokenize(s):
    tokens = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == " ":
            i += 1
        elif "0" <= c <= "9":
            j = i
            while j < len(s) and "0" <= s[j] <= "9":
                j += 1
            tokens.append(s[i:j])
            i = j
        else:
            tokens.append(c)
            i += 1
    return tokens


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        if self.pos < len(self.tokens):
            return self.tokens[self.pos]
        return ""

    def next(self):
        t = self.peek()
        self.pos += 1
        return t

    # expr = term {("+" | "-") term}
    def expr(self):
        n = self.term()
        while self.peek() == "+" or self.peek() == "-":
            op = self.next()
            n = BinOp(op, n, self.term())
        return n

    # term = factor {"*" factor}
    def term(self):
        n = self.factor()
        while self.peek() == "*":
            self.next()
            n = BinOp("*", n, self.factor())
        return n

    # factor = number | "(" expr ")"
    def factor(self):
        t = self.next()
        if t == "(":
            n = self.expr()
            self.next()  # ")"
            return n
        return Num(int(t))


seed = 1


def random(n):
    global seed
    seed = seed * 16807 % 2147483647
    return seed % n


# expression makes a random expression of the given depth.
def expression(depth):
    if depth == 0 or random(4) == 0:
        return str(random(100))
    op = [" + ", " - ", " * "][random(3)]
    s = expression(depth - 1) + op + expression(depth - 1)
    if random(2) == 0:
        return "(" + s + ")"
    return s


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    print("(1 + 2) * 3 - 4 * (5 - 6) =", Parser(tokenize("(1 + 2) * 3 - 4 * (5 - 6)")).expr().eval())
    total, longest = 0, ""
    for _ in range(n):
        e = expression(6)
        if len(e) > len(longest):
            longest = e
        p = Parser(tokenize(e))
        total += p.expr().eval()
    print("longest:", longest.count(" ") // 2 + 1, "numbers")
    print("sum of", n, "values modulo", MODULUS, "is", total)


main()
