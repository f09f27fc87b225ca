package modules

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"slices"
	"sync"

	"github.com/gopar/gopar/internal/goparsrc"
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
	goparsrc.BuiltFrom(source)
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

// sourceDir is gopar's source, which a worker build compiles: the
// directory a linked worker was built from, else goparsrc.Root.
func sourceDir() string { return goparsrc.Root() }

const goparModule = goparsrc.Module
