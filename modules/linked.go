package modules

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
)

// What a worker built by this package was built from: its file of gopar's
// main package calls Link in init. In gopar as built by hand or installed,
// nothing is linked and the fields are empty.
var linked struct {
	base   string   // identity of the gopar executable the build started from
	source string   // gopar's source directory it was built from
	key    string   // the build's cache key
	pkgs   []string // packages linked in, sorted
}

// Link records, in a worker built with modules, what it was built from.
// Generated code calls it; nothing else should.
func Link(base, source, key string, pkgs ...string) {
	linked.base, linked.source, linked.key = base, source, key
	linked.pkgs = slices.Sorted(slices.Values(pkgs))
}

// Linked lists the packages of modules linked into this binary.
func Linked() []string { return slices.Clone(linked.pkgs) }

// baseIdentity names the gopar executable builds start from: a hash of
// its file, so that a rebuilt gopar never takes a worker built from the old
// one out of the cache.
var baseIdentity = sync.OnceValues(func() (string, error) {
	if linked.base != "" {
		return linked.base, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:32], nil
})

// sourceDir finds gopar's source, which a worker build compiles: the
// directory a linked worker was built from, the one this file was compiled
// from (a checkout, or the module cache after go install; a kernelspec's
// copy of the executable lives elsewhere), the module above the executable
// or the working directory, or the module cache.
func sourceDir() string {
	if linked.source != "" {
		return linked.source
	}
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		if d := filepath.Dir(filepath.Dir(file)); isGoparModule(d) {
			return d
		}
	}
	var starts []string
	if exe, err := os.Executable(); err == nil {
		starts = append(starts, filepath.Dir(exe))
	}
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	for _, dir := range starts {
		for d := dir; ; d = filepath.Dir(d) {
			if isGoparModule(d) {
				return d
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Path == goparModule && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		cache := os.Getenv("GOMODCACHE")
		if cache == "" {
			if gopath := os.Getenv("GOPATH"); gopath != "" {
				cache = filepath.Join(filepath.SplitList(gopath)[0], "pkg", "mod")
			} else if home, err := os.UserHomeDir(); err == nil {
				cache = filepath.Join(home, "go", "pkg", "mod")
			}
		}
		if d := filepath.Join(cache, filepath.FromSlash(goparModule)+"@"+bi.Main.Version); isGoparModule(d) {
			return d
		}
	}
	return ""
}

const goparModule = "github.com/gopar/gopar"

func isGoparModule(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	return err == nil && strings.HasPrefix(string(b), "module "+goparModule+"\n")
}
