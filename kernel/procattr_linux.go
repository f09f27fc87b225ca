package kernel

import (
	"os/exec"
	"syscall"
)

// dieWithParent makes the worker die with the kernel, even when the kernel
// is killed with SIGKILL and cannot clean up.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
