package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSectionsGoAtTheEnd checks that the results of bench/modules and
// bench/session become sections at the end of the report, their own
// titles dropped.
func TestSectionsGoAtTheEnd(t *testing.T) {
	for _, tt := range []struct {
		add     func(out, path string) error
		results string
		want    []string
		title   string // the results' own, which must not stay
	}{
		{appendModules, "testdata/modules.md", []string{
			"## Summary\n\ntext\n\n## Modules in cells: a fetched module against a bundled one\n\n",
			"### Importing a module gopar does not bundle\n", "| first, in a fresh kernel", "### A call into the fetched module",
		}, "# Modules in cells\n"},
		{appendSession, "testdata/session.md", []string{
			"## Summary\n\ntext\n\n## Long sessions: a cell after thousands of cells\n\n",
			"| kernel | declaration cell at the start |", "| gopar |", "| ipykernel |",
		}, "\n# Long sessions"},
	} {
		t.Run(tt.results, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "BENCHMARKS.md")
			if err := os.WriteFile(out, []byte("# gopar benchmarks\n\n## Summary\n\ntext\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := tt.add(out, tt.results); err != nil {
				t.Fatal(err)
			}
			b, _ := os.ReadFile(out)
			md := string(b)
			for _, want := range tt.want {
				if !strings.Contains(md, want) {
					t.Errorf("the report lacks %q:\n%s", want, md)
				}
			}
			if strings.Contains(md, tt.title) {
				t.Errorf("the results' own title stayed:\n%s", md)
			}
			if err := tt.add(out, "testdata/no-such-file.md"); err == nil {
				t.Error("no error for missing results")
			}
		})
	}
}
