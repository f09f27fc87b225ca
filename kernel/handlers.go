package kernel

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gopar/gopar/worker"
)

func decode(m *Message, v any) bool {
	return json.Unmarshal(m.Content, v) == nil
}

func handleKernelInfo(k *Kernel, m *Message, reply replyFunc) {
	reply("kernel_info_reply", map[string]any{
		"status":                 "ok",
		"protocol_version":       ProtocolVersion,
		"implementation":         "gopar",
		"implementation_version": k.info.Version,
		"language_info": map[string]any{
			"name":               "go",
			"version":            k.info.GoVersion,
			"mimetype":           "text/x-go",
			"file_extension":     ".go",
			"pygments_lexer":     "go",
			"codemirror_mode":    "go",
			"nbconvert_exporter": "script",
		},
		"banner": "gopar " + k.info.Version + ": Go " + k.info.GoVersion +
			" in notebooks, for parallel programming.\nMagics: %lsmagic. Cells run in a separate process; interrupt stops them.",
		"help_links": []map[string]string{
			{"text": "Go documentation", "url": "https://go.dev/doc/"},
			{"text": "Go standard library", "url": "https://pkg.go.dev/std"},
			{"text": "Go language specification", "url": "https://go.dev/ref/spec"},
		},
		"debugger":           true, // before protocol 5.5
		"supported_features": []string{"debugger"},
	})
}

