package display

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"
	"math"

	"git.sr.ht/~sbinet/gg"
	xdraw "golang.org/x/image/draw"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// The size a plot is shown at unless told otherwise: 640×480 CSS pixels,
// the size of a matplotlib figure in the same notebook. Lengths are in
// points (1/72 inch); the notebook draws 96 CSS pixels to the inch.
const (
	DefaultPlotWidth  vg.Length = 640 * vg.Inch / cssDPI
	DefaultPlotHeight vg.Length = 480 * vg.Inch / cssDPI

	// DefaultPlotDPI draws PNGs at twice the CSS pixel density, so they stay
	// sharp on high-DPI screens; the metadata tells the front end the
	// logical size.
	DefaultPlotDPI = 2 * cssDPI

	cssDPI = 96

	// maxPlotPixels bounds a PNG (about 200 MB of RGBA): a typo in a size
	// should not take the worker's memory with it.
	maxPlotPixels = 50_000_000
)

// PlotOption changes how Plot, NewPlot and Handle updates draw a plot.
type PlotOption func(*plotFormat)

type plotFormat struct {
	width, height vg.Length
	dpi           int
	svg           bool
}

// WithSize draws the plot w wide and h high, e.g. WithSize(8*vg.Inch,
// 5*vg.Inch) or WithSize(vg.Points(600), vg.Points(300)).
func WithSize(w, h vg.Length) PlotOption {
	return func(f *plotFormat) { f.width, f.height = w, h }
}

// WithDPI draws a PNG at dpi dots per inch; 96 is one pixel per CSS pixel.
// The plot keeps its logical size.
func WithDPI(dpi int) PlotOption {
	return func(f *plotFormat) { f.dpi = dpi }
}

// AsSVG draws the plot as SVG: sharp at any zoom, larger for dense data.
func AsSVG() PlotOption { return func(f *plotFormat) { f.svg = true } }

// AsPNG draws the plot as a PNG (the default).
func AsPNG() PlotOption { return func(f *plotFormat) { f.svg = false } }

// Plot shows p, as a PNG at high DPI unless options say otherwise:
//
//	display.Plot(p)
//	display.Plot(p, display.AsSVG(), display.WithSize(6*vg.Inch, 4*vg.Inch))
func Plot(p *plot.Plot, opts ...PlotOption) { publish(KindDisplay, NewPlot(p, opts...), "") }

// PlotSVG shows p as SVG.
func PlotSVG(p *plot.Plot) { Plot(p, AsSVG()) }

// PlotSize shows p as a PNG w wide and h high.
func PlotSize(p *plot.Plot, w, h vg.Length) { Plot(p, WithSize(w, h)) }

// NewPlot is p drawn as a Value, for a Handle or as a cell's last value.
// A plot that cannot be drawn becomes a text Value saying why.
func NewPlot(p *plot.Plot, opts ...PlotOption) Value {
	if p == nil {
		return textValue("<nil plot>")
	}
	f := plotFormat{width: DefaultPlotWidth, height: DefaultPlotHeight, dpi: DefaultPlotDPI}
	for _, opt := range opts {
		if opt != nil {
			opt(&f)
		}
	}
	w, h := cssPixels(f.width), cssPixels(f.height)
	text := fmt.Sprintf("<Figure %dx%d>", w, h)
	if f.svg {
		s, err := RenderSVG(p, f.width, f.height)
		if err != nil {
			return textValue("display: " + err.Error())
		}
		return Value{Data: map[string]any{MIMESVG: s, MIMEText: text}}
	}
	b, err := RenderPNG(p, f.width, f.height, f.dpi)
	if err != nil {
		return textValue("display: " + err.Error())
	}
	return Value{
		Data: map[string]any{MIMEPNG: base64.StdEncoding.EncodeToString(b), MIMEText: text},
		// The front end shows the image at its logical size, so a 2×
		// bitmap is sharp rather than twice as large.
		Metadata: map[string]any{MIMEPNG: map[string]any{"width": w, "height": h}},
	}
}

func cssPixels(l vg.Length) int {
	return int(math.Round(float64(l / vg.Inch * cssDPI)))
}

// RenderPNG draws p as a PNG w wide and h high at dpi dots per inch.
func RenderPNG(p *plot.Plot, w, h vg.Length, dpi int) (b []byte, err error) {
	if err := checkSize(w, h); err != nil {
		return nil, err
	}
	if dpi <= 0 {
		return nil, fmt.Errorf("plot DPI must be positive, not %d", dpi)
	}
	if px := float64(w/vg.Inch) * float64(h/vg.Inch) * float64(dpi) * float64(dpi); px > maxPlotPixels {
		return nil, fmt.Errorf("plot of %.0f megapixels is too large (at most %d): use a smaller size or DPI",
			px/1e6, maxPlotPixels/1_000_000)
	}
	defer recoverDraw(&err)
	c := pngCanvas(w, h, dpi)
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	// Fastest compression: a plot is mostly flat colour, so the bytes
	// barely grow, and encoding is a large part of drawing time.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, c.Image()); err != nil {
		return nil, fmt.Errorf("encoding the plot: %w", err)
	}
	return buf.Bytes(), nil
}

// pngCanvas is gonum's image canvas with one change: images (heat maps) are
// scaled nearest-neighbour rather than bilinearly. Upscaled data cells stay
// crisp, as matplotlib's imshow shows them, and drawing a full-size heat map
// takes a fifth of the time. Text and lines are drawn as before: glyphs
// only ever move by whole pixels or turn by quarter turns, where both
// interpolators agree.
func pngCanvas(w, h vg.Length, dpi int) *vgimg.Canvas {
	px := func(l vg.Length) int { return int(l/vg.Inch*vg.Length(dpi) + 0.5) }
	img := image.NewRGBA(image.Rect(0, 0, px(w), px(h)))
	ctx := gg.NewContextForRGBA(img)
	ctx.SetLineCapButt()
	ctx.InvertY()
	ctx.SetInterpolator(xdraw.NearestNeighbor)
	return vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi))
}

// RenderSVG draws p as an SVG document w wide and h high.
func RenderSVG(p *plot.Plot, w, h vg.Length) (s string, err error) {
	if err := checkSize(w, h); err != nil {
		return "", err
	}
	defer recoverDraw(&err)
	c := vgsvg.New(w, h)
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return "", fmt.Errorf("writing the plot: %w", err)
	}
	return buf.String(), nil
}

func checkSize(w, h vg.Length) error {
	if !(w > 0 && h > 0) || math.IsInf(float64(w), 0) || math.IsInf(float64(h), 0) {
		return fmt.Errorf("plot size must be positive, not %v × %v", w, h)
	}
	return nil
}

// recoverDraw turns a panic inside gonum plot (for example a log axis over
// a range that includes zero) into an error: a cell's failed plot must not
// take down the worker, and a goroutine's panic would.
func recoverDraw(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("drawing the plot failed: %v", r)
	}
}
