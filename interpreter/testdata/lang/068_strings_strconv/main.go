package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	var b strings.Builder
	for i := range 3 {
		fmt.Fprintf(&b, "[%d]", i)
	}
	b.WriteString("!")
	fmt.Println(b.String(), b.Len())
	fmt.Println(strings.Fields("  a b  c "), strings.Split("x,y,z", ","))
	fmt.Println(strings.Repeat("ab", 3), strings.ToUpper("go"), strings.Contains("gopher", "ph"))
	fmt.Println(strings.TrimSpace("  hi  "), strings.Index("chicken", "ken"), strings.ReplaceAll("a-b-c", "-", "+"))
	n, err := strconv.Atoi("123")
	fmt.Println(n+1, err)
	_, err = strconv.Atoi("1x")
	fmt.Println(err)
	f, _ := strconv.ParseFloat("2.5", 64)
	fmt.Println(f*2, strconv.Itoa(42)+"!", strconv.Quote("a\"b"), strconv.FormatInt(255, 2))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
}
