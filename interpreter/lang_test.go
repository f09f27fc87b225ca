package interpreter

import (
	"bytes"
	"context"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLanguage runs every program under testdata/lang twice: compiled by the
// Go toolchain, and as notebook cells through a Session (the declarations
// as one cell, the body of main as the next ones, split at "// cell" lines).
// Standard output must be identical; a program that panics must fail with
// the same panic message.
func TestLanguage(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	dirs, err := filepath.Glob("testdata/lang/*")
	if err != nil || len(dirs) == 0 {
		t.Fatal("no language test programs")
	}
	sort.Strings(dirs)
	bin := t.TempDir()
	args := []string{"build", "-o", bin + string(filepath.Separator)}
	for _, d := range dirs {
		args = append(args, "./"+filepath.ToSlash(d))
	}
	build := exec.Command(goTool, args...)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	var mu syncList
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want := runCompiled(t, filepath.Join(bin, name))
			path := filepath.Join(dir, "main.go")
			cells, err := programCells(path)
			if err != nil {
				t.Fatal(err)
			}
			ok := sameRun(t, "cells", want, runCells(t, cells))
			// The same program pasted into one cell as written.
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ok = sameRun(t, "one cell", want, runCells(t, []string{string(src)})) && ok
			mu.add(name, ok)
		})
	}
	t.Cleanup(func() {
		pass, fail := mu.split()
		t.Logf("language suite: %d passed, %d failed %v", len(pass), len(fail), fail)
	})
}

// sameRun reports whether a run as cells did what the compiled program did.
func sameRun(t *testing.T, how string, want, got langRun) bool {
	t.Helper()
	ok := true
	if got.stdout != want.stdout {
		ok = false
		t.Errorf("stdout differs\n--- go run\n%s\n--- %s\n%s", want.stdout, how, got.stdout)
	}
	if got.panic != want.panic {
		ok = false
		t.Errorf("panic differs\n--- go run: %q\n--- %s:  %q", want.panic, how, got.panic)
	}
	if got.err != "" && want.panic == "" {
		ok = false
		t.Errorf("%s failed: %s", how, got.err)
	}
	return ok
}

type langRun struct {
	stdout string
	panic  string // the panic message, when the program panicked
	err    string // any other failure of the cells
}

func runCompiled(t *testing.T, path string) langRun {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, path)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := langRun{stdout: stdout.String()}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		for _, line := range strings.Split(stderr.String(), "\n") {
			if msg, ok := strings.CutPrefix(line, "panic: "); ok {
				r.panic = strings.TrimSuffix(msg, " [recovered]")
				break
			}
		}
		if r.panic == "" {
			t.Fatalf("compiled program failed: %v\n%s", err, stderr.String())
		}
	} else if err != nil {
		t.Fatalf("compiled program: %v", err)
	}
	return r
}

// runCells feeds cells to a fresh Session.
func runCells(t *testing.T, cells []string) langRun {
	var stdout, stderr bytes.Buffer
	s, err := New(Options{Stdout: &stdout, Stderr: &stderr})
	if err != nil {
		t.Fatal(err)
	}
	var r langRun
	for i, c := range cells {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		_, err := s.Execute(ctx, c)
		cancel()
		if err != nil {
			var e *Error
			if errors.As(err, &e) && e.Name == namePanic {
				r.panic = e.Value
			} else {
				r.err = err.Error()
				t.Logf("cell %d:\n%s", i+1, c)
			}
			break
		}
	}
	r.stdout = stdout.String()
	return r
}

// programCells splits a Go program into cells: its imports and
// declarations other than main, then the body of main, cut at lines that
// are exactly "// cell".
func programCells(path string) ([]string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	var decls strings.Builder
	var body string
	for _, d := range f.Decls {
		start, end := fset.Position(d.Pos()).Offset, fset.Position(d.End()).Offset
		if fd, ok := d.(*ast.FuncDecl); ok {
			if fd.Doc != nil {
				start = fset.Position(fd.Doc.Pos()).Offset
			}
			if fd.Name.Name == "main" && fd.Recv == nil {
				lb, rb := fset.Position(fd.Body.Lbrace).Offset, fset.Position(fd.Body.Rbrace).Offset
				body = string(src[lb+1 : rb])
				continue
			}
		}
		decls.Write(src[start:end])
		decls.WriteString("\n\n")
	}
	cells := []string{decls.String()}
	var cur []string
	for _, line := range strings.Split(body, "\n") {
		if strings.TrimSpace(line) == "// cell" {
			cells = append(cells, dedent(strings.Join(cur, "\n")))
			cur = nil
			continue
		}
		cur = append(cur, line)
	}
	return append(cells, dedent(strings.Join(cur, "\n"))), nil
}

// dedent removes one leading tab from every line, as if the body of main
// had been typed at the top level of a cell.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "\t")
	}
	return strings.Join(lines, "\n")
}

// syncList collects subtest outcomes from parallel subtests.
type syncList struct {
	mu   sync.Mutex
	pass []string
	fail []string
}

func (l *syncList) add(name string, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ok {
		l.pass = append(l.pass, name)
	} else {
		l.fail = append(l.fail, name)
	}
}

func (l *syncList) split() (pass, fail []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	sort.Strings(l.pass)
	sort.Strings(l.fail)
	return l.pass, l.fail
}
