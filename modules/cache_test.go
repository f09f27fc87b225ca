package modules

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestPruneKeepsRecentBuildsAndTheNewOne(t *testing.T) {
	b := &builder{cache: t.TempDir()}
	old := time.Now().Add(-48 * time.Hour)
	for i, name := range []string{"a", "b", "c", "d", "e", "f", "g", "new"} {
		dir := filepath.Join(b.cache, "workers", name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		used := old.Add(time.Duration(i) * time.Minute) // a is the least recently used
		if name == "g" {
			used = time.Now() // used today, by a kernel that may be running
		}
		if err := os.Chtimes(dir, used, used); err != nil {
			t.Fatal(err)
		}
	}
	b.prune("new")
	left, _ := os.ReadDir(filepath.Join(b.cache, "workers"))
	var names []string
	for _, d := range left {
		names = append(names, d.Name())
	}
	// new and the five used most recently stay; a and b go.
	want := []string{"c", "d", "e", "f", "g", "new"}
	if len(names) != len(want) {
		t.Fatalf("left %v, want %v", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("left %v, want %v", names, want)
		}
	}
}
