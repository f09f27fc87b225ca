// Package taskstream records which worker ran which task, and when, and
// draws it the way Dask's dashboard draws its task stream: one row per
// worker, one bar per task, coloured by the kind of task.
package taskstream

import (
	"container/heap"
	"fmt"
	"html"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/gopar/gopar/runtime/display"
)

// epoch anchors Now: a monotonic clock reading is cheaper to keep as a
// Duration than as a time.Time.
var epoch = time.Now()

// Now is the time since the process started, on the monotonic clock.
func Now() time.Duration { return time.Since(epoch) }

// Span is one task as it ran.
type Span struct {
	Worker     int    // the worker that ran it; -1 when unknown (a goroutine per task)
	Name       string // the task's own name, shown on hover
	Group      string // the kind of task; tasks of one group share a colour
	Start, End time.Duration
	Failed     bool
}

// Stream is the record of one computation.
type Stream struct {
	Title   string
	Spans   []Span
	Workers int // size of the worker pool; 0 when tasks had no fixed worker
}

// Text summarises the stream in one line, the plain-text form of the picture.
func (s *Stream) Text() string {
	if s == nil || len(s.Spans) == 0 {
		return "task stream: no tasks"
	}
	t0, t1 := s.bounds()
	var busy time.Duration
	for _, sp := range s.Spans {
		busy += sp.End - sp.Start
	}
	lanes := s.lanes()
	wall := t1 - t0
	util := 0.0
	if wall > 0 {
		util = 100 * float64(busy) / float64(wall) / float64(lanes.count)
	}
	who := fmt.Sprintf("%d workers", lanes.count)
	if s.Workers == 0 {
		who = fmt.Sprintf("%d goroutine lanes", lanes.count)
	}
	return fmt.Sprintf("task stream: %d tasks on %s in %s (busy %.0f%%)",
		len(s.Spans), who, roundDuration(wall), util)
}

// Publish shows the picture inline (SVG, with the one-line summary as its
// plain-text form).
func (s *Stream) Publish() {
	display.Publish(display.Message{
		Kind: display.KindDisplay,
		Data: map[string]any{"image/svg+xml": s.SVG(), "text/plain": s.Text()},
	})
}

func (s *Stream) bounds() (t0, t1 time.Duration) {
	t0, t1 = time.Duration(math.MaxInt64), 0
	for _, sp := range s.Spans {
		t0 = min(t0, sp.Start)
		t1 = max(t1, sp.End)
	}
	return t0, t1
}

type laneAssignment struct {
	of    []int // lane of each span
	count int
}

// lanes gives every span a row: its worker when known, otherwise the first
// row free at its start, so overlapping goroutines stack up and the number
// of rows shows how many ran at once.
func (s *Stream) lanes() laneAssignment {
	la := laneAssignment{of: make([]int, len(s.Spans))}
	var unknown []int
	for i, sp := range s.Spans {
		if sp.Worker >= 0 {
			la.of[i] = sp.Worker
			la.count = max(la.count, sp.Worker+1)
		} else {
			unknown = append(unknown, i)
		}
	}
	la.count = max(la.count, s.Workers)
	if len(unknown) == 0 {
		return la
	}
	sort.SliceStable(unknown, func(a, b int) bool { return s.Spans[unknown[a]].Start < s.Spans[unknown[b]].Start })
	free := &laneHeap{}
	base := la.count
	for _, i := range unknown {
		sp := s.Spans[i]
		if free.Len() > 0 && (*free)[0].end <= sp.Start {
			l := heap.Pop(free).(laneEnd)
			la.of[i] = l.lane
			heap.Push(free, laneEnd{sp.End, l.lane})
			continue
		}
		lane := base
		base++
		la.of[i] = lane
		heap.Push(free, laneEnd{sp.End, lane})
	}
	la.count = base
	return la
}

type laneEnd struct {
	end  time.Duration
	lane int
}

type laneHeap []laneEnd

