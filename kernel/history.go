package kernel

// historyEntry is one executed cell. gopar keeps history for the life of
// the kernel process: session 1 is always the current one.
type historyEntry struct {
	line   int
	input  string
	output string
}

const historySession = 1

func (k *Kernel) addHistory(line int, input string, result map[string]any) {
	out, _ := result["text/plain"].(string)
	k.mu.Lock()
	defer k.mu.Unlock()
	k.history = append(k.history, historyEntry{line: line, input: input, output: out})
}

type historyContent struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           int    `json:"stop"`
	N              int    `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

func handleHistory(k *Kernel, m *Message, reply replyFunc) {
	var c historyContent
	decode(m, &c)
	k.mu.Lock()
	entries := append([]historyEntry(nil), k.history...)
	k.mu.Unlock()

	var picked []historyEntry
	switch c.HistAccessType {
	case "tail":
		picked = lastN(uniqueInputs(entries, c.Unique), c.N)
	case "range":
		if c.Session == 0 || c.Session == historySession || c.Session == -1 {
			for _, e := range entries {
				if e.line >= c.Start && (c.Stop <= 0 || e.line < c.Stop) {
					picked = append(picked, e)
				}
			}
		}
	case "search":
		pattern := c.Pattern
		if pattern == "" {
			pattern = "*"
		}
		var matched []historyEntry
		for _, e := range entries {
			if globMatch(pattern, e.input) {
				matched = append(matched, e)
			}
		}
		picked = lastN(uniqueInputs(matched, c.Unique), c.N)
	}
	history := make([]any, 0, len(picked))
	for _, e := range picked {
		if c.Output {
			history = append(history, []any{historySession, e.line, []any{e.input, e.output}})
		} else {
			history = append(history, []any{historySession, e.line, e.input})
		}
	}
	reply("history_reply", map[string]any{"status": "ok", "history": history})
}

// uniqueInputs keeps the latest of entries with the same input.
func uniqueInputs(entries []historyEntry, unique bool) []historyEntry {
	if !unique {
		return entries
	}
	seen := map[string]bool{}
	var out []historyEntry
	for i := len(entries) - 1; i >= 0; i-- {
		if !seen[entries[i].input] {
			seen[entries[i].input] = true
			out = append(out, entries[i])
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func lastN(entries []historyEntry, n int) []historyEntry {
	if n > 0 && len(entries) > n {
		return entries[len(entries)-n:]
	}
	return entries
}

// globMatch matches fnmatch-style patterns (* and ?) across newlines and
// slashes, which path.Match does not.
func globMatch(pattern, s string) bool {
	if pattern == "" {
		return s == ""
	}
	switch pattern[0] {
	case '*':
		for i := 0; i <= len(s); i++ {
			if globMatch(pattern[1:], s[i:]) {
				return true
			}
		}
		return false
	case '?':
		return s != "" && globMatch(pattern[1:], s[1:])
	}
	return s != "" && s[0] == pattern[0] && globMatch(pattern[1:], s[1:])
}
