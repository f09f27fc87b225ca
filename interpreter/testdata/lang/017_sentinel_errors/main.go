package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrEmpty = errors.New("empty input")

func parse(s string) (int, error) {
	if s == "" {
		return 0, ErrEmpty
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("parse %q: %w", s, err)
	}
	return n, nil
}

func main() {
	for _, in := range []string{"42", "", "abc"} {
		n, err := parse(in)
		switch {
		case errors.Is(err, ErrEmpty):
			fmt.Println("empty")
		case err != nil:
			var ne *strconv.NumError
			fmt.Println("error:", err, errors.As(err, &ne))
		default:
			fmt.Println("ok", n)
		}
	}
	joined := errors.Join(ErrEmpty, errors.New("second"))
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrEmpty))
}
