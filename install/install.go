// Package install writes gopar's kernelspec where Jupyter looks for it.
package install

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// DefaultName is the kernel directory name, what `jupyter --kernel` takes.
const DefaultName = "gopar"

// Spec is a kernel.json.
type Spec struct {
	Argv          []string          `json:"argv"`
	DisplayName   string            `json:"display_name"`
	Language      string            `json:"language"`
	InterruptMode string            `json:"interrupt_mode"`
	Env           map[string]string `json:"env"`
	Metadata      map[string]any    `json:"metadata"`
}

// NewSpec returns the kernelspec for the gopar binary at exe.
func NewSpec(exe string) Spec {
	return Spec{
		Argv:          []string{exe, "kernel", "-f", "{connection_file}"},
		DisplayName:   "Go (gopar)",
		Language:      "go",
		InterruptMode: "message",
		Env:           map[string]string{},
		Metadata:      map[string]any{"debugger": true},
	}
}

// Location says which kernels directory to use.
type Location struct {
	User      bool   // the user's Jupyter data directory
	SysPrefix bool   // the active environment ($VIRTUAL_ENV, $CONDA_PREFIX) or /usr
	Prefix    string // <Prefix>/share/jupyter/kernels
}

// KernelsDir returns the directory holding kernelspecs for loc.
func KernelsDir(loc Location) (string, error) {
	switch {
	case loc.Prefix != "":
		return filepath.Join(loc.Prefix, "share", "jupyter", "kernels"), nil
	case loc.SysPrefix:
		for _, env := range []string{"VIRTUAL_ENV", "CONDA_PREFIX"} {
			if p := os.Getenv(env); p != "" {
				return filepath.Join(p, "share", "jupyter", "kernels"), nil
			}
		}
		return "/usr/share/jupyter/kernels", nil
	default:
		return userDataDir()
	}
}

// userDataDir follows jupyter_core: $JUPYTER_DATA_DIR, else
// $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter (on Linux).
func userDataDir() (string, error) {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return filepath.Join(d, "kernels"), nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "jupyter", "kernels"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "jupyter", "kernels"), nil
}

// Install writes kernel.json, logos and a copy of the binary exe under
// loc and returns the kernel directory.
func Install(exe, name string, loc Location) (string, error) {
	if name == "" {
		name = DefaultName
	}
	if filepath.Base(name) != name {
		return "", fmt.Errorf("kernel name %q must not contain a path separator", name)
	}
	exe, err := filepath.Abs(exe)
	if err != nil {
		return "", err
	}
	root, err := KernelsDir(loc)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	// The kernelspec runs a copy of the binary kept beside kernel.json, so
	// that moving or rebuilding the clone it came from breaks nothing;
	// installing again replaces the copy.
	bin := filepath.Join(dir, BinaryName)
	if err := copyBinary(exe, bin); err != nil {
		return "", err
	}
	spec, _ := json.MarshalIndent(NewSpec(bin), "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "kernel.json"), append(spec, '\n'), 0o644); err != nil {
		return "", err
	}
	for file, data := range logos() {
		if err := os.WriteFile(filepath.Join(dir, file), data, 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// BinaryName is the copy of gopar in the kernel directory that the
// kernelspec runs.
const BinaryName = "gopar"

// copyBinary copies exe to dst through a file renamed into place, so that
// kernels running the old copy keep it until they exit.
func copyBinary(exe, dst string) error {
	if same, err := sameFile(exe, dst); err != nil || same {
		return err
	}
	in, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".gopar-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone already when renamed
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o755); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dst)
}

// sameFile reports whether a and b are one file (installing from the
// installed copy); a missing b is not a.
func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}

// Uninstall removes the kernel directory for name under loc.
func Uninstall(name string, loc Location) (string, error) {
	if name == "" {
		name = DefaultName
	}
	root, err := KernelsDir(loc)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, name)
	if _, err := os.Stat(filepath.Join(dir, "kernel.json")); errors.Is(err, os.ErrNotExist) {
		return dir, fmt.Errorf("no kernel %q in %s", name, root)
	}
	return dir, os.RemoveAll(dir)
}
