package tests

import "testing"

// TestDebugger drives the Jupyter debugger through jupyter_client as
// JupyterLab does: breakpoints on goroutines, stacks, variables, stepping,
// the Variables panel, interrupt and a crash while stopped
// (tests/protocol/test_debugger.py).
func TestDebugger(t *testing.T) { runPython(t, "test_debugger") }
