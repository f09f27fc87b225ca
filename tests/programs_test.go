package tests

import "testing"

// TestWholeProgramsThroughJupyterClient pastes complete Go programs into
// cells: hello world, goroutines with a WaitGroup, a program reading flags
// (set with %args and os.Args), exit statuses and a panic in main
// (tests/protocol/test_programs.py).
func TestWholeProgramsThroughJupyterClient(t *testing.T) { runPython(t, "test_programs") }
