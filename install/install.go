// Package install writes gopar's kernelspec where Jupyter looks for it.
package install

import (
	"encoding/json"
	"errors"
	"fmt"
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
		Metadata:      map[string]any{"debugger": false},
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

// Install writes kernel.json and logos for exe under loc and returns the
// kernel directory.
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
	spec, _ := json.MarshalIndent(NewSpec(exe), "", "  ")
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
