package main

import (
	"errors"
	"fmt"
)

var (
	ErrA = errors.New("a failed")
	ErrB = errors.New("b failed")
)

type CodeErr struct{ Code int }

func (c CodeErr) Error() string { return fmt.Sprintf("code %d", c.Code) }

func main() {
	err := errors.Join(ErrA, fmt.Errorf("wrapped: %w", ErrB))
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrA), errors.Is(err, ErrB))
	multi := fmt.Errorf("both: %w and %w", ErrA, CodeErr{7})
	fmt.Println(multi)
	var ce CodeErr
	fmt.Println(errors.As(multi, &ce), ce.Code)
	fmt.Println(errors.Is(multi, ErrB))
}
