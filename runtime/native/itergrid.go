package native

import (
	"errors"
	"fmt"
)

// ErrInterrupted is what IterGrid.Err reports when the cell was interrupted
// while the grid was being computed: the rows not reached are left zero.
var ErrInterrupted = errors.New("native: interrupted before the grid was complete")

// IterGrid holds one iteration count per pixel of a fractal: At(i, j) is
// the iteration at which the orbit of pixel (i, j) left the disc of radius 2,
// or MaxIter-1 if it never did (the lesson's result[j, i]). Row j = 0 is the
// bottom of the picture, the smallest imaginary part.
type IterGrid struct {
	Width, Height int
	MaxIter       int
	Box           BoundingBox // the region computed; zero for a grid made by FromRows without one
	values        []int       // row-major: values[j*Width+i]
	err           error
}

// newIterGrid allocates the grid of a kernel: the one allocation it makes.
func newIterGrid(box BoundingBox, maxIter int) *IterGrid {
	w, h := max(box.Width, 0), max(box.Height, 0)
	return &IterGrid{Width: w, Height: h, MaxIter: maxIter, Box: box, values: make([]int, w*h)}
}

// FromRows makes an IterGrid from counts computed elsewhere — in an
// interpreted cell, say — so they can be compared, combined and drawn like a
// kernel's. rows[j][i] is pixel (i, j); every row must have the same length.
// box says which region the counts sample (its Width and Height are set
// from rows) and maxIter is the iteration limit used.
func FromRows(rows [][]int, box BoundingBox, maxIter int) (*IterGrid, error) {
	box.Height = len(rows)
	box.Width = 0
	if len(rows) > 0 {
		box.Width = len(rows[0])
	}
	g := newIterGrid(box, maxIter)
	for j, row := range rows {
		if len(row) != g.Width {
			return nil, fmt.Errorf("native.FromRows: row %d has %d values, row 0 has %d", j, len(row), g.Width)
		}
		copy(g.values[j*g.Width:], row)
	}
	return g, nil
}

// At returns the count of pixel (i, j): column i, row j.
func (g *IterGrid) At(i, j int) int {
	if uint(i) >= uint(g.Width) || uint(j) >= uint(g.Height) {
		panic(fmt.Sprintf("native: pixel (%d, %d) outside a %d×%d grid", i, j, g.Width, g.Height))
	}
	return g.values[j*g.Width+i]
}

// Row returns row j; it shares memory with the grid.
func (g *IterGrid) Row(j int) []int {
	if uint(j) >= uint(g.Height) {
		panic(fmt.Sprintf("native: row %d outside a grid of %d rows", j, g.Height))
	}
	return g.values[j*g.Width : (j+1)*g.Width : (j+1)*g.Width]
}

// Rows returns all rows, bottom first: Rows()[j][i] is At(i, j). They share
// memory with the grid.
func (g *IterGrid) Rows() [][]int {
	rows := make([][]int, g.Height)
	for j := range rows {
		rows[j] = g.Row(j)
	}
	return rows
}

// Values returns the counts row after row (pixel (i, j) at j*Width+i); it
// shares memory with the grid.
func (g *IterGrid) Values() []int { return g.values }

// Err is ErrInterrupted if the cell was interrupted while the grid was
// computed (or, for a combined grid, any of its parts), and nil otherwise.
func (g *IterGrid) Err() error { return g.err }

// Equal reports whether g and o have the same size and the same counts.
func (g *IterGrid) Equal(o *IterGrid) bool {
	if g.Width != o.Width || g.Height != o.Height {
		return false
	}
	for k, v := range g.values {
		if o.values[k] != v {
			return false
		}
	}
	return true
}

// String describes the grid without printing a million numbers.
func (g *IterGrid) String() string {
	lo, hi := g.minMax()
	return fmt.Sprintf("IterGrid %d×%d, max_iter %d, counts %d..%d", g.Width, g.Height, g.MaxIter, lo, hi)
}

func (g *IterGrid) minMax() (lo, hi int) {
	if len(g.values) == 0 {
		return 0, 0
	}
	lo, hi = g.values[0], g.values[0]
	for _, v := range g.values {
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

// Combine joins the grids of the n × n parts of a BoundingBox.Split, given
// in the same order (part bj*n+bi is column bi, row bj), into the grid of
// the whole box — numpy.block in the lesson. Parts in one row must have the
// same height and parts in one column the same width.
func Combine(parts []*IterGrid, n int) (*IterGrid, error) {
	if n < 1 || len(parts) != n*n {
		return nil, fmt.Errorf("native.Combine: %d parts do not make a %d×%d grid", len(parts), n, n)
	}
	for k, p := range parts {
		if p == nil {
			return nil, fmt.Errorf("native.Combine: part %d is nil", k)
		}
	}
	width, height := 0, 0
	for bi := range n {
		width += parts[bi].Width
	}
	for bj := range n {
		height += parts[bj*n].Height
	}
	for bj := range n {
		for bi := range n {
			p := parts[bj*n+bi]
			if p.Width != parts[bi].Width || p.Height != parts[bj*n].Height {
				return nil, fmt.Errorf("native.Combine: part %d (column %d, row %d) is %d×%d, its column is %d wide and its row %d high",
					bj*n+bi, bi, bj, p.Width, p.Height, parts[bi].Width, parts[bj*n].Height)
			}
		}
	}

	// The whole box: the bottom-left pixel of part 0 is the bottom-left
	// pixel of the whole, and the pixel spacing is the parts'.
	first := parts[0].Box
	s := first.Scale()
	corner := first.Point(0, 0)
	box := BoundingBox{
		Width:  width,
		Height: height,
		Center: corner + complex(float64(width/2)*s, float64(height/2)*s),
		Extent: complex(float64(width)*s, float64(height)*s),
	}
	g := newIterGrid(box, 0)

	y0 := 0
	for bj := range n {
		x0 := 0
		for bi := range n {
			p := parts[bj*n+bi]
			g.MaxIter = max(g.MaxIter, p.MaxIter)
			if p.err != nil {
				g.err = p.err
			}
			for j := range p.Height {
				copy(g.values[(y0+j)*width+x0:], p.values[j*p.Width:(j+1)*p.Width])
			}
			x0 += p.Width
		}
		y0 += parts[bj*n].Height
	}
	return g, nil
}
