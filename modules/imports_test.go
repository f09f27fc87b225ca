package modules

import (
	"slices"
	"testing"
)

func TestImportsOfCellsProgramsAndMagics(t *testing.T) {
	cases := []struct {
		code string
		want []string
	}{
		{`import "github.com/dustin/go-humanize"`, []string{"github.com/dustin/go-humanize"}},
		{"package main\n\nimport (\n\t\"fmt\"\n\th \"example.com/a/b\"\n\t. \"example.com/dot\"\n\t_ \"example.com/blank\"\n)\n\nfunc main() { fmt.Println(h.X) }",
			[]string{"fmt", "example.com/a/b", "example.com/dot", "example.com/blank"}},
		{"x := 1\nimport \"example.com/late\"\n", []string{"example.com/late"}},
		// Only top-level declarations import: not a string, not a body.
		{`s := "import \"example.com/no\""` + "\nfunc f() { _ = `import \"example.com/no\"` }", nil},
		{"%%bash\nimport \"example.com/no\"\n", nil},
		{"%%time\nimport \"example.com/yes\"\n", []string{"example.com/yes"}},
		{"%go get example.com/m@v1.0.0\n", nil},
		{"import \"a.com/x\"\nimport \"a.com/x\"", []string{"a.com/x"}},
	}
	for _, c := range cases {
		if got := Imports(c.code); !slices.Equal(got, c.want) {
			t.Errorf("Imports(%q) = %q, want %q", c.code, got, c.want)
		}
	}
}

func TestUnbundledLeavesOutStdRuntimeAndBundledModules(t *testing.T) {
	got := Unbundled([]string{"fmt", "net/http", "gopar/async", "golang.org/x/sync/errgroup",
		"gonum.org/v1/gonum/mat", "gonum.org/v1/plot", "github.com/dustin/go-humanize", "example.com/m/v2"})
	want := []string{"example.com/m/v2", "github.com/dustin/go-humanize"}
	if !slices.Equal(got, want) {
		t.Errorf("Unbundled = %q, want %q", got, want)
	}
}
