package native

import (
	"strings"
	"testing"
)

func TestIterGridAccessors(t *testing.T) {
	rows := [][]int{{1, 2, 3}, {4, 5, 6}}
	g, err := FromRows(rows, BoundingBox{Extent: 3 + 2i}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if g.Width != 3 || g.Height != 2 || g.Box.Width != 3 || g.Box.Height != 2 || g.MaxIter != 10 {
		t.Fatalf("FromRows made %+v", g)
	}
	for j, row := range rows {
		for i, v := range row {
			if g.At(i, j) != v || g.Row(j)[i] != v || g.Rows()[j][i] != v || g.Values()[j*3+i] != v {
				t.Errorf("pixel (%d, %d) is not %d in every accessor", i, j, v)
			}
		}
	}
	rows[0][0] = 99
	if g.At(0, 0) == 99 {
		t.Error("FromRows kept the caller's slice")
	}
	if !strings.Contains(g.String(), "3×2") || !strings.Contains(g.String(), "1..6") {
		t.Errorf("String() = %q", g.String())
	}
	for _, bad := range [][2]int{{3, 0}, {0, 2}, {-1, 0}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("At(%d, %d) did not panic", bad[0], bad[1])
				}
			}()
			g.At(bad[0], bad[1])
		}()
	}
	if _, err := FromRows([][]int{{1, 2}, {3}}, BoundingBox{}, 5); err == nil {
		t.Error("FromRows took ragged rows")
	}
}

func TestCombineRejectsMismatchedParts(t *testing.T) {
	box := BoundingBox{Width: 8, Height: 8, Extent: 4 + 4i}
	parts := box.Split(2)
	grids := make([]*IterGrid, 4)
	for k, p := range parts {
		grids[k] = Mandelbrot(p, 20)
	}
	odd := Mandelbrot(BoundingBox{Width: 3, Height: 4, Extent: 1 + 1i}, 20)
	tests := []struct {
		name  string
		parts []*IterGrid
		n     int
	}{
		{"too few", grids[:3], 2},
		{"n zero", nil, 0},
		{"nil part", []*IterGrid{grids[0], nil, grids[2], grids[3]}, 2},
		{"wrong width", []*IterGrid{grids[0], grids[1], odd, grids[3]}, 2},
	}
	for _, tt := range tests {
		if _, err := Combine(tt.parts, tt.n); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	if _, err := Combine(grids, 2); err != nil {
		t.Errorf("good parts: %v", err)
	}
}
