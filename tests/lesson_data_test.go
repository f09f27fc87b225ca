package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestALessonCopiedAwayFromItsDataStillRuns copies episode 6, which reads a
// book from data/, alone into an empty directory and runs it with gopar
// run: it finds gopar's own copy of the book.
func TestALessonCopiedAwayFromItsDataStillRuns(t *testing.T) {
	src, err := os.ReadFile("../lessons/06-map-and-reduce.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	nb := filepath.Join(t.TempDir(), "06-map-and-reduce.ipynb")
	if err := os.WriteFile(nb, src, 0o644); err != nil {
		t.Fatal(err)
	}
	_, printed, err := runNotebook(t, nb)
	if err != nil {
		t.Fatalf("gopar run on a copy of episode 6 without data/: %v\n%s", err, printed)
	}
	if !strings.Contains(printed, "lines in") {
		t.Errorf("the book was not read:\n%s", printed)
	}
}
