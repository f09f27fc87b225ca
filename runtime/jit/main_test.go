package jit

import (
	"fmt"
	"os"
	"testing"
)

// Builds go to a cache of their own, so that tests neither read stale
// builds from the user's cache nor leave theirs there. (The go command's
// own build cache stays where it is: the standard library is compiled
// once.)
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gopar-jit-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cacheDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
