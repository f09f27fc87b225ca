package chart

import (
	"errors"
	"image/color"
	"math"
	"testing"

	"gonum.org/v1/plot/palette"
)

func TestViridisEnds(t *testing.T) {
	// The published end points: #440154 (dark purple) and #fde725 (yellow).
	if got := viridisAt(0, 1); got != (color.NRGBA{R: 0x44, G: 0x01, B: 0x54, A: 0xff}) {
		t.Errorf("viridis(0) = %v", got)
	}
	if got := viridisAt(1, 1); got != (color.NRGBA{R: 0xfd, G: 0xe7, B: 0x25, A: 0xff}) {
		t.Errorf("viridis(1) = %v", got)
	}
}

// TestViridisLightnessRises checks the property viridis was designed for:
// lightness grows steadily from one end to the other (by about 0.3 L* a
// step; rounding to 8 bits may cost a few hundredths), so the table has no
// slip.
func TestViridisLightnessRises(t *testing.T) {
	first, prev := lightness(viridisRGB[0]), lightness(viridisRGB[0])
	for i, c := range viridisRGB[1:] {
		l := lightness(c)
		if l < prev-0.1 || l > prev+1 {
			t.Fatalf("entry %d (%v) has lightness %.2f after %.2f", i+1, c, l, prev)
		}
		prev = l
	}
	if rise := prev - first; rise < 70 {
		t.Errorf("lightness rises by %.1f from end to end, want over 70", rise)
	}
}

// lightness is CIE L* of an sRGB colour.
func lightness(c [3]uint8) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	y := 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
	if y > 216.0/24389 {
		return 116*math.Cbrt(y) - 16
	}
	return y * 24389 / 27
}

func TestViridisColorMap(t *testing.T) {
	cm := Viridis()
	cm.SetMin(10)
	cm.SetMax(20)
	tests := []struct {
		v    float64
		want error
	}{
		{10, nil}, {15, nil}, {20, nil},
		{9, palette.ErrUnderflow}, {21, palette.ErrOverflow}, {math.NaN(), palette.ErrNaN},
	}
	for _, tt := range tests {
		c, err := cm.At(tt.v)
		if !errors.Is(err, tt.want) {
			t.Errorf("At(%g) error %v, want %v", tt.v, err, tt.want)
		}
		if tt.want == nil && c == nil {
			t.Errorf("At(%g) gave no colour", tt.v)
		}
	}
	mid, _ := cm.At(15)
	if want := viridisAt(0.5, 1); mid != want {
		t.Errorf("At(15) = %v, want the middle colour %v", mid, want)
	}
	cm.SetAlpha(0.5)
	if c, _ := cm.At(10); c.(color.NRGBA).A != 128 {
		t.Errorf("alpha 0.5 gives %v", c)
	}
	colors := cm.Palette(5).Colors()
	if len(colors) != 5 || colors[0].(color.NRGBA).R != 0x44 || colors[4].(color.NRGBA).R != 0xfd {
		t.Errorf("Palette(5) = %v", colors)
	}
	empty := Viridis()
	empty.SetMax(0)
	if _, err := empty.At(0); err == nil {
		t.Error("an empty range gave no error")
	}
}
