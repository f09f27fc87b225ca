package interpreter

import (
	"strings"
	"testing"
)

// TestWholePrograms: a cell may be a program as go run takes it. Its
// package clause is accepted, its inits run after its package variables
// are set, then main; running the cell again runs the program again.
func TestWholePrograms(t *testing.T) {
	tests := []struct {
		name   string
		cells  []string // each must succeed
		stdout string
		stderr string
	}{
		{name: "hello world", cells: []string{"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello, world\")\n}\n"}, stdout: "hello, world\n"},
		{
			name: "goroutines with a WaitGroup",
			cells: []string{`package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make([]int, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(results)
}`},
			stdout: "[0 1 4 9 16 25 36 49]\n",
		},
		{
			name: "package variables, then inits in order, then main",
			cells: []string{`package main

import "fmt"

var total = 1

func init() { total *= 10; fmt.Println("init 1:", total) }

func main() { fmt.Println("main:", total) }

func init() { total += 5; fmt.Println("init 2:", total) }
`},
			stdout: "init 1: 10\ninit 2: 15\nmain: 15\n",
		},
		{
			name:   "run again runs the program again",
			cells:  []string{"package main\nimport \"fmt\"\nvar runs int\nfunc main() { runs++; fmt.Println(runs) }", "package main\nimport \"fmt\"\nvar runs int\nfunc main() { runs++; fmt.Println(runs) }"},
			stdout: "1\n1\n",
		},
		{
			name:   "the program's declarations stay for later cells",
			cells:  []string{"package main\nfunc square(x int) int { return x * x }\nfunc main() {}", "import \"fmt\"\nfmt.Println(square(7))"},
			stdout: "49\n",
		},
		{
			name:   "os.Exit(0) ends the program as a success",
			cells:  []string{"package main\nimport (\"fmt\"; \"os\")\nfunc main() { fmt.Println(\"before\"); os.Exit(0); fmt.Println(\"after\") }"},
			stdout: "before\n",
		},
		{
			name:   "a program reading flag takes os.Args",
			cells:  []string{`import "os"`, `os.Args = []string{"prog", "-n", "7", "extra"}`, flagProgram},
			stdout: "n = 7, args = [extra]\n",
		},
		{
			name:   "each run parses its own flags, with defaults",
			cells:  []string{flagProgram, flagProgram},
			stdout: "n = 3, args = []\nn = 3, args = []\n",
		},
		{
			name:   "os.Args assigned from a call or a literal",
			cells:  []string{`import ("fmt"; "os")`, `os.Args = append([]string{"a"}, "b")`, `fmt.Println(os.Args)`, `os.Args = []string{"c"}`, `fmt.Println(os.Args)`},
			stdout: "[a b]\n[c]\n",
		},
		{
			name: "package variables in dependency order, through funcs and methods",
			cells: []string{`package main

import "fmt"

var (
	a = b + 1
	b = f()
)

func f() int { return c.double() }

var c = counter(3)

type counter int

func (n counter) double() int { return int(n) * int(d) }

var d = 2

func main() { fmt.Println(a, b, c, d) }
`},
			stdout: "7 6 3 2\n",
		},
		{
			name:   "a package other than main",
			cells:  []string{"package geometry\n\nfunc Area(w, h float64) float64 { return w * h }", "import \"fmt\"\nfmt.Println(Area(2, 3))"},
			stdout: "6\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, out, errb := newTestSession(t, "")
			runAll(t, s, errb, tt.cells)
			if out.String() != tt.stdout {
				t.Errorf("stdout = %q, want %q", out.String(), tt.stdout)
			}
			if errb.String() != tt.stderr {
				t.Errorf("stderr = %q, want %q", errb.String(), tt.stderr)
			}
		})
	}
}

const flagProgram = `package main

import (
	"flag"
	"fmt"
)

var n = flag.Int("n", 3, "how many")

func main() {
	flag.Parse()
	fmt.Printf("n = %d, args = %v\n", *n, flag.Args())
}
`

// TestProgramFlagErrors: a bad flag ends the program as flag.Parse does,
// with the usage on stderr and exit status 2; the session goes on.
func TestProgramFlagErrors(t *testing.T) {
	s, _, errb := newTestSession(t, "")
	runAll(t, s, errb, []string{`import "os"`, `os.Args = []string{"prog", "-bad"}`})
	_, e := run(t, s, flagProgram)
	if e == nil || e.Name != "Exit" || !strings.Contains(e.Value, "os.Exit(2)") {
		t.Fatalf("got %v, want an Exit error with status 2", e)
	}
	for _, want := range []string{"flag provided but not defined: -bad", "Usage of prog:", "-n int"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb)
		}
	}
	runAll(t, s, errb, []string{`os.Args = []string{"prog", "-h"}`, flagProgram}) // -h exits 0
	if res, e := run(t, s, "1 + 1"); e != nil || res["text/plain"] != "2" {
		t.Errorf("after the program: %v %v", res, e)
	}
}
