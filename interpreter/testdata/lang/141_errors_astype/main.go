package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

func lookup(k string) error {
	return fmt.Errorf("lookup %q: %w", k, &NotFound{k})
}

func main() {
	err := lookup("user")
	nf, ok := errors.AsType[*NotFound](err)
	fmt.Println(nf.Key, ok)
	// cell
	if c, ok := errors.AsType[Code](fmt.Errorf("outer: %w", Code(7))); ok {
		fmt.Println("code", int(c))
	}
	_, ok = errors.AsType[Code](err)
	fmt.Println(ok)
	// cell
	joined := errors.Join(errors.New("first"), Code(3), lookup("x"))
	nf, ok = errors.AsType[*NotFound](joined)
	fmt.Println(nf, ok)
	// cell
	_, err = os.Open("/does/not/exist")
	pe, ok := errors.AsType[*fs.PathError](err)
	fmt.Println(pe.Op, ok)
	_, ok = errors.AsType[*NotFound](err)
	fmt.Println(ok)
}
