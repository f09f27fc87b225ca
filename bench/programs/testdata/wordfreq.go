// Word frequency, a task of Rosetta Code
// (https://rosettacode.org/wiki/Word_frequency): the n most common words
// of a text, case folded, with their counts. The text is made here from a
// small vocabulary by a linear congruential generator (Park and Miller's
// minimal standard) instead of read from a book: words in mixed case,
// punctuation and line breaks between them. Written plainly from the
// task's description; wordfreq.py is the same program.
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

var vocabulary = strings.Fields(`the of and to a in that it is was he for on are as
with his they I at be this have from or one had by word but not what all were we when
your can said there use an each which she do how their if will up other about out many
then them these so some her would make like him into time has look two more write go
see number no way could people my than first water been call who oil its now find long
down day did get come made may part Goroutine channel select mutex`)

var seed = 1

func random(n int) int {
	seed = seed * 16807 % 2147483647
	return seed % n
}

func text(words int) string {
	var b strings.Builder
	for i := 0; i < words; i++ {
		w := vocabulary[random(len(vocabulary))]
		if random(5) == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
		switch random(12) {
		case 0:
			b.WriteString(", ")
		case 1:
			b.WriteString(".\n")
		default:
			b.WriteString(" ")
		}
	}
	return b.String()
}

func main() {
	words := 1000
	if len(os.Args) > 1 {
		words, _ = strconv.Atoi(os.Args[1])
	}
	counts := map[string]int{}
	for _, w := range strings.FieldsFunc(text(words), func(r rune) bool { return !unicode.IsLetter(r) }) {
		counts[strings.ToLower(w)]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	fmt.Println(len(keys), "different words")
	for i, k := range keys[:10] {
		fmt.Printf("%2d  %-10s %d\n", i+1, k, counts[k])
	}
}
