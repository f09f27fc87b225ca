//go:build unix

package childfiles

import (
	"os"
	"os/exec"
	"syscall"
)

func pass(cmd *exec.Cmd, files []*os.File) error {
	cmd.ExtraFiles = files // fds 3, 4, ...
	return nil
}

func open(i int, name string, polled bool) *os.File {
	fd := 3 + i
	if polled {
		_ = syscall.SetNonblock(fd, true)
	}
	return os.NewFile(uintptr(fd), name)
}
