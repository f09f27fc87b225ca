// Package celltest runs Go source the way a notebook cell runs: in a yaegi
// interpreter that has the standard library and gopar's symbol tables. The
// runtime packages' tests use it to prove that their API works from
// interpreted code, not only from compiled tests.
package celltest

import (
	"bytes"
	"sync"
	"testing"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gopar/gopar/symbols"
	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// Run evaluates src (a main package) and returns what it printed.
func Run(t testing.TB, src string) string {
	t.Helper()
	var out, errOut lockedBuffer
	i := interp.New(interp.Options{Stdout: &out, Stderr: &errOut})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := i.Use(symbols.Symbols); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(src); err != nil {
		t.Fatalf("cell failed: %v\nstdout:\n%s\nstderr:\n%s", err, out.String(), errOut.String())
	}
	return out.String()
}

// lockedBuffer collects output written from many goroutines at once, as
// the worker's stdout pipe does.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
