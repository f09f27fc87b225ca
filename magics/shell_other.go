//go:build !unix && !windows

package magics

import (
	"context"
	"os/exec"
	"time"
)

// shellCommand runs script with shell -c.
func shellCommand(ctx context.Context, shell, script string) (*exec.Cmd, func(), error) {
	return exec.CommandContext(ctx, shell, "-c", script), func() {}, nil
}

// ownProcessGroup only bounds the wait outside Unix: cancelling kills the
// shell itself.
func ownProcessGroup(cmd *exec.Cmd) { cmd.WaitDelay = 2 * time.Second }
