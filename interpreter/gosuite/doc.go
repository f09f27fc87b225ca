// Package gosuite holds the differential test that runs the "// run"
// programs of Go's own test suite ($GOROOT/test) as gopar cells and
// requires exactly what go run prints. It has no code of its own: see
// gosuite_test.go, excluded.txt and passing.txt.
package gosuite
