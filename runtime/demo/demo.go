// Package demo exists to exercise the symbol generator in tests.
package demo

//go:generate go run gopar/internal/gensymbols -o ../../symbols/gopar_demo.go gopar/runtime/demo gopar/demo

// Answer returns 42.
func Answer() int { return 42 }
