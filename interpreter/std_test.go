package interpreter

import (
	"os/exec"
	"strings"
	"testing"
)

// stdPackages lists what `go list std` lists that a program may import:
// not cmd, vendor or internal packages.
func stdPackages(t *testing.T) []string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	out, err := exec.Command(goTool, "list", "std").Output()
	if err != nil {
		t.Fatalf("go list std: %v", err)
	}
	var pkgs []string
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "cmd/") || strings.HasPrefix(p, "vendor/") ||
			p == "internal" || strings.HasPrefix(p, "internal/") || strings.Contains(p, "/internal/") || strings.HasSuffix(p, "/internal") {
			continue
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// TestEveryStdPackageImports imports each package of the standard library
// in a cell of its own, as a program may.
func TestEveryStdPackageImports(t *testing.T) {
	pkgs := stdPackages(t)
	if len(pkgs) < 150 {
		t.Fatalf("go list std listed only %d packages", len(pkgs))
	}
	s, _, errb := newTestSession(t, "")
	var failed []string
	for _, p := range pkgs {
		if _, e := run(t, s, "import _ "+quote(p)); e != nil {
			failed = append(failed, p+": "+e.Value)
		}
	}
	if len(failed) > 0 {
		t.Errorf("%d of %d std packages do not import:\n%s\nstderr: %s", len(failed), len(pkgs), strings.Join(failed, "\n"), errb)
	}
}

// TestUnrestrictedStd uses what a sandbox would hide: the worker is a
// process of its own, so cells see the standard library as programs do.
func TestUnrestrictedStd(t *testing.T) {
	s, out, errb := newTestSession(t, "")
	runAll(t, s, errb, []string{
		`import (
	"embed"
	"fmt"
	"os"
	"os/exec"
	"syscall"
)`,
		`b, err := exec.Command("echo", "hi").Output()
fmt.Printf("%q %v\n", b, err)`,
		`fmt.Println(syscall.Getpid() == os.Getpid())`,
		`var fs embed.FS
_, err = fs.ReadFile("x")
fmt.Println(err != nil)`,
		`p, err := os.FindProcess(os.Getpid())
fmt.Println(p.Pid == os.Getpid(), err)`,
	})
	want := "\"hi\\n\" <nil>\ntrue\ntrue\ntrue <nil>\n"
	if out.String() != want {
		t.Errorf("output %q, want %q", out.String(), want)
	}
}
