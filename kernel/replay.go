package kernel

import (
	"bufio"
	"os"
	"path/filepath"
	"sync"
)

// replayHistory is how many signatures are remembered, as jupyter_client's
// Session does (digest_history_size).
const replayHistory = 1 << 16

// replayGuard drops a message whose signature was seen before: a signed
// message captured on the network would otherwise run again each time it
// is re-sent. The signatures are also appended to a file beside the
// connection file, so that a kernel restarted with the same key (Jupyter's
// restart keeps it) still knows them; the file goes when the kernel is
// shut down for good.
type replayGuard struct {
	mu    sync.Mutex
	seen  map[string]struct{}
	ring  []string // in arrival order, oldest at next once full
	next  int
	path  string
	file  *os.File
	lines int // in the file, rewritten when it holds twice the history
}

// replayFile is where the signatures seen under connection file conn are
// kept.
func replayFile(conn string) string {
	return filepath.Join(filepath.Dir(conn), "."+filepath.Base(conn)+".seen")
}

// newReplayGuard loads the signatures kept at path ("": keep none).
func newReplayGuard(path string) *replayGuard {
	g := &replayGuard{seen: map[string]struct{}{}, path: path}
	if path == "" {
		return g
	}
	if f, err := os.Open(path); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			g.remember(sc.Text())
			g.lines++
		}
		f.Close()
	}
	g.file, _ = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	return g
}

// replayed reports whether sig was seen before, and remembers it.
func (g *replayGuard) replayed(sig []byte) bool {
	if len(sig) == 0 {
		return false // unsigned: there is no key, and nothing to check
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, ok := g.seen[string(sig)]; ok {
		return true
	}
	g.remember(string(sig))
	if g.file != nil {
		if g.lines >= 2*replayHistory {
			g.rewrite()
		}
		_, _ = g.file.Write(append(sig[:len(sig):len(sig)], '\n'))
		g.lines++
	}
	return false
}

func (g *replayGuard) remember(sig string) {
	if _, ok := g.seen[sig]; ok {
		return
	}
	if len(g.ring) < replayHistory {
		g.ring = append(g.ring, sig)
	} else {
		delete(g.seen, g.ring[g.next])
		g.ring[g.next] = sig
		g.next = (g.next + 1) % replayHistory
	}
	g.seen[sig] = struct{}{}
}

// rewrite keeps only the remembered signatures in the file.
func (g *replayGuard) rewrite() {
	tmp := g.path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return
	}
	w := bufio.NewWriter(f)
	for _, s := range g.ring {
		w.WriteString(s + "\n")
	}
	if w.Flush() != nil || f.Close() != nil || os.Rename(tmp, g.path) != nil {
		os.Remove(tmp)
		return
	}
	g.file.Close()
	g.file, _ = os.OpenFile(g.path, os.O_WRONLY|os.O_APPEND, 0o600)
	g.lines = len(g.ring)
}

// forget removes the file: the kernel is shut down for good.
func (g *replayGuard) forget() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.file != nil {
		g.file.Close()
		g.file = nil
		os.Remove(g.path)
	}
}
