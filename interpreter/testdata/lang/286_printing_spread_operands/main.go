// A slice of interface values spread into fmt's print funcs
// (fmt.Println(xs...), fmt.Printf(format, xs...)), directly or through a
// func that hands its arguments on: values of the program's types print
// as compiled Go prints them, with their String methods, Print's spacing
// and the format's verbs, where yaegi's wrappers printed as structs of
// pointers.
package main

import (
	"errors"
	"fmt"
	"os"
)

type P struct{ X int }

func (p P) Double() int { return p.X * 2 }

type S string

func (s S) String() string { return "S(" + string(s) + ")" }

type Level int

func (l Level) String() string { return [...]string{"low", "high"}[l] }

func logln(args ...any) { fmt.Println(args...) }

func logf(format string, args ...any) { fmt.Printf(format, args...) }

func main() {
	xs := []any{P{1}, S("ab"), 3, Level(1)}
	fmt.Println(xs...)
	fmt.Print(xs...)
	fmt.Println()
	fmt.Println(fmt.Sprint(xs...), fmt.Sprintln(xs...) == fmt.Sprintln(P{1}, S("ab"), 3, Level(1)))
	logln("x", P{2}, Level(0))
	logf("%v|%+v|%s|%d|%q|%x\n", P{3}, P{4}, S("s"), Level(1), S("q"), Level(1))
	logf("%d %v\n", 7)
	logf("%v %v\n", P{5}, P{6})
	fmt.Printf("[%v] [%v] [%v] [%v]\n", xs...)
	fmt.Fprintln(os.Stdout, xs...)
	err := fmt.Errorf("wrapped %v: %w", P{9}, errors.New("inner"))
	fmt.Println(err)
	args := []any{P{10}, errors.New("e")}
	fmt.Println(fmt.Errorf("%v %w", args...))
	var none []any
	fmt.Println(none...)
	fmt.Printf("%T %T\n", xs[0], 1)
}
