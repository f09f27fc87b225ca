package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

type ValidationError struct {
	Field string
	Line  int
}

func (v ValidationError) Error() string { return fmt.Sprintf("%s invalid (line %d)", v.Field, v.Line) }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

func find(k string) error { return &NotFound{k} }

func check(n int) error {
	switch {
	case n < 0:
		return Code(n)
	case n == 0:
		return ValidationError{"n", 3}
	}
	return nil
}

func main() {
	err := find("k")
	fmt.Printf("%T|%v|%s|%q|%+v\n", err, err, err, err, err)
	fmt.Println(err)
	var ce error = Code(7)
	fmt.Printf("%T|%v|%d|%x|%5d|\n", ce, ce, ce, ce, ce)
	for _, n := range []int{-2, 0, 1} {
		e := check(n)
		fmt.Printf("%d: %T %v\n", n, e, e)
	}
	// cell
	errs := []error{find("a"), Code(1), ValidationError{"f", 9}, nil}
	fmt.Println(errs)
	fmt.Printf("%v\n%+v\n", errs, errs)
	wrapped := fmt.Errorf("loading: %w", err)
	fmt.Printf("%T %v\n", wrapped, wrapped)
	fmt.Println(errors.Unwrap(wrapped) == err)
	var nf *NotFound
	fmt.Println(errors.As(wrapped, &nf), nf.Key)
	joined := errors.Join(Code(2), find("b"))
	fmt.Println(joined)
	var any1 any = err
	var any2 any = ValidationError{"g", 1}
	fmt.Printf("%T %v %T %v\n", any1, any1, any2, any2)
	// cell
	var st fmt.Stringer = Temp(36.6)
	fmt.Printf("%T|%v|%s|%q|%.2f\n", st, st, st, st, st)
	stringers := []fmt.Stringer{Temp(1), Temp(2.5)}
	fmt.Println(stringers)
	type result struct {
		Value int
		Err   error
	}
	fmt.Printf("%v %+v\n", result{1, nil}, result{2, Code(3)})
	var noErr error
	fmt.Printf("%v %T\n", noErr, noErr)
}
