package main

import "fmt"

// Two generic types with methods of the same names, instantiated with the
// same type arguments, and a generic method whose receiver has no name.

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Len() int { return len(s.items) }
func (s *Stack[T]) Name() string {
	return fmt.Sprint("stack of ", len(s.items))
}

type Queue[T any] struct{ items []T }

func (q *Queue[T]) Push(v T) { q.items = append([]T{v}, q.items...) }
func (q *Queue[T]) Len() int { return len(q.items) * 10 }
func (q *Queue[T]) Name() string {
	return fmt.Sprint("queue of ", len(q.items))
}

type Unit[T any] struct{}

func (Unit[T]) Name() string  { return "unit" }
func (*Unit[T]) Kind() string { return "pointer unit" }

func main() {
	s := &Stack[int]{}
	q := &Queue[int]{}
	for i := 0; i < 3; i++ {
		s.Push(i)
		q.Push(i)
	}
	fmt.Println(s.Name(), s.Len(), s.items)
	fmt.Println(q.Name(), q.Len(), q.items)
	var u Unit[string]
	fmt.Println(u.Name(), u.Kind())
}
