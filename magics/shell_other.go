//go:build !unix

package magics

import (
	"os/exec"
	"time"
)

// ownProcessGroup only bounds the wait outside Unix: cancelling kills the
// shell itself.
func ownProcessGroup(cmd *exec.Cmd) { cmd.WaitDelay = 2 * time.Second }
