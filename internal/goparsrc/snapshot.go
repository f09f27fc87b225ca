package goparsrc

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
)

// SnapshotTag is the build tag with which gopar embeds its source
// (internal/goparsrc/source.zip, written by ./internal/goparsrc/snapshot).
const SnapshotTag = "gopar_source"

// fromSnapshot is the source embedded in this binary, unpacked into the
// user cache directory (once per snapshot), or "".
func fromSnapshot() string {
	if len(snapshot) == 0 {
		return ""
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	dir, err := unpack(snapshot, filepath.Join(cache, "gopar", "source"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gopar: unpacking gopar's source:", err)
		return ""
	}
	return dir
}

// unpack writes the zip src into a directory under parent named by its
// hash, unless a complete one is there, and returns that directory. It
// unpacks into a directory of its own and renames it, so that two kernels
// doing it at once each see a whole tree.
func unpack(src []byte, parent string) (string, error) {
	sum := sha256.Sum256(src)
	dir := filepath.Join(parent, hex.EncodeToString(sum[:])[:24])
	if IsModule(dir) {
		return dir, nil
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(parent, ".unpacking-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	for _, f := range zr.File {
		name := path.Clean(f.Name)
		if !filepath.IsLocal(filepath.FromSlash(name)) || f.FileInfo().IsDir() {
			return "", fmt.Errorf("%q is not a file of the source tree", f.Name)
		}
		if err := unpackFile(f, filepath.Join(tmp, filepath.FromSlash(name))); err != nil {
			return "", err
		}
	}
	if !IsModule(tmp) {
		return "", errors.New("the snapshot has no go.mod of gopar's")
	}
	if err := os.Rename(tmp, dir); err != nil && !IsModule(dir) {
		return "", err
	}
	return dir, nil
}

func unpackFile(f *zip.File, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	r, err := f.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, r); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
