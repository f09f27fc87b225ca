package procs_test

import (
	"strings"
	"testing"

	"github.com/gopar/gopar/runtime/internal/celltest"
)

// TestCellUsesAPool runs the episode's pool code as a notebook cell: the
// interpreter runs in this process, the pool's workers are this test
// binary in its worker mode (see TestMain).
func TestCellUsesAPool(t *testing.T) {
	out := celltest.Run(t, `
package main

import (
	"errors"
	"fmt"
	"math"
	"time"

	"gopar/procs"
)

func main() {
	pool, err := procs.NewPool(2)
	if err != nil {
		panic(err)
	}
	defer pool.Close()

	pis, err := pool.Map("calc_pi", []any{100_000, 100_000, 100_000})
	fmt.Println("map:", len(pis), err)
	for _, pi := range pool.StarMapAsync("calc_pi", [][]any{{100_000}, {100_000}}).AwaitFloats() {
		fmt.Println("close to pi:", math.Abs(pi-math.Pi) < 0.05)
	}
	s, err := pool.Apply("sum_range", 1_000)
	fmt.Println("apply:", s, err)

	q := procs.NewQueue()
	pool.ApplyAsync("calc_pi_queue", 100_000, q)
	item := q.Get().([]any)
	fmt.Println("queue:", item[1])

	_, err = pool.Apply("test_exit", 3)
	var we *procs.WorkerError
	fmt.Println("crash reported:", errors.As(err, &we), we.Status)

	// A function written in a cell cannot be sent to another process.
	name := fmt.Sprint("mine", time.Now().UnixNano())
	procs.Register(name, func(n int) int { return n })
	_, err = pool.Apply(name, 1)
	fmt.Println("interpreted task refused:", err != nil)

	st := pool.Stats()
	fmt.Println("tasks:", st.Tasks, "crashes:", st.Crashes)
}
`)
	for _, want := range []string{
		"map: 3 <nil>\n",
		"close to pi: true\nclose to pi: true\n",
		"apply: 499500 <nil>\n",
		"queue: 100000\n",
		"crash reported: true exit status 3\n",
		"interpreted task refused: true\n",
		"tasks: 7 crashes: 1\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
