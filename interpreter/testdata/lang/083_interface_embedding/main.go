package main

import (
	"fmt"
	"io"
	"strings"
)

type Named interface{ Name() string }
type Greeter interface {
	Named
	Greet() string
}

type base struct{ name string }

func (b *base) Name() string { return b.name }

type English struct{ *base }

func (e English) Greet() string { return "Hello, " + e.Name() }

type upper struct{ r io.Reader }

func (u upper) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	copy(p, strings.ToUpper(string(p[:n])))
	return n, err
}

func main() {
	var g Greeter = English{&base{"Ann"}}
	fmt.Println(g.Greet(), g.Name())
	var n Named = g
	fmt.Println(n.Name())
	b, _ := io.ReadAll(upper{strings.NewReader("quiet words")})
	fmt.Println(string(b))
}
