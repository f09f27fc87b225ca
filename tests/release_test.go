package tests

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestReleaseArchiveWorksWithoutGo is a learner's laptop without Go: it
// builds the linux/amd64 release archive with scripts/release.sh, checks
// it against SHA256SUMS, unpacks it, installs the kernelspec from the
// unpacked binary into an empty Jupyter data directory and, with a PATH
// that has no go command, runs episode 2 (timing and memory) through
// nbclient, then a %%native cell, which must say in one line that it needs
// Go. Then the learner installs Go and deletes the unpacked folder, and a
// cell imports a module gopar does not bundle.
func TestReleaseArchiveWorksWithoutGo(t *testing.T) {
	jupyterEnv(t)
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("the test unpacks and runs the linux/amd64 archive")
	}
	const version = "0.0.0-releasetest"
	dist := t.TempDir()
	build := exec.Command("../scripts/release.sh", "linux/amd64")
	build.Env = append(os.Environ(), "GOPAR_DIST="+dist, "GOPAR_VERSION="+version)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("scripts/release.sh linux/amd64: %v\n%s", err, out)
	}
	name := "gopar-" + version + "-linux-amd64"
	archive := filepath.Join(dist, name+".tar.gz")
	checkSum(t, archive, filepath.Join(dist, "SHA256SUMS"))

	home := t.TempDir()
	if out, err := exec.Command("tar", "-xzf", archive, "-C", home).CombinedOutput(); err != nil {
		t.Fatalf("unpacking %s: %v\n%s", archive, err, out)
	}
	root := filepath.Join(home, name)
	for _, f := range []string{"gopar", "README.md", "lessons/02-benchmarking.ipynb", "lessons/09-calling-c.ipynb", "lessons/data/alice-ch1-3.txt"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			t.Errorf("the archive lacks %s", f)
		}
	}

	env := noGoEnv(t, home)
	gopar := filepath.Join(root, "gopar")
	run := func(args ...string) string {
		cmd := exec.Command(gopar, args...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("gopar %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	if out := run("version"); !strings.HasPrefix(out, "gopar "+version+" ") {
		t.Errorf("gopar version = %q, want the stamped version %s", out, version)
	}
	run("install", "--user")
	spec, err := os.ReadFile(filepath.Join(home, "jupyter-data", "kernels", "gopar", "kernel.json"))
	if err != nil {
		t.Fatalf("gopar install wrote no kernelspec: %v", err)
	}
	t.Logf("kernel.json: %s", spec)

	py := exec.Command(python, "-c", releaseDriver, filepath.Join(root, "lessons", "02-benchmarking.ipynb"))
	py.Env = env
	py.Dir = home
	out, err := py.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("running the lesson through nbclient: %v\n%s\n%s", err, out, stderr)
	}
	var got struct {
		Errors   []string `json:"errors"`
		Text     []string `json:"text"`
		Version  string   `json:"implementation_version"`
		Native   string   `json:"native_status"`
		NativeEv string   `json:"native_error"`
		NativeTB []string `json:"native_traceback"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("driver output: %v\n%s", err, out)
	}
	for _, e := range got.Errors {
		t.Errorf("a cell of episode 2 failed: %s", e)
	}
	text := strings.Join(got.Text, "\n")
	memit := regexp.MustCompile(`peak memory: \d+\.\d\d MiB, increment: -?\d+\.\d\d MiB`)
	if n := len(memit.FindAllString(text, -1)); n < 5 {
		t.Errorf("%d %%memit reports in episode 2, want its 5:\n%s", n, text)
	}
	if !regexp.MustCompile(`\d+(\.\d+)? [mµn]?s ± \d+(\.\d+)? [mµn]?s per loop \(mean ± std\. dev\. of \d+ runs`).MatchString(text) {
		t.Errorf("no %%timeit report in episode 2:\n%s", text)
	}
	t.Logf("%%%%native without Go: %s", got.NativeEv)
	if got.Version != version {
		t.Errorf("kernel_info's implementation_version = %q, want %q", got.Version, version)
	}
	if got.Native != "error" || strings.Contains(got.NativeEv, "\n") ||
		!strings.Contains(got.NativeEv, "%%native needs the Go toolchain") || !strings.Contains(got.NativeEv, "go.dev/dl") {
		t.Errorf("%%%%native without Go: status %q, error %q; want one line that says Go is needed and where to get it", got.Native, got.NativeEv)
	}

	// The learner installs Go later, and has deleted the unpacked folder:
	// the kernelspec's copy of the binary is all of gopar there is, and an
	// import of a module gopar does not bundle builds a worker from the
	// source the binary embeds.
	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	withGo := withGoInstalled(t, env, filepath.Dir(gobin))
	py = exec.Command(python, "-c", moduleDriver, humanizeCell)
	py.Env = withGo
	py.Dir = home
	out, err = py.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("importing a module through jupyter_client: %v\n%s\n%s", err, out, stderr)
	}
	var cell struct {
		Status, Error, Stdout, Stderr string
	}
	if err := json.Unmarshal(out, &cell); err != nil {
		t.Fatalf("driver output: %v\n%s", err, out)
	}
	t.Logf("the import's progress: %s", cell.Stderr)
	// go get's lines (its "downloading" lines when the module cache lacks
	// the module), "added" once, then the cell's line.
	if cell.Status != "ok" || !strings.HasSuffix(cell.Stdout, "\n1,234,567 83 MB 22nd\n") ||
		strings.Count(cell.Stdout, "go: added github.com/dustin/go-humanize v1.1.0\n") != 1 {
		t.Errorf("go-humanize in a release gopar with Go installed: status %q, error %q, output %q; want go get's lines, then %q",
			cell.Status, cell.Error, cell.Stdout, "1,234,567 83 MB 22nd\n")
	}
	if !strings.Contains(cell.Stderr, "[gopar] building a worker with github.com/dustin/go-humanize linked in") {
		t.Errorf("no worker was built: %s", cell.Stderr)
	}
	if mods, _ := filepath.Glob(filepath.Join(home, "cache", "gopar", "source", "*", "go.mod")); len(mods) != 1 {
		t.Errorf("gopar's source unpacked from the binary: %v, want one tree under the cache", mods)
	}
}

// withGoInstalled is env with the go command of goDir on the PATH. The go
// command's build and module caches are the test's own (a learner's first
// build compiles everything and takes longer: only the time differs).
func withGoInstalled(t *testing.T, env []string, goDir string) []string {
	t.Helper()
	var out []string
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "PATH="); ok {
			kv = "PATH=" + v + string(os.PathListSeparator) + goDir
		}
		out = append(out, kv)
	}
	for _, name := range []string{"GOCACHE", "GOMODCACHE", "GOPROXY", "GOSUMDB", "GOFLAGS"} {
		v, err := exec.Command("go", "env", name).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", name, err)
		}
		out = append(out, name+"="+strings.TrimSpace(string(v)))
	}
	return out
}

// humanizeCell pins go-humanize and imports it: gopar bundles neither.
const humanizeCell = `%go get github.com/dustin/go-humanize@v1.1.0
import "github.com/dustin/go-humanize"

fmt.Println(humanize.Comma(1234567), humanize.Bytes(82854982), humanize.Ordinal(22))`

// moduleDriver runs the cell argv[1] in a gopar kernel started as Jupyter
// starts it, and prints its status, error and output streams as JSON.
const moduleDriver = `
import json, sys
from jupyter_client.manager import start_new_kernel

km, kc = start_new_kernel(kernel_name="gopar")
streams = {"stdout": "", "stderr": ""}
def keep(msg):
    if msg["msg_type"] == "stream":
        streams[msg["content"]["name"]] += msg["content"]["text"]
try:
    reply = kc.execute_interactive(sys.argv[1], timeout=1800, output_hook=keep)["content"]
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
print(json.dumps({"status": reply["status"], "error": reply.get("evalue", ""),
                  "stdout": streams["stdout"], "stderr": streams["stderr"]}))
`

// noGoEnv is the environment of a learner without Go: a PATH of the
// system's directories that hold no go command, Jupyter's directories
// under home, and nothing that points gopar at a toolchain.
func noGoEnv(t *testing.T, home string) []string {
	var path []string
	for _, dir := range []string{"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"} {
		if _, err := os.Stat(filepath.Join(dir, "go")); err == nil {
			continue
		}
		path = append(path, dir)
	}
	env := []string{"PATH=" + strings.Join(path, ":"), "HOME=" + home, "LANG=C.UTF-8",
		"JUPYTER_DATA_DIR=" + filepath.Join(home, "jupyter-data"),
		"JUPYTER_RUNTIME_DIR=" + filepath.Join(home, "jupyter-runtime"),
		"JUPYTER_CONFIG_DIR=" + filepath.Join(home, "jupyter-config"),
		"JUPYTER_PLATFORM_DIRS=1", "PYTHONDONTWRITEBYTECODE=1",
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
	}
	check := exec.Command("sh", "-c", "command -v go")
	check.Env = env
	if out, err := check.Output(); err == nil {
		t.Fatalf("a go command is still on the PATH: %s", out)
	}
	return env
}

// checkSum compares file's SHA-256 with its line in sums.
func checkSum(t *testing.T, file, sums string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	f, err := os.Open(sums)
	if err != nil {
		t.Fatalf("no SHA256SUMS: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if ok && name == filepath.Base(file) {
			if sum != hex.EncodeToString(h[:]) {
				t.Errorf("SHA256SUMS says %s for %s, the file hashes to %x", sum, name, h)
			}
			return
		}
	}
	t.Errorf("SHA256SUMS has no line for %s", filepath.Base(file))
}

// releaseDriver runs the notebook argv[1] through nbclient with the gopar
// kernel, then asks a kernel for kernel_info and runs a %%native cell, and
// prints what a test needs as JSON.
const releaseDriver = `
import json, os, sys
import nbformat
from nbclient import NotebookClient
from jupyter_client.manager import start_new_kernel

path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
NotebookClient(nb, kernel_name="gopar", timeout=600, allow_errors=True,
               resources={"metadata": {"path": os.path.dirname(path)}}).execute()
errors, text = [], []
for cell in nb.cells:
    for out in cell.get("outputs", []):
        if out["output_type"] == "error":
            errors.append(out["ename"] + ": " + out["evalue"])
        elif out["output_type"] == "stream":
            text.append(out["text"])
        elif "data" in out:
            text.append(out["data"].get("text/plain", ""))

km, kc = start_new_kernel(kernel_name="gopar")
try:
    info = kc.kernel_info(reply=True, timeout=60)["content"]
    reply = kc.execute_interactive("%%native\nfunc twice(x int) int { return 2 * x }", timeout=120)
    content = reply["content"]
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
print(json.dumps({
    "errors": errors, "text": text,
    "implementation_version": info.get("implementation_version"),
    "native_status": content["status"], "native_error": content.get("evalue", ""),
    "native_traceback": content.get("traceback", []),
}))
`
