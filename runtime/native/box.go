package native

// BoundingBox is a rectangle of the complex plane sampled on a grid of
// Width × Height pixels: the lesson's BoundingBox. Center is the middle of
// the rectangle and Extent its size (real part across, imaginary part up).
// The lesson's test case is
//
//	native.BoundingBox{Width: 1024, Height: 1024, Center: -1.1195 + 0.2718i, Extent: 0.005 + 0.005i}
type BoundingBox struct {
	Width, Height int
	Center        complex128
	Extent        complex128
}

// Scale returns the distance between neighbouring pixels: the larger of
// the two spacings Extent asks for, so that the whole extent fits and
// pixels are square.
func (b BoundingBox) Scale() float64 {
	return max(real(b.Extent)/float64(b.Width), imag(b.Extent)/float64(b.Height))
}

// Point returns the complex number that pixel (i, j) samples: column i
// counts along the real axis, row j along the imaginary axis, and pixel
// (Width/2, Height/2) is Center — the lesson's
// center + (i - width//2 + 1j*(j - height//2)) * scale.
func (b BoundingBox) Point(i, j int) complex128 {
	s := b.Scale()
	return complex(real(b.Center)+float64(i-b.Width/2)*s, imag(b.Center)+float64(j-b.Height/2)*s)
}

// Grid returns the numbers every pixel samples, as rows: Grid()[j][i] is
// Point(i, j). The rows share one allocation.
func (b BoundingBox) Grid() [][]complex128 {
	if b.Width < 1 || b.Height < 1 {
		return nil
	}
	cells := make([]complex128, b.Width*b.Height)
	rows := make([][]complex128, b.Height)
	s := b.Scale()
	for j := range rows {
		row := cells[j*b.Width : (j+1)*b.Width : (j+1)*b.Width]
		im := imag(b.Center) + float64(j-b.Height/2)*s
		for i := range row {
			row[i] = complex(real(b.Center)+float64(i-b.Width/2)*s, im)
		}
		rows[j] = row
	}
	return rows
}

// Split cuts the box into n × n boxes for domain decomposition and returns
// them row by row: element bj*n+bi is column bi, row bj (row 0 along the
// bottom, smallest imaginary part). Computing each part and joining them
// with Combine(parts, n) gives the picture of the whole box. When n does not
// divide Width or Height the first columns and rows get one pixel more, so
// no pixel is lost; each part samples the same points its pixels sample in
// the whole box, up to rounding in the last bit. n < 1 gives nil.
func (b BoundingBox) Split(n int) []BoundingBox {
	if n < 1 {
		return nil
	}
	s := b.Scale()
	parts := make([]BoundingBox, 0, n*n)
	y0 := 0
	for bj := range n {
		h := share(b.Height, n, bj)
		x0 := 0
		for bi := range n {
			w := share(b.Width, n, bi)
			parts = append(parts, BoundingBox{
				Width:  w,
				Height: h,
				// The part's middle pixel is pixel (x0+w/2, y0+h/2) of
				// the whole; centring it there keeps the grids aligned.
				Center: b.Point(x0+w/2, y0+h/2),
				Extent: complex(float64(w)*s, float64(h)*s),
			})
			x0 += w
		}
		y0 += h
	}
	return parts
}

// share returns the size of piece k when total is cut into n pieces that
// differ by at most one, the larger ones first.
func share(total, n, k int) int {
	size := total / n
	if k < total%n {
		size++
	}
	return size
}
