//go:build unix

package tests

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestBrowserLabDebugger opens a notebook in JupyterLab 4 (the application
// tests/browser/lab bundles from pinned npm packages, served by Debian's
// jupyter_server and jupyterlab_server) in headless Chromium, turns the
// debugger on, sets a breakpoint by clicking a cell's gutter, runs the
// cells, and checks the Call Stack and Variables panels show the stopped
// goroutine's frame, steps and continues (tests/browser/lab.mjs). Without
// Chromium, Node.js, jupyterlab_server or the built application it skips,
// unless GOPAR_BROWSER_TESTS=1 (as in CI), when it fails.
func TestBrowserLabDebugger(t *testing.T) {
	_, here, _, _ := runtime.Caller(0)
	root := filepath.Dir(filepath.Dir(here))
	browserDir := filepath.Join(root, "tests", "browser")
	labDir := filepath.Join(browserDir, "lab")

	node, missing := browserTools(browserDir)
	if exec.Command(python, "-c", "import jupyterlab_server").Run() != nil {
		missing = append(missing, "jupyterlab_server (apt-get install python3-jupyterlab-server)")
	}
	if _, err := os.Stat(filepath.Join(labDir, "build", "bundle.js")); err != nil {
		missing = append(missing, "the JupyterLab application (npm ci && npx webpack in tests/browser/lab)")
	}
	skipWithout(t, missing)

	env := kernelspecEnv(t)
	dir := t.TempDir()
	name := "debugger.ipynb"
	data, err := os.ReadFile(filepath.Join(browserDir, "fixtures", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	// The application keeps the user's settings and workspaces in its
	// build directory: a copy of the test's own starts from none.
	app := t.TempDir()
	if err := os.CopyFS(app, os.DirFS(labDir)); err != nil && !os.IsExist(err) {
		t.Fatal(err)
	}
	url, token := startServer(t, "JupyterLab", env, dir, func(port int, token string) []string {
		return []string{python, filepath.Join(app, "main.py"), "--no-browser", "--ip=127.0.0.1",
			fmt.Sprintf("--port=%d", port), "--port-retries=0", "--ServerApp.token=" + token,
			"--allow-root", "--ServerApp.root_dir=" + dir}
	})

	runBrowserScript(t, node, browserDir, "lab.mjs", env, url, token, name, "lab-debugger.png")
}
