package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gopar/gopar/bench/internal/sidebyside"
)

func TestMain(m *testing.M) {
	sidebyside.ServeCell() // the gopar side runs cells in this test binary
	os.Exit(m.Run())
}

// The constructs program runs as a cell with loops a thousand times
// shorter and a few sleeping goroutines, and computes the checksums its
// Python twin computes. Nothing is timed.
func TestConstructsMatchTheirPythonTwin(t *testing.T) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Fatalf("CPython is needed to check the Python twin: %v", err)
	}
	g, err := sidebyside.Gopar(filepath.Join("testdata", "constructs.go"), []string{"1000", "100"}, nil)
	if err != nil {
		t.Fatalf("gopar: %v", err)
	}
	p, err := sidebyside.Python(python, filepath.Join("testdata", "constructs.py"), []string{"1000"}, nil)
	if err != nil {
		t.Fatalf("CPython: %v", err)
	}
	gl, err := parse(g.Out)
	if err != nil {
		t.Fatalf("gopar's output: %v", err)
	}
	pl, err := parse(p.Out)
	if err != nil {
		t.Fatalf("CPython's output: %v", err)
	}
	if len(pl) != 15 {
		t.Errorf("CPython timed %d constructs, want the 15 of issue 20", len(pl))
	}
	// gopar's extra lines are the sleeping goroutines'.
	if len(gl) != len(pl)+5 || gl[len(pl)].name != "goroutines" || gl[len(pl)].checksum != "100" {
		t.Fatalf("gopar printed %d lines: %+v", len(gl), gl)
	}
	if d := checksums(gl[:len(pl)], pl); d != "" {
		t.Errorf("gopar and CPython disagree: %s", d)
	}
	if d := checksums(pl[:1], pl[1:2]); d == "" {
		t.Error("checksums of different constructs compare equal")
	}
}

func TestParseRejectsOtherOutput(t *testing.T) {
	for _, bad := range []string{"", "function call 1.5 10\n", "function call\tfast\t10\n"} {
		if _, err := parse([]byte(bad)); err == nil {
			t.Errorf("parse(%q): no error", bad)
		}
	}
}
