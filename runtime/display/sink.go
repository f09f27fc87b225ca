package display

import (
	"fmt"
	"os"
	"sync"
)

// Message is one thing a cell shows besides its printed output: a
// display_data, an update_display_data or a clear_output.
type Message struct {
	Kind      Kind
	Data      map[string]any // MIME type -> content (string, or a JSON value)
	Metadata  map[string]any
	DisplayID string // set when the display can be updated later
	Wait      bool   // clear_output only: wait for the next output before clearing
}

// Kind names the Jupyter message a Message becomes.
type Kind string

const (
	KindDisplay Kind = "display_data"
	KindUpdate  Kind = "update_display_data"
	KindClear   Kind = "clear_output"
)

// Sink receives messages. The worker installs one that forwards them to the
// kernel; without one, the plain-text form is printed to stdout.
type Sink interface {
	Publish(Message)
}

var (
	sinkMu sync.RWMutex
	sink   Sink = textSink{}
)

// SetSink installs s as the destination of every display message.
func SetSink(s Sink) {
	sinkMu.Lock()
	defer sinkMu.Unlock()
	sink = s
}

// Notebook reports whether displays reach a notebook front end (a sink is
// installed) rather than the plain-text fallback.
func Notebook() bool {
	sinkMu.RLock()
	defer sinkMu.RUnlock()
	_, text := sink.(textSink)
	return !text
}

// Publish sends m to the installed sink; safe from any goroutine.
func Publish(m Message) {
	sinkMu.RLock()
	s := sink
	sinkMu.RUnlock()
	s.Publish(m)
}

// textSink is the fallback outside a notebook: it prints text/plain.
type textSink struct{}

func (textSink) Publish(m Message) {
	if m.Kind == KindClear {
		return
	}
	if text, ok := m.Data["text/plain"].(string); ok {
		fmt.Fprintln(os.Stdout, text)
		return
	}
	for mime := range m.Data {
		fmt.Fprintf(os.Stdout, "<%s>\n", mime)
		return
	}
}
