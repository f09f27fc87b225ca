// Package notebook runs a notebook headless, with no Jupyter installed:
// each code cell goes to a gopar worker in order, and the outputs are kept
// the way Jupyter keeps them (streams merged, displays updated in place).
package notebook

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/gopar/gopar/kernel"
)

// Notebook is an nbformat 4 document. Unknown fields are kept as they are.
type Notebook struct {
	Cells         []*Cell        `json:"cells"`
	Metadata      map[string]any `json:"metadata"`
	NBFormat      int            `json:"nbformat"`
	NBFormatMinor int            `json:"nbformat_minor"`
}

// Cell is one notebook cell.
type Cell struct {
	ID             string           `json:"id,omitempty"`
	CellType       string           `json:"cell_type"`
	Metadata       map[string]any   `json:"metadata"`
	Source         Source           `json:"source"`
	ExecutionCount *int             `json:"execution_count,omitempty"`
	Outputs        []map[string]any `json:"outputs,omitempty"`
	Attachments    map[string]any   `json:"attachments,omitempty"`
}

// MarshalJSON writes the fields nbformat requires for the cell's type: code
// cells always have outputs and execution_count (null when not run), other
// cells have neither.
func (c *Cell) MarshalJSON() ([]byte, error) {
	m := map[string]any{"cell_type": c.CellType, "metadata": orEmpty(c.Metadata), "source": c.Source}
	if c.ID != "" {
		m["id"] = c.ID
	}
	if c.Attachments != nil {
		m["attachments"] = c.Attachments
	}
	if c.CellType == "code" {
		outputs := c.Outputs
		if outputs == nil {
			outputs = []map[string]any{}
		}
		m["outputs"] = outputs
		m["execution_count"] = c.ExecutionCount
	}
	return json.Marshal(m)
}

// Source is a cell's text, stored either as one string or as lines.
type Source string

// UnmarshalJSON accepts both forms nbformat allows.
func (s *Source) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*s = Source(one)
		return nil
	}
	var lines []string
	if err := json.Unmarshal(b, &lines); err != nil {
		return err
	}
	*s = Source(strings.Join(lines, ""))
	return nil
}

// MarshalJSON writes the line-list form Jupyter writes.
func (s Source) MarshalJSON() ([]byte, error) { return json.Marshal(splitLines(string(s))) }

func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if lines == nil {
		lines = []string{}
	}
	return lines
}

// Read parses the notebook at path.
func Read(path string) (*Notebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var nb Notebook
	if err := json.Unmarshal(data, &nb); err != nil {
		return nil, fmt.Errorf("%s: not a notebook: %w", path, err)
	}
	if nb.NBFormat != 4 {
		return nil, fmt.Errorf("%s: nbformat %d is not supported (only 4)", path, nb.NBFormat)
	}
	return &nb, nil
}

