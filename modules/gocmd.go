package modules

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ImportError is a cell's import that cannot be made available. It shows
// in the notebook as one line.
type ImportError struct{ Msg string }

func (e *ImportError) Error() string { return e.Msg }

// JupyterError names the error as the worker reports it.
func (e *ImportError) JupyterError() (string, string, []string) {
	return "ImportError", e.Msg, []string{"ImportError: " + e.Msg}
}

// goCommand finds the go command, or says in one line what to install
// to import pkgs.
func goCommand(pkgs []string) (string, error) {
	return lookGo(fmt.Sprintf("%s %s not bundled with gopar, and importing %s needs",
		strings.Join(pkgs, ", "), plural(len(pkgs), "is", "are"), plural(len(pkgs), "it", "them")))
}

// lookGo finds the go command; without it, the error is what needs it
// followed by what to do.
func lookGo(what string) (string, error) {
	path, err := exec.LookPath("go")
	if err != nil {
		return "", &ImportError{Msg: what + " the go command, which is not on the PATH: install Go and restart the kernel"}
	}
	return path, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// gorun runs the go command in dir and returns its standard output; its
// standard error goes to progress as it comes (go get's "downloading"
// lines), and is kept for the error.
type gorun struct {
	gobin    string
	progress *lineWriter
	env      []string // added to the process's environment
}

func (g *gorun) output(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, g.gobin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), g.env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if g.progress != nil {
		cmd.Stderr = teeWriter{&stderr, g.progress}
	}
	err := cmd.Run()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("go %s: %s", strings.Join(args, " "), msg)
	}
	return stdout.Bytes(), nil
}

type teeWriter struct {
	a, b interface{ Write([]byte) (int, error) }
}

func (t teeWriter) Write(p []byte) (int, error) {
	t.a.Write(p)
	return t.b.Write(p)
}

// lineWriter prefixes each line written to it, for the progress of the
// go command in a cell's output.
type lineWriter struct {
	w      interface{ Write([]byte) (int, error) }
	prefix string
	midway bool
}

func (l *lineWriter) Write(p []byte) (int, error) {
	for _, line := range bytes.SplitAfter(p, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		if !l.midway {
			l.w.Write([]byte(l.prefix))
		}
		l.w.Write(line)
		l.midway = line[len(line)-1] != '\n'
	}
	return len(p), nil
}

// Say writes one progress line.
func (l *lineWriter) Say(format string, args ...any) {
	if l.midway {
		l.w.Write([]byte("\n"))
		l.midway = false
	}
	fmt.Fprintf(l.w, l.prefix+format+"\n", args...)
}

// cacheDir is where gopar keeps worker builds and kernels' modules.
func cacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", errors.New("no cache directory for module builds: " + err.Error())
	}
	return filepath.Join(dir, "gopar", "modules"), nil
}

// haveCommand reports whether name is a command on the PATH (or a path to
// one).
func haveCommand(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}
