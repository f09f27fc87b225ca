package tests

import "testing"

// TestOutputArrivesWholeAndInSync prints multibyte text in bulk and from
// goroutines, closes stdout and forges a sync marker, through jupyter_client
// (tests/protocol/test_output_integrity.py).
func TestOutputArrivesWholeAndInSync(t *testing.T) { runPython(t, "test_output_integrity") }