// Write saves nb as Jupyter does: indented JSON, one trailing newline.
func (nb *Notebook) Write(path string) error {
	nb.stripTransient()
	data, err := json.MarshalIndent(nb, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// Options controls Run.
type Options struct {
	WorkerArgv    []string  // how to start a worker process
	ContinueOnErr bool      // keep going after a failing cell
	Echo          io.Writer // when set, printed output is also written here
}

// CellError is returned when a cell fails and ContinueOnErr is off.
type CellError struct {
	Index         int
	Name, Message string
}

func (e *CellError) Error() string {
	return fmt.Sprintf("cell %d failed: %s: %s", e.Index+1, e.Name, e.Message)
}

// Run executes the code cells of nb in order and fills in their outputs.
// The worker starts in the current directory.
func Run(ctx context.Context, nb *Notebook, opts Options) error {
	rec := &recorder{echo: opts.Echo}
	out := kernel.NewOutput(0, rec.publish)
	sup := kernel.NewSupervisor(opts.WorkerArgv, out)
	if err := sup.Start(); err != nil {
		return err
	}
	defer sup.Shutdown()

	var firstErr error
	count := 0
	for i, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		c.Outputs = []map[string]any{}
		c.ExecutionCount = nil
		if strings.TrimSpace(string(c.Source)) == "" {
			continue
		}
		count++
		n := count
		c.ExecutionCount = &n
		rec.setCell(c)
		out.BeginCell(json.RawMessage(`{}`))
		res := sup.Execute(ctx, kernel.ExecuteRequest{Code: string(c.Source)})
		out.EndCell()
		if res.Result != nil {
			rec.add(map[string]any{"output_type": "execute_result", "execution_count": n,
				"data": res.Result, "metadata": map[string]any{}})
		}
		if e := res.Error; e != nil {
			tb := e.Traceback
			if tb == nil {
				tb = []string{e.Name + ": " + e.Value}
			}
			rec.add(map[string]any{"output_type": "error", "ename": e.Name, "evalue": e.Value, "traceback": tb})
			if firstErr == nil {
				firstErr = &CellError{Index: i, Name: e.Name, Message: e.Value}
			}
			if !opts.ContinueOnErr {
				break
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	rec.setCell(nil)
	return firstErr
}

// recorder turns published messages into the outputs of the running cell.
type recorder struct {
	echo io.Writer

	mu       sync.Mutex
	cell     *Cell
	clearing bool // clear_output(wait=True) pending
}

func (r *recorder) setCell(c *Cell) {
	r.mu.Lock()
	r.cell, r.clearing = c, false
	r.mu.Unlock()
}

func (r *recorder) add(o map[string]any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.addLocked(o)
}

func (r *recorder) addLocked(o map[string]any) {
	if r.cell == nil {
		return
	}
	if r.clearing {
		r.cell.Outputs, r.clearing = []map[string]any{}, false
	}
	r.echoLocked(o)
	outs := r.cell.Outputs
	// Consecutive text on one stream becomes one output, as in Jupyter.
	if o["output_type"] == "stream" && len(outs) > 0 {
		last := outs[len(outs)-1]
		if last["output_type"] == "stream" && last["name"] == o["name"] {
			last["text"] = last["text"].(string) + o["text"].(string)
			return
		}
	}
	r.cell.Outputs = append(outs, o)
}

func (r *recorder) echoLocked(o map[string]any) {
	if r.echo == nil {
		return
	}
	switch o["output_type"] {
	case "stream":
		io.WriteString(r.echo, o["text"].(string))
	case "error":
		fmt.Fprintf(r.echo, "%s: %s\n", o["ename"], o["evalue"])
	default:
		data, _ := o["data"].(map[string]any)
		if text, ok := data["text/plain"].(string); ok {
			fmt.Fprintln(r.echo, text)
			return
		}
		var kinds []string
		for k := range data {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		fmt.Fprintf(r.echo, "<%s>\n", strings.Join(kinds, ", "))
	}
}

// publish receives what the kernel would send on iopub.
func (r *recorder) publish(msgType string, _ json.RawMessage, content any) {
	var c map[string]any
	b, _ := json.Marshal(content)
	_ = json.NewDecoder(bytes.NewReader(b)).Decode(&c)
	r.mu.Lock()
	defer r.mu.Unlock()
	switch msgType {
	case "stream":
		r.addLocked(map[string]any{"output_type": "stream", "name": c["name"], "text": c["text"]})
	case "display_data":
		o := map[string]any{"output_type": "display_data", "data": c["data"], "metadata": orEmpty(c["metadata"])}
		if id := displayID(c); id != "" {
			o["transient_display_id"] = id // dropped before writing, see below
		}
		r.addLocked(o)
	case "update_display_data":
		id := displayID(c)
		if r.cell == nil || id == "" {
			return
		}
		for _, o := range r.cell.Outputs {
			if o["transient_display_id"] == id {
				o["data"], o["metadata"] = c["data"], orEmpty(c["metadata"])
			}
		}
	case "clear_output":
		if r.cell == nil {
			return
		}
		if wait, _ := c["wait"].(bool); wait {
			r.clearing = true
		} else {
			r.cell.Outputs = []map[string]any{}
		}
	}
}

func displayID(c map[string]any) string {
	t, _ := c["transient"].(map[string]any)
	id, _ := t["display_id"].(string)
	return id
}

func orEmpty(v any) any {
	if v == nil {
		return map[string]any{}
	}
	return v
}

// stripTransient removes the bookkeeping keys Run adds to outputs.
func (nb *Notebook) stripTransient() {
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			delete(o, "transient_display_id")
		}
	}
}
