//go:build unix

package magics

import (
	"context"
	"os/exec"
	"syscall"
	"time"
)

// shellCommand runs script with shell -c.
func shellCommand(ctx context.Context, shell, script string) (*exec.Cmd, func(), error) {
	return exec.CommandContext(ctx, shell, "-c", script), func() {}, nil
}

// ownProcessGroup starts cmd in a process group of its own and makes
// cancelling kill that whole group.
func ownProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	// A grandchild that escaped the group may still hold the output pipe.
	cmd.WaitDelay = 2 * time.Second
}
