// Structs that refer to each other through pointers, slices and maps,
// some holding another by value: a doubly linked list that knows its list,
// a graph of nodes and edges, a tree whose nodes point to their parent
// and to the tree.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Element struct {
	next, prev *Element
	list       *List
	Value      string
}

type List struct {
	root Element
	len  int
}

func NewList() *List {
	l := &List{}
	l.root.next = &l.root
	l.root.prev = &l.root
	return l
}

func (l *List) PushBack(v string) *Element {
	e := &Element{Value: v, list: l}
	at := l.root.prev
	e.prev, e.next = at, at.next
	at.next.prev = e
	at.next = e
	l.len++
	return e
}

func (l *List) Front() *Element {
	if l.len == 0 {
		return nil
	}
	return l.root.next
}

func (e *Element) Next() *Element {
	if p := e.next; e.list != nil && p != &e.list.root {
		return p
	}
	return nil
}

type Graph struct {
	nodes map[string]*Node
	edges []Edge
}

type Node struct {
	name  string
	graph *Graph
	out   []*Edge
}

type Edge struct {
	from, to *Node
	weight   int
}

func (g *Graph) node(name string) *Node {
	if n, ok := g.nodes[name]; ok {
		return n
	}
	n := &Node{name: name, graph: g}
	g.nodes[name] = n
	return n
}

func (g *Graph) Connect(a, b string, w int) {
	g.edges = append(g.edges, Edge{from: g.node(a), to: g.node(b), weight: w})
}

type Tree struct {
	root  *TreeNode
	count int
}

type TreeNode struct {
	tree   *Tree
	parent *TreeNode
	kids   []TreeNode
	label  string
}

func (n *TreeNode) Path() string {
	if n.parent == nil {
		return n.label
	}
	return n.parent.Path() + "/" + n.label
}

func main() {
	l := NewList()
	for _, w := range []string{"a", "b", "c"} {
		l.PushBack(w)
	}
	var words []string
	for e := l.Front(); e != nil; e = e.Next() {
		words = append(words, e.Value)
	}
	fmt.Println(l.len, words, l.root.next.list == l)

	g := &Graph{nodes: map[string]*Node{}}
	g.Connect("x", "y", 2)
	g.Connect("y", "z", 3)
	g.Connect("x", "z", 7)
	for i := range g.edges {
		e := &g.edges[i]
		e.from.out = append(e.from.out, e)
	}
	var names []string
	for name, n := range g.nodes {
		total := 0
		for _, e := range n.out {
			total += e.weight
		}
		names = append(names, fmt.Sprintf("%s:%d:%v", name, total, n.graph == g))
	}
	sort.Strings(names)
	fmt.Println(strings.Join(names, " "))

	t := &Tree{}
	t.root = &TreeNode{tree: t, label: "root"}
	t.root.kids = []TreeNode{{tree: t, parent: t.root, label: "left"}, {tree: t, parent: t.root, label: "right"}}
	t.count = 3
	fmt.Println(t.root.kids[1].Path(), t.root.kids[0].tree.count)
	fmt.Printf("%T %T %T\n", l.root, g.edges[0], t.root.kids)
}
