// reverse-complement, the task of The Computer Language Benchmarks Game
// (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/revcomp.html):
// read fasta's output from standard input and write each sequence's
// reverse complement (A<->T, C<->G and the IUB codes), 60 characters a
// line, under its header. Written plainly from the task's description;
// revcomp.py is the same program.
package main

import (
	"bufio"
	"io"
	"os"
	"strings"
)

var complement = map[byte]byte{
	'A': 'T', 'C': 'G', 'G': 'C', 'T': 'A', 'U': 'A', 'M': 'K', 'R': 'Y', 'W': 'W',
	'S': 'S', 'Y': 'R', 'K': 'M', 'V': 'B', 'H': 'D', 'D': 'H', 'B': 'V', 'N': 'N',
}

func write(out *bufio.Writer, header string, seq []byte) {
	if header == "" {
		return
	}
	out.WriteString(header)
	out.WriteByte('\n')
	// Complement in place, reversed.
	for i, j := 0, len(seq)-1; i <= j; i, j = i+1, j-1 {
		a, b := seq[i], seq[j]
		if c, ok := complement[a&^0x20]; ok {
			a = c
		}
		if c, ok := complement[b&^0x20]; ok {
			b = c
		}
		seq[i], seq[j] = b, a
	}
	for i := 0; i < len(seq); i += 60 {
		out.Write(seq[i:min(i+60, len(seq))])
		out.WriteByte('\n')
	}
}

func main() {
	data, _ := io.ReadAll(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	header := ""
	var seq []byte
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, ">") {
			write(out, header, seq)
			header, seq = line, nil
		} else {
			seq = append(seq, line...)
		}
	}
	write(out, header, seq)
}
