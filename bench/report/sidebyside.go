package main

import (
	"fmt"
	"strings"
)

// The side-by-side suites of issue 20: constructs against CPython and
// compiled Go (bench/constructs) and whole programs against CPython
// (bench/programs). Each writes its own Markdown; the report holds it as
// a section and takes the headline figures into the summary.

const (
	constructsHeading = "## Constructs against CPython and compiled Go"
	programsHeading   = "## Whole programs against CPython"
)

// sideBySide is what the report knows of the two suites' results.
type sideBySide struct {
	constructs, programs string // their Markdown, "" when not given
}

// sections renders the suites' sections, each under its heading.
func (s sideBySide) sections() []section {
	var out []section
	if s.constructs != "" {
		out = append(out, section{constructsHeading, constructsHeading + "\n\n" +
			"How: `bench/constructs/run.sh` (its own description follows), in the same run or alone.\n\n" + demote(s.constructs, 1)})
	}
	if s.programs != "" {
		out = append(out, section{programsHeading, programsHeading + "\n\n" +
			"How: `bench/programs/run.sh` (its own description follows), in the same run or alone.\n\n" + demote(s.programs, 1)})
	}
	return out
}

// summaryRow is one line of the summary table from a suite's results.
type summaryRow struct {
	label, gopar, other, ratio, target, met string
	point                                   ratioPoint
}

// summary reads the headline figures of the suites' tables.
func (s sideBySide) summary() ([]summaryRow, error) {
	var rows []summaryRow
	if s.programs != "" {
		t, ok := findTable(s.programs, "summary")
		if !ok {
			return nil, fmt.Errorf("no summary table in the whole programs' results")
		}
		for _, r := range t.rows {
			if len(r) < 3 {
				continue
			}
			x, ok := number(r[1])
			if !ok {
				continue
			}
			switch {
			case strings.HasPrefix(r[0], "geometric mean"):
				rows = append(rows, summaryRow{label: "whole programs against CPython, " + r[0], ratio: r[1], target: r[2], met: yesNo(x <= 1),
					point: ratioPoint{label: "programs vs CPython (geo. mean)", ratio: x, target: 1}})
			case strings.HasPrefix(r[0], "worst program"):
				rows = append(rows, summaryRow{label: "whole programs against CPython, " + r[0], ratio: r[1], target: r[2], met: yesNo(x <= 3),
					point: ratioPoint{label: "worst program vs CPython", ratio: x, target: 3}})
			case strings.HasPrefix(r[0], "programs gopar failed"):
				rows = append(rows, summaryRow{label: r[0], ratio: r[1], target: r[2], met: yesNo(x == 0)})
			}
		}
	}
	if s.constructs != "" {
		t, ok := findTable(s.constructs, "construct")
		if !ok {
			return nil, fmt.Errorf("no construct table in the constructs' results")
		}
		py, g, ratio := t.column("cpython, ns"), t.column("gopar, ns"), t.column("gopar / cpython")
		if py < 0 || g < 0 || ratio < 0 {
			return nil, fmt.Errorf("the construct table lacks a column: %q", t.header)
		}
		worst, worstRatio, over, n := -1, 0.0, 0, 0
		for i, r := range t.rows {
			if len(r) <= max(py, g, ratio) {
				continue
			}
			x, ok := number(r[ratio])
			if !ok {
				continue
			}
			n++
			if x > 1 {
				over++
			}
			if x > worstRatio {
				worst, worstRatio = i, x
			}
		}
		if worst >= 0 {
			r := t.rows[worst]
			rows = append(rows, summaryRow{
				label: fmt.Sprintf("constructs against CPython, ns per operation (worst of %d: %s; %d slower than CPython)", n, r[0], over),
				gopar: r[g] + " ns", other: r[py] + " ns (CPython)", ratio: r[ratio], target: "≤ 1.0", met: yesNo(worstRatio <= 1),
				point: ratioPoint{label: "worst construct vs CPython", ratio: worstRatio, target: 1}})
		}
		if m, ok := findTable(s.constructs, "per goroutine"); ok {
			gc, cc, rc := m.column("gopar"), m.column("compiled go"), m.column("gopar / compiled")
			for _, r := range m.rows {
				if len(r) <= max(gc, cc, rc) || gc < 0 || cc < 0 || rc < 0 || !strings.HasPrefix(r[0], "memory: stacks") {
					continue
				}
				if x, ok := number(r[rc]); ok {
					rows = append(rows, summaryRow{label: "memory per sleeping goroutine (stacks + heap), against compiled Go",
						gopar: r[gc], other: r[cc] + " (compiled Go)", ratio: r[rc], target: "≤ 2", met: yesNo(x <= 2),
						point: ratioPoint{label: "goroutine memory vs compiled", ratio: x, target: 2}})
				}
			}
		}
	}
	return rows, nil
}

