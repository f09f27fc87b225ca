package kernel

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
	"time"
	"unicode/utf8"
)

// Output turns the worker's raw stdout and stderr into a few stream
// messages: chunks are coalesced for flushInterval or up to flushBytes, and
// past a per-cell limit only the tail is kept, with a note saying how much
// was left out. zmq4's PUB socket drops messages past its queue, so pacing
// here is what keeps a flood of prints from being lost silently.
type Output struct {
	publish func(msgType string, parent json.RawMessage, content any)

	mu      sync.Mutex
	parent  json.RawMessage // the cell output is attributed to
	pending []chunk         // in arrival order, adjacent same-stream chunks merged
	pendLen int
	timer   *time.Timer

	holding int // ticks a partial last line has been held back

	limit   int // bytes per cell streamed as they come
	sent    int
	tail    tailBuffer
	omitted int // bytes dropped from the tail
}

type chunk struct {
	stream string
	text   []byte
}

const (
	flushInterval = 50 * time.Millisecond
	flushBytes    = 64 << 10
	tailBytes     = 64 << 10
)

// DefaultOutputLimit is how many bytes of one cell's output are streamed
// before only the tail is kept.
const DefaultOutputLimit = 1 << 20

// NewOutput returns an Output that publishes stream messages with publish.
func NewOutput(limit int, publish func(msgType string, parent json.RawMessage, content any)) *Output {
	if limit <= 0 {
		limit = DefaultOutputLimit
	}
	return &Output{publish: publish, limit: limit, parent: json.RawMessage("{}")}
}

// BeginCell attributes output from now on to parent and starts a new budget.
func (o *Output) BeginCell(parent json.RawMessage) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked(true)
	o.parent = parent
	o.sent = 0
}

// EndCell publishes everything still buffered, including the tail note of
// a flood. Later output keeps going to the same cell until the next one.
func (o *Output) EndCell() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked(true)
}

// Flush publishes buffered output now (before a display or a result).
func (o *Output) Flush() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked(false)
}

// Publish sends a non-stream message (display_data, ...) for the current
// cell after the output printed before it.
func (o *Output) Publish(msgType string, content any) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked(false)
	o.publish(msgType, o.parent, content)
}

// Write adds text printed on stream ("stdout" or "stderr").
func (o *Output) Write(stream string, p []byte) {
	if len(p) == 0 {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if room := o.limit - o.sent - o.pendLen; room < len(p) {
		// Over budget: what fits is still streamed, the rest only kept as
		// tail. The cut falls between characters, never inside one.
		for room > 0 && room < len(p) && !utf8.RuneStart(p[room]) {
			room--
		}
		if room > 0 {
			o.appendLocked(stream, p[:room])
			p = p[room:]
		}
		o.omitted += o.tail.write(stream, p)
		return
	}
	o.appendLocked(stream, p)
	if o.pendLen >= flushBytes {
		o.flushLocked(false)
	} else if o.timer == nil {
		o.timer = time.AfterFunc(flushInterval, o.tick)
	}
}

// holdTicks is how many intervals a last line without its newline waits
// for more: long enough for a busy kernel to see the input request that
// usually follows at once, short enough for progress dots to move.
const holdTicks = 5

// tick publishes what was printed in the last interval, except a last
// line of stdout without its newline, held back for a few more intervals:
// when the cell reads stdin next, that text is the prompt of the input
// request (TakePrompt), not a stream line above the input box.
func (o *Output) tick() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.timer = nil
	n := len(o.pending)
	if o.holding >= holdTicks || n == 0 || o.pending[n-1].stream != "stdout" {
		o.flushLocked(false)
		return
	}
	last := o.pending[n-1].text
	cut := bytes.LastIndexByte(last, '\n') + 1
	if cut == len(last) {
		o.flushLocked(false)
		return
	}
	partial := append([]byte(nil), last[cut:]...)
	o.pending[n-1].text = last[:cut]
	o.pendLen -= len(partial)
	held := o.holding + 1
	o.flushLocked(false)
	o.holding = held
	o.appendLocked("stdout", partial)
	o.timer = time.AfterFunc(flushInterval, o.tick)
}

