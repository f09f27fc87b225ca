package profile

import "testing"

// The wanted strings are what IPython's _format_time prints for the same input.
func TestFormatTime(t *testing.T) {
	tests := []struct {
		seconds   float64
		precision int
		want      string
	}{
		{0, 3, "0 ns"},
		{0.676, 3, "676 ms"},
		{0.00639, 3, "6.39 ms"},
		{135e-6, 3, "135 µs"},
		{25e-6, 3, "25 µs"},
		{8.26e-9, 3, "8.26 ns"},
		{0.12e-9, 3, "0.12 ns"},
		{1e-12, 3, "0.001 ns"},
		{1, 3, "1 s"},
		{1.5, 3, "1.5 s"},
		{12.345, 3, "12.3 s"},
		{0.1, 3, "100 ms"},
		{0.001, 3, "1 ms"},
		{0.000999, 3, "999 µs"},
		{1e-6, 3, "1 µs"},
		{0.0009996, 3, "1e+03 µs"}, // rounds up past the unit, as IPython does
		{9.996e-7, 3, "1e+03 ns"},
		{0.9997, 3, "1e+03 ms"},
		{59.99, 3, "60 s"},
		{0.0123456, 5, "12.346 ms"},
		{0.0123456, 1, "1e+01 ms"},
		{60, 3, "1min"},
		{61.5, 3, "1min 1s"},
		{90.5, 3, "1min 30s"},
		{3600, 3, "1h"},
		{3661, 3, "1h 1min 1s"},
		{93722.7, 3, "1d 2h 2min 2s"},
	}
	for _, tt := range tests {
		if got := FormatTime(tt.seconds, tt.precision); got != tt.want {
			t.Errorf("FormatTime(%v, %d) = %q, want %q", tt.seconds, tt.precision, got, tt.want)
		}
	}
}

func TestThousands(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0"}, {1, "1"}, {999, "999"}, {1000, "1,000"}, {100000, "100,000"},
		{10000000, "10,000,000"}, {1000000000, "1,000,000,000"}, {-1234, "-1,234"},
	}
	for _, tt := range tests {
		if got := Thousands(tt.n); got != tt.want {
			t.Errorf("Thousands(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
