package interpreter

import (
	"go/parser"
	"go/token"
	"testing"
)

func TestRunsNoCode(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"func f() int { return 1 }\ntype T struct{}\nfunc (T) init() {}\nconst N = 2\nvar x int", true},
		{`import "fmt"` + "\nvar _ = fmt.Sprint", false},
		{"func init() {}", false},
		{"var a, b int\nvar c = 3", false},
	}
	for _, tt := range tests {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package main\n"+tt.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := runsNoCode(f); got != tt.want {
			t.Errorf("runsNoCode(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestDeclarationsRunCode checks cells whose declarations run code when
// they are made, and cells whose declarations do not compile.
func TestDeclarationsRunCode(t *testing.T) {
	s, out, _ := newTestSession(t, "")
	if _, e := run(t, s, "import \"fmt\"\nfunc init() { fmt.Println(\"init ran\") }"); e != nil {
		t.Fatal(e)
	}
	if got := out.String(); got != "init ran\n" {
		t.Errorf("output %q, want the init func's", got)
	}
	_, e := run(t, s, "type T struct{ A int }\nfunc (t T) Get() int {\n\treturn t.B\n}")
	if e == nil || e.Value != "3:11: t.B undefined (type T has no field or method B)" {
		t.Errorf("got %v", e)
	}
	if res, e := run(t, s, "func sq(x int) int { return x * x }\nsq(7)"); e != nil || res["text/plain"] != "49" {
		t.Errorf("got %v %v", res, e)
	}
}
