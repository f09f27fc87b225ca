package tests

import "testing"

// TestModulesThroughJupyterClient imports modules in cells: x/sync and
// gonum bundled, in a kernel without a go command, each program printing
// what `go run` prints (tests/protocol/test_modules.py).
func TestModulesThroughJupyterClient(t *testing.T) { runPython(t, "test_modules") }
