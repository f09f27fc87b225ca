// Arithmetic evaluation, a task of Rosetta Code
// (https://rosettacode.org/wiki/Arithmetic_evaluation): parse infix
// expressions of integers, + - * and parentheses into an abstract syntax
// tree by recursive descent, and evaluate the tree modulo 1000003. The
// expressions are made by a linear congruential generator (Park and
// Miller's minimal standard). Written plainly from the task's
// description, the tree's nodes behind an interface; arith.py is the
// same program.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

type Node interface {
	Eval() int
}

type Num struct{ value int }

type BinOp struct {
	op          byte
	left, right Node
}

// modulus keeps the values small: every result is taken modulo it.
const modulus = 1000003

func mod(x int) int { return (x%modulus + modulus) % modulus }

func (n Num) Eval() int { return n.value }

func (b BinOp) Eval() int {
	l, r := b.left.Eval(), b.right.Eval()
	switch b.op {
	case '+':
		return mod(l + r)
	case '-':
		return mod(l - r)
	}
	return mod(l * r)
}

type Parser struct {
	tokens []string
	pos    int
}

func tokenize(s string) []string {
	var tokens []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ':
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			tokens = append(tokens, s[i:j])
			i = j
		default:
			tokens = append(tokens, s[i:i+1])
			i++
		}
	}
	return tokens
}

func (p *Parser) peek() string {
	if p.pos < len(p.tokens) {
		return p.tokens[p.pos]
	}
	return ""
}

func (p *Parser) next() string {
	t := p.peek()
	p.pos++
	return t
}

// expr = term {("+" | "-") term}
func (p *Parser) expr() Node {
	n := p.term()
	for p.peek() == "+" || p.peek() == "-" {
		op := p.next()[0]
		n = BinOp{op, n, p.term()}
	}
	return n
}

// term = factor {"*" factor}
func (p *Parser) term() Node {
	n := p.factor()
	for p.peek() == "*" {
		p.next()
		n = BinOp{'*', n, p.factor()}
	}
	return n
}

// factor = number | "(" expr ")"
func (p *Parser) factor() Node {
	t := p.next()
	if t == "(" {
		n := p.expr()
		p.next() // ")"
		return n
	}
	v, _ := strconv.Atoi(t)
	return Num{v}
}

var seed = 1

func random(n int) int {
	seed = seed * 16807 % 2147483647
	return seed % n
}

// expression makes a random expression of the given depth.
func expression(depth int) string {
	if depth == 0 || random(4) == 0 {
		return strconv.Itoa(random(100))
	}
	op := []string{" + ", " - ", " * "}[random(3)]
	s := expression(depth-1) + op + expression(depth-1)
	if random(2) == 0 {
		return "(" + s + ")"
	}
	return s
}

func main() {
	n := 100
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	fmt.Println("(1 + 2) * 3 - 4 * (5 - 6) =", (&Parser{tokens: tokenize("(1 + 2) * 3 - 4 * (5 - 6)")}).expr().Eval())
	total, longest := 0, ""
	for i := 0; i < n; i++ {
		e := expression(6)
		if len(e) > len(longest) {
			longest = e
		}
		p := &Parser{tokens: tokenize(e)}
		total += p.expr().Eval()
	}
	fmt.Println("longest:", strings.Count(longest, " ")/2+1, "numbers")
	fmt.Println("sum of", n, "values modulo", modulus, "is", total)
}
