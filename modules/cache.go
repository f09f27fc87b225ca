package modules

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// index is what a lookup key (the module files before resolving) led to:
// the module files after it and the build.
type index struct {
	Key   string            `json:"key"`
	Files map[string][]byte `json:"files"` // base name -> content, of the workspace's files
}

// keepWorkers is how many worker builds the cache keeps: each is a whole
// gopar, some 60 MB.
const keepWorkers = 6

// prune removes the worker builds used least recently past keepWorkers
// (a use touches the build's directory), sparing those used in the last
// day: a kernel may be running one, and restarts its worker from it.
func (b *builder) prune(keep string) {
	dirs, err := os.ReadDir(filepath.Join(b.cache, "workers"))
	if err != nil {
		return
	}
	type build struct {
		path string
		used time.Time
	}
	var builds []build
	for _, d := range dirs {
		info, err := d.Info()
		if err != nil || !d.IsDir() || strings.Contains(d.Name(), ".building-") || d.Name() == keep {
			continue
		}
		builds = append(builds, build{filepath.Join(b.cache, "workers", d.Name()), info.ModTime()})
	}
	slices.SortFunc(builds, func(x, y build) int { return y.used.Compare(x.used) })
	for i, old := range builds {
		if i >= keepWorkers-1 && time.Since(old.used) > 24*time.Hour {
			os.RemoveAll(old.path)
		}
	}
}

func (b *builder) fromCache(key string) {
	now := time.Now()
	_ = os.Chtimes(filepath.Dir(b.binary(key)), now, now)
	if key != linked.key && len(b.need) > 0 {
		b.say.Say("%s: linked in a worker from the cache", strings.Join(b.need, ", "))
	} else if key != linked.key {
		b.say.Say("a worker with cgo, from the cache")
	}
}

func (b *builder) binary(key string) string {
	return filepath.Join(b.cache, "workers", key, "gopar")
}

// lookupKey names what the workspace's files, the packages and the go
// command's settings resolve to, before running it.
func (b *builder) lookupKey() string {
	h := sha256.New()
	dir := b.ws.dir
	if b.ws.own {
		dir = "" // every kernel's own module is the same
	}
	fmt.Fprintln(h, "gopar module lookup 2", b.base, b.g.gobin, b.ws.goVersion, dir, b.ws.own, b.cgo)
	for _, v := range []string{"GOFLAGS", "GOPROXY", "GOPRIVATE", "GONOPROXY", "GOSUMDB", "GONOSUMDB", "GOTOOLCHAIN", "GOWORK"} {
		fmt.Fprintf(h, "%s=%s\n", v, os.Getenv(v))
	}
	for _, f := range b.ws.files {
		data, _ := os.ReadFile(f)
		if b.ws.own {
			f = filepath.Base(f) // every kernel's own module is the same
		}
		fmt.Fprintf(h, "%s %d\n", f, len(data))
		h.Write(data)
	}
	fmt.Fprintln(h, b.need)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func (b *builder) readIndex(lookup string) (*index, bool) {
	data, err := os.ReadFile(filepath.Join(b.cache, "index", lookup+".json"))
	if err != nil {
		return nil, false
	}
	var ix index
	if json.Unmarshal(data, &ix) != nil || ix.Key == "" {
		return nil, false
	}
	return &ix, true
}

func (b *builder) writeIndex(lookup, key string) {
	ix := index{Key: key, Files: map[string][]byte{}}
	for _, f := range b.ws.files {
		if data, err := os.ReadFile(f); err == nil {
			ix.Files[filepath.Base(f)] = data
		}
	}
	data, _ := json.Marshal(ix)
	_ = writeAtomic(filepath.Join(b.cache, "index", lookup+".json"), data)
}

func (b *builder) buildKey(mods []module) string {
	h := sha256.New()
	fmt.Fprintln(h, "gopar worker build 3", b.base, b.ws.goVersion, os.Getenv("GOFLAGS"), sourceDir(), b.cgo)
	fmt.Fprintln(h, b.need)
	for _, m := range mods {
		fmt.Fprintf(h, "%+v\n", m)
		if m.ReplaceDir != "" {
			stampTree(h, m.ReplaceDir)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// stampTree writes to w the name, size and modification time of each file
// under dir (hidden directories aside): code edited there makes another
// build.
func stampTree(w io.Writer, dir string) {
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && path != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() {
			fmt.Fprintf(w, "%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
}

func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	tmp.Close()
	return os.Rename(tmp.Name(), path)
}