// TakePrompt removes and returns the text the cell printed on stdout
// after its last newline, when it has not been published yet: the prompt
// of an input request, as Python's input(prompt) has it.
func (o *Output) TakePrompt() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	n := len(o.pending)
	if n == 0 || o.pending[n-1].stream != "stdout" {
		return ""
	}
	last := o.pending[n-1].text
	cut := bytes.LastIndexByte(last, '\n') + 1
	prompt := string(last[cut:])
	o.pending[n-1].text = last[:cut]
	o.pendLen -= len(prompt)
	if cut == 0 {
		o.pending = o.pending[:n-1]
	}
	return prompt
}

func (o *Output) appendLocked(stream string, p []byte) {
	if n := len(o.pending); n > 0 && o.pending[n-1].stream == stream {
		o.pending[n-1].text = append(o.pending[n-1].text, p...)
	} else {
		o.pending = append(o.pending, chunk{stream, append([]byte(nil), p...)})
	}
	o.pendLen += len(p)
}

func (o *Output) flushLocked(final bool) {
	if o.timer != nil {
		o.timer.Stop()
		o.timer = nil
	}
	o.holding = 0
	for _, c := range o.pending {
		o.publish("stream", o.parent, map[string]string{"name": c.stream, "text": string(c.text)})
		o.sent += len(c.text)
	}
	o.pending, o.pendLen = o.pending[:0], 0
	if !final || o.tail.empty() {
		return
	}
	dropped, lines := o.tail.trimToLine()
	o.omitted += dropped
	lines += o.tail.omittedLines
	note := fmt.Sprintf("\n[... output too long: %s omitted (%s); showing the last %s ...]\n",
		plural(lines, "line"), byteSize(o.omitted), byteSize(o.tail.size()))
	o.publish("stream", o.parent, map[string]string{"name": "stderr", "text": note})
	for _, c := range o.tail.chunks {
		o.publish("stream", o.parent, map[string]string{"name": c.stream, "text": string(c.text)})
	}
	o.tail = tailBuffer{}
	o.omitted = 0
}

// tailBuffer keeps the last tailBytes of a flood, in order, by stream.
type tailBuffer struct {
	chunks       []chunk
	omittedLines int
}

func (t *tailBuffer) empty() bool { return len(t.chunks) == 0 }

func (t *tailBuffer) size() int {
	n := 0
	for _, c := range t.chunks {
		n += len(c.text)
	}
	return n
}

// write appends p and drops the oldest bytes beyond tailBytes, returning
// how many bytes were dropped.
func (t *tailBuffer) write(stream string, p []byte) int {
	dropped := 0
	if len(p) > tailBytes {
		dropped += len(p) - tailBytes
		start := len(p) - tailBytes
		for start < len(p) && !utf8.RuneStart(p[start]) {
			start++
		}
		dropped += start - (len(p) - tailBytes)
		t.omittedLines += bytes.Count(p[:start], []byte("\n"))
		p = p[start:]
	}
	if n := len(t.chunks); n > 0 && t.chunks[n-1].stream == stream {
		t.chunks[n-1].text = append(t.chunks[n-1].text, p...)
	} else {
		t.chunks = append(t.chunks, chunk{stream, append([]byte(nil), p...)})
	}
	for excess := t.size() - tailBytes; excess > 0; excess = t.size() - tailBytes {
		first := &t.chunks[0]
		cut := min(excess, len(first.text))
		for cut < len(first.text) && !utf8.RuneStart(first.text[cut]) {
			cut++ // drop the rest of a character cut in two
		}
		t.omittedLines += bytes.Count(first.text[:cut], []byte("\n"))
		first.text = first.text[cut:]
		dropped += cut
		if len(first.text) == 0 {
			t.chunks = t.chunks[1:]
		}
	}
	return dropped
}

// trimToLine drops a partial first line left by the byte-wise cut.
func (t *tailBuffer) trimToLine() (dropped, lines int) {
	if t.omittedLines == 0 || len(t.chunks) == 0 {
		return 0, 0
	}
	first := &t.chunks[0]
	if i := bytes.IndexByte(first.text, '\n'); i >= 0 && i+1 < len(first.text) {
		first.text = first.text[i+1:]
		return i + 1, 1
	}
	return 0, 0
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return plural(n, "byte")
}
