package magics

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWritefile(t *testing.T) {
	t.Chdir(t.TempDir())
	steps := []struct {
		cell, out, content string
	}{
		{"%%writefile test.c\nint x;", "Writing test.c\n", "int x;\n"},
		{"%%writefile test.c\nint y;\n", "Overwriting test.c\n", "int y;\n"},
		{"%%writefile -a test.c\nint z;", "Appending to test.c\n", "int y;\nint z;\n"},
		{"%%writefile \"test.c\"\n", "Overwriting test.c\n", ""},
	}
	for _, s := range steps {
		out, _, err := run(t, &fakeEngine{}, s.cell)
		got, _ := os.ReadFile("test.c")
		if err != nil || out != s.out || string(got) != s.content {
			t.Errorf("%q: out %q, err %v, file %q", s.cell, out, err, got)
		}
	}
	_, _, err := run(t, &fakeEngine{}, "%%writefile\nx")
	var ue *UsageError
	if !errors.As(err, &ue) {
		t.Errorf("no file name: err %v", err)
	}
}

func TestCd(t *testing.T) {
	start := t.TempDir()
	t.Chdir(start)
	t.Setenv("OLDPWD", "")
	t.Setenv("PWD", start)
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	start, _ = os.Getwd() // resolved, in case the temp dir is a symlink
	sub := filepath.Join(start, "sub")

	out, _, err := run(t, &fakeEngine{}, "%cd sub")
	if wd, _ := os.Getwd(); err != nil || out != sub+"\n" || wd != sub {
		t.Errorf("%%cd sub: out %q, err %v, wd %q", out, err, wd)
	}
	out, _, err = run(t, &fakeEngine{}, "%cd -")
	if wd, _ := os.Getwd(); err != nil || out != start+"\n" || wd != start {
		t.Errorf("%%cd -: out %q, err %v, wd %q", out, err, wd)
	}
	out, _, err = run(t, &fakeEngine{}, "%cd -q sub\n!pwd")
	if err != nil || out != sub+"\n" {
		t.Errorf("%%cd -q then !pwd: out %q, err %v", out, err)
	}
	if _, _, err := run(t, &fakeEngine{}, "%cd no-such-dir"); err == nil || !strings.HasPrefix(err.Error(), "cd: ") {
		t.Errorf("missing dir: err %v", err)
	}
	res, _, _ := Run(t.Context(), "%pwd", &fakeEngine{}, nil)
	if res["text/plain"] != sub {
		t.Errorf("%%pwd = %v", res)
	}
}

func TestEnv(t *testing.T) {
	t.Setenv("GOPAR_TEST_VAR", "")
	t.Setenv("GOPAR_API_TOKEN", "s3cret")
	steps := []struct {
		cell, out, value string
	}{
		{"%env GOPAR_TEST_VAR=a b", "env: GOPAR_TEST_VAR=a b\n", ""},
		{"%env GOPAR_TEST_VAR c", "env: GOPAR_TEST_VAR=c\n", ""},
		{"%env GOPAR_TEST_VAR", "", "c"},
	}
	for _, s := range steps {
		out, res, err := run(t, &fakeEngine{}, s.cell)
		if err != nil || out != s.out || (s.value != "" && res["text/plain"] != s.value) {
			t.Errorf("%q: out %q, result %v, err %v", s.cell, out, res, err)
		}
	}
	eng := &fakeEngine{}
	if _, _, err := run(t, eng, "home := %env GOPAR_TEST_VAR"); err != nil || eng.bound["home"] != "c" {
		t.Errorf("assignment bound %v, err %v", eng.bound, err)
	}
	out, _, _ := run(t, &fakeEngine{}, "%env")
	if !strings.Contains(out, "GOPAR_TEST_VAR=c\n") || !strings.Contains(out, "GOPAR_API_TOKEN=<hidden>\n") {
		t.Errorf("listing %q", out)
	}
	_, _, err := run(t, &fakeEngine{}, "%env GOPAR_NO_SUCH_VAR")
	var ue *UsageError
	if !errors.As(err, &ue) || ue.Msg != "Environment does not have key: GOPAR_NO_SUCH_VAR" {
		t.Errorf("missing key: %v", err)
	}
}
