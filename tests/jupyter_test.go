package tests

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// python is Debian's interpreter, which has the Jupyter packages.
const python = "/usr/bin/python3"

var (
	setupOnce sync.Once
	setupEnv  []string
	setupErr  string

	buildOnce sync.Once
	buildDir  string
	buildErr  string
)

// goparBinary builds gopar once for all tests and returns its path.
func goparBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "gopar-test-")
		if err != nil {
			buildErr = err.Error()
			return
		}
		buildDir = dir
		out, err := exec.Command("go", "build", "-o", filepath.Join(dir, "gopar"), "github.com/gopar/gopar").CombinedOutput()
		if err != nil {
			buildErr = "go build: " + err.Error() + "\n" + string(out)
		}
	})
	if buildErr != "" {
		t.Fatal(buildErr)
	}
	return filepath.Join(buildDir, "gopar")
}

// jupyterEnv checks that the Python clients are installed and returns the
// environment of kernelspecEnv for them.
func jupyterEnv(t *testing.T) []string {
	t.Helper()
	if err := exec.Command(python, "-c", "import jupyter_client, jupyter_kernel_test, nbclient, nbformat").Run(); err != nil {
		msg := "Debian's Jupyter packages are missing (apt-get install python3-jupyter-client python3-jupyter-kernel-test python3-nbclient)"
		if os.Getenv("GOPAR_REQUIRE_JUPYTER") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return kernelspecEnv(t)
}

// kernelspecEnv builds gopar once, installs its kernelspec into a private
// Jupyter data directory and returns the environment in which Jupyter
// programs find it (and nothing of the user's own configuration).
func kernelspecEnv(t *testing.T) []string {
	t.Helper()
	bin := goparBinary(t)
	setupOnce.Do(func() {
		dir := filepath.Dir(bin)
		env := append(os.Environ(),
			"JUPYTER_DATA_DIR="+filepath.Join(dir, "data"),
			"JUPYTER_RUNTIME_DIR="+filepath.Join(dir, "runtime"),
			"JUPYTER_CONFIG_DIR="+filepath.Join(dir, "config"),
			"JUPYTER_PLATFORM_DIRS=1",
			"PYTHONDONTWRITEBYTECODE=1",
		)
		inst := exec.Command(bin, "install", "--user")
		inst.Env = env
		if out, err := inst.CombinedOutput(); err != nil {
			setupErr = "gopar install: " + err.Error() + "\n" + string(out)
			return
		}
		setupEnv = env
	})
	if setupErr != "" {
		t.Fatal(setupErr)
	}
	return setupEnv
}

// runPython runs one unittest module under tests/protocol and fails with
// its output when any test in it fails.
func runPython(t *testing.T, module string) {
	env := jupyterEnv(t)
	_, here, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(here), "protocol")
	cmd := exec.Command(python, "-m", "unittest", "-v", module)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("%s failed: %v", module, err)
	}
	if !strings.Contains(string(out), "\nOK") {
		t.Fatalf("%s did not report OK", module)
	}
	if strings.Contains(string(out), "skipped") && !strings.Contains(module, "allow-skips") {
		for _, line := range strings.Split(string(out), "\n") {
			if strings.Contains(line, "skipped") {
				t.Errorf("skipped: %s", line)
			}
		}
	}
}

func TestConformanceSuite(t *testing.T) { runPython(t, "test_conformance") }

func TestFaultsThroughJupyterClient(t *testing.T) { runPython(t, "test_faults") }

func TestNotebooksThroughNbclient(t *testing.T) { runPython(t, "test_notebooks") }
