package main

// A method named like a method of a standard interface but with another
// signature (Format() string, Write(string)) does not make the type
// implement that interface: printing the value prints it as usual.

import (
	"fmt"
	"sort"
	"strings"
)

type Celsius float64

func (c Celsius) Format() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Doc struct{ parts []string }

func (d *Doc) Write(s string) { d.parts = append(d.parts, s) }
func (d *Doc) String() string { return strings.Join(d.parts, "|") }

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type E struct{ code int }

func (e E) Error() string { return fmt.Sprint("code ", e.code) }

func main() {
	c := Celsius(21.5)
	fmt.Println(c, c.Format())
	fmt.Printf("%v %.2f\n", c, c)
	d := &Doc{}
	d.Write("a")
	d.Write("b")
	fmt.Println(d)
	s := byLen{"ccc", "a", "bb"}
	sort.Sort(s)
	fmt.Println(s)
	var err error = E{3}
	fmt.Println(err)
}
