package bag_test

import (
	"fmt"
	"strings"

	"github.com/gopar/gopar/runtime/bag"
)

func Example() {
	b := bag.FromStrings([]string{"mary", "had", "a", "little", "lamb"}, 2)
	fmt.Println(b.MapString(strings.ToUpper).Compute())
	hasA := func(x any) bool { return strings.Contains(x.(string), "a") }
	fmt.Println(b.Filter(hasA).Compute())
	// Output:
	// [MARY HAD A LITTLE LAMB]
	// [mary had a lamb]
}

// The lesson's reduction: count characters per partition, then sum.
func ExampleBag_Reduction() {
	b := bag.FromStrings([]string{"mary", "had", "a", "little", "lamb"}, 2)
	countChars := func(part []any) any {
		n := 0
		for _, w := range part {
			n += len(w.(string))
		}
		return n
	}
	fmt.Println(b.Reduction(countChars, bag.Total).Compute())
	// Output: 18
}

// A word count, most frequent first.
func ExampleBag_Frequencies() {
	words := bag.FromStrings(strings.Fields("the cat sat on the mat the end"), 3)
	fmt.Println(words.Frequencies().Take(2))
	// Output: [(the, 3) (cat, 1)]
}

// How pluck could be written if it were not there: a Map that indexes.
func ExampleBag_Pluck() {
	people := bag.FromSequence([]any{
		map[string]any{"name": "Alice", "age": 31},
		map[string]any{"name": "Bob", "age": 27},
	}, 2)
	fmt.Println(people.Pluck("name").Compute())
	fmt.Println(people.Map(func(p any) any { return p.(map[string]any)["age"] }).Sum().Compute())
	// Output:
	// [Alice Bob]
	// 58
}

func ExampleBag_GroupBy() {
	b := bag.Range(10, 3)
	parity := func(x any) any { return x.(int) % 2 }
	fmt.Println(b.GroupBy(parity).Compute())
	// Output: [(0, [0 2 4 6 8]) (1, [1 3 5 7 9])]
}

// The lesson's π from a bag: map calc_pi over a bag of sample counts, then
// take the mean.
func ExampleBag_Mean() {
	calcPi := func(n any) any { return 3.14 } // stands for the Monte Carlo estimate
	shots := bag.FromInts([]int{1e6, 1e6, 1e6, 1e6}, 4).Map(calcPi)
	fmt.Println(shots.Mean().Compute())
	// Output: 3.14
}
