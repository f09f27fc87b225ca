package tests

import "testing"

func TestMagicsThroughJupyterClient(t *testing.T) { runPython(t, "test_magics") }
