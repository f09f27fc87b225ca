package graph

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strings"

	"github.com/gopar/gopar/runtime/display"
)

// Drawing geometry, in pixels.
const (
	nodeH      = 28
	layerGap   = 46 // vertical room for the edges between two layers
	nodeGap    = 14
	margin     = 16
	charW      = 7.2 // average width of a character at font-size 12
	maxShownPx = 960 // a wider picture is scaled down to this width
	sweeps     = 4   // barycentre passes that untangle the edges
)

// placed is a node's position in the drawing.
type placed struct {
	layer int
	pos   float64 // order within the layer while sorting
	x, w  float64 // centre and width
}

// Layout is a layered drawing of a graph: inputs at the bottom, results on
// top, as Dask draws them.
type Layout struct {
	nodes  []*Node
	deps   [][]int32
	at     []placed
	layers [][]int32
	width  float64
	height float64
}

// Lay computes the drawing of the graph that targets need.
func Lay(targets []*Node) *Layout {
	r := build(targets)
	l := &Layout{nodes: make([]*Node, len(r.tasks)), deps: make([][]int32, len(r.tasks)), at: make([]placed, len(r.tasks))}
	for i, t := range r.tasks {
		l.nodes[i] = t.node
		l.deps[i] = uniq(t.deps)
	}
	l.assignLayers()
	l.order()
	l.place()
	return l
}

