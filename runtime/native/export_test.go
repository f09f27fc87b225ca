package native

import "testing"

// BuildTestLibrary lets the external tests (cell_test.go) use the C library
// the FFI tests build.
func BuildTestLibrary(t *testing.T) string { return buildTestLibrary(t) }
