package kernel

// ParentPIDEnv names the variable jupyter_client sets to the process that
// started the kernel: its pid on Unix, an inheritable handle to it on
// Windows. When that process goes away (a closed terminal took jupyter
// console with it), nobody can reach the kernel any more: it exits, as
// ipykernel does, and takes its worker and the processes cells started
// with it. parentGone (one per system) watches it.
const ParentPIDEnv = "JPY_PARENT_PID"
