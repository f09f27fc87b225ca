package interpreter

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestComplete(t *testing.T) {
	setup := []string{
		"import (\"fmt\"; \"strings\"; \"slices\")",
		"type Person struct {\n\tName string\n\tAge  int\n}\n\nfunc (p Person) Greet() string { return \"hi \" + p.Name }",
		"bob := Person{Name: \"Bob\"}\nñandú := 3",
	}
	tests := []struct {
		name       string
		code       string
		cursor     int // code points; -1 = end
		want       []string
		notWant    []string
		start, end int // -1 = cursor
	}{
		{name: "package members", code: "fmt.Pri", cursor: -1, want: []string{"Print", "Printf", "Println"}, notWant: []string{"Sprint"}, start: 4},
		{name: "fields and methods", code: "bob.", cursor: -1, want: []string{"Age", "Greet", "Name"}, start: 4},
		{name: "fields in a call", code: "fmt.Println(bob.N", cursor: -1, want: []string{"Name"}, start: 16},
		{name: "method of a result", code: "strings.ToUpper(bob.Greet()).", cursor: -1, want: []string{}, start: 29},
		{name: "cell names", code: "bo", cursor: -1, want: []string{"bob"}, start: 0},
		{name: "non-ASCII name", code: "x := ña", cursor: -1, want: []string{"ñandú"}, start: 5},
		{name: "local of a func", code: "func f(alpha int) {\n\tal", cursor: -1, want: []string{"alpha"}, start: 21},
		{name: "in the middle of a line", code: "x := str + 1", cursor: 8, want: []string{"strings", "string"}, start: 5},
		{name: "generic std package", code: "slices.So", cursor: -1, want: []string{"Sort", "SortFunc", "Sorted"}, start: 7},
		{name: "keywords and builtins", code: "ran", cursor: -1, want: []string{"range"}, start: 0},
		{name: "after a non-ASCII string", code: "s := \"héllo\" + bob.Na", cursor: -1, want: []string{"Name"}, start: 19},
	}
	s, _, _ := newTestSession(t, "")
	for _, c := range setup {
		if _, e := run(t, s, c); e != nil {
			t.Fatal(e)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cursor := tt.cursor
			if cursor < 0 {
				cursor = utf8.RuneCountInString(tt.code)
			}
			matches, start, end := s.Complete(tt.code, cursor)
			for _, w := range tt.want {
				if !slices.Contains(matches, w) {
					t.Errorf("matches %v lack %q", matches, w)
				}
			}
			for _, w := range tt.notWant {
				if slices.Contains(matches, w) {
					t.Errorf("matches %v have %q", matches, w)
				}
			}
			if start != tt.start || end != cursor {
				t.Errorf("start, end = %d, %d, want %d, %d", start, end, tt.start, cursor)
			}
		})
	}
}

func TestInspect(t *testing.T) {
	setup := []string{
		`import "strings"`,
		"// Area is the area of a w by h rectangle.\nfunc Area(w, h float64) float64 { return w * h }",
		"total := 42",
	}
	tests := []struct {
		name   string
		code   string
		cursor int
		want   []string // substrings of text/plain
	}{
		{name: "std func", code: "strings.Repeat(\"a\", 3)", cursor: 10, want: []string{"func Repeat(s string, count int) string", "Repeat returns a new string"}},
		{name: "std package", code: "strings.Repeat", cursor: 3, want: []string{"package strings", "Package strings implements simple functions"}},
		{name: "cell func", code: "Area(2, 3)", cursor: 2, want: []string{"func Area(w float64, h float64) float64", "Area is the area of a w by h rectangle."}},
		{name: "cell variable", code: "total + 1", cursor: 1, want: []string{"var total int = 42"}},
		{name: "std method", code: "var b strings.Builder\nb.WriteString(\"x\")", cursor: 27, want: []string{"WriteString appends the contents of s to b's buffer"}},
	}
	s, _, _ := newTestSession(t, "")
	for _, c := range setup {
		if _, e := run(t, s, c); e != nil {
			t.Fatal(e)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, found := s.Inspect(tt.code, tt.cursor, 0)
			if !found {
				t.Fatal("not found")
			}
			text, _ := data["text/plain"].(string)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q:\n%s", w, text)
				}
			}
			if md, _ := data["text/markdown"].(string); md == "" {
				t.Error("no text/markdown")
			}
		})
	}
}

func TestIsComplete(t *testing.T) {
	tests := []struct {
		code, status, indent string
	}{
		{"x := 1", "complete", ""},
		{"for i := range 3 {", "incomplete", "\t"},
		{"func f() {\n\tif true {", "incomplete", "\t\t"},
		{"s := `raw", "incomplete", ""},
		{"x := 1 +", "incomplete", ""},
		{"x := )", "invalid", ""},
		{"", "complete", ""},
		{"import \"fmt\"\nfmt.Println(1)", "complete", ""},
		// Open brackets: incomplete only if a suffix can complete the code.
		{"func ( {", "invalid", ""},
		{"func f(a int, {", "invalid", ""},
		{"for i := range 3 {\n\tx := ]", "invalid", ""},
		{"x := 1\ny := (2 +) * (", "invalid", ""},
		{"fmt.Println(1,", "incomplete", "\t"},
		{"x := []int{1, 2", "incomplete", "\t"},
		{"if x > 0 {\n\tfmt.Println(", "incomplete", "\t\t"},
		{"m := map[string]int{\n\t\"a\": 1,\n\t\"b\":", "incomplete", "\t"},
		{"func f() (int, error) {", "incomplete", "\t"},
		{"package main\n\nfunc main() {", "incomplete", "\t"},
		{"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(1)\n}", "complete", ""},
		{"}", "invalid", ""},
		{"f(a]", "invalid", ""},
		{"s := \"(\" + `{`", "complete", ""},
	}
	for _, tt := range tests {
		status, indent := IsComplete(tt.code)
		if status != tt.status || indent != tt.indent {
			t.Errorf("IsComplete(%q) = %q, %q, want %q, %q", tt.code, status, indent, tt.status, tt.indent)
		}
	}
}
