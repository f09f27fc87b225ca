package main

import "fmt"

func escape(c complex128, limit int) int {
	z := complex(0, 0)
	for i := range limit {
		z = z*z + c
		if real(z)*real(z)+imag(z)*imag(z) > 4 {
			return i
		}
	}
	return limit
}

func main() {
	for y := 1.0; y >= -1.0; y -= 0.5 {
		line := ""
		for x := -2.0; x <= 0.5; x += 0.25 {
			if escape(complex(x, y), 50) == 50 {
				line += "#"
			} else {
				line += "."
			}
		}
		fmt.Println(line)
	}
}
