package tests

import "testing"

// TestHardeningThroughJupyterClient sends the kernel what a workshop room
// does: bad signatures, garbage and huge frames, malformed messages, thirty
// kernels at once, every core busy, restarts under load, a cell past the
// memory limit (tests/protocol/test_hardening.py).
func TestHardeningThroughJupyterClient(t *testing.T) { runPython(t, "test_hardening") }