type executeContent struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    *bool             `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      *bool             `json:"allow_stdin"`
	StopOnError     *bool             `json:"stop_on_error"`
}

func orDefault(b *bool, def bool) bool {
	if b == nil {
		return def
	}
	return *b
}

func handleExecute(k *Kernel, m *Message, reply replyFunc) {
	var c executeContent
	if !decode(m, &c) {
		reply("execute_reply", map[string]any{"status": "error", "ename": "BadRequest",
			"evalue": "execute_request content is not valid", "traceback": []string{}, "execution_count": k.executionCount()})
		return
	}
	store := orDefault(c.StoreHistory, true) && !c.Silent
	k.mu.Lock()
	if store {
		k.count++
	}
	count := k.count
	ctx, cancel := context.WithCancel(context.Background())
	k.cancelCell = cancel
	k.mu.Unlock()
	defer func() {
		k.mu.Lock()
		k.cancelCell = nil
		k.mu.Unlock()
		cancel()
	}()

	if err := k.syncDebugger(); err != nil {
		k.logger.Printf("debugger: %v", err)
	}
	parent := k.headerJSON(m.Header)
	if !c.Silent {
		k.publishRaw("execute_input", parent, map[string]any{"code": c.Code, "execution_count": count})
	}
	k.out.BeginCell(parent)
	var res ExecuteResult
	var payload []any
	if name, detail, ok := helpQuery(c.Code); ok {
		payload = k.help(name, detail)
	} else {
		res = k.backend.Execute(ctx, ExecuteRequest{
			Code:            c.Code,
			Silent:          c.Silent,
			AllowStdin:      orDefault(c.AllowStdin, true),
			UserExpressions: c.UserExpressions,
			Stdin:           k.stdinFunc(ctx, m),
		})
	}
	k.out.EndCell()

	if store {
		k.addHistory(count, c.Code, res.Result)
	}
	if res.Error != nil {
		e := res.Error
		tb := colorTraceback(e.Name, e.Traceback, e.Value)
		if !c.Silent {
			k.publishRaw("error", parent, map[string]any{"ename": e.Name, "evalue": e.Value, "traceback": tb})
		}
		reply("execute_reply", map[string]any{"status": "error", "execution_count": count,
			"ename": e.Name, "evalue": e.Value, "traceback": tb})
		if orDefault(c.StopOnError, true) {
			k.abortQueued()
		}
		return
	}
	if res.Result != nil && !c.Silent {
		k.publishRaw("execute_result", parent, map[string]any{
			"execution_count": count, "data": res.Result, "metadata": map[string]any{}})
	}
	ue := res.UserExpressions
	if ue == nil {
		ue = map[string]any{}
	}
	for _, p := range res.Payload {
		payload = append(payload, p)
	}
	if payload == nil {
		payload = []any{}
	}
	reply("execute_reply", map[string]any{"status": "ok", "execution_count": count,
		"user_expressions": ue, "payload": payload})
}

// helpQuery recognises IPython's `name?` and `name??`: documentation of a
// name, shown in the front end's pager.
func helpQuery(code string) (name string, detail int, ok bool) {
	code = strings.TrimSpace(code)
	name = strings.TrimRight(code, "?")
	q := len(code) - len(name)
	if q == 0 || q > 2 || name == "" {
		return "", 0, false
	}
	for i, r := range name {
		if !(r == '_' || r == '.' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return "", 0, false
		}
	}
	return name, q - 1, true
}

// help returns the pager payload documenting name.
func (k *Kernel) help(name string, detail int) []any {
	ev := k.backend.Ask(worker.Request{Op: worker.OpInspect, Code: name,
		Cursor: utf8.RuneCountInString(name), DetailLevel: detail})
	if !ev.Found || len(ev.Data) == 0 {
		k.out.Write("stdout", []byte("Object `"+name+"` not found.\n"))
		return nil
	}
	return []any{map[string]any{"source": "page", "data": ev.Data, "start": 0}}
}

func (k *Kernel) executionCount() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.count
}

// abortQueued answers the execute requests already waiting behind a
// failed cell with "aborted", as stop_on_error asks.
func (k *Kernel) abortQueued() {
	time.Sleep(time.Millisecond) // let requests sent with the failed one arrive
	for {
		select {
		case m := <-k.shellQueue:
			if m.Header.MsgType != "execute_request" {
				k.dispatch(k.shell, k.shellHandlers, m)
				continue
			}
			parent := k.headerJSON(m.Header)
			k.publishRaw("status", parent, map[string]string{"execution_state": "busy"})
			// As ipykernel: no execution count, so the front end numbers no cell.
			k.send(k.shell, m, "execute_reply", map[string]any{"status": "aborted"})
			k.publishRaw("status", parent, map[string]string{"execution_state": "idle"})
		default:
			return
		}
	}
}

// stdinFunc asks the front end for input on the stdin socket, on behalf
// of the cell that m started.
func (k *Kernel) stdinFunc(ctx context.Context, m *Message) StdinFunc {
	return func(prompt string, password bool) (string, error) {
		// Drop a reply left over from an abandoned request.
		select {
		case <-k.inputReplies:
		default:
		}
		k.send(k.stdin, m, "input_request", map[string]any{"prompt": prompt, "password": password})
		select {
		case r := <-k.inputReplies:
			var c struct {
				Value string `json:"value"`
			}
			decode(r, &c)
			return c.Value, nil
		case <-ctx.Done():
			return "", errors.New("interrupted while waiting for input")
		case <-k.done:
			return "", errors.New("kernel shutting down")
		}
	}
}

type codeCursor struct {
	Code        string `json:"code"`
	CursorPos   *int   `json:"cursor_pos"`
	DetailLevel int    `json:"detail_level"`
}

func (c codeCursor) cursor() int {
	if c.CursorPos == nil {
		return utf8.RuneCountInString(c.Code)
	}
	return *c.CursorPos
}

func handleComplete(k *Kernel, m *Message, reply replyFunc) {
	var c codeCursor
	decode(m, &c)
	cur := c.cursor()
	ev := k.backend.Ask(worker.Request{Op: worker.OpComplete, Code: c.Code, Cursor: cur})
	matches := ev.Matches
	if matches == nil {
		matches = []string{}
	}
	start, end := ev.CursorStart, ev.CursorEnd
	if len(matches) == 0 {
		start, end = cur, cur
	}
	reply("complete_reply", map[string]any{"status": "ok", "matches": matches,
		"cursor_start": start, "cursor_end": end, "metadata": map[string]any{}})
}

func handleInspect(k *Kernel, m *Message, reply replyFunc) {
	var c codeCursor
	decode(m, &c)
	ev := k.backend.Ask(worker.Request{Op: worker.OpInspect, Code: c.Code, Cursor: c.cursor(), DetailLevel: c.DetailLevel})
	data := ev.Data
	if data == nil {
		data = map[string]any{}
	}
	reply("inspect_reply", map[string]any{"status": "ok", "found": ev.Found && len(data) > 0,
		"data": data, "metadata": map[string]any{}})
}

func handleIsComplete(k *Kernel, m *Message, reply replyFunc) {
	var c codeCursor
	decode(m, &c)
	ev := k.backend.Ask(worker.Request{Op: worker.OpIsComplete, Code: c.Code})
	status := ev.Status
	if status == "" {
		status = "unknown"
	}
	content := map[string]any{"status": status}
	if status == "incomplete" {
		content["indent"] = ev.Indent
	}
	reply("is_complete_reply", content)
}

func handleCommInfo(k *Kernel, m *Message, reply replyFunc) {
	reply("comm_info_reply", map[string]any{"status": "ok", "comms": map[string]any{}})
}

func handleShutdown(k *Kernel, m *Message, reply replyFunc) {
	var c struct {
		Restart bool `json:"restart"`
	}
	decode(m, &c)
	k.interrupt()
	k.backend.Shutdown()
	if !c.Restart {
		k.replay.forget()
	}
	content := map[string]any{"status": "ok", "restart": c.Restart}
	reply("shutdown_reply", content)
	k.publishRaw("shutdown_reply", k.headerJSON(m.Header), content)
	k.shutdownAsked.Store(true) // dispatch stops serving after the idle status
}

func handleInterrupt(k *Kernel, m *Message, reply replyFunc) {
	k.interrupt()
	reply("interrupt_reply", map[string]any{"status": "ok"})
}

// colorTraceback returns the traceback to show, with the error's name in red
// as front ends show ipykernel's (they render ANSI colours).
func colorTraceback(name string, tb []string, value string) []string {
	if len(tb) == 0 {
		tb = []string{name + ": " + value}
	}
	out := append([]string(nil), tb...)
	if strings.HasPrefix(out[0], name) {
		out[0] = "\x1b[0;31m" + name + "\x1b[0m" + out[0][len(name):]
	}
	return out
}
