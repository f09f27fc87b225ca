// Package install writes gopar's kernelspec where Jupyter looks for it.
package install

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
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

// userDataDir is the kernels directory in the user's Jupyter data
// directory, where jupyter_core looks for it on this system.
func userDataDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil && os.Getenv("JUPYTER_DATA_DIR") == "" {
		return "", err
	}
	return filepath.Join(jupyterDataDir(runtime.GOOS, os.Getenv, home), "kernels"), nil
}

// jupyterDataDir is jupyter_core's jupyter_data_dir(): $JUPYTER_DATA_DIR,
// else on macOS ~/Library/Jupyter, on Windows %APPDATA%\jupyter, elsewhere
// $XDG_DATA_HOME/jupyter or ~/.local/share/jupyter; with
// JUPYTER_PLATFORM_DIRS set, platformdirs' user data directory instead.
func jupyterDataDir(goos string, getenv func(string) string, home string) string {
	if d := getenv("JUPYTER_DATA_DIR"); d != "" {
		return d
	}
	platformDirs := false
	if v := getenv("JUPYTER_PLATFORM_DIRS"); v != "" {
		switch strings.ToLower(v) {
		case "no", "n", "false", "off", "0", "0.0":
		default:
			platformDirs = true
		}
	}
	switch goos {
	case "darwin":
		if platformDirs {
			return filepath.Join(home, "Library", "Application Support", "jupyter")
		}
		return filepath.Join(home, "Library", "Jupyter")
	case "windows":
		if d := getenv("LOCALAPPDATA"); platformDirs && d != "" {
			return filepath.Join(d, "jupyter")
		}
		if d := getenv("APPDATA"); d != "" {
			return filepath.Join(d, "jupyter")
		}
		return filepath.Join(home, ".jupyter", "data")
	}
	xdg := getenv("XDG_DATA_HOME")
	if xdg == "" {
		xdg = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(xdg, "jupyter")
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
// kernelspec runs; on Windows it must end in .exe to be run.
var BinaryName = binaryName()

func binaryName() string {
	if runtime.GOOS == "windows" {
		return "gopar.exe"
	}
	return "gopar"
}

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
