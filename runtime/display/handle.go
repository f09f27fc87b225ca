package display

import (
	"sync"

	"github.com/google/uuid"
)

// Handle is one place in the output that can be redrawn: a progress
// message, a table being filled, a chart of a running benchmark. Every
// Update replaces what the place shows, wherever it is in the notebook.
type Handle struct {
	id string

	mu    sync.Mutex
	shown bool
}

// NewHandle returns a handle that shows nothing yet; its first Display or
// Update puts it in the output.
func NewHandle() *Handle { return &Handle{id: uuid.NewString()} }

// Show displays v and returns the handle that updates it.
func Show(v any) *Handle {
	h := NewHandle()
	h.Display(v)
	return h
}

// ID is the display_id the front end knows this place by.
func (h *Handle) ID() string { return h.id }

// String names the handle, so a cell ending in Show(...) prints something
// short rather than the handle's fields.
func (h *Handle) String() string { return "<display " + h.id + ">" }

// Display shows v in a new place that this handle also updates; showing the
// same handle twice puts two copies in the output that update together.
func (h *Handle) Display(v any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.shown = true
	publish(KindDisplay, valueOf(v), h.id)
}

// Update replaces what the handle shows with v. Before anything is shown,
// it shows v: the front end ignores updates to an id it has not seen.
func (h *Handle) Update(v any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	kind := KindUpdate
	if !h.shown {
		kind = KindDisplay
		h.shown = true
	}
	publish(kind, valueOf(v), h.id)
}
