// fasta, the task of The Computer Language Benchmarks Game
// (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/fasta.html):
// DNA sequences in FASTA format, one copied from the ALU repeat and two
// drawn with the task's linear congruential generator from weighted
// alphabets, 60 characters a line. Written plainly from the task's
// description, with its constants; fasta.py is the same program.
// knucleotide and revcomp read what this writes.
package main

import (
	"bufio"
	"os"
	"strconv"
)

const alu = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG" +
	"GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA" +
	"CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT" +
	"ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA" +
	"GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG" +
	"AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC" +
	"AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"

const lineLength = 60

type Acid struct {
	c byte
	p float64
}

var last = 42

const (
	im = 139968
	ia = 3877
	ic = 29573
)

func random(max float64) float64 {
	last = (last*ia + ic) % im
	return max * float64(last) / im
}

func repeatFasta(out *bufio.Writer, header, s string, n int) {
	out.WriteString(header)
	pos := 0
	for n > 0 {
		line := min(n, lineLength)
		for i := 0; i < line; i++ {
			out.WriteByte(s[pos])
			pos++
			if pos == len(s) {
				pos = 0
			}
		}
		out.WriteByte('\n')
		n -= line
	}
}

func randomFasta(out *bufio.Writer, header string, acids []Acid, n int) {
	out.WriteString(header)
	// Cumulative probabilities.
	p := 0.0
	for i := range acids {
		p += acids[i].p
		acids[i].p = p
	}
	for n > 0 {
		line := min(n, lineLength)
		for i := 0; i < line; i++ {
			r := random(1)
			for _, a := range acids {
				if r < a.p {
					out.WriteByte(a.c)
					break
				}
			}
		}
		out.WriteByte('\n')
		n -= line
	}
}

func main() {
	n := 1000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	iub := []Acid{
		{'a', 0.27}, {'c', 0.12}, {'g', 0.12}, {'t', 0.27},
		{'B', 0.02}, {'D', 0.02}, {'H', 0.02}, {'K', 0.02},
		{'M', 0.02}, {'N', 0.02}, {'R', 0.02}, {'S', 0.02},
		{'V', 0.02}, {'W', 0.02}, {'Y', 0.02},
	}
	homoSapiens := []Acid{
		{'a', 0.3029549426680}, {'c', 0.1979883004921},
		{'g', 0.1975473066391}, {'t', 0.3015094502008},
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	repeatFasta(out, ">ONE Homo sapiens alu\n", alu, 2*n)
	randomFasta(out, ">TWO IUB ambiguity codes\n", iub, 3*n)
	randomFasta(out, ">THREE Homo sapiens frequency\n", homoSapiens, 5*n)
}
