package tests

import "testing"

// TestReplayedMessagesAreDropped re-sends captured signed messages, before
// and after a restart with the same key, and starts kernels with every
// signature scheme jupyter_client accepts (tests/protocol/test_replay.py).
func TestReplayedMessagesAreDropped(t *testing.T) { runPython(t, "test_replay") }
