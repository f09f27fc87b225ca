package magics

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

// magic is one entry of the table: its line form, its cell form (either may
// be nil) and the usage text that documents both.
type magic struct {
	name       string
	lineFn     func(*call) (outcome, error)
	cellFn     func(*call) (outcome, error)
	assignable bool   // "v := %name ..." binds its value
	usage      string // first line: synopsis; then what it does and its options
}

// help is the text %name? and %magic name print.
func (m *magic) help() string { return strings.TrimRight(m.usage, "\n") }

var (
	tableOnce sync.Once
	tableMap  map[string]*magic
)

// table is the magics by name. It is built on first use: as a variable
// initialiser it would refer to itself through the help magics that read it.
func table() map[string]*magic {
	tableOnce.Do(func() { tableMap = buildTable() })
	return tableMap
}

func buildTable() map[string]*magic {
	list := []*magic{
		{name: "time", lineFn: timeLine, cellFn: timeCell, assignable: true, usage: timeUsage},
		{name: "timeit", lineFn: timeitLine, cellFn: timeitCell, assignable: true, usage: timeitUsage},
		{name: "memit", lineFn: memitLine, cellFn: memitCell, assignable: true, usage: memitUsage},
		{name: "scaling", lineFn: scalingLine, cellFn: scalingCell, usage: scalingUsage},
		{name: "bash", cellFn: bashCell, usage: bashUsage},
		{name: "sh", cellFn: shCell, usage: shUsage},
		{name: "writefile", cellFn: writefileCell, usage: writefileUsage},
		{name: "native", cellFn: nativeCell, usage: nativeUsage},
		{name: "go", lineFn: goMagicLine, usage: goUsage},
		{name: "cd", lineFn: cdLine, usage: cdUsage},
		{name: "pwd", lineFn: pwdLine, assignable: true, usage: pwdUsage},
		{name: "env", lineFn: envLine, assignable: true, usage: envUsage},
		{name: "args", lineFn: argsLine, assignable: true, usage: argsUsage},
		{name: "who", lineFn: whoLine, usage: whoUsage},
		{name: "whos", lineFn: whosLine, usage: whosUsage},
		{name: "reset", lineFn: resetLine, usage: resetUsage},
		{name: "lsmagic", lineFn: lsmagicLine, usage: lsmagicUsage},
		{name: "magic", lineFn: magicLine, usage: magicUsage},
		{name: "help", lineFn: magicLine, usage: helpUsage},
	}
	t := make(map[string]*magic, len(list))
	for _, m := range list {
		t[m.name] = m
	}
	return t
}

func lookup(name string) *magic { return table()[name] }

// names lists the magics with a line form (cell=false) or a cell form.
func names(cell bool) []string {
	var out []string
	for name, m := range table() {
		if (cell && m.cellFn != nil) || (!cell && m.lineFn != nil) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// notFound is IPython's error for an unknown magic, naming the closest
// known ones, or the other form when only that exists.
func notFound(name string, cell bool) *UsageError {
	if name == "" {
		return usageErrorf("a magic needs a name: %%lsmagic lists them")
	}
	if cell {
		msg := fmt.Sprintf("Cell magic `%%%%%s` not found", name)
		if m := lookup(name); m != nil && m.lineFn != nil {
			return usageErrorf("%s (But line magic `%%%s` exists, did you mean that instead?).", msg, name)
		}
		return usageErrorf("%s.%s", msg, suggest(name, "%%", names(true)))
	}
	msg := fmt.Sprintf("Line magic function `%%%s` not found", name)
	if m := lookup(name); m != nil && m.cellFn != nil {
		return usageErrorf("%s (But cell magic `%%%%%s` exists, did you mean that instead?).", msg, name)
	}
	return usageErrorf("%s.%s", msg, suggest(name, "%", names(false)))
}

// suggest names up to three known magics within a small edit distance, or
// sharing a prefix of at least three letters.
func suggest(name, prefix string, known []string) string {
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	for _, k := range known {
		d := editDistance(strings.ToLower(name), k)
		limit := max(1, min(len(name), len(k))/3)
		if d <= limit || (len(name) >= 3 && (strings.HasPrefix(k, name) || strings.HasPrefix(name, k))) {
			cs = append(cs, cand{k, d})
		}
	}
	if len(cs) == 0 {
		return " %lsmagic lists the magics."
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	if len(cs) > 3 {
		cs = cs[:3]
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = prefix + c.name
	}
	return " Did you mean " + orList(parts) + "?"
}

func orList(xs []string) string {
	switch len(xs) {
	case 1:
		return xs[0]
	case 2:
		return xs[0] + " or " + xs[1]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// editDistance is the Damerau-Levenshtein distance (with adjacent swaps),
// so that "tiemit" is one step from "timeit".
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

const lsmagicUsage = `%lsmagic

List the available magics.`

func lsmagicLine(c *call) (outcome, error) {
	if strings.TrimSpace(c.args) != "" {
		return outcome{}, usageErrorf("%%lsmagic takes no arguments")
	}
	fmt.Fprint(c.out, lsmagicText())
	return outcome{}, nil
}

func lsmagicText() string {
	var b strings.Builder
	b.WriteString("Available line magics:\n")
	for i, n := range names(false) {
		if i > 0 {
			b.WriteString("  ")
		}
		b.WriteString("%" + n)
	}
	b.WriteString("\n\nAvailable cell magics:\n")
	for i, n := range names(true) {
		if i > 0 {
			b.WriteString("  ")
		}
		b.WriteString("%%" + n)
	}
	b.WriteString("\n\n!CMD runs a shell command. %NAME? or %magic NAME shows the usage of a magic.\n")
	return b.String()
}

const magicUsage = `%magic [NAME]

Without NAME, describe every magic; with NAME (timeit, %timeit or %%timeit),
show the usage of that one. %NAME? does the same.`

const helpUsage = `%help [NAME]

The same as %magic: describe every magic, or the one named.`

func magicLine(c *call) (outcome, error) {
	name := strings.TrimLeft(strings.TrimSpace(c.args), "%")
	if name != "" {
		m := lookup(name)
		if m == nil {
			return outcome{}, notFound(name, false)
		}
		fmt.Fprintln(c.out, m.help())
		return outcome{}, nil
	}
	io.WriteString(c.out, magicOverview+"\n")
	for _, n := range allNames() {
		fmt.Fprintf(c.out, "\n%s\n", lookup(n).help())
	}
	return outcome{}, nil
}

func allNames() []string {
	var out []string
	for n := range table() {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

const magicOverview = `Magics are commands to the kernel, not Go. A line magic is a line of its own
starting with %; it may sit between Go lines, and "v := %timeit -o f()" keeps
its value in v. A cell magic starts a cell with %% and takes the whole cell.
A line starting with ! runs in the shell (/bin/sh). Bad options print the
usage and run nothing.`