// line is the row as the summary table prints it.
func (s summaryRow) line() string {
	return fmt.Sprintf("| %s | %s | %s | %s | %s | %s |", s.label, s.gopar, s.other, s.ratio, s.target, s.met)
}

// summaryPrefixes start the labels of the suites' summary rows.
var summaryPrefixes = []string{"| whole programs against CPython", "| programs gopar failed", "| constructs against CPython", "| memory per sleeping goroutine"}

// spliceSummary puts rows into the summary table of doc in place of the
// suites' earlier rows, before the kernel's memory (or at the table's
// end); a document without a summary table is returned as it is.
func spliceSummary(doc string, rows []summaryRow) string {
	i := headingAt(doc, "## Summary")
	if i < 0 {
		return doc
	}
	lines := strings.Split(doc[i:], "\n")
	var kept []string
	start, end := -1, -1
	for n, l := range lines {
		if start < 0 {
			if isRow(l) {
				start = n
			}
		} else if !isRow(l) {
			end = n
			break
		}
	}
	if start < 0 {
		return doc
	}
	if end < 0 {
		end = len(lines)
	}
	at := -1
	for _, l := range lines[start:end] {
		mine := false
		for _, p := range summaryPrefixes {
			mine = mine || strings.HasPrefix(l, p)
		}
		if mine {
			continue
		}
		if at < 0 && strings.HasPrefix(l, "| kernel memory idle") {
			at = len(kept)
		}
		kept = append(kept, l)
	}
	if at < 0 {
		at = len(kept)
	}
	var mine []string
	for _, r := range rows {
		mine = append(mine, r.line())
	}
	table := append(append(append([]string{}, kept[:at]...), mine...), kept[at:]...)
	out := append(append(append([]string{}, lines[:start]...), table...), lines[end:]...)
	return doc[:i] + strings.Join(out, "\n")
}

// section is a part of the report under a second-level heading.
type section struct {
	heading, text string
}

// splice puts sections into doc, each in place of the section of the same
// heading (up to the next second-level heading) or, when doc has none,
// before the heading before (or at the end), and returns the new document.
func splice(doc string, sections []section, before string) string {
	for _, s := range sections {
		text := strings.TrimRight(s.text, "\n") + "\n\n"
		if i := headingAt(doc, s.heading); i >= 0 {
			end := len(doc)
			if j := strings.Index(doc[i+len(s.heading):], "\n## "); j >= 0 {
				end = i + len(s.heading) + j + 1
			}
			doc = doc[:i] + text + doc[end:]
			continue
		}
		if i := headingAt(doc, before); i >= 0 {
			doc = doc[:i] + text + doc[i:]
			continue
		}
		doc = strings.TrimRight(doc, "\n") + "\n\n" + text
	}
	return strings.TrimRight(doc, "\n") + "\n"
}

// headingAt is the index of heading as a line of its own in doc, or -1.
func headingAt(doc, heading string) int {
	if strings.HasPrefix(doc, heading+"\n") {
		return 0
	}
	if i := strings.Index(doc, "\n"+heading+"\n"); i >= 0 {
		return i + 1
	}
	return -1
}

// nativeHeading is the section the suites' sections come before.
const nativeHeading = "## Native kernels, against C"
