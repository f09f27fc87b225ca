package main

import (
	"errors"
	"fmt"
	"strings"
)

// Types declared inside funcs and closures, printed with fmt: their
// fields' String and Error methods are called as for package-level types.

type Level int

func (l Level) String() string { return [...]string{"low", "mid", "high"}[l] }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

func report() string {
	type reading struct {
		Where string
		T     Temp
		L     Level
	}
	type batch struct {
		Name  string
		Items []reading
		ByL   map[Level]int
	}
	rs := []reading{{"north", 12.5, 0}, {"south", 30, 2}}
	b := batch{"day", rs, map[Level]int{2: 1, 0: 1}}
	var sb strings.Builder
	fmt.Fprintln(&sb, rs[0], rs, &rs[1])
	fmt.Fprintf(&sb, "%+v\n", b)
	fmt.Fprintf(&sb, "%v|%s|%T\n", b.Items[1], b.Items[1], b.Items[1])
	return sb.String()
}

// node is printed from two funcs that each declare their own node.
func lists() {
	type node struct {
		V    Level
		Next *node
	}
	n := &node{1, &node{2, nil}}
	fmt.Printf("%v %+v %v\n", n.Next, *n.Next, []*node{n.Next.Next})
	func() {
		type node struct{ Name string }
		fmt.Println(node{"inner"}, []node{{"a"}, {"b"}})
	}()
}

func deferred() (err error) {
	type failure struct {
		Code Level
		Err  error
	}
	defer func() {
		f := failure{2, errors.New("disk full")}
		fmt.Println("deferred:", f)
		err = fmt.Errorf("wrapped: %v", f)
	}()
	return nil
}

func inLoop() {
	for i := range 3 {
		type step struct {
			N int
			L Level
		}
		s := step{i, Level(i)}
		fmt.Print(s, " ")
	}
	fmt.Println()
	switch x := 2; x {
	case 2:
		type pair struct{ A, B Level }
		fmt.Printf("%v %+v\n", pair{0, 2}, []pair{{1, 1}})
	}
}

func main() {
	fmt.Print(report())
	lists()
	fmt.Println(deferred())
	inLoop()
	type pair struct {
		A, B Level
	}
	fmt.Printf("%v %+v\n", pair{0, 2}, pair{0, 2})
	f := func() string {
		type wrap struct{ T []Temp }
		return fmt.Sprint(wrap{[]Temp{1, 2.25}})
	}
	fmt.Println(f())
}
