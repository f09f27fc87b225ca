package profile

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// FormatTime writes a span of seconds the way IPython's %time and %timeit do:
// spans of a minute or more as "1h 2min 3s", shorter ones with precision
// significant digits in s, ms, µs or ns ("676 ms", "6.39 µs", "0 ns").
func FormatTime(seconds float64, precision int) string {
	if seconds >= 60 {
		parts := []struct {
			suffix string
			length float64
		}{{"d", 86400}, {"h", 3600}, {"min", 60}, {"s", 1}}
		var out []string
		leftover := seconds
		for _, p := range parts {
			value := math.Trunc(leftover / p.length)
			if value > 0 {
				leftover = math.Mod(leftover, p.length)
				out = append(out, strconv.FormatFloat(value, 'f', 0, 64)+p.suffix)
			}
			if leftover < 1 {
				break
			}
		}
		return strings.Join(out, " ")
	}
	units := [...]string{"s", "ms", "µs", "ns"}
	scaling := [...]float64{1, 1e3, 1e6, 1e9}
	// IPython picks min(-(floor(log10 t) // 3), 3); comparing against the
	// unit boundaries gives the same order without log10's rounding.
	order := 3
	switch {
	case seconds >= 1:
		order = 0
	case seconds >= 1e-3:
		order = 1
	case seconds >= 1e-6:
		order = 2
	}
	return fmt.Sprintf("%.*g %s", precision, seconds*scaling[order], units[order])
}

// Thousands writes n with comma separators, as Python's "{:,}" does.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
