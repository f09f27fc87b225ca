// Package goparsrc finds gopar's source tree, which builds of workers
// compile and inspection reads the runtime's documentation from.
package goparsrc

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
)

// Module is gopar's module path.
const Module = "github.com/gopar/gopar"

// builtFrom is the source a worker with modules linked in was built from.
var builtFrom string

// BuiltFrom records, in a worker built with modules (from its init, before
// Root is asked), the source it was built from: Root is that.
func BuiltFrom(dir string) { builtFrom = dir }

// Root is gopar's source, or "": in a worker built with modules the
// source it was built from; else the tree this file was compiled from (a
// checkout, or the module cache after go install; a kernelspec's copy of
// the executable lives elsewhere), the source a release binary embeds
// (unpacked into the user cache directory: it is exactly the binary's,
// wherever the binary was copied), the module above the executable or the
// working directory, or the version the executable was installed as in
// the module cache.
var Root = sync.OnceValue(func() string {
	if builtFrom != "" && IsModule(builtFrom) {
		return builtFrom
	}
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		if d := filepath.Dir(filepath.Dir(filepath.Dir(file))); IsModule(d) {
			return d
		}
	}
	if d := fromSnapshot(); d != "" {
		return d
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
			if IsModule(d) {
				return d
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Path == Module && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		if d := filepath.Join(moduleCache(), filepath.FromSlash(Module)+"@"+bi.Main.Version); IsModule(d) {
			return d
		}
	}
	return ""
})

// IsModule reports whether dir holds gopar's go.mod.
func IsModule(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	return err == nil && strings.HasPrefix(string(b), "module "+Module+"\n")
}

// moduleCache is where the go command keeps downloaded modules.
func moduleCache() string {
	if cache := os.Getenv("GOMODCACHE"); cache != "" {
		return cache
	}
	if gopath := os.Getenv("GOPATH"); gopath != "" {
		return filepath.Join(filepath.SplitList(gopath)[0], "pkg", "mod")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, "go", "pkg", "mod")
	}
	return ""
}
