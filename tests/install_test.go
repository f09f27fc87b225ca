package tests

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTheKernelspecOutlivesTheBuildItCameFrom installs gopar from a build,
// removes the build and starts the kernel through jupyter_client: the
// kernelspec runs its own copy of the binary.
func TestTheKernelspecOutlivesTheBuildItCameFrom(t *testing.T) {
	jupyterEnv(t)
	build := filepath.Join(t.TempDir(), "gopar")
	if out, err := exec.Command("cp", goparBinary(t), build).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	data := t.TempDir()
	env := append(os.Environ(), "JUPYTER_DATA_DIR="+data, "JUPYTER_PLATFORM_DIRS=1", "PYTHONDONTWRITEBYTECODE=1")
	inst := exec.Command(build, "install", "--user")
	inst.Env = env
	if out, err := inst.CombinedOutput(); err != nil {
		t.Fatalf("gopar install: %v\n%s", err, out)
	}
	if err := os.Remove(build); err != nil {
		t.Fatal(err)
	}
	py := exec.Command(python, "-c", `
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name="gopar")
try:
    reply = kc.execute_interactive("6 * 7", timeout=60, output_hook=lambda m: print(m["content"].get("data", {}).get("text/plain", "")))
    print(reply["content"]["status"])
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
`)
	py.Env = env
	out, err := py.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "42") || !strings.Contains(string(out), "ok") {
		t.Fatalf("the installed kernel did not run a cell once its build was gone: %v\n%s", err, out)
	}
}
