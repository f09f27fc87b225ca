package main

import (
	"errors"
	"fmt"
)

type Temporary interface{ Temporary() bool }

type NetErr struct{ msg string }

func (e *NetErr) Error() string   { return "net: " + e.msg }
func (e *NetErr) Temporary() bool { return true }

type ValidationError struct {
	Field string
}

func (v ValidationError) Error() string { return "invalid " + v.Field }

func do(i int) error {
	switch i {
	case 0:
		return fmt.Errorf("request: %w", &NetErr{"timeout"})
	case 1:
		return fmt.Errorf("save: %w", ValidationError{"email"})
	}
	return nil
}

func main() {
	for i := range 3 {
		err := do(i)
		var ve ValidationError
		var ne *NetErr
		switch {
		case errors.As(err, &ne):
			fmt.Println("network:", ne.msg, ne.Temporary())
		case errors.As(err, &ve):
			fmt.Println("validation:", ve.Field)
		default:
			fmt.Println("ok:", err)
		}
	}
}
