package native

import (
	"math"
	"math/cmplx"
	"testing"
)

func TestScaleFitsTheExtent(t *testing.T) {
	tests := []struct {
		box  BoundingBox
		want float64
	}{
		{BoundingBox{Width: 256, Height: 256, Extent: 3 + 3i}, 3.0 / 256},
		{BoundingBox{Width: 200, Height: 100, Extent: 4 + 1i}, 4.0 / 200},
		{BoundingBox{Width: 200, Height: 100, Extent: 1 + 4i}, 4.0 / 100},
	}
	for _, tt := range tests {
		if got := tt.box.Scale(); got != tt.want {
			t.Errorf("%+v: Scale() = %v, want %v", tt.box, got, tt.want)
		}
	}
}

func TestGridHoldsEveryPoint(t *testing.T) {
	box := BoundingBox{Width: 7, Height: 5, Center: -0.5 + 0.25i, Extent: 3 + 2i}
	grid := box.Grid()
	if len(grid) != box.Height {
		t.Fatalf("%d rows, want %d", len(grid), box.Height)
	}
	for j, row := range grid {
		if len(row) != box.Width {
			t.Fatalf("row %d has %d points, want %d", j, len(row), box.Width)
		}
		for i, z := range row {
			if z != box.Point(i, j) {
				t.Errorf("Grid()[%d][%d] = %v, Point = %v", j, i, z, box.Point(i, j))
			}
		}
	}
	if got := box.Point(box.Width/2, box.Height/2); got != box.Center {
		t.Errorf("middle pixel samples %v, want the centre %v", got, box.Center)
	}
	if s := box.Scale(); cmplx.Abs(grid[0][1]-grid[0][0]-complex(s, 0)) > 1e-15 || cmplx.Abs(grid[1][0]-grid[0][0]-complex(0, s)) > 1e-15 {
		t.Errorf("neighbours are not %v apart", s)
	}
	if (BoundingBox{}).Grid() != nil {
		t.Error("an empty box has a grid")
	}
}

func TestSplitTilesTheBox(t *testing.T) {
	box := BoundingBox{Width: 10, Height: 7, Center: 0.5 - 0.5i, Extent: 5 + 3.5i}
	for _, n := range []int{1, 2, 3, 4} {
		parts := box.Split(n)
		if len(parts) != n*n {
			t.Fatalf("Split(%d) gave %d parts", n, len(parts))
		}
		width, height := 0, 0
		for bi := range n {
			width += parts[bi].Width
		}
		for bj := range n {
			height += parts[bj*n].Height
		}
		if width != box.Width || height != box.Height {
			t.Errorf("Split(%d) covers %d×%d, want %d×%d", n, width, height, box.Width, box.Height)
		}
		// Each part's pixel (0, 0) is a pixel of the whole box.
		y0 := 0
		for bj := range n {
			x0 := 0
			for bi := range n {
				p := parts[bj*n+bi]
				if d := cmplx.Abs(p.Point(0, 0) - box.Point(x0, y0)); d > 1e-12 {
					t.Errorf("Split(%d) part (%d, %d) starts %v off pixel (%d, %d)", n, bi, bj, d, x0, y0)
				}
				if math.Abs(p.Scale()-box.Scale()) > 1e-15 {
					t.Errorf("Split(%d) part (%d, %d) has scale %v, want %v", n, bi, bj, p.Scale(), box.Scale())
				}
				x0 += p.Width
			}
			y0 += parts[bj*n].Height
		}
	}
	if box.Split(0) != nil {
		t.Error("Split(0) is not nil")
	}
}

// TestSplitThenCombineEqualsWhole computes the parts of a split box
// separately and checks that Combine gives the grid of the whole. On boxes
// whose coordinates are exact binary fractions the parts sample exactly the
// points of the whole, so the grids must be identical; on the lesson's test
// case the parts' coordinates can differ in the last bit, which may change
// the count of a rare pixel on a filament, so a handful may differ.
func TestSplitThenCombineEqualsWhole(t *testing.T) {
	tests := []struct {
		name      string
		box       BoundingBox
		maxIter   int
		julia     bool
		tolerance float64 // fraction of pixels allowed to differ
	}{
		{"dyadic Mandelbrot", BoundingBox{Width: 128, Height: 64, Center: -0.5, Extent: 4 + 2i}, 200, false, 0},
		{"dyadic Julia", BoundingBox{Width: 64, Height: 64, Extent: 4 + 4i}, 200, true, 0},
		{"dyadic, uneven parts", BoundingBox{Width: 100, Height: 52, Center: -0.5, Extent: 3.125 + 1.625i}, 200, false, 0},
		{"lesson test case", BoundingBox{Width: 120, Height: 120, Center: -1.1195 + 0.2718i, Extent: 0.005 + 0.005i}, 1024, false, 0.002},
	}
	for _, tt := range tests {
		compute := func(b BoundingBox) *IterGrid {
			if tt.julia {
				return Julia(b, -0.8+0.156i, tt.maxIter)
			}
			return Mandelbrot(b, tt.maxIter)
		}
		whole := compute(tt.box)
		for _, n := range []int{1, 2, 3, 4} {
			parts := tt.box.Split(n)
			grids := make([]*IterGrid, len(parts))
			for k, p := range parts {
				grids[k] = compute(p)
			}
			combined, err := Combine(grids, n)
			if err != nil {
				t.Fatalf("%s, n=%d: %v", tt.name, n, err)
			}
			if combined.Width != whole.Width || combined.Height != whole.Height {
				t.Fatalf("%s, n=%d: combined %d×%d, whole %d×%d", tt.name, n, combined.Width, combined.Height, whole.Width, whole.Height)
			}
			diff := 0
			for k, v := range whole.Values() {
				if combined.Values()[k] != v {
					diff++
				}
			}
			if diff > 0 {
				t.Logf("%s, n=%d: %d of %d pixels differ", tt.name, n, diff, len(whole.Values()))
			}
			if float64(diff) > tt.tolerance*float64(len(whole.Values())) {
				t.Errorf("%s, n=%d: %d pixels differ", tt.name, n, diff)
			}
			if tt.tolerance == 0 && !combined.Equal(whole) {
				t.Errorf("%s, n=%d: combined grid is not Equal to the whole", tt.name, n)
			}
			if d := cmplx.Abs(combined.Box.Center - tt.box.Center); d > 1e-12 {
				t.Errorf("%s, n=%d: combined box centred %v off", tt.name, n, d)
			}
			if d := cmplx.Abs(combined.Box.Extent - complex(float64(tt.box.Width), float64(tt.box.Height))*complex(tt.box.Scale(), 0)); d > 1e-12 {
				t.Errorf("%s, n=%d: combined extent %v off", tt.name, n, d)
			}
		}
	}
}
