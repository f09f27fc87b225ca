package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gopar/gopar/bench/internal/sidebyside"
)

func TestMain(m *testing.M) {
	sidebyside.ServeCell() // the gopar side runs cells in this test binary
	os.Exit(m.Run())
}

// knownFailures are the programs gopar cannot run yet, with what it says.
// When one starts to work, its entry has to go, so that the benchmark
// counts it.
var knownFailures = map[string]string{}

// Each Go program, run as a cell at its small size, prints what its Python
// twin prints under CPython. Nothing is timed.
func TestProgramsMatchTheirPythonTwins(t *testing.T) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Fatalf("CPython is needed to check the Python twins: %v", err)
	}
	dir := "testdata"
	inputs := map[string][]byte{}
	for _, p := range programs {
		t.Run(p.name, func(t *testing.T) {
			var stdin []byte
			if in := p.stdinArg(true); in != "" {
				if inputs[in] == nil {
					r, err := sidebyside.Python(python, filepath.Join(dir, "fasta.py"), []string{in}, nil)
					if err != nil {
						t.Fatal(err)
					}
					inputs[in] = r.Out
				}
				stdin = inputs[in]
			}
			a := args(p.arg(true))
			py, err := sidebyside.Python(python, filepath.Join(dir, p.name+".py"), a, stdin)
			if err != nil {
				t.Fatalf("CPython: %v", err)
			}
			if len(py.Out) == 0 {
				t.Fatal("the Python twin printed nothing")
			}
			g, err := sidebyside.Gopar(filepath.Join(dir, p.name+".go"), a, stdin)
			if want, known := knownFailures[p.name]; known {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Fatalf("gopar was known to fail with %q here and now gives error %v: if it works, remove %s from knownFailures", want, err, p.name)
				}
				return
			}
			if err != nil {
				t.Fatalf("gopar: %v", err)
			}
			if d := sidebyside.Diff(g.Out, py.Out); d != "" {
				t.Errorf("gopar's output differs from CPython's: %s", d)
			}
		})
	}
}

func TestEveryProgramHasItsTwinAndOrigin(t *testing.T) {
	for _, p := range programs {
		for _, ext := range []string{".go", ".py"} {
			b, err := os.ReadFile(filepath.Join("testdata", p.name+ext))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), "task") || !strings.Contains(string(b), "http") {
				t.Errorf("%s%s does not say in its header which task it is, and where from", p.name, ext)
			}
		}
	}
	if len(programs) < 10 {
		t.Errorf("%d programs; the benchmark compares at least ten", len(programs))
	}
}
