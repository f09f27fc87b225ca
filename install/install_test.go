package install

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestInstallUserHonoursJupyterDataDir(t *testing.T) {
	data := t.TempDir()
	t.Setenv("JUPYTER_DATA_DIR", data)
	exe := filepath.Join(t.TempDir(), "gopar-binary")
	if err := os.WriteFile(exe, []byte("first build"), 0o755); err != nil {
		t.Fatal(err)
	}
	dir, err := Install(exe, "", Location{User: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(data, "kernels", "gopar"); dir != want {
		t.Fatalf("installed in %s, want %s", dir, want)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec Spec
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatal(err)
	}
	if spec.Argv[0] != filepath.Join(dir, BinaryName) || spec.Argv[len(spec.Argv)-1] != "{connection_file}" {
		t.Errorf("argv = %q, want the copy in %s and {connection_file}", spec.Argv, dir)
	}
	// The kernelspec runs its own copy: the build it came from may go.
	if err := os.Remove(exe); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(spec.Argv[0]); err != nil || string(b) != "first build" {
		t.Errorf("the kernelspec's binary holds %q, %v", b, err)
	}
	// Installing again updates the copy.
	if err := os.WriteFile(exe, []byte("second build"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Install(exe, "", Location{User: true}); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(spec.Argv[0]); err != nil || string(b) != "second build" {
		t.Errorf("after a second install the binary holds %q, %v", b, err)
	}
	// And from the installed copy itself, nothing changes.
	if _, err := Install(spec.Argv[0], "", Location{User: true}); err != nil {
		t.Fatal(err)
	}
	if spec.DisplayName != "Go (gopar)" || spec.Language != "go" || spec.InterruptMode != "message" {
		t.Errorf("spec = %+v", spec)
	}
	for _, logo := range []string{"logo-32x32.png", "logo-64x64.png"} {
		b, err := os.ReadFile(filepath.Join(dir, logo))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", logo, err)
		}
		if img.At(img.Bounds().Dx()/2, 2) == img.At(img.Bounds().Dx()/2, img.Bounds().Dy()/2) {
			t.Errorf("%s looks uniform", logo)
		}
	}
	if _, err := Uninstall("", Location{User: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("uninstall left %s", dir)
	}
}

func TestKernelsDir(t *testing.T) {
	t.Setenv("JUPYTER_DATA_DIR", "")
	t.Setenv("XDG_DATA_HOME", "/xdg")
	t.Setenv("VIRTUAL_ENV", "/venv")
	for _, tc := range []struct {
		loc  Location
		want string
	}{
		{Location{User: true}, "/xdg/jupyter/kernels"},
		{Location{Prefix: "/opt/p"}, "/opt/p/share/jupyter/kernels"},
		{Location{SysPrefix: true}, "/venv/share/jupyter/kernels"},
	} {
		got, err := KernelsDir(tc.loc)
		if err != nil || got != tc.want {
			t.Errorf("KernelsDir(%+v) = %q, %v; want %q", tc.loc, got, err, tc.want)
		}
	}
}

func TestJupyterDataDirOnEachSystem(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(name string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == name {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	home := filepath.Join("/", "home", "ada")
	for _, tc := range []struct {
		goos   string
		getenv func(string) string
		want   string
	}{
		{"linux", env(), filepath.Join(home, ".local", "share", "jupyter")},
		{"linux", env("XDG_DATA_HOME", "/xdg"), filepath.Join("/xdg", "jupyter")},
		{"linux", env("JUPYTER_DATA_DIR", "/jd", "XDG_DATA_HOME", "/xdg"), "/jd"},
		{"darwin", env(), filepath.Join(home, "Library", "Jupyter")},
		{"darwin", env("XDG_DATA_HOME", "/xdg"), filepath.Join(home, "Library", "Jupyter")},
		{"darwin", env("JUPYTER_PLATFORM_DIRS", "1"), filepath.Join(home, "Library", "Application Support", "jupyter")},
		{"darwin", env("JUPYTER_PLATFORM_DIRS", "off"), filepath.Join(home, "Library", "Jupyter")},
		{"windows", env("APPDATA", "/appdata"), filepath.Join("/appdata", "jupyter")},
		{"windows", env("APPDATA", "/appdata", "LOCALAPPDATA", "/local", "JUPYTER_PLATFORM_DIRS", "true"), filepath.Join("/local", "jupyter")},
		{"windows", env(), filepath.Join(home, ".jupyter", "data")},
	} {
		if got := jupyterDataDir(tc.goos, tc.getenv, home); got != tc.want {
			t.Errorf("%s: jupyterDataDir = %q, want %q", tc.goos, got, tc.want)
		}
	}
}
