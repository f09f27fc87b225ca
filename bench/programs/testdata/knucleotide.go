// k-nucleotide, the task of The Computer Language Benchmarks Game
// (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/knucleotide.html):
// read the sequence >THREE of fasta's output from standard input, count
// every 1- and 2-nucleotide substring in a hash table (printed by
// frequency) and the occurrences of five given substrings. Written plainly
// from the task's description, with its output format; knucleotide.py is
// the same program.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
)

func frequencies(seq string, k int) map[string]int {
	counts := map[string]int{}
	for i := 0; i+k <= len(seq); i++ {
		counts[seq[i:i+k]]++
	}
	return counts
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() && !strings.HasPrefix(in.Text(), ">THREE") {
	}
	var b strings.Builder
	for in.Scan() {
		line := in.Text()
		if strings.HasPrefix(line, ">") {
			break
		}
		b.WriteString(strings.ToUpper(line))
	}
	seq := b.String()

	for k := 1; k <= 2; k++ {
		counts := frequencies(seq, k)
		keys := make([]string, 0, len(counts))
		for key := range counts {
			keys = append(keys, key)
		}
		sort.Slice(keys, func(i, j int) bool {
			if counts[keys[i]] != counts[keys[j]] {
				return counts[keys[i]] > counts[keys[j]]
			}
			return keys[i] < keys[j]
		})
		total := len(seq) - k + 1
		for _, key := range keys {
			fmt.Printf("%s %.3f\n", key, 100*float64(counts[key])/float64(total))
		}
		fmt.Println()
	}
	for _, s := range []string{"GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"} {
		fmt.Printf("%d\t%s\n", frequencies(seq, len(s))[s], s)
	}
}
