package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"time"
)

// Values of defined types of basic kinds keep their type in interfaces:
// type switches and assertions tell a Celsius from a float64 and a Weekday
// from an int, == on interfaces compares types, map[any] keys differ by
// type, and the values behave as their basic kind everywhere else.

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

type Celsius float64

func (c Celsius) Show() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type ID int
type Name string
type Dur time.Duration
type Grade string

type Rec struct {
	Day  Weekday `json:"day"`
	Temp Celsius `json:"temp"`
	G    Grade   `json:"g"`
}

func kind(x any) string {
	switch v := x.(type) {
	case Celsius:
		return "celsius " + v.Show()
	case ID:
		return fmt.Sprint("id ", int(v))
	case float64:
		return fmt.Sprint("float ", v)
	case int:
		return fmt.Sprint("int ", v)
	case string:
		return "string " + v
	case Name:
		return "name " + string(v)
	}
	return "other"
}

func main() {
	for _, v := range []any{Celsius(21.5), ID(7), 3.5, 4, "s", Name("n")} {
		fmt.Println(kind(v), v)
	}
	_, ok := any(3).(ID)
	_, ok2 := any(ID(3)).(int)
	fmt.Println(ok, ok2, any(ID(3)) == any(3), any(ID(3)) == any(ID(3)))
	m := map[any]int{}
	m[ID(1)] = 1
	m[1] = 2
	fmt.Println(len(m), m[ID(1)], m[1])

	fmt.Println(Monday, Tuesday+0, []Weekday{Sunday, Tuesday})
	fmt.Printf("%v %d %T %T %q\n", Monday, Monday, Monday, Celsius(1), Grade("a"))
	var s fmt.Stringer = Tuesday
	fmt.Println(s, s.(Weekday) == Tuesday)
	b, err := json.Marshal(Rec{Monday, 21.5, "A"})
	fmt.Println(string(b), err)
	var r Rec
	fmt.Println(json.Unmarshal([]byte(`{"day":2,"temp":3.5,"g":"B"}`), &r), r.Day, r.Temp, r.G)
	gs := []Grade{"c", "a", "b"}
	sort.Slice(gs, func(i, j int) bool { return gs[i] < gs[j] })
	fmt.Println(gs, strconv.Itoa(int(Tuesday)), time.Duration(Dur(time.Second)))
	days := map[Weekday]int{Monday: 1}
	days[Tuesday]++
	fmt.Println(days, len(days))
	var total Celsius
	for _, t := range []Celsius{1.5, 2.5} {
		total += t
	}
	fmt.Println(total, total > 3, float64(total)/2)
	ch := make(chan Grade, 1)
	ch <- "z"
	fmt.Println(<-ch)
	var x any = Monday
	switch v := x.(type) {
	case int:
		fmt.Println("int", v)
	case Weekday:
		fmt.Println("weekday", v)
	}
	fmt.Println(x == any(Monday), x == any(1))
}
