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

// Root is gopar's source, or "": the tree this file was compiled from (a
// checkout, or the module cache after go install; a kernelspec's copy of
// the executable lives elsewhere), the module above the executable or the
// working directory, or the version the executable was installed as in
// the module cache.
var Root = sync.OnceValue(func() string {
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		if d := filepath.Dir(filepath.Dir(filepath.Dir(file))); IsModule(d) {
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
