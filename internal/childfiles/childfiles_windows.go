package childfiles

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
)

// pass marks each file's handle inheritable and lists it for the child
// (Go starts processes with an explicit list of the handles they inherit,
// so no other process gets them), and names the handles in Env.
func pass(cmd *exec.Cmd, files []*os.File) error {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	handles := make([]string, len(files))
	for i, f := range files {
		h := syscall.Handle(f.Fd())
		if err := syscall.SetHandleInformation(h, syscall.HANDLE_FLAG_INHERIT, syscall.HANDLE_FLAG_INHERIT); err != nil {
			return fmt.Errorf("passing %s to a child process: %w", f.Name(), err)
		}
		cmd.SysProcAttr.AdditionalInheritedHandles = append(cmd.SysProcAttr.AdditionalInheritedHandles, h)
		handles[i] = strconv.FormatUint(uint64(h), 10)
	}
	env := cmd.Env
	if env == nil {
		env = os.Environ()
	}
	cmd.Env = append(env[:len(env):len(env)], Env+"="+strings.Join(handles, ","))
	return nil
}

// open ignores polled: pipes on Windows are read by a goroutine that
// blocks in ReadFile.
func open(i int, name string, polled bool) *os.File {
	handles := strings.Split(os.Getenv(Env), ",")
	if i >= len(handles) {
		return nil
	}
	h, err := strconv.ParseUint(handles[i], 10, 64)
	if err != nil {
		return nil
	}
	return os.NewFile(uintptr(h), name)
}
