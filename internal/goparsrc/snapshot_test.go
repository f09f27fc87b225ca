package goparsrc

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestUnpackWritesTheTreeOnce(t *testing.T) {
	parent := t.TempDir()
	src := zipOf(t, map[string]string{"go.mod": "module " + Module + "\n\ngo 1.26\n", "runtime/async/doc.go": "package async\n"})
	dir, err := unpack(src, parent)
	if err != nil {
		t.Fatal(err)
	}
	if !IsModule(dir) {
		t.Fatalf("%s holds no go.mod of gopar's", dir)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "runtime", "async", "doc.go")); err != nil || string(b) != "package async\n" {
		t.Fatalf("runtime/async/doc.go = %q, %v", b, err)
	}
	// A second kernel finds it unpacked; a file it holds stays as it is.
	mark := filepath.Join(dir, "runtime", "async", "doc.go")
	os.WriteFile(mark, []byte("package async // kept\n"), 0o644)
	again, err := unpack(src, parent)
	if err != nil || again != dir {
		t.Fatalf("unpacking again = %q, %v; want %q", again, err, dir)
	}
	if b, _ := os.ReadFile(mark); string(b) != "package async // kept\n" {
		t.Errorf("unpacking again rewrote the tree")
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("%d entries under %s, want the one tree: %v", len(entries), parent, entries)
	}
}

func TestUnpackRefusesWhatIsNotASourceTree(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"a path out of the tree": {"go.mod": "module " + Module + "\n", "../escaped.go": "package x\n"},
		"an absolute path":       {"go.mod": "module " + Module + "\n", "/abs.go": "package x\n"},
		"another module":         {"go.mod": "module example.com/other\n"},
	} {
		parent := filepath.Join(t.TempDir(), "source")
		if dir, err := unpack(zipOf(t, files), parent); err == nil {
			t.Errorf("%s: unpacked into %s", name, dir)
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(parent), "escaped.go")); err == nil {
			t.Errorf("%s: a file was written outside the tree", name)
		}
		if entries, _ := os.ReadDir(parent); len(entries) != 0 {
			t.Errorf("%s: left %v", name, entries)
		}
	}
	if _, err := unpack([]byte("not a zip"), t.TempDir()); err == nil {
		t.Error("bytes that are not a zip unpacked")
	}
}
