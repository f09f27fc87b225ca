// Package graph is the lazy task graph under gopar/delayed, gopar/bag and
// gopar/array: nodes that name a computation and the nodes it needs,
// a scheduler that runs a graph on a pool of workers (each shared node once,
// independent nodes in parallel, depth first so finished intermediate
// results can be dropped early), and a layered drawing of the graph.
package graph

import (
	"strconv"
	"sync/atomic"
)

// Node is one task: Run gets the results of Deps, in order.
type Node struct {
	id   uint64
	Name string  // the kind of task, e.g. "add", "map", "sum-chunk"
	Deps []*Node // may repeat a node; it is computed once
	// Run computes the node's value. It must not keep in after returning:
	// the scheduler reuses it.
	Run func(in []any) (any, error)
	// Data marks a node that only holds a value (drawn as a box).
	Data bool
	// Label overrides Name in drawings, e.g. the value of a data node.
	Label string
}

var lastID atomic.Uint64

// New makes a node.
func New(name string, run func(in []any) (any, error), deps ...*Node) *Node {
	return &Node{id: lastID.Add(1), Name: name, Deps: deps, Run: run}
}

// Value makes a data node holding v, labelled label.
func Value(label string, v any) *Node {
	n := New("value", func([]any) (any, error) { return v, nil })
	n.Data = true
	n.Label = label
	return n
}

// Key names the node uniquely, the way Dask keys look: "add-12".
func (n *Node) Key() string { return n.Name + "-" + strconv.FormatUint(n.id, 10) }

func (n *Node) label() string {
	if n.Label != "" {
		return n.Label
	}
	return n.Name
}
