// Package chart draws the lesson's recurring charts on gonum plot: named
// lines (memory usage over time), time against workers with a min–max
// ribbon, log–log time against job count, bars, and heat maps of fractals
// with a viridis colour bar. Cells import it as gopar/chart.
//
// Every helper returns the *plot.Plot, so a cell can still change titles,
// ranges or add plotters before showing it with display.Plot (or by ending
// the cell with it):
//
//	p := chart.TimeVsWorkers(workers, times, chart.Ideal())
//	p.Title.Text = "Mandelbrot 1024×1024"
//	p
//
// Helpers panic on inconsistent input (series of different lengths, an
// empty grid): these are mistakes in the calling cell, reported where the
// cell can see them.
package chart

//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gopar_chart.go github.com/gopar/gopar/runtime/chart gopar/chart
