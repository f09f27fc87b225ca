package native

import (
	"testing"
)

// referenceEscape is the lesson's loop written plainly with complex128:
// z = z**2 + c, stop when (z * z.conjugate()).real >= 4, record k.
func referenceEscape(z, c complex128, maxIter int) int {
	k := 0
	for k = 0; k < maxIter; k++ {
		z = z*z + c
		if real(z*complex(real(z), -imag(z))) >= 4 {
			break
		}
	}
	if k == maxIter {
		k = maxIter - 1
	}
	return k
}

// referenceGrid computes a fractal pixel by pixel with the lesson's
// coordinates: center + (i - width//2 + 1j*(j - height//2)) * scale.
func referenceGrid(box BoundingBox, maxIter int, julia bool, c complex128) [][]int {
	scale := box.Scale()
	rows := make([][]int, box.Height)
	for j := range rows {
		rows[j] = make([]int, box.Width)
		for i := range rows[j] {
			p := box.Center + complex(float64(i-box.Width/2), float64(j-box.Height/2))*complex(scale, 0)
			if julia {
				rows[j][i] = referenceEscape(p, c, maxIter)
			} else {
				rows[j][i] = referenceEscape(0, p, maxIter)
			}
		}
	}
	return rows
}

func sameAsReference(t *testing.T, got *IterGrid, want [][]int) {
	t.Helper()
	if got.Height != len(want) || (len(want) > 0 && got.Width != len(want[0])) {
		t.Fatalf("grid is %d×%d, want %d×%d", got.Width, got.Height, len(want[0]), len(want))
	}
	if got.Err() != nil {
		t.Fatalf("Err() = %v", got.Err())
	}
	bad := 0
	for j, row := range want {
		for i, v := range row {
			if g := got.At(i, j); g != v {
				if bad < 5 {
					t.Errorf("pixel (%d, %d): %d iterations, reference %d", i, j, g, v)
				}
				bad++
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d pixels differ from the reference", bad, got.Width*got.Height)
	}
}

var fractalBoxes = []struct {
	name    string
	box     BoundingBox
	maxIter int
}{
	{"whole set", BoundingBox{Width: 96, Height: 64, Center: -0.8, Extent: 3 + 2i}, 256},
	{"odd size", BoundingBox{Width: 37, Height: 23, Center: -0.5 + 0.1i, Extent: 2.5 + 2i}, 100},
	{"lesson test case, small", BoundingBox{Width: 64, Height: 64, Center: -1.1195 + 0.2718i, Extent: 0.005 + 0.005i}, 1024},
	{"one pixel", BoundingBox{Width: 1, Height: 1, Center: 0.25, Extent: 1 + 1i}, 50},
	{"max_iter 1", BoundingBox{Width: 8, Height: 8, Extent: 5 + 5i}, 1},
}

func TestMandelbrotMatchesReference(t *testing.T) {
	for _, tt := range fractalBoxes {
		want := referenceGrid(tt.box, tt.maxIter, false, 0)
		t.Run(tt.name+"/serial", func(t *testing.T) { sameAsReference(t, Mandelbrot(tt.box, tt.maxIter), want) })
		for _, workers := range []int{0, 2, 3} {
			t.Run(tt.name+"/parallel", func(t *testing.T) {
				sameAsReference(t, MandelbrotParallel(tt.box, tt.maxIter, workers), want)
			})
		}
	}
}

func TestJuliaMatchesReference(t *testing.T) {
	for _, c := range []complex128{-1.1193 + 0.2718i, -0.8 + 0.156i} {
		for _, tt := range fractalBoxes {
			box := tt.box
			box.Center, box.Extent = 0, 4+3i
			want := referenceGrid(box, tt.maxIter, true, c)
			t.Run(tt.name+"/serial", func(t *testing.T) { sameAsReference(t, Julia(box, c, tt.maxIter), want) })
			t.Run(tt.name+"/parallel", func(t *testing.T) { sameAsReference(t, JuliaParallel(box, c, tt.maxIter, 2), want) })
		}
	}
}

func TestFractalOfNothing(t *testing.T) {
	tests := []struct {
		name    string
		box     BoundingBox
		maxIter int
	}{
		{"zero width", BoundingBox{Width: 0, Height: 5, Extent: 1 + 1i}, 10},
		{"negative size", BoundingBox{Width: -3, Height: -3, Extent: 1 + 1i}, 10},
		{"max_iter 0", BoundingBox{Width: 4, Height: 4, Extent: 1 + 1i}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := MandelbrotParallel(tt.box, tt.maxIter, 2)
			if g.Width*g.Height != len(g.Values()) {
				t.Errorf("%d×%d grid holds %d values", g.Width, g.Height, len(g.Values()))
			}
			for _, v := range g.Values() {
				if v != 0 {
					t.Fatalf("value %d in an empty computation", v)
				}
			}
		})
	}
}
