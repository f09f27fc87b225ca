package sidebyside

import (
	"math"
	"strings"
	"testing"
)

func TestMedianAndGeoMean(t *testing.T) {
	if m := Median([]float64{3, 1, 2}); m != 2 {
		t.Errorf("median of 3, 1, 2 = %v", m)
	}
	if m := Median([]float64{4, 1, 3, 2}); m != 2.5 {
		t.Errorf("median of 4, 1, 3, 2 = %v", m)
	}
	if m := Median(nil); m != 0 {
		t.Errorf("median of nothing = %v", m)
	}
	g, err := GeoMean([]float64{0.5, 2, 8})
	if err != nil || math.Abs(g-2) > 1e-12 {
		t.Errorf("geometric mean of 0.5, 2, 8 = %v, %v", g, err)
	}
	for _, bad := range [][]float64{nil, {1, 0}, {2, -1}, {math.NaN()}} {
		if _, err := GeoMean(bad); err == nil {
			t.Errorf("GeoMean(%v): no error", bad)
		}
	}
}

func TestDiff(t *testing.T) {
	if d := Diff([]byte("a\nb\n"), []byte("a\nb\n")); d != "" {
		t.Errorf("same outputs: %q", d)
	}
	if d := Diff([]byte("a\nb\n"), []byte("a\nc\n")); !strings.Contains(d, "line 2") || !strings.Contains(d, `"b"`) || !strings.Contains(d, `"c"`) {
		t.Errorf("different second line: %q", d)
	}
	if d := Diff(nil, []byte("a\n")); !strings.Contains(d, "line 1") {
		t.Errorf("nothing against a line: %q", d)
	}
}

func TestRotate(t *testing.T) {
	sides := []string{"gopar", "CPython", "compiled"}
	for r, want := range []string{"gopar CPython compiled", "CPython compiled gopar", "compiled gopar CPython", "gopar CPython compiled"} {
		if got := strings.Join(Rotate(sides, r), " "); got != want {
			t.Errorf("round %d: %s, want %s", r, got, want)
		}
	}
	if strings.Join(sides, " ") != "gopar CPython compiled" {
		t.Errorf("Rotate changed its argument: %v", sides)
	}
}
