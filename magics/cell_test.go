package magics

import (
	"errors"
	"reflect"
	"testing"
)

func TestSplitCell(t *testing.T) {
	g := func(line int, text string) segment { return segment{kind: goSegment, text: text, line: line} }
	sh := func(line int, text string) segment { return segment{kind: shellSegment, text: text, line: line} }
	mg := func(line int, text string) segment { return segment{kind: magicSegment, text: text, line: line} }
	tests := []struct {
		name string
		cell string
		want []segment
	}{
		{"go only", "x := 1\nfmt.Println(x)", []segment{g(0, "x := 1\nfmt.Println(x)")}},
		{"shell between go", "x := 1\n!ls -l\ny := 2", []segment{g(0, "x := 1"), sh(1, "ls -l"), g(2, "y := 2")}},
		{"indented shell", "  !echo hi", []segment{sh(0, "echo hi")}},
		{"line magic", "%time f()\nx", []segment{mg(0, "time f()"), g(1, "x")}},
		{"assignment", "res := %timeit -o f()\nfmt.Println(res)", []segment{
			{kind: magicSegment, text: "timeit -o f()", line: 0, assign: "res", define: true}, g(1, "fmt.Println(res)")}},
		{"plain assignment", "res = %memit f()", []segment{
			{kind: magicSegment, text: "memit f()", assign: "res"}}},
		{"negation is go", "ok := !done\nx = !y", []segment{g(0, "ok := !done\nx = !y")}},
		{"operator continues", "ok := a &&\n\t!b\nc := 1", []segment{g(0, "ok := a &&\n\t!b\nc := 1")}},
		{"inside call", "f(a,\n!b)", []segment{g(0, "f(a,\n!b)")}},
		{"raw string", "s := `\n%d\n!x\n`\n!pwd", []segment{g(0, "s := `\n%d\n!x\n`"), sh(4, "pwd")}},
		{"block comment", "/*\n!x\n*/\n!pwd", []segment{g(0, "/*\n!x\n*/"), sh(3, "pwd")}},
		{"after a block", "for i := 0; i < 2; i++ {\n}\n!ls", []segment{g(0, "for i := 0; i < 2; i++ {\n}"), sh(2, "ls")}},
		{"line comment", "x := 1 // note\n!ls", []segment{g(0, "x := 1 // note"), sh(1, "ls")}},
		{"continued shell", "!echo a \\\n  b\nx", []segment{sh(0, "echo a \\\n  b"), g(2, "x")}},
		{"blank go dropped", "\n!ls\n\n", []segment{sh(1, "ls")}},
		{"go modulo is go", "x %= 3\ny := x % 2", []segment{g(0, "x %= 3\ny := x % 2")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := splitCell(tt.cell)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, %v\nwant %+v", got, err, tt.want)
			}
		})
	}
}

func TestSplitCellMagicInBlock(t *testing.T) {
	_, err := splitCell("for n := 1; n < 9; n++ {\n\tt := %timeit -o f(n)\n}")
	var ue *UsageError
	if !errors.As(err, &ue) {
		t.Fatalf("err %v, want a UsageError", err)
	}
	want := "line 2: %timeit -o f(n) must stand at the top level of a cell, not inside a Go block (inside loops, call profile.Timeit or profile.MemoryUsage)"
	if ue.Msg != want {
		t.Errorf("got  %q\nwant %q", ue.Msg, want)
	}
}

func TestGoState(t *testing.T) {
	tests := []struct {
		src  string
		want goStatus
	}{
		{"", goComplete},
		{"x := 1", goComplete},
		{"f()", goComplete},
		{"if x {\n}", goComplete},
		{"if x {", goOpenBlock},
		{"f(a,", goOpenBlock},
		{"x := a +", goUnfinished},
		{"x := a.", goUnfinished},
		{"s := `abc", goUnfinished},
		{"/* open", goUnfinished},
		{"x := 1 // c", goComplete},
		{"return", goComplete},
	}
	for _, tt := range tests {
		if got := goState(tt.src); got != tt.want {
			t.Errorf("goState(%q) = %d, want %d", tt.src, got, tt.want)
		}
	}
}

func TestCellMagic(t *testing.T) {
	tests := []struct {
		cell       string
		name, args string
		body       string
		bodyLine   int
		ok         bool
	}{
		{"%%time\nf()", "time", "", "f()", 1, true},
		{"\n  \n%%timeit -n 3 x := 1\nf(x)\ng(x)", "timeit", "-n 3 x := 1", "f(x)\ng(x)", 3, true},
		{"%%writefile a.txt", "writefile", "a.txt", "", 1, true},
		{"%%timeit?", "timeit?", "", "", 1, true},
		{"x := 1\n%%time", "", "", "", 0, false},
		{"%time f()", "", "", "", 0, false},
	}
	for _, tt := range tests {
		name, args, body, line, ok := cellMagic(tt.cell)
		if name != tt.name || args != tt.args || body != tt.body || line != tt.bodyLine || ok != tt.ok {
			t.Errorf("cellMagic(%q) = %q %q %q %d %v", tt.cell, name, args, body, line, ok)
		}
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct{ in, name, args string }{
		{"timeit -n 3 f()", "timeit", "-n 3 f()"},
		{"timeit?", "timeit?", ""},
		{"lsmagic", "lsmagic", ""},
		{"env  A=1", "env", " A=1"},
		{" x", "", "x"},
	}
	for _, tt := range tests {
		if n, a := splitName(tt.in); n != tt.name || a != tt.args {
			t.Errorf("splitName(%q) = %q, %q", tt.in, n, a)
		}
	}
}
