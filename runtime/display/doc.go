// Package display shows rich values in the notebook: images, SVG, HTML,
// Markdown, LaTeX, JSON and plots. Cells import it as gopar/display.
//
// Functions named for a MIME type show their argument at once:
//
//	display.HTML("<b>done</b>")
//	display.Plot(p)                                  // PNG at high DPI
//	display.PlotSVG(p)                               // SVG
//	display.PlotSize(p, 8*vg.Inch, 5*vg.Inch)        // another size
//	display.Plot(p, display.AsSVG(), display.WithDPI(96))
//
// Display(v) shows the richest form of any value, and a Handle shows a value
// that later calls replace in place (progress, live charts):
//
//	h := display.Show("starting")
//	h.Update(display.NewHTML("<progress value=3 max=10></progress>"))
//
// Every function publishes through Publish and is safe to call from any
// goroutine. None of them panics: a plot that cannot be drawn shows the
// reason as text instead.
package display

//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gopar_display.go github.com/gopar/gopar/runtime/display gopar/display
