package tests

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestMakeLabServesAWorkingCopy runs scripts/lab.sh with a stand-in for
// Jupyter that records what it was asked to serve: a working copy of the
// lessons with their data, made on the first run and kept (edits included)
// on the next, while lessons/ is left as committed.
func TestMakeLabServesAWorkingCopy(t *testing.T) {
	jupyterEnv(t)
	_, here, _, _ := runtime.Caller(0)
	repo := filepath.Dir(filepath.Dir(here))
	fake := t.TempDir()
	served := filepath.Join(fake, "served")
	script := "#!/bin/sh\nfor a; do case $a in --notebook-dir=*) echo \"${a#--notebook-dir=}\" > " + served + ";; esac; done\n"
	for _, name := range []string{"jupyter-lab", "jupyter-notebook"} {
		if err := os.WriteFile(filepath.Join(fake, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	lab := filepath.Join(t.TempDir(), "lab")
	env := append(os.Environ(), "PATH="+fake+":"+os.Getenv("PATH"), "GOPAR_LAB_DIR="+lab,
		"JUPYTER_DATA_DIR="+t.TempDir(), "JUPYTER_PLATFORM_DIRS=1")
	runLab := func() {
		t.Helper()
		cmd := exec.Command(filepath.Join(repo, "scripts", "lab.sh"))
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("lab.sh: %v\n%s", err, out)
		}
		got, err := os.ReadFile(served)
		if err != nil || strings.TrimSpace(string(got)) != lab {
			t.Fatalf("Jupyter was started on %q, want the working copy %s", got, lab)
		}
	}
	runLab()
	for _, f := range []string{"06-map-and-reduce.ipynb", "07-fractals.ipynb", "data/alice-ch1-3.txt"} {
		if _, err := os.Stat(filepath.Join(lab, f)); err != nil {
			t.Errorf("the working copy lacks %s", f)
		}
	}
	edited := filepath.Join(lab, "07-fractals.ipynb")
	if err := os.WriteFile(edited, []byte("a learner's edits"), 0o644); err != nil {
		t.Fatal(err)
	}
	runLab()
	if b, _ := os.ReadFile(edited); string(b) != "a learner's edits" {
		t.Error("a second make lab overwrote a learner's notebook")
	}
	status, err := exec.Command("git", "-C", repo, "status", "--porcelain", "--", "lessons").Output()
	if err == nil && len(status) > 0 {
		t.Errorf("lessons/ changed:\n%s", status)
	}
}
