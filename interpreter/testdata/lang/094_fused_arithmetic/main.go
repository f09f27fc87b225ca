package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

type celsius float64

func twice(x float64) float64 { return 2 * x }

func pair() (int, int) { return 7, 3 }

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return (a*b + a) / (b - b), nil
}

func main() {
	// Floats: constants of every kind, parentheses, calls and indexes as operands.
	xs := []float64{0.5, 1.5, 2.5}
	x, y := 1.25, -3.0
	fmt.Println(x*x+y*y, (x+y)*(x-y)/2, x*2+1, 3/x-y*0.5, twice(x)*xs[1]+xs[2]/4)
	fmt.Println(math.Sqrt(x*x+y*y), x*x+y*y < 10, x*y >= -3.75, (x+1)*(y-1) == -9, x/1e-300 > 1e300)

	// Complex: the Mandelbrot step and its escape test.
	c := complex(-0.75, 0.1)
	z := complex(0, 0)
	k := 0
	for k = 0; k < 1000; k++ {
		z = z*z + c
		if real(z)*real(z)+imag(z)*imag(z) > 4.0 {
			break
		}
	}
	fmt.Println(k, z, cmplx.Abs(z*z-c), (z+1i)*(z-1i) == z*z+1, real(z*c)+imag(z/c))

	// Ints: wrapping, division and remainder, mixed with calls.
	big := math.MaxInt64
	a, b := pair()
	fmt.Println(big*2+3, (a*b-a)/(b+1), -a/b*b+a%b, a*a-b*b == (a+b)*(a-b), (big+1)/-1)
	q, err := divide(a, b)
	fmt.Println(q, err)

	// Named float types keep their own arithmetic.
	t := celsius(20.5)
	fmt.Println(t*9/5+32, float64(t)*2+1)

	// A closure updates a captured variable inside a fused expression.
	sum := 0.0
	add := func(v float64) float64 { sum += v; return sum }
	fmt.Println(add(1)*10+add(2)*100, sum)

	// Loop-carried values.
	acc, n := 1.0, 0
	for i := 0; i < 50; i++ {
		acc = acc*1.5 - float64(i)*0.25
		n = n*3 + i - n/7
	}
	fmt.Println(acc, n)
}
