package magics

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

const bashUsage = `%%bash

Run the cell with bash. Output is streamed as it comes; a non-zero exit status
fails the cell. Lines starting with ! in an ordinary cell run with /bin/sh
instead and only report a non-zero status.`

const shUsage = `%%sh

Run the cell with /bin/sh, like %%bash.`

func bashCell(c *call) (outcome, error) { return scriptCell(c, "bash") }
func shCell(c *call) (outcome, error)   { return scriptCell(c, "/bin/sh") }

func scriptCell(c *call, shell string) (outcome, error) {
	if strings.TrimSpace(c.args) != "" {
		return outcome{}, usageErrorf("%%%%%s takes no arguments", c.m.name)
	}
	code, err := runShell(c.ctx, shell, c.body, c.out)
	if err != nil {
		return outcome{}, err
	}
	if code != 0 {
		return outcome{}, fmt.Errorf("%s: exit status %d", c.m.name, code)
	}
	return outcome{}, nil
}

// shellLine runs a "!cmd" line. A non-zero exit status is printed, not an
// error: the lines after it still run, as in IPython.
func shellLine(ctx context.Context, cmd string, out io.Writer) error {
	code, err := runShell(ctx, "/bin/sh", cmd, out)
	if err != nil {
		return err
	}
	if code != 0 {
		fmt.Fprintf(out, "exit status %d\n", code)
	}
	return nil
}

// runShell runs script with shell -c, its stdout and stderr both streamed
// to out and stdin empty, in the working directory and environment %cd and
// %env set. When ctx is done (an interrupt) the whole process group is
// killed, so a pipeline or a background child cannot outlive the cell. It
// returns the exit status; a command killed by a signal reports -1.
func runShell(ctx context.Context, shell, script string, out io.Writer) (int, error) {
	cmd, done, err := shellCommand(ctx, shell, script)
	if err != nil {
		return 0, err
	}
	defer done()
	cmd.Stdout, cmd.Stderr = out, out
	ownProcessGroup(cmd)
	err = cmd.Run()
	if ctx.Err() != nil {
		return 0, ctx.Err()
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if code := exit.ExitCode(); code >= 0 {
			return code, nil
		}
		fmt.Fprintln(out, exit.String())
		return -1, nil
	}
	return 0, err
}
