package native

import (
	"image"
	"math"
)

// ImageOptions say how Image and Plot colour an IterGrid.
type ImageOptions struct {
	// CubeRoot colours by the cube root of the counts — the lesson's
	// values**(1/3) — which spreads out the many small counts outside the
	// set and shows its filaments.
	CubeRoot bool
}

// transform returns the value the colour of count v is proportional to.
func (o ImageOptions) transform(v int) float64 {
	if o.CubeRoot {
		return math.Cbrt(float64(v))
	}
	return float64(v)
}

// inverse undoes transform, for labelling a colour bar in counts.
func (o ImageOptions) inverse(x float64) float64 {
	if o.CubeRoot {
		return x * x * x
	}
	return x
}

// colorRange returns the transformed smallest and largest counts: the two
// ends of the colormap, as matplotlib's imshow scales them.
func (g *IterGrid) colorRange(opts ImageOptions) (lo, hi float64) {
	a, b := g.minMax()
	return opts.transform(a), opts.transform(b)
}

// Image draws the grid one pixel per count with the viridis colormap, the
// smallest count dark blue and the largest yellow, row 0 at the bottom as
// the lesson's imshow(origin='lower') shows it. The picture is Width ×
// Height pixels; gopar/display shows it in the notebook.
func (g *IterGrid) Image(opts ImageOptions) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, g.Width, g.Height))
	lo, hi := g.colorRange(opts)
	steps := float64(len(viridis) - 1)
	k := 0.0
	if hi > lo {
		k = steps / (hi - lo)
	}
	// A lookup per distinct count would save the cube roots, but counts
	// can be up to maxIter and the image is made once; keep it plain.
	for j := range g.Height {
		y := g.Height - 1 - j
		row := g.values[j*g.Width : (j+1)*g.Width]
		pix := img.Pix[y*img.Stride : y*img.Stride+4*g.Width]
		for i, v := range row {
			c := viridis[int((opts.transform(v)-lo)*k+0.5)]
			pix[4*i], pix[4*i+1], pix[4*i+2], pix[4*i+3] = c.R, c.G, c.B, c.A
		}
	}
	return img
}
