package chart

// The gonum plot packages cells import under their own paths. Their tables
// are generated here, beside the package that builds on them, so that one
// `go generate` refreshes everything a plotting cell needs.

//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gonum_plot.go gonum.org/v1/plot gonum.org/v1/plot
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gonum_plot_plotter.go gonum.org/v1/plot/plotter gonum.org/v1/plot/plotter
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gonum_plot_plotutil.go gonum.org/v1/plot/plotutil gonum.org/v1/plot/plotutil
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gonum_plot_vg.go gonum.org/v1/plot/vg gonum.org/v1/plot/vg
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gonum_plot_vg_draw.go gonum.org/v1/plot/vg/draw gonum.org/v1/plot/vg/draw
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gonum_plot_vg_vgimg.go gonum.org/v1/plot/vg/vgimg gonum.org/v1/plot/vg/vgimg
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gonum_plot_vg_vgsvg.go gonum.org/v1/plot/vg/vgsvg gonum.org/v1/plot/vg/vgsvg
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gonum_plot_palette.go gonum.org/v1/plot/palette gonum.org/v1/plot/palette
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gonum_plot_palette_moreland.go gonum.org/v1/plot/palette/moreland gonum.org/v1/plot/palette/moreland
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gonum_plot_font.go gonum.org/v1/plot/font gonum.org/v1/plot/font
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gonum_plot_text.go gonum.org/v1/plot/text gonum.org/v1/plot/text
