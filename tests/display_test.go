package tests

import "testing"

func TestDisplayThroughJupyterClient(t *testing.T) { runPython(t, "test_display") }
