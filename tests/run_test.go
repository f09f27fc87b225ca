package tests

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// executed is the part of an executed notebook the tests look at.
type executed struct {
	Cells []struct {
		CellType       string           `json:"cell_type"`
		ExecutionCount *int             `json:"execution_count"`
		Outputs        []map[string]any `json:"outputs"`
	} `json:"cells"`
}

func runNotebook(t *testing.T, nb string, args ...string) (executed, string, error) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.ipynb")
	cmd := exec.Command(goparBinary(t), append([]string{"run", nb, "-o", out}, args...)...)
	printed, err := cmd.CombinedOutput()
	var ex executed
	data, rerr := os.ReadFile(out)
	if rerr != nil {
		t.Fatalf("no executed notebook written: %v\n%s", rerr, printed)
	}
	if jerr := json.Unmarshal(data, &ex); jerr != nil {
		t.Fatal(jerr)
	}
	return ex, string(printed), err
}

func TestRunExecutesANotebookHeadless(t *testing.T) {
	ex, printed, err := runNotebook(t, "notebooks/smoke.ipynb")
	if err != nil {
		t.Fatalf("gopar run: %v\n%s", err, printed)
	}
	var code []int
	for i, c := range ex.Cells {
		if c.CellType == "code" {
			code = append(code, i)
		}
	}
	cell := func(k int) []map[string]any { return ex.Cells[code[k]].Outputs }
	if got := cell(1); len(got) != 1 || got[0]["text"] != "sum of squares: 285\n" {
		t.Errorf("print cell outputs = %v", got)
	}
	if got := cell(2); len(got) != 1 || got[0]["output_type"] != "execute_result" ||
		got[0]["data"].(map[string]any)["text/plain"] != "[0 1 4 9 16]" {
		t.Errorf("value cell outputs = %v", got)
	}
	if got := cell(3); len(got) != 1 || got[0]["output_type"] != "display_data" ||
		got[0]["data"].(map[string]any)["image/png"] == nil {
		t.Errorf("image cell outputs = %v", got)
	}
	for k := range code {
		if n := ex.Cells[code[k]].ExecutionCount; n == nil || *n != k+1 {
			t.Errorf("cell %d execution_count = %v", k, n)
		}
	}
	if !strings.Contains(printed, "sum of squares: 285") {
		t.Errorf("output not echoed: %q", printed)
	}
}

func TestRunStopsAtAFailingCellUnlessAllowed(t *testing.T) {
	nb := filepath.Join(t.TempDir(), "fail.ipynb")
	src := `{"cells": [
 {"cell_type": "code", "metadata": {}, "source": "x := 1", "outputs": [], "execution_count": null},
 {"cell_type": "code", "metadata": {}, "source": "panic(\"broken\")", "outputs": [], "execution_count": null},
 {"cell_type": "code", "metadata": {}, "source": "x + 1", "outputs": [], "execution_count": null}],
 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`
	if err := os.WriteFile(nb, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ex, _, err := runNotebook(t, nb)
	if err == nil {
		t.Error("gopar run succeeded on a failing notebook")
	}
	if errs := ex.Cells[1].Outputs; len(errs) == 0 || errs[len(errs)-1]["output_type"] != "error" {
		t.Errorf("failing cell outputs = %v", errs)
	}
	if ex.Cells[2].ExecutionCount != nil {
		t.Error("the cell after the failure ran")
	}
	ex, _, err = runNotebook(t, nb, "--allow-errors")
	if err == nil {
		t.Error("--allow-errors hid the failure from the exit status")
	}
	if got := ex.Cells[2].Outputs; len(got) != 1 || got[0]["data"].(map[string]any)["text/plain"] != "2" {
		t.Errorf("with --allow-errors the last cell gave %v", got)
	}
}

// Every lesson runs clean headless, as it does through nbclient.
func TestLessonsThroughGoparRun(t *testing.T) {
	lessons, err := filepath.Glob("../lessons/[0-9][0-9]-*.ipynb")
	if err != nil || len(lessons) != 9 {
		t.Fatalf("found lessons %v (%v), want nine", lessons, err)
	}
	for _, nb := range lessons {
		t.Run(filepath.Base(nb), func(t *testing.T) {
			ex, printed, err := runNotebook(t, nb, "-q")
			if err != nil {
				t.Fatalf("gopar run %s: %v\n%s", nb, err, printed)
			}
			ran := 0
			for _, c := range ex.Cells {
				if c.CellType == "code" && c.ExecutionCount != nil {
					ran++
				}
				for _, o := range c.Outputs {
					if o["output_type"] == "error" {
						t.Errorf("%s: error output %v: %v", nb, o["ename"], o["evalue"])
					}
				}
			}
			if ran == 0 {
				t.Errorf("%s: no cell ran", nb)
			}
		})
	}
}
