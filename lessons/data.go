// Package lessons holds the data files the episode notebooks read, built
// into gopar so that a notebook copied away from lessons/data still finds
// them (see LessonDataEnv).
package lessons

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed data/*.txt
var data embed.FS

// LessonDataEnv names the variable that tells cells where gopar's own copy
// of the lesson data is.
const LessonDataEnv = "GOPAR_LESSON_DATA"

// WriteData makes sure dir holds the lesson data files and returns dir.
// Files already there with the right size are left alone.
func WriteData(dir string) (string, error) {
	files, err := fs.Glob(data, "data/*")
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	for _, name := range files {
		b, err := data.ReadFile(name)
		if err != nil {
			return "", err
		}
		dst := filepath.Join(dir, filepath.Base(name))
		if st, err := os.Stat(dst); err == nil && st.Size() == int64(len(b)) {
			continue
		}
		// Through a rename: another kernel may be writing it too.
		tmp, err := os.CreateTemp(dir, ".data-*")
		if err != nil {
			return "", err
		}
		_, werr := tmp.Write(b)
		if cerr := tmp.Close(); werr == nil {
			werr = cerr
		}
		if werr == nil {
			werr = os.Rename(tmp.Name(), dst)
		}
		if werr != nil {
			os.Remove(tmp.Name())
			return "", werr
		}
	}
	return dir, nil
}
