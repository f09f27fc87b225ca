package tests

import "testing"

// TestWorkerDeathLosesNothingSilently kills the worker between cells and
// crashes it from a goroutine of an ended cell: the death is published at
// once, the next cell says what was restored, lost variables are undefined
// and the working directory and environment come back
// (tests/protocol/test_state_loss.py).
func TestWorkerDeathLosesNothingSilently(t *testing.T) { runPython(t, "test_state_loss") }
