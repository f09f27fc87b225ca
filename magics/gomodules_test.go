package magics

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/gopar/gopar/modules"
)

// A cell's %go get lines run before any of its code: without a go command
// the first one fails and the cell's code is not handed on to run.
func TestGoGetsRunBeforeTheCellsCode(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	cell := "fmt.Println(\"before\")\n%go get example.com/m@v1.0.0\nfmt.Println(\"after\")"
	var out bytes.Buffer
	rest, err := GoLinesFirst(context.Background(), cell, &out)
	var ie *modules.ImportError
	if !errors.As(err, &ie) || ie.Msg != "%go get needs the go command, which is not on the PATH: install Go and restart the kernel" {
		t.Fatalf("GoLinesFirst = %q, %v; want the one-line error that Go is needed", rest, err)
	}
	if rest != "" {
		t.Errorf("the cell's code was handed on after a failed %%go get: %q", rest)
	}
}

// Cells without a %go get line with a module come back as they were, and
// nothing runs: %go list, a bare %go get (Run reports its usage in order),
// a "%go get" inside a Go string, a cell magic's body.
func TestGoLinesFirstLeavesOtherCells(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for _, cell := range []string{
		"x := 1\n%go list\nfmt.Println(x)",
		"%go get\nfmt.Println(1)",
		"%go\n%go get",
		"s := `\n%go get example.com/m@v1.0.0\n`\nfmt.Println(s)",
		"%%time\n%go get example.com/m@v1.0.0",
		"v := %go get example.com/m@v1.0.0",
		"%go cgo now\nfmt.Println(1)",
	} {
		var out bytes.Buffer
		rest, err := GoLinesFirst(context.Background(), cell, &out)
		if err != nil || rest != cell || out.Len() != 0 {
			t.Errorf("GoLinesFirst(%q) = %q, %v, printing %q; want the cell unchanged", cell, rest, err, out.String())
		}
	}
}
