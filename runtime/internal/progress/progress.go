// Package progress shows a progress bar for long computations of the cell
// runtime. Short computations show nothing: the bar appears only once a
// computation has run for a while, then updates in place
// (update_display_data) and ends with its final state. Without a notebook,
// the display package's fallback prints each update as a line of text.
package progress

import (
	"fmt"
	"html"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/gopar/gopar/runtime/display"
)

var enabled atomic.Bool

func init() { enabled.Store(true) }

// SetEnabled turns progress bars on or off for gopar/async, gopar/delayed,
// gopar/bag and gopar/array together.
func SetEnabled(on bool) { enabled.Store(on) }

// Enabled reports whether progress bars are on.
func Enabled() bool { return enabled.Load() }

// Timing of the bar. Variables so that tests can run in milliseconds.
var (
	after    = 1 * time.Second        // a computation shorter than this shows no bar
	interval = 500 * time.Millisecond // between updates
)

// Bar is one progress bar.
type Bar struct {
	label string
	total int
	done  func() int
	start time.Time
	timer *time.Timer

	mu      sync.Mutex
	id      string        // display id, once shown
	stop    chan struct{} // closed by Stop
	stopped bool
	ticker  sync.WaitGroup
}

// Start begins watching a computation of total steps; done reports how many
// have finished and is called from another goroutine. Stop must follow.
func Start(label string, total int, done func() int) *Bar {
	b := &Bar{label: label, total: total, done: done, start: time.Now(), stop: make(chan struct{})}
	if !Enabled() || total < 1 {
		b.stopped = true
		return b
	}
	b.timer = time.AfterFunc(after, b.show)
	return b
}

func (b *Bar) show() {
	b.mu.Lock()
	if b.stopped {
		b.mu.Unlock()
		return
	}
	b.id = uuid.NewString()
	b.publish(display.KindDisplay)
	b.ticker.Add(1)
	b.mu.Unlock()
	go b.tick()
}

func (b *Bar) tick() {
	defer b.ticker.Done()
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-t.C:
			b.mu.Lock()
			if !b.stopped {
				b.publish(display.KindUpdate)
			}
			b.mu.Unlock()
		}
	}
}

// Stop ends the bar; a bar that was shown gets its final state.
func (b *Bar) Stop() {
	b.mu.Lock()
	if b.stopped {
		b.mu.Unlock()
		return
	}
	b.stopped = true
	if b.timer != nil {
		b.timer.Stop()
	}
	close(b.stop)
	shown := b.id != ""
	if shown {
		b.publish(display.KindUpdate)
	}
	b.mu.Unlock()
	b.ticker.Wait()
}

// publish sends the current state; b.mu is held.
func (b *Bar) publish(kind display.Kind) {
	done := b.done()
	elapsed := time.Since(b.start)
	display.Publish(display.Message{
		Kind:      kind,
		DisplayID: b.id,
		Data: map[string]any{
			"text/plain": Text(b.label, done, b.total, elapsed),
			"text/html":  HTML(b.label, done, b.total, elapsed),
		},
	})
}

// barWidth is the number of cells of the text bar.
const barWidth = 30

// Text is the plain-text form: `label [#######        ]  25% 10/40 tasks 1.2s`.
func Text(label string, done, total int, elapsed time.Duration) string {
	frac := fraction(done, total)
	full := int(frac * barWidth)
	return fmt.Sprintf("%s [%s%s] %3.0f%% %d/%d tasks %s", label,
		strings.Repeat("#", full), strings.Repeat(" ", barWidth-full),
		100*frac, done, total, elapsed.Round(100*time.Millisecond))
}

// HTML is the notebook form: a bar drawn with two nested divs, which every
// front end renders the same way (the <progress> element does not).
func HTML(label string, done, total int, elapsed time.Duration) string {
	frac := fraction(done, total)
	colour := "#1f77b4"
	if done >= total {
		colour = "#2ca02c"
	}
	return fmt.Sprintf(`<div style="display:flex;align-items:center;gap:0.6em;font-family:monospace">`+
		`<span>%s</span>`+
		`<div style="width:24em;height:1em;background:#e6e6e6;border-radius:3px;overflow:hidden">`+
		`<div style="width:%.1f%%;height:100%%;background:%s"></div></div>`+
		`<span>%3.0f%% %d/%d tasks %s</span></div>`,
		html.EscapeString(label), 100*frac, colour, 100*frac, done, total, elapsed.Round(100*time.Millisecond))
}

func fraction(done, total int) float64 {
	if total <= 0 {
		return 1
	}
	return min(max(float64(done)/float64(total), 0), 1)
}
