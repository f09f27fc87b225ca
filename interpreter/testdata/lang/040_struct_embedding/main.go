package main

import "fmt"

type Animal struct{ Name string }

func (a Animal) Describe() string { return "animal " + a.Name }
func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Speak() string { return d.Name + " says woof" }

func main() {
	d := Dog{Animal{"Rex"}, "lab"}
	fmt.Println(d.Describe())
	d.Rename("Max")
	fmt.Println(d.Speak(), d.Animal.Name)
	fmt.Printf("%+v\n", d)
}
