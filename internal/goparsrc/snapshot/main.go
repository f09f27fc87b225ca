// Command snapshot writes a zip of the gopar source that a worker build
// compiles: every file but tests of each package of gopar's module that
// gopar or its symbol table generator imports, on any system and with cgo
// or without, the files they embed, and go.mod and go.sum. A release binary
// embeds it (build tag gopar_source), so that a learner without a checkout
// can link modules once Go is installed.
//
//	go run ./internal/goparsrc/snapshot -o internal/goparsrc/source.zip
package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gopar/gopar/internal/goparsrc"
)

func main() {
	out := flag.String("o", "", "the zip to write")
	flag.Parse()
	if *out == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: snapshot -o FILE.zip (in gopar's source tree)")
		os.Exit(2)
	}
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "snapshot:", err)
		os.Exit(1)
	}
}

func write(out string) error {
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	if !goparsrc.IsModule(root) {
		return fmt.Errorf("%s is not gopar's source tree", root)
	}
	files, err := sourceFiles(root)
	if err != nil {
		return err
	}
	self, _ := filepath.Abs(out)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range files {
		if filepath.Join(root, name) == self {
			continue
		}
		// A fixed time: the same source makes the same zip.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		f, err := os.Open(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		_, err = io.Copy(w, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}

// buildSource are the extensions of the files the go command compiles.
var buildSource = map[string]bool{".go": true, ".c": true, ".h": true, ".s": true, ".S": true,
	".cc": true, ".cpp": true, ".cxx": true, ".hh": true, ".hpp": true, ".hxx": true, ".m": true, ".syso": true}

// sourceFiles lists, slash-separated and relative to root, the files a
// build of gopar's main package and of internal/gensymbols reads on any
// of the release systems.
func sourceFiles(root string) ([]string, error) {
	set := map[string]bool{"go.mod": true, "go.sum": true}
	for _, goos := range []string{"linux", "darwin", "windows"} {
		for _, cgo := range []string{"0", "1"} {
			cmd := exec.Command("go", "list", "-deps", "-json=Dir,Module,EmbedFiles", ".", "./internal/gensymbols")
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "GOOS="+goos, "CGO_ENABLED="+cgo, "GOFLAGS=-mod=mod")
			cmd.Stderr = os.Stderr
			data, err := cmd.Output()
			if err != nil {
				return nil, fmt.Errorf("go list (GOOS=%s CGO_ENABLED=%s): %w", goos, cgo, err)
			}
			dec := json.NewDecoder(bytes.NewReader(data))
			for dec.More() {
				var p struct {
					Dir        string
					Module     *struct{ Path string }
					EmbedFiles []string
				}
				if err := dec.Decode(&p); err != nil {
					return nil, err
				}
				if p.Module == nil || p.Module.Path != goparsrc.Module {
					continue
				}
				rel, err := filepath.Rel(root, p.Dir)
				if err != nil {
					return nil, err
				}
				// Every source file of the directory: those for other
				// systems and architectures, cgo's C files.
				entries, err := os.ReadDir(p.Dir)
				if err != nil {
					return nil, err
				}
				for _, e := range entries {
					if e.Type().IsRegular() && buildSource[filepath.Ext(e.Name())] && !strings.HasSuffix(e.Name(), "_test.go") {
						set[filepath.ToSlash(filepath.Join(rel, e.Name()))] = true
					}
				}
				for _, f := range p.EmbedFiles {
					set[filepath.ToSlash(filepath.Join(rel, f))] = true
				}
			}
		}
	}
	return slices.Sorted(func(yield func(string) bool) {
		for f := range set {
			if !yield(f) {
				return
			}
		}
	}), nil
}
