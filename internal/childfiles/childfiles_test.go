package childfiles

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// childEnv makes the test binary, started again, the child: it reads a
// line from its file 0 and writes it back, upper-cased, to its file 1.
const childEnv = "GOPAR_CHILDFILES_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		in, out := Open(0, "in", true), Open(1, "out", false)
		if in == nil || out == nil {
			os.Exit(3)
		}
		line, err := bufio.NewReader(in).ReadString('\n')
		if err != nil {
			os.Exit(4)
		}
		if _, err := io.WriteString(out, strings.ToUpper(line)); err != nil {
			os.Exit(5)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestPassedFilesReachTheChild(t *testing.T) {
	inR, inW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), childEnv+"=1")
	if err := Pass(cmd, inR, outW); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	inR.Close()
	outW.Close()
	if _, err := io.WriteString(inW, "through the pipes\n"); err != nil {
		t.Fatal(err)
	}
	inW.Close()
	got, err := io.ReadAll(outR)
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	if string(got) != "THROUGH THE PIPES\n" {
		t.Errorf("the child wrote %q", got)
	}
}
