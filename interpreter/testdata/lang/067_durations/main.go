package main

import (
	"fmt"
	"time"
)

func main() {
	d := 90 * time.Minute
	fmt.Println(d, d.Hours(), d.Round(time.Hour))
	total := time.Duration(0)
	for _, ms := range []int{250, 750, 1500} {
		total += time.Duration(ms) * time.Millisecond
	}
	fmt.Println(total, total > 2*time.Second)
	t0 := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	t1 := t0.Add(36 * time.Hour)
	fmt.Println(t1.Format("2006-01-02 15:04"), t1.Sub(t0), t1.Weekday())
	start := time.Now()
	elapsed := time.Since(start)
	fmt.Println(elapsed < time.Second)
}
