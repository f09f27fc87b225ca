package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) String() string { return fmt.Sprintf("Counter(%d)", c.n) }
func (c *Counter) Inc()           { c.n++ }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

func main() {
	c := Counter{}
	c.Inc()
	fmt.Println(&c)
	fmt.Println(c)
	ts := []Temp{20.5, 21}
	fmt.Println(ts, ts[0])
	fmt.Printf("%v %s %.2f\n", ts[1], ts[1], float64(ts[1]))
	var s fmt.Stringer = &c
	fmt.Println(s)
}
