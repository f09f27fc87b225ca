package main

import (
	"os"
	"strings"
)

// appendModules adds bench/modules' results (Markdown at path) to the end
// of the report at out, as a section of their own: a module fetched into a
// cell is no part of the comparisons above.
func appendModules(out, path string) error {
	return appendSection(out, path, "Modules in cells: a fetched module against a bundled one")
}

// appendSession adds bench/session's results, a long session against a
// fresh one, as a section of their own.
func appendSession(out, path string) error {
	return appendSection(out, path, "Long sessions: a cell after thousands of cells")
}

// appendSection adds the Markdown at path to the end of the report at out
// under title, its own headings one level down.
func appendSection(out, path, title string) error {
	md, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	doc, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	section := "\n## " + title + "\n\n" + demote(string(md), 1)
	return os.WriteFile(out, []byte(strings.TrimRight(string(doc), "\n")+"\n"+section), 0o644)
}