func (h laneHeap) Len() int { return len(h) }
func (h laneHeap) Less(i, j int) bool {
	if h[i].end != h[j].end {
		return h[i].end < h[j].end
	}
	return h[i].lane < h[j].lane
}
func (h laneHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *laneHeap) Push(x any)   { *h = append(*h, x.(laneEnd)) }
func (h *laneHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// Palette is the colour cycle of task groups (Tableau 10, as Dask and
// matplotlib use).
var Palette = []string{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"}

// Picture geometry, in pixels.
const (
	width       = 800
	left        = 90 // room for the row labels
	right       = 20
	top         = 40 // title and legend
	bottom      = 36 // time axis
	maxPlotH    = 420
	maxRowH     = 22
	maxTooltips = 5000 // beyond this, hover titles would bloat the picture
)

// SVG draws the stream.
func (s *Stream) SVG() string {
	var b strings.Builder
	la := s.lanes()
	rows := max(la.count, 1)
	rowH := math.Min(maxRowH, float64(maxPlotH)/float64(rows))
	plotH := rowH * float64(rows)
	height := top + plotH + bottom
	plotW := float64(width - left - right)
	t0, t1 := s.bounds()
	if len(s.Spans) == 0 {
		t0, t1 = 0, time.Millisecond
	}
	wall := t1 - t0
	if wall <= 0 {
		wall = time.Microsecond
	}
	x := func(t time.Duration) float64 { return left + plotW*float64(t-t0)/float64(wall) }

	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%.0f" viewBox="0 0 %d %.0f" font-family="sans-serif" font-size="11">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	title := s.Title
	if title == "" {
		title = "task stream"
	}
	fmt.Fprintf(&b, `<text x="%d" y="16" font-size="13" font-weight="bold">%s</text>`+"\n", left, esc(title))
	fmt.Fprintf(&b, `<text x="%d" y="30" fill="#555">%s</text>`+"\n", left, esc(s.Text()))

	// Legend: groups in order of first appearance.
	colour := map[string]string{}
	var groups []string
	for _, sp := range s.Spans {
		if _, ok := colour[sp.Group]; !ok {
			colour[sp.Group] = Palette[len(groups)%len(Palette)]
			groups = append(groups, sp.Group)
		}
	}
	lx := float64(width - right)
	for i := len(groups) - 1; i >= 0 && i >= len(groups)-8; i-- {
		g := groups[i]
		w := 14 + 6.5*float64(len([]rune(g)))
		lx -= w
		fmt.Fprintf(&b, `<rect x="%.1f" y="7" width="9" height="9" fill="%s"/><text x="%.1f" y="15">%s</text>`+"\n", lx, colour[g], lx+12, esc(g))
		lx -= 8
	}

	// Rows and their labels.
	labelEvery := int(math.Ceil(12 / rowH))
	for r := 0; r < rows; r++ {
		y := top + rowH*float64(r)
		if r%2 == 1 {
			fmt.Fprintf(&b, `<rect x="%d" y="%.2f" width="%.0f" height="%.2f" fill="#f4f4f4"/>`+"\n", left, y, plotW, rowH)
		}
		if r%labelEvery == 0 {
			name := fmt.Sprintf("worker %d", r)
			if s.Workers == 0 {
				name = fmt.Sprintf("lane %d", r)
			}
			fmt.Fprintf(&b, `<text x="%d" y="%.2f" text-anchor="end" dominant-baseline="middle">%s</text>`+"\n", left-6, y+rowH/2, name)
		}
	}

	// Bars.
	gap := math.Min(2, rowH*0.15)
	for i, sp := range s.Spans {
		x0, x1 := x(sp.Start), x(sp.End)
		y := top + rowH*float64(la.of[i]) + gap/2
		stroke := ""
		if sp.Failed {
			stroke = ` stroke="#d00" stroke-width="1.5"`
		}
		fmt.Fprintf(&b, `<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" fill="%s"%s>`, x0, y, math.Max(x1-x0, 0.6), rowH-gap, colour[sp.Group], stroke)
		if len(s.Spans) <= maxTooltips {
			fmt.Fprintf(&b, `<title>%s: %s</title>`, esc(sp.Name), roundDuration(sp.End-sp.Start))
		}
		b.WriteString("</rect>\n")
	}

	// Time axis.
	axisY := top + plotH
	fmt.Fprintf(&b, `<line x1="%d" y1="%.2f" x2="%.0f" y2="%.2f" stroke="#333"/>`+"\n", left, axisY, left+plotW, axisY)
	step := niceStep(wall, 8)
	for t := time.Duration(0); t <= wall; t += step {
		tx := x(t0 + t)
		fmt.Fprintf(&b, `<line x1="%.2f" y1="%.2f" x2="%.2f" y2="%.2f" stroke="#333"/>`, tx, axisY, tx, axisY+4)
		fmt.Fprintf(&b, `<text x="%.2f" y="%.2f" text-anchor="middle">%s</text>`+"\n", tx, axisY+16, roundDuration(t))
	}
	fmt.Fprintf(&b, `<text x="%.0f" y="%.2f" text-anchor="end" fill="#555">time since start</text>`+"\n", left+plotW, axisY+31)
	b.WriteString("</svg>\n")
	return b.String()
}

// niceStep picks an axis step of 1, 2 or 5 times a power of ten giving at
// most n ticks over span.
func niceStep(span time.Duration, n int) time.Duration {
	raw := float64(span) / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return max(time.Duration(m*p), 1)
		}
	}
	return max(time.Duration(10*p), 1)
}

// roundDuration keeps three significant digits, enough for a label.
func roundDuration(d time.Duration) time.Duration {
	for _, r := range []time.Duration{time.Second, time.Millisecond, time.Microsecond} {
		if d >= 100*r {
			return d.Round(r)
		}
		if d >= r {
			return d.Round(r / 100)
		}
	}
	return d
}

func esc(s string) string { return html.EscapeString(s) }
