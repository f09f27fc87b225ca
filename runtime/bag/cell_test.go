package bag_test

import (
	"strings"
	"testing"

	"github.com/gopar/gopar/runtime/internal/celltest"
)

// The lesson's map-and-reduce episode, as a cell: map, filter, reduction,
// pluck, a word count, and π from a bag.
func TestCellBagWordCount(t *testing.T) {
	out := celltest.Run(t, `
package main

import (
	"fmt"
	"math/rand"
	"strings"
	"gopar/bag"
)

func main() {
	b := bag.FromSequence([]any{"mary", "had", "a", "little", "lamb"}, 2)
	upper := func(x any) any { return strings.ToUpper(x.(string)) }
	fmt.Println(b.Map(upper).Compute())
	pred := func(x any) bool { return strings.Contains(x.(string), "a") }
	fmt.Println(b.Filter(pred).Compute())
	countChars := func(part []any) any {
		n := 0
		for _, w := range part {
			n += len(w.(string))
		}
		return n
	}
	fmt.Println(b.Reduction(countChars, bag.Total).Compute())

	text := "the cat sat on the mat the end"
	words := bag.FromStrings(strings.Fields(text), 3)
	for _, f := range words.Frequencies().Compute() {
		p := f.(bag.Pair)
		if p.Value.(int) > 1 {
			fmt.Println("frequent:", p.Key, p.Value)
		}
	}
	people := bag.FromSequence([]any{
		map[string]any{"name": "Alice", "age": 31},
		map[string]any{"name": "Bob", "age": 27},
	}, 2)
	fmt.Println(people.Pluck("name").Compute())

	calcPi := func(x any) any {
		n := x.(int)
		m := 0
		for i := 0; i < n; i++ {
			x, y := rand.Float64()*2-1, rand.Float64()*2-1
			if x*x+y*y < 1 {
				m++
			}
		}
		return 4 * float64(m) / float64(n)
	}
	shots := bag.FromInts([]int{20000, 20000, 20000, 20000}, 4).Map(calcPi)
	pi := shots.Mean().ComputeFloat()
	fmt.Println("pi ok:", pi > 3.0 && pi < 3.3)
}
`)
	for _, want := range []string{
		"[MARY HAD A LITTLE LAMB]\n",
		"[mary had a lamb]\n",
		"\n18\n",
		"frequent: the 3\n",
		"[Alice Bob]\n",
		"pi ok: true\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