func uniq(ds []int32) []int32 {
	var out []int32
	seen := map[int32]bool{}
	for _, d := range ds {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// assignLayers puts each node one layer above its highest input (longest
// path from the sources), iteratively so that long chains do not recurse.
func (l *Layout) assignLayers() {
	n := len(l.nodes)
	layer := make([]int, n)
	state := make([]uint8, n) // 0 new, 1 open, 2 done
	type frame struct {
		i    int32
		next int
	}
	for root := range n {
		if state[root] != 0 {
			continue
		}
		stack := []frame{{int32(root), 0}}
		state[root] = 1
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			deps := l.deps[top.i]
			if top.next < len(deps) {
				d := deps[top.next]
				top.next++
				if state[d] == 0 {
					state[d] = 1
					stack = append(stack, frame{d, 0})
				}
				continue
			}
			for _, d := range deps {
				layer[top.i] = max(layer[top.i], layer[d]+1)
			}
			state[top.i] = 2
			stack = stack[:len(stack)-1]
		}
	}
	depth := 0
	for _, v := range layer {
		depth = max(depth, v+1)
	}
	l.layers = make([][]int32, depth)
	for i, v := range layer {
		l.at[i].layer = v
		l.layers[v] = append(l.layers[v], int32(i))
	}
}

// order sorts each layer by the mean position of its neighbours in the
// layer below, then above (the barycentre heuristic), to reduce crossings.
func (l *Layout) order() {
	dependents := make([][]int32, len(l.nodes))
	for i, ds := range l.deps {
		for _, d := range ds {
			dependents[d] = append(dependents[d], int32(i))
		}
	}
	renumber := func(layer []int32) {
		for p, i := range layer {
			l.at[i].pos = float64(p)
		}
	}
	for _, layer := range l.layers {
		renumber(layer)
	}
	bary := func(i int32, nb []int32) float64 {
		if len(nb) == 0 {
			return l.at[i].pos
		}
		s := 0.0
		for _, j := range nb {
			s += l.at[j].pos
		}
		return s / float64(len(nb))
	}
	sortLayer := func(layer []int32, nbs [][]int32) {
		key := make(map[int32]float64, len(layer))
		for _, i := range layer {
			key[i] = bary(i, nbs[i])
		}
		sort.SliceStable(layer, func(a, b int) bool { return key[layer[a]] < key[layer[b]] })
		renumber(layer)
	}
	for range sweeps {
		for k := len(l.layers) - 2; k >= 0; k-- {
			sortLayer(l.layers[k], dependents)
		}
		for k := 1; k < len(l.layers); k++ {
			sortLayer(l.layers[k], l.deps)
		}
	}
}

// place turns orders into coordinates, each layer centred.
func (l *Layout) place() {
	widest := 0.0
	for _, layer := range l.layers {
		w := 0.0
		for _, i := range layer {
			l.at[i].w = math.Max(44, charW*float64(len([]rune(l.nodes[i].label())))+22)
			w += l.at[i].w + nodeGap
		}
		widest = math.Max(widest, w-nodeGap)
	}
	l.width = widest + 2*margin
	for _, layer := range l.layers {
		w := -nodeGap * 1.0
		for _, i := range layer {
			w += l.at[i].w + nodeGap
		}
		x := margin + (widest-w)/2
		for _, i := range layer {
			l.at[i].x = x + l.at[i].w/2
			x += l.at[i].w + nodeGap
		}
	}
	l.height = float64(len(l.layers))*(nodeH+layerGap) - layerGap + 2*margin
}

// y is the top of a layer's nodes; layer 0 is at the bottom.
func (l *Layout) y(layer int) float64 {
	return l.height - margin - nodeH - float64(layer)*(nodeH+layerGap)
}

// SVG draws the layout.
func (l *Layout) SVG() string {
	var b strings.Builder
	// Room at both sides for the bows of long edges.
	pad := 0.0
	for i, ds := range l.deps {
		for _, d := range ds {
			pad = math.Max(pad, 30*float64(l.at[i].layer-l.at[d].layer-1))
		}
	}
	full := l.width + 2*pad
	shown := math.Min(full, maxShownPx)
	scale := shown / math.Max(full, 1)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="%.0f 0 %.0f %.0f" font-family="sans-serif" font-size="12">`+"\n",
		shown, l.height*scale, -pad, full, l.height)
	b.WriteString(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>` + "\n")
	fmt.Fprintf(&b, `<rect x="%.0f" width="%.0f" height="%.0f" fill="white"/>`+"\n", -pad, full, l.height)
	for i, ds := range l.deps {
		to := l.at[i]
		ty := l.y(to.layer) + nodeH
		for _, d := range ds {
			from := l.at[d]
			fy := l.y(from.layer)
			c1x, c1y, c2x, c2y := from.x, (fy+ty)/2, to.x, (fy+ty)/2
			if span := to.layer - from.layer; span > 1 {
				// A long edge bows out sideways so that it does not run
				// through the nodes of the layers it crosses.
				bow := 40 * float64(span-1)
				if to.x < from.x || (to.x == from.x && l.width/2 > to.x) {
					bow = -bow
				}
				c1x, c1y = from.x+bow, fy-(fy-ty)/3
				c2x, c2y = to.x+bow, ty+(fy-ty)/3
			}
			fmt.Fprintf(&b, `<path d="M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="none" stroke="#444" stroke-width="1.2" marker-end="url(#arrow)"/>`+"\n",
				from.x, fy, c1x, c1y, c2x, c2y, to.x, ty)
		}
	}
	for i, n := range l.nodes {
		p := l.at[i]
		y := l.y(p.layer)
		label := html.EscapeString(n.label())
		if n.Data {
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%d" fill="#fff" stroke="#222"><title>%s</title></rect>`,
				p.x-p.w/2, y, p.w, nodeH, html.EscapeString(n.Key()))
		} else {
			fmt.Fprintf(&b, `<ellipse cx="%.1f" cy="%.1f" rx="%.1f" ry="%d" fill="#dbe9f6" stroke="#222"><title>%s</title></ellipse>`,
				p.x, y+nodeH/2, p.w/2, nodeH/2, html.EscapeString(n.Key()))
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" dominant-baseline="central">%s</text>`+"\n", p.x, y+nodeH/2, label)
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// Text is the plain-text form of the drawing.
func (l *Layout) Text() string {
	edges := 0
	for _, ds := range l.deps {
		edges += len(ds)
	}
	return fmt.Sprintf("task graph: %d nodes, %d edges, %d layers", len(l.nodes), edges, len(l.layers))
}

// Publish shows the drawing inline.
func (l *Layout) Publish() {
	display.Publish(display.Message{
		Kind: display.KindDisplay,
		Data: map[string]any{"image/svg+xml": l.SVG(), "text/plain": l.Text()},
	})
}
