package interpreter

import (
	"go/ast"
	"go/format"
	"strings"
	"testing"
)

// lowerOnly runs one pass over a checked cell and prints the result: its
// declarations, then its statements.
func lowerOnly(t *testing.T, setup []string, cell string, pass func(*lowerer, ast.Node)) string {
	t.Helper()
	s, _, _ := newTestSession(t, "")
	for _, c := range setup {
		if _, e := run(t, s, c); e != nil {
			t.Fatalf("setup: %v", e)
		}
	}
	pc, err := parseCell(cell)
	if err != nil {
		t.Fatal(err)
	}
	c, e := s.checkCell(pc, s.cells+1)
	if e != nil {
		t.Fatal(e)
	}
	l := &lowerer{s: s, fset: pc.fset, info: c.info, pkg: c.pkg, cellNo: s.cells + 1, packages: map[string]bool{},
		funcVars: map[string]string{}, funcImpls: map[string]string{}}
	var b strings.Builder
	for _, d := range pc.decls {
		pass(l, d)
		b.WriteString(nodeText(pc, d) + "\n")
	}
	pass(l, c.body)
	for _, st := range c.body.List {
		b.WriteString(nodeText(pc, st) + "\n")
	}
	for _, d := range l.helpers {
		b.WriteString(nodeText(pc, d) + "\n")
	}
	out, err := format.Source([]byte(b.String()))
	if err != nil {
		return b.String()
	}
	return strings.TrimSpace(string(out))
}

func nodeText(pc *parsedCell, n ast.Node) string {
	var b strings.Builder
	clearPositions(n)
	_ = printConfig.Fprint(&b, pc.fset, n)
	return b.String()
}

