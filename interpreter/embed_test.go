package interpreter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbed: a //go:embed directive gives a string or []byte variable its
// file's content, in a pasted program and in a cell; a missing file and an
// embed.FS are compile errors, as they are (or would be) under go build.
func TestEmbed(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "greeting.txt"), []byte("hello, embed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	s, out, _ := newTestSession(t, "")

	program := "package main\n\nimport (\n\t_ \"embed\"\n\t\"fmt\"\n)\n\n//go:embed data/greeting.txt\nvar text string\n\n//go:embed data/greeting.txt\nvar raw []byte\n\nfunc main() {\n\tfmt.Print(text, len(raw), \"\\n\")\n}\n"
	if _, e := run(t, s, program); e != nil {
		t.Fatal(e)
	}
	if got := out.String(); got != "hello, embed\n13\n" {
		t.Errorf("program printed %q", got)
	}
	out.Reset()

	if _, e := run(t, s, "//go:embed data/greeting.txt\nvar cellText string\nfmt.Print(strings.ToUpper(cellText))"); e != nil {
		t.Fatal(e)
	}
	if got := out.String(); got != "HELLO, EMBED\n" {
		t.Errorf("cell printed %q", got)
	}

	for code, want := range map[string]string{
		"//go:embed data/missing.txt\nvar m string":             "pattern data/missing.txt: no matching files found",
		"import \"embed\"\n//go:embed data\nvar files embed.FS": "embed.FS is not supported in a cell",
		"//go:embed data/*.txt\nvar n int":                      "cannot apply to var of type int",
	} {
		_, e := run(t, s, code)
		if e == nil || e.Name != "CompileError" || !strings.Contains(e.Value, want) {
			t.Errorf("%q: got %v, want a CompileError with %q", code, e, want)
		}
	}
}
