package interpreter

import (
	"strings"
	"testing"
)

// TestResultForms checks that a cell's value is handed over by Value when
// fmt prints it right alone, by Result otherwise, and that both read the
// same.
func TestResultForms(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	for _, c := range []string{`import "time"`, "type C float64\nfunc (c C) String() string { return \"C!\" }", "type P struct{ X int }"} {
		if _, e := run(t, s, c); e != nil {
			t.Fatal(e)
		}
	}
	tests := []struct {
		cell, via, text string
	}{
		{"1 + 1", "Value", "2"},
		{`"a" + "b"`, "Value", "ab"},
		{"[]int{1, 2}", "Value", "[1 2]"},
		{"1.5", "Value", "1.5"},
		{"'x'", "Value", "120"},
		{"3 * time.Second", "Value", "3s"},
		{"C(2)", "Result", "C!"},
		{"[]C{1}", "Result", "[C!]"},
		{"P{3}", "Result", "{3}"},
		{"&P{4}", "Result", "&{4}"},
		{"var s interface{ M() }\ns", "Result", "<nil>"},
		{"var e error\ne", "Result", ""},
		{"type E struct{}\nfunc (E) Error() string { return \"E!\" }\nvar e error = E{}\ne", "Result", "E!"},
		{"func two() (int, string) { return 1, \"x\" }\ntwo()", "Result", "1 x"},
	}
	for _, tt := range tests {
		pc, err := parseCell(tt.cell)
		if err != nil {
			t.Fatal(err)
		}
		c, e := s.checkCell(pc, s.cells+1)
		if e != nil {
			t.Fatalf("%s: %v", tt.cell, e)
		}
		prog := s.lowerCell(pc, c, s.cells+1)
		last := prog.file.Decls[len(prog.file.Decls)-1]
		if got := nodeText(pc, last); !strings.Contains(got, cellName+"."+tt.via+"(") {
			t.Errorf("%s: lowered without %s:\n%s", tt.cell, tt.via, got)
		}
		res, e := run(t, s, tt.cell)
		if e != nil {
			t.Fatalf("%s: %v", tt.cell, e)
		}
		if got, _ := res["text/plain"].(string); got != tt.text {
			t.Errorf("%s = %q, want %q", tt.cell, got, tt.text)
		}
	}
}
