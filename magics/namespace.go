package magics

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

const whoUsage = `%who [TYPE ...]

List the cell variables, or only those of the given Go types (%who int
float64).`

const whosUsage = `%whos [TYPE ...]

Like %who, with each variable's type and value (long values shortened in the
middle).`

const resetUsage = `%reset [-f]

Start a fresh interpreter: every variable, func and type the cells defined is
gone. There is nothing to confirm in a notebook, so -f is accepted and
changes nothing.`

// visible returns the variables %who shows: sorted, without names starting
// with an underscore, and of the given types when any are given.
func visible(eng Engine, args string) []Variable {
	types := strings.Fields(args)
	var out []Variable
	for _, v := range eng.Globals() {
		if v.Name == "" || strings.HasPrefix(v.Name, "_") {
			continue
		}
		if len(types) > 0 && !contains(types, v.Type) {
			continue
		}
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func contains(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}

func emptyNamespace(args string) string {
	if strings.TrimSpace(args) != "" {
		return "No variables match your requested type."
	}
	return "Interactive namespace is empty."
}

func whoLine(c *call) (outcome, error) {
	vars := visible(c.eng, c.args)
	if len(vars) == 0 {
		fmt.Fprintln(c.out, emptyNamespace(c.args))
		return outcome{}, nil
	}
	fmt.Fprint(c.out, formatWho(vars))
	return outcome{}, nil
}

// formatWho lays names out as IPython does: each followed by a tab and a
// space, nine to a line.
func formatWho(vars []Variable) string {
	var b strings.Builder
	for i, v := range vars {
		b.WriteString(v.Name + "\t ")
		if (i+1)%9 == 0 {
			b.WriteString("\n")
		}
	}
	b.WriteString("\n")
	return b.String()
}

func whosLine(c *call) (outcome, error) {
	vars := visible(c.eng, c.args)
	if len(vars) == 0 {
		fmt.Fprintln(c.out, emptyNamespace(c.args))
		return outcome{}, nil
	}
	fmt.Fprint(c.out, formatWhos(vars))
	return outcome{}, nil
}

// formatWhos is IPython's %whos table: columns as wide as their longest
// entry plus three spaces, values of 50 characters or more cut to their first
// and last 25 around "<...>".
func formatWhos(vars []Variable) string {
	const colsep = 3
	varWidth, typeWidth := len("Variable"), len("Type")
	for _, v := range vars {
		varWidth = max(varWidth, utf8.RuneCountInString(v.Name))
		typeWidth = max(typeWidth, utf8.RuneCountInString(v.Type))
	}
	varWidth += colsep
	typeWidth += colsep
	var b strings.Builder
	b.WriteString(pad("Variable", varWidth) + pad("Type", typeWidth) + " Data/Info\n")
	b.WriteString(strings.Repeat("-", varWidth+typeWidth+len("Data/Info")+1) + "\n")
	for _, v := range vars {
		val := strings.ReplaceAll(v.Value, "\n", `\n`)
		if r := []rune(val); len(r) >= 50 {
			val = string(r[:25]) + "<...>" + string(r[len(r)-25:])
		}
		b.WriteString(pad(v.Name, varWidth) + pad(v.Type, typeWidth) + " " + val + "\n")
	}
	return b.String()
}

func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

func resetLine(c *call) (outcome, error) {
	_, rest, err := parseOptions(c.args, "f")
	if err != nil {
		return outcome{}, err
	}
	if strings.TrimSpace(rest) != "" {
		return outcome{}, usageErrorf("%%reset takes only -f, not %q", strings.TrimSpace(rest))
	}
	return outcome{}, c.eng.Reset()
}
