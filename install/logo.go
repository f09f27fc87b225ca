package install

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// goBlue is the Go brand's gopher blue.
var goBlue = color.RGBA{0x00, 0xAD, 0xD8, 0xFF}

// logoSVG: a rounded blue tile with three parallel bars, drawn by hand so
// the kernelspec needs no image files in the repository.
const logoSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
<rect x="2" y="2" width="60" height="60" rx="12" fill="#00ADD8"/>
<rect x="14" y="16" width="8" height="32" rx="3" fill="#fff"/>
<rect x="28" y="16" width="8" height="32" rx="3" fill="#fff"/>
<rect x="42" y="16" width="8" height="32" rx="3" fill="#fff"/>
</svg>
`

func logos() map[string][]byte {
	return map[string][]byte{
		"logo-32x32.png": logoPNG(32),
		"logo-64x64.png": logoPNG(64),
		"logo-svg.svg":   []byte(logoSVG),
	}
}

// logoPNG rasterises the same design as logoSVG at size×size.
func logoPNG(size int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	s := float64(size) / 64
	inRoundRect := func(x, y, x0, y0, w, h, r float64) bool {
		if x < x0 || y < y0 || x > x0+w || y > y0+h {
			return false
		}
		cx := math.Max(x0+r, math.Min(x, x0+w-r))
		cy := math.Max(y0+r, math.Min(y, y0+h-r))
		return math.Hypot(x-cx, y-cy) <= r
	}
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			x, y := (float64(px)+0.5)/s, (float64(py)+0.5)/s
			switch {
			case inRoundRect(x, y, 14, 16, 8, 32, 3), inRoundRect(x, y, 28, 16, 8, 32, 3), inRoundRect(x, y, 42, 16, 8, 32, 3):
				img.Set(px, py, color.White)
			case inRoundRect(x, y, 2, 2, 60, 60, 12):
				img.Set(px, py, goBlue)
			}
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	return buf.Bytes()
}
