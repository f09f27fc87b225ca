package tests

import "testing"

// TestNothingOutlivesTheFrontEnd kills the process that started a kernel
// while a cell spins and a command it started runs: the kernel, its worker
// and the command all exit (tests/protocol/test_orphans.py).
func TestNothingOutlivesTheFrontEnd(t *testing.T) { runPython(t, "test_orphans") }
