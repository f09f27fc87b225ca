//go:build unix

// The browser test runs Chromium in a process group of its own.

package tests

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The browser test drives the classic Notebook UI; its limits keep the whole
// test near three minutes on a loaded two-core machine.
const (
	serverStartLimit = 40 * time.Second
	browserLimit     = 170 * time.Second
	serverStopLimit  = 10 * time.Second
)

// chromiumPath is where Debian's chromium package puts its launcher.
const chromiumPath = "/usr/bin/chromium"

// TestBrowserNotebook opens the fractals episode in Jupyter Notebook in
// headless Chromium, runs every cell, checks the Mandelbrot picture is shown
// and no cell failed, then interrupts a running cell and restarts the kernel
// from the menus (tests/browser/notebook.mjs). Without Chromium, Node.js,
// jupyter-notebook or tests/browser/node_modules it skips, unless
// GOPAR_BROWSER_TESTS=1 (as in CI), when it fails.
func TestBrowserNotebook(t *testing.T) {
	_, here, _, _ := runtime.Caller(0)
	root := filepath.Dir(filepath.Dir(here))
	browserDir := filepath.Join(root, "tests", "browser")

	node, missing := browserTools(browserDir)
	server, err := exec.LookPath("jupyter-notebook")
	if err != nil {
		missing = append(missing, "jupyter-notebook (apt-get install jupyter-notebook)")
	}
	skipWithout(t, missing)

	// GOPAR_BROWSER_NOTEBOOK names another notebook to check the same way,
	// such as tests/browser/fixtures/fractals.ipynb, a small one.
	notebook := filepath.Join(root, "lessons", "07-fractals.ipynb")
	if other := os.Getenv("GOPAR_BROWSER_NOTEBOOK"); other != "" {
		notebook = other
	}
	if _, err := os.Stat(notebook); err != nil {
		t.Fatalf("the notebook to open is missing: %v", err)
	}
	env := kernelspecEnv(t)
	dir := t.TempDir()
	data, err := os.ReadFile(notebook)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(notebook)
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}

	url, token := startNotebookServer(t, server, env, dir)

	runBrowserScript(t, node, browserDir, "notebook.mjs", env, url, token, name, "fractals.png")
}

// runBrowserScript runs script (in browserDir) on notebook name, served at
// url with token, and checks that it passed and left its screenshot shot
// in tests/browser/artifacts.
func runBrowserScript(t *testing.T, node, browserDir, script string, env []string, url, token, name, shot string) {
	t.Helper()
	artifacts := filepath.Join(browserDir, "artifacts")
	ctx, cancel := context.WithTimeout(context.Background(), browserLimit+20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, script,
		"--url", url, "--token", token, "--notebook", name,
		"--artifacts", artifacts, "--timeout", fmt.Sprint(int(browserLimit.Seconds())))
	cmd.Dir = browserDir
	// Chromium's profile goes under TMPDIR: a directory of the test's own,
	// removed even when the script is killed.
	cmd.Env = append(env, "TMPDIR="+t.TempDir())
	// The script closes its browser itself; killing its process group as
	// well leaves no Chromium behind if the script hangs.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("%s (%.1f s):\n%s", script, time.Since(start).Seconds(), out)
	if err != nil {
		t.Fatalf("browser test failed: %v", err)
	}
	shot = filepath.Join(artifacts, shot)
	if info, err := os.Stat(shot); err != nil || info.Size() == 0 {
		t.Fatalf("no screenshot at %s: %v", shot, err)
	}
	t.Logf("screenshot: %s", shot)
}

// browserTools returns the path of node and what the browser tests miss of
// Chromium, Node.js and playwright-core.
func browserTools(browserDir string) (node string, missing []string) {
	if _, err := os.Stat(chromiumPath); err != nil {
		missing = append(missing, chromiumPath+" (apt-get install chromium)")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing = append(missing, "node (apt-get install nodejs npm)")
	}
	if _, err := os.Stat(filepath.Join(browserDir, "node_modules", "playwright-core", "package.json")); err != nil {
		missing = append(missing, "playwright-core (npm ci in tests/browser)")
	}
	return node, missing
}

// skipWithout skips the test when something it needs is missing, or fails
// it when GOPAR_BROWSER_TESTS=1 (as in CI).
func skipWithout(t *testing.T, missing []string) {
	t.Helper()
	if len(missing) == 0 {
		return
	}
	msg := "browser test needs " + strings.Join(missing, ", ")
	if os.Getenv("GOPAR_BROWSER_TESTS") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg + "; set GOPAR_BROWSER_TESTS=1 to make this a failure")
}

// startNotebookServer starts jupyter-notebook serving dir (see startServer).
func startNotebookServer(t *testing.T, server string, env []string, dir string) (string, string) {
	t.Helper()
	return startServer(t, "jupyter-notebook", env, dir, func(port int, token string) []string {
		return []string{server, "--no-browser", "--ip=127.0.0.1", fmt.Sprintf("--port=%d", port), "--port-retries=0",
			"--NotebookApp.token=" + token, "--allow-root", "--notebook-dir=" + dir}
	})
}

// startServer starts the Jupyter server argv makes for a free loopback port
// and a random token, serving dir; it waits until the server answers and
// stops it when the test ends. It returns the server's URL and token.
func startServer(t *testing.T, name string, env []string, dir string, argv func(port int, token string) []string) (string, string) {
	t.Helper()
	port := freePort(t)
	tokenBytes := make([]byte, 16)
	if _, err := rand.Read(tokenBytes); err != nil {
		t.Fatal(err)
	}
	token := hex.EncodeToString(tokenBytes)
	url := fmt.Sprintf("http://127.0.0.1:%d", port)

	logPath := filepath.Join(t.TempDir(), "server.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	args := argv(port, token)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdout = logFile
	cmd.Stderr = logFile
	// Its own process group, so that stopping it reaches anything it left.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	serverLog := func() string {
		b, _ := os.ReadFile(logPath)
		return string(b)
	}
	t.Cleanup(func() {
		// SIGTERM makes the server shut its kernels down before it exits.
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(serverStopLimit):
			t.Errorf("%s did not stop within %v; killed", name, serverStopLimit)
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
		logFile.Close()
		if t.Failed() {
			t.Logf("%s log:\n%s", name, serverLog())
		}
	})

	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(serverStartLimit)
	for {
		resp, err := client.Get(url + "/api/status?token=" + token)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return url, token
			}
			err = errors.New(resp.Status)
		}
		select {
		case exitErr := <-done:
			done <- exitErr
			t.Fatalf("%s exited: %v\n%s", name, exitErr, serverLog())
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not answer within %v (%v)\n%s", name, serverStartLimit, err, serverLog())
		}
	}
}

// freePort returns a loopback TCP port that nothing listens on now.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
