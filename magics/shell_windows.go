package magics

import (
	"context"
	"os"
	"os/exec"
	"time"
)

// shellCommand runs script with shell -c, except that /bin/sh, which
// Windows lacks, becomes cmd.exe, as IPython's ! does there: `!` lines and
// %%sh cells run as a batch file, so that a cell of several lines runs
// them all; %%bash needs a bash on the PATH (Git Bash, MSYS2).
func shellCommand(ctx context.Context, shell, script string) (*exec.Cmd, func(), error) {
	if shell != "/bin/sh" {
		return exec.CommandContext(ctx, shell, "-c", script), func() {}, nil
	}
	f, err := os.CreateTemp("", "gopar-*.cmd")
	if err != nil {
		return nil, nil, err
	}
	_, err = f.WriteString("@echo off\r\n" + script + "\r\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	done := func() { os.Remove(f.Name()) }
	if err != nil {
		done()
		return nil, nil, err
	}
	comspec := os.Getenv("ComSpec")
	if comspec == "" {
		comspec = "cmd.exe"
	}
	return exec.CommandContext(ctx, comspec, "/d", "/c", f.Name()), done, nil
}

// ownProcessGroup only bounds the wait on Windows: cancelling kills the
// shell itself.
func ownProcessGroup(cmd *exec.Cmd) { cmd.WaitDelay = 2 * time.Second }
