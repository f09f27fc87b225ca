package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestModulesSectionGoesAtTheEnd(t *testing.T) {
	out := filepath.Join(t.TempDir(), "BENCHMARKS.md")
	if err := os.WriteFile(out, []byte("# gopar benchmarks\n\n## Summary\n\ntext\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := appendModules(out, "testdata/modules.md"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	md := string(b)
	for _, want := range []string{
		"## Summary\n\ntext\n\n## Modules in cells: a fetched module against a bundled one\n\n",
		"### Importing a module gopar does not bundle\n", "| first, in a fresh kernel", "### A call into the fetched module",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "# Modules in cells\n") {
		t.Errorf("the results' own title stayed:\n%s", md)
	}
	if err := appendModules(out, "testdata/no-such-file.md"); err == nil {
		t.Error("no error for missing results")
	}
}
