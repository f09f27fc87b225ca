// Package worker is the process that runs learner code. The kernel starts
// it (`gopar worker`), sends it requests on fd 3 and reads its events on fd 4,
// one JSON object per line; interrupts and input replies, which arrive while
// a cell runs, come on fd 5. fd 1 and 2 are pipes the kernel streams to the
// notebook. Before every event the worker writes a sync marker to fd 1 and 2,
// so the kernel can publish output and events in the order they happened.
package worker

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// Request ops, kernel -> worker.
const (
	OpExecute    = "execute"
	OpComplete   = "complete"
	OpInspect    = "inspect"
	OpIsComplete = "is_complete"
	OpInterrupt  = "interrupt"
	OpInputReply = "input_reply"
	OpRestore    = "restore"
	OpDebug      = "debug" // a debug adapter request, on fd 5 (debug.go)
)

// Request is one line on fd 3 (fd 5 for interrupts and input replies).
type Request struct {
	Op              string            `json:"op"`
	ID              uint64            `json:"id,omitempty"`
	Code            string            `json:"code,omitempty"`
	Cursor          int               `json:"cursor,omitempty"`
	DetailLevel     int               `json:"detail_level,omitempty"`
	Silent          bool              `json:"silent,omitempty"`
	AllowStdin      bool              `json:"allow_stdin,omitempty"`
	UserExpressions map[string]string `json:"user_expressions,omitempty"`
	Value           string            `json:"value,omitempty"`       // input_reply
	InputError      string            `json:"input_error,omitempty"` // input_reply: why there is no value
	Decls           []string          `json:"decls,omitempty"`       // restore
	// restore: the working directory and environment of the worker that
	// died, the variables it held (lost: undefined until a cell sets them
	// again) and why it died.
	Dir    string   `json:"dir,omitempty"`
	Env    []string `json:"env,omitempty"`
	Lost   []string `json:"lost,omitempty"`
	Reason string   `json:"reason,omitempty"`
	// debug: the Debug Adapter Protocol request, as the front end sent it
	// or as the kernel completed it (debug.go).
	Debug json.RawMessage `json:"debug,omitempty"`
}

// Event kinds, worker -> kernel.
const (
	EvReady        = "ready"
	EvDisplay      = "display"
	EvInputRequest = "input_request"
	EvReply        = "reply"
	EvDebug        = "debug_event" // a Debug Adapter Protocol event, for iopub
)

// Event is one line on fd 4.
type Event struct {
	Kind string `json:"kind"`
	ID   uint64 `json:"id,omitempty"`   // the request this answers or belongs to
	Sync uint64 `json:"sync,omitempty"` // marker written to fd 1 and 2 just before

	// display
	MsgType   string         `json:"msg_type,omitempty"` // display_data, update_display_data, clear_output
	Data      map[string]any `json:"data,omitempty"`
	Metadata  map[string]any `json:"metadata,omitempty"`
	DisplayID string         `json:"display_id,omitempty"`
	Wait      bool           `json:"wait,omitempty"`

	// input_request
	Prompt   string `json:"prompt,omitempty"`
	Password bool   `json:"password,omitempty"`

	// reply
	Error           *Error         `json:"error,omitempty"`
	Result          map[string]any `json:"result,omitempty"` // execute: trailing value bundle
	UserExpressions map[string]any `json:"user_expressions,omitempty"`
	// execute: the declarations to replay after a crash and the variables
	// defined so far, each only when the cell changed it (nil: as before),
	// as an edit of the list the kernel last heard of from this worker.
	Decls   *ListEdit `json:"decls,omitempty"`
	Globals *ListEdit `json:"globals,omitempty"`
	// execute: the working directory and environment, each only when it
	// changed since the kernel last heard of it, for a replacement worker.
	Dir *string   `json:"dir,omitempty"`
	Env *[]string `json:"env,omitempty"`
	// execute: what the front end should do, as ipykernel's payloads
	// (ask_exit for exit and quit).
	Payload     []map[string]any `json:"payload,omitempty"`
	Matches     []string         `json:"matches,omitempty"`
	CursorStart int              `json:"cursor_start,omitempty"`
	CursorEnd   int              `json:"cursor_end,omitempty"`
	Found       bool             `json:"found,omitempty"`
	Status      string           `json:"status,omitempty"` // is_complete
	Indent      string           `json:"indent,omitempty"`
	Version     string           `json:"version,omitempty"` // ready: the Go version of the interpreter
	// execute: the cell needs another worker binary (one with the modules
	// it imports linked in); the kernel starts that one and runs the cell
	// again there.
	Worker string `json:"worker,omitempty"`
	// debug: the Debug Adapter Protocol response (reply) or event.
	Debug json.RawMessage `json:"debug,omitempty"`
}

// SwitchWorker is what a cell returns when it must run in another worker
// binary, one with the modules it imports linked in.
type SwitchWorker struct{ Binary string }

func (e *SwitchWorker) Error() string { return "the cell runs in another worker: " + e.Binary }

// Error is a failed cell as Jupyter shows it.
type Error struct {
	Name      string   `json:"ename"`
	Value     string   `json:"evalue"`
	Traceback []string `json:"traceback"`
}

func (e *Error) Error() string { return e.Name + ": " + e.Value }

// The sync token is the first line the kernel writes on fd 3, not an
// environment variable: cells and the commands they start see the
// environment, and a cell that printed a marker with the right token would
// desynchronise the output of every later cell.

// Marker is the sync marker for n with the worker's token. NUL bytes make a
// collision with printed text practically impossible.
func Marker(token string, n uint64) []byte {
	return []byte("\x00gopar-sync:" + token + ":" + strconv.FormatUint(n, 10) + "\x00")
}

// markerPrefix is what every marker of token starts with.
func markerPrefix(token string) []byte { return []byte("\x00gopar-sync:" + token + ":") }

// SplitMarkers scans buf for markers of token. It returns the text before
// the first marker (or all complete text), the marker number found (0 if
// none), and how many bytes of buf it consumed. Bytes that may be the start
// of a marker split across reads are not consumed.
func SplitMarkers(buf []byte, token string) (text []byte, n uint64, consumed int) {
	prefix := markerPrefix(token)
	i := bytes.Index(buf, prefix)
	if i < 0 {
		// Keep a possible partial prefix at the end for the next read.
		keep := 0
		for k := min(len(prefix)-1, len(buf)); k > 0; k-- {
			if bytes.HasPrefix(prefix, buf[len(buf)-k:]) {
				keep = k
				break
			}
		}
		return buf[:len(buf)-keep], 0, len(buf) - keep
	}
	end := bytes.IndexByte(buf[i+len(prefix):], 0)
	if end < 0 {
		return buf[:i], 0, i // marker not complete yet
	}
	digits := buf[i+len(prefix) : i+len(prefix)+end]
	n, err := strconv.ParseUint(string(digits), 10, 64)
	if err != nil {
		// Not one of ours after all: pass the prefix bytes through as text.
		return buf[:i+len(prefix)], 0, i + len(prefix)
	}
	return buf[:i], n, i + len(prefix) + end + 1
}
