package tests

import "testing"

// TestFrontEndRequests: exit and quit ask the front end to exit, a
// debug_request is answered, an input request carries the prompt the cell
// printed (tests/protocol/test_front_end_requests.py).
func TestFrontEndRequests(t *testing.T) { runPython(t, "test_front_end_requests") }
