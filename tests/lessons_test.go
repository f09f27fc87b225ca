package tests

import "testing"

// TestLessonsThroughNbclient executes the nine episode notebooks in lessons/
// with nbclient and checks their key outputs (tests/protocol/test_lessons.py).
func TestLessonsThroughNbclient(t *testing.T) { runPython(t, "test_lessons") }
