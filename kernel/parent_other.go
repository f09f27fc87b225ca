//go:build !unix

package kernel

// ParentPIDEnv names the variable jupyter_client sets to the pid of the
// process that started the kernel; watched on Unix only.
const ParentPIDEnv = "JPY_PARENT_PID"

func parentGone() <-chan struct{} { return nil }
