// Package bag is the lesson's dask.bag: a collection cut into partitions,
// transformed with map, filter, flatten, pluck and group-by, and reduced,
// with every partition processed in parallel. Cells import it as gopar/bag.
//
//	import "gopar/bag"
//
//	words := bag.FromStrings([]string{"mary", "had", "a", "little", "lamb"}, 2)
//	fmt.Println(words.MapString(strings.ToUpper).Compute())
//	// [MARY HAD A LITTLE LAMB]
//	hasA := func(x any) bool { return strings.Contains(x.(string), "a") }
//	fmt.Println(words.Filter(hasA).Compute())
//	// [mary had a lamb]
//	countChars := func(part []any) any {
//		n := 0
//		for _, w := range part {
//			n += len(w.(string))
//		}
//		return n
//	}
//	fmt.Println(words.Reduction(countChars, bag.Total).Compute()) // 18
//
// Nothing runs until Compute: each operation adds one task per partition
// to a graph (Visualize draws it), and reductions (Sum, Count, Mean, Min,
// Max, Fold, Reduction) add a task per partition and one that combines
// them. Frequencies, Distinct and GroupBy gather their result into one
// partition, as Pair values (Pair.Key, Pair.Value). Items are any; the
// typed helpers FromInts, FromFloats, FromStrings, MapInt, MapFloat,
// MapString, ComputeInts, ComputeFloats and ComputeStrings save type
// assertions. Partitions run on the worker pool that gopar/delayed uses
// (SetWorkers); after a Compute, TaskStream draws who ran what.
package bag

//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gopar_bag.go github.com/gopar/gopar/runtime/bag gopar/bag
