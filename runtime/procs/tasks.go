package procs

import (
	"fmt"

	"github.com/gopar/gopar/runtime/native"
)

// The lesson's tasks, registered in every gopar process so that any pool
// can run them.
func init() {
	Register("calc_pi", native.CalcPi)
	Register("calc_pi_seeded", native.CalcPiSeeded)
	Register("calc_pi_queue", calcPiQueue)
	Register("sum_range", native.SumRange)
	Register("conditional_sum_range", native.ConditionalSumRange)
	Register("mandelbrot_rows", mandelbrotRows)
	Register("produce_range", produceRange)
	Register("sum_queue", sumQueue)
	Register("echo", echo)
	Register("noop", func() {})
}

// calcPiQueue is the lesson's queue exercise: calc_pi(N, que) puts its
// result, with the number of samples, into que instead of returning it.
func calcPiQueue(n int, q *Queue) {
	q.Put([]any{native.CalcPi(n), n})
}

// mandelbrotRows computes rows [j0, j1) of box's Mandelbrot grid, for
// splitting a picture over processes by rows; native.FromRows joins them.
func mandelbrotRows(box native.BoundingBox, maxIter, j0, j1 int) ([][]int, error) {
	if j0 < 0 || j1 > box.Height || j0 > j1 {
		return nil, fmt.Errorf("rows [%d, %d) are outside a box of height %d", j0, j1, box.Height)
	}
	if j0 == j1 {
		return [][]int{}, nil
	}
	// The band of rows is a box of its own, centred on the pixel of the
	// whole box that is its middle, as BoundingBox.Split makes its parts.
	s, h := box.Scale(), j1-j0
	band := native.BoundingBox{
		Width:  box.Width,
		Height: h,
		Center: box.Point(box.Width/2, j0+h/2),
		Extent: complex(float64(box.Width)*s, float64(h)*s),
	}
	g := native.Mandelbrot(band, maxIter)
	if err := g.Err(); err != nil {
		return nil, err
	}
	rows := make([][]int, h)
	for j := range rows {
		rows[j] = append([]int(nil), g.Row(j)...)
	}
	return rows, nil
}

// produceRange and sumQueue are a producer and a consumer in two
// processes, talking through a queue: the producer puts 0, 1, ..., n-1,
// the consumer takes n items and returns their sum.
func produceRange(n int, q *Queue) {
	for i := range n {
		q.Put(i)
	}
}

func sumQueue(n int, q *Queue) (int, error) {
	sum := 0
	for range n {
		v, err := q.GetTimeout(0)
		if err != nil {
			return sum, err
		}
		i, ok := v.(int)
		if !ok {
			return sum, fmt.Errorf("sum_queue: got %T, want int", v)
		}
		sum += i
	}
	return sum, nil
}

// echo returns its argument: the cost of a call that only moves data,
// which grows with the data sent.
func echo(v []float64) []float64 { return v }
