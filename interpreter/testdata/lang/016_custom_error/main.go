package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Name string }

func (e *NotFound) Error() string { return e.Name + " not found" }

func find(name string) error {
	if name == "x" {
		return nil
	}
	return &NotFound{name}
}

func main() {
	err := find("y")
	fmt.Println(err)
	fmt.Println(find("x"))
	wrapped := fmt.Errorf("lookup: %w", err)
	fmt.Println(wrapped)
	var nf *NotFound
	if errors.As(wrapped, &nf) {
		fmt.Println("as:", nf.Name)
	}
	fmt.Println(errors.Is(wrapped, err))
	fmt.Println(errors.Unwrap(wrapped) == err)
}