func TestLoweringPasses(t *testing.T) {
	tests := []struct {
		name  string
		pass  func(*lowerer, ast.Node)
		setup []string
		cell  string
		want  string
	}{
		{
			name: "loop variable per iteration",
			pass: (*lowerer).lowerLoopVar,
			cell: "var fs []func() int\nfor i := 0; i < 3; i++ {\n\tfs = append(fs, func() int { return i })\n}",
			want: "var fs []func() int\nfor _goparL1 := 0; _goparL1 < 3; _goparL1++ {\n\ti := _goparL1\n\tfs = append(fs, func() int {\n\t\treturn i\n\t})\n}",
		},
		{
			name: "loop variable changed in the body",
			pass: (*lowerer).lowerLoopVar,
			cell: "var fs []func() int\nfor i := 0; i < 9; i++ {\n\tif i == 2 {\n\t\ti += 3\n\t\tcontinue\n\t}\n\tfs = append(fs, func() int { return i })\n}",
			want: "var fs []func() int\nfor _goparL1 := 0; _goparL1 < 9; _goparL1++ {\n\ti := _goparL1\n\tif i == 2 {\n\t\ti += 3\n\t\t_goparL1 = i\n\t\tcontinue\n\t}\n\tfs = append(fs, func() int {\n\t\treturn i\n\t})\n\t_goparL1 = i\n}",
		},
		{
			name: "loop without closures left alone",
			pass: (*lowerer).lowerLoopVar,
			cell: "s := 0\nfor _, v := range []int{1, 2} {\n\ts += v\n}",
			want: "s := 0\nfor _, v := range []int{1, 2} {\n\ts += v\n}",
		},
		{
			name: "range over int",
			pass: (*lowerer).lowerRangeInt,
			cell: "n := 4\nfor i := range n {\n\t_ = func() int { return i }\n}",
			want: "n := 4\n{\n\t_goparN1 := n\n\tfor _goparI2 := 0; _goparI2 < _goparN1; _goparI2++ {\n\t\ti := _goparI2\n\t\t_ = func() int {\n\t\t\treturn i\n\t\t}\n\t}\n}",
		},
		{
			name: "range over int counts with the variable",
			pass: (*lowerer).lowerRangeInt,
			cell: "t := 0\nfor i := range 10 {\n\tt += i\n}",
			want: "t := 0\nfor i := 0; i < 10; i++ {\n\tt += i\n}",
		},
		{
			name:  "range over func",
			pass:  (*lowerer).lowerRangeFunc,
			setup: []string{"import \"iter\"\nfunc count(n int) iter.Seq[int] { return func(yield func(int) bool) { for i := 0; i < n; i++ { if !yield(i) { return } } } }"},
			cell:  "func first(limit int) int {\n\tfor v := range count(10) {\n\t\tif v > limit {\n\t\t\treturn v\n\t\t}\n\t\tif v == 1 {\n\t\t\tcontinue\n\t\t}\n\t}\n\treturn -1\n}",
			want:  "func first(limit int) int {\n\t{\n\t\tvar _goparCtl1 int\n\t\tvar _goparRet2 int\n\t\tcount(10)(func(v int) bool {\n\t\t\tif v > limit {\n\t\t\t\t_goparRet2 = v\n\t\t\t\t_goparCtl1 = -1\n\t\t\t\treturn false\n\t\t\t}\n\t\t\tif v == 1 {\n\t\t\t\treturn true\n\t\t\t}\n\t\t\treturn true\n\t\t})\n\t\tif _goparCtl1 == -1 {\n\t\t\treturn _goparRet2\n\t\t}\n\t\t_ = _goparCtl1\n\t}\n\treturn -1\n}",
		},
		{
			name: "min max and clear",
			pass: (*lowerer).lowerBuiltins,
			cell: "x, y := 3, 4\nm := map[string]int{}\n_ = min(x, y) + max(2, 5)\nclear(m)",
			want: "x, y := 3, 4\nm := map[string]int{}\n_ = _goparBuiltinMin(x, y) + int(5)\n{\n\t_goparC1 := m\n\t_goparcell.ClearMap(_goparC1)\n}",
		},
		{
			name:  "defer arguments",
			pass:  (*lowerer).lowerDefer,
			setup: []string{`import "fmt"`},
			cell:  "x := 1\ndefer fmt.Println(\"x\", x)",
			want:  "x := 1\n{\n\t_goparD1 := x\n\tdefer fmt.Println(\"x\", _goparD1)\n}",
		},
		{
			name:  "deferred method",
			pass:  (*lowerer).lowerDefer,
			setup: []string{`import "sync"`},
			cell:  "var wg sync.WaitGroup\ndefer wg.Done()",
			want:  "var wg sync.WaitGroup\n{\n\t_goparD1 := &wg\n\tdefer func(_goparR *sync.WaitGroup) {\n\t\t_goparR.Done()\n\t}(_goparD1)\n}",
		},
		{
			name:  "go statement",
			pass:  (*lowerer).lowerGo,
			setup: []string{"func work(n int) {}"},
			cell:  "k := 2\ngo work(k)",
			want:  "k := 2\n{\n\t_goparArg1 := k\n\tgo func() {\n\t\tdefer func() {\n\t\t\tif _goparP := recover(); _goparP != nil {\n\t\t\t\tif _goparR := _goparcell.Recovered(_goparP); _goparR != nil {\n\t\t\t\t\t_goparcell.GoPanic(\"2:1\", _goparPanicText(_goparR))\n\t\t\t\t}\n\t\t\t}\n\t\t}()\n\t\twork(_goparArg1)\n\t}()\n}",
		},
		{
			name:  "generic type arguments",
			pass:  (*lowerer).lowerGeneric,
			setup: []string{"func Map[T, U any](s []T, f func(T) U) []U { return nil }"},
			cell:  "_ = Map([]int{1}, func(i int) string { return \"\" })",
			want:  "_ = Map[int, string]([]int{1}, func(i int) string {\n\treturn \"\"\n})",
		},
		{
			name:  "method expression",
			pass:  (*lowerer).lowerMethodExpr,
			setup: []string{"type Acc struct{ n int }\nfunc (a Acc) Get() int { return a.n }"},
			cell:  "get := Acc.Get\n_ = get",
			want:  "get := func(_goparRecv Acc) int {\n\treturn _goparRecv.Get()\n}\n_ = get",
		},
		{
			name:  "method value",
			pass:  (*lowerer).lowerMethodValue,
			setup: []string{"type Acc struct{ n int }\nfunc (a Acc) Get() int { return a.n }"},
			cell:  "a := Acc{}\nf := a.Get\n_ = f",
			want:  "a := Acc{}\nf := func() func() int {\n\tvar _goparMV Acc = a\n\treturn func() int {\n\t\treturn _goparMV.Get()\n\t}\n}()\n_ = f",
		},
		{
			name:  "complex constant",
			pass:  (*lowerer).lowerComplex,
			setup: []string{`import "math"`},
			cell:  "c := complex(0, math.Pi)\n_ = c",
			want:  "c := complex128(complex(0.0, 3.141592653589793))\n_ = c",
		},
		{
			name:  "errors.Is",
			pass:  (*lowerer).lowerErrors,
			setup: []string{`import "errors"`},
			cell:  "var e, target error\n_ = errors.Is(e, target)",
		},
		{
			name:  "printing a cell type",
			pass:  (*lowerer).lowerFmt,
			setup: []string{"import \"fmt\"\ntype C int\nfunc (c C) String() string { return \"c\" }"},
			cell:  "fmt.Printf(\"%v %d %T\\n\", C(1), C(2), C(3))",
			want:  "fmt.Printf(\"%v %d %s\\n\", _goparcell.Text(_goparFmt2_1(C(1), 0)), int(C(2)), \"main.C\")",
		},
		{
			name:  "type switch",
			pass:  (*lowerer).lowerTypeSwitch,
			setup: []string{`import "fmt"`},
			cell:  "var v any = 1\nswitch x := v.(type) {\ncase int:\n\tfmt.Println(x)\ncase error, nil:\n\tfmt.Println(x)\n}",
			want:  "var v any = 1\n{\n\t_goparV1 := v\n\t_goparK2 := 0\n\tif _, _goparOK := _goparV1.(int); _goparOK {\n\t\t_goparK2 = 1\n\t} else if _, _goparOK := _goparV1.(error); _goparOK {\n\t\t_goparK2 = 2\n\t} else if _goparV1 == nil {\n\t\t_goparK2 = 2\n\t}\n\tswitch _goparK2 {\n\tcase 1:\n\t\tx := _goparV1.(int)\n\t\t_ = x\n\t\tfmt.Println(x)\n\tcase 2:\n\t\tx := _goparV1\n\t\t_ = x\n\t\tfmt.Println(x)\n\t}\n}",
		},
		{
			name: "recover",
			pass: (*lowerer).lowerPanic,
			cell: "r := recover()\n_ = r",
			want: "r := _goparcell.Recovered(recover())\n_ = r",
		},
		{
			name:  "closure handed to compiled code",
			pass:  (*lowerer).lowerClosureArg,
			setup: []string{`import "sort"`},
			cell:  "xs := []int{2, 1}\nsort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })",
			want:  "xs := []int{2, 1}\n_goparFL1 := func(i, j int) bool {\n\treturn xs[i] < xs[j]\n}\nsort.Slice(xs, _goparFL1)",
		},
		{
			name: "range over a slice of channels",
			pass: (*lowerer).lowerRangeChanSlice,
			cell: "var cs []chan int\nfor _, c := range cs {\n\t_ = c\n}",
			want: "var cs []chan int\n{\n\t_goparS1 := cs\n\tfor _goparK2 := range _goparS1 {\n\t\tc := _goparS1[_goparK2]\n\t\t_ = c\n\t}\n}",
		},
		{
			name:  "closure in a func with defers",
			pass:  (*lowerer).lowerDeferClosure,
			setup: []string{`import "fmt"`},
			cell:  "func f() {\n\tg := func() { fmt.Println(1) }\n\tdefer func() { g() }()\n}",
			want:  "func f() {\n\tg := func() func() {\n\t\treturn func() {\n\t\t\tfmt.Println(1)\n\t\t}\n\t}()\n\tdefer func() {\n\t\tg()\n\t}()\n}",
		},
		{
			name:  "value error boxed",
			pass:  (*lowerer).lowerBox,
			setup: []string{"type V struct{ s string }\nfunc (v V) Error() string { return v.s }"},
			cell:  "func check() error {\n\treturn V{\"bad\"}\n}",
			want:  "func check() error {\n\treturn _goparBox2_1(V{\"bad\"})\n}\nfunc _goparBox2_1(v V) error {\n\treturn &v\n}",
		},
		{
			name: "top-level definitions",
			pass: func(l *lowerer, n ast.Node) {},
			cell: "x := 1\nvar y, z = 2, 3",
			want: "x := 1\nvar y, z = 2, 3",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lowerOnly(t, tt.setup, tt.cell, tt.pass)
			if tt.want == "" {
				t.Logf("\n%s", got)
				if !strings.Contains(got, "_goparErr") {
					t.Errorf("errors.Is not rewritten:\n%s", got)
				}
				return
			}
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
