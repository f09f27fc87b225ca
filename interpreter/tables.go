package interpreter

import (
	"slices"
	"strconv"
)

// The session's tables of declarations, variables and func variables
// change only through the methods here, which keep three promises cheap to
// keep as a session grows. The check base learns what changed since it last
// looked, not everything again (baseChanges). Complete and Inspect, which
// run beside a cell, copy the tables holding viewMu (current), so every
// write holds it too; the cell's own goroutine reads them without it.
// Snapshot and GlobalNames, which the worker asks for after every cell,
// are made again only when a write changed tablesVersion.

// baseChanges is what changed in the session's declarations and variables
// since the check base last caught up with them (checkbase.go).
type baseChanges struct {
	replaced bool            // a declaration the base may hold was replaced or dropped
	appended int             // declarations recorded at the end since
	globals  map[string]bool // variables set or deleted since
}

// record keeps r as the latest version of its declaration.
func (s *Session) record(r declRecord) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.versions.decls++
	if i := slices.IndexFunc(s.decls, func(d declRecord) bool { return d.key == r.key }); i >= 0 {
		s.removeDecl(i)
	}
	s.decls = append(s.decls, r)
	s.changes.appended++
}

// dropKey forgets the declaration with key.
func (s *Session) dropKey(key string) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.versions.decls++
	if i := slices.IndexFunc(s.decls, func(d declRecord) bool { return d.key == key }); i >= 0 {
		s.removeDecl(i)
	}
}

// dropDecl forgets the func, type or const called name.
func (s *Session) dropDecl(name string) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.versions.decls++
	for i := len(s.decls) - 1; i >= 0; i-- {
		if r := s.decls[i]; r.kind != recImport && r.kind != recMethod && declName(r.key) == name {
			s.removeDecl(i)
		}
	}
}

// removeDecl removes the i-th record into a new slice: a view may hold the
// old one. Appending needs no copy, as a view's slice ends before.
func (s *Session) removeDecl(i int) {
	if i >= len(s.decls)-s.changes.appended {
		s.changes.appended--
	} else if r := s.decls[i]; r.kind != recImport && !s.base.holdsAgain(r.key) {
		s.changes.replaced = true // imports are each cell file's own
	}
	s.decls = slices.Concat(s.decls[:i], s.decls[i+1:])
}

// setGlobal makes g a variable of the session.
func (s *Session) setGlobal(g *globalVar) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.versions.globals++
	if _, ok := s.globals[g.name]; !ok {
		i, _ := slices.BinarySearch(s.globalNames, g.name)
		s.globalNames = slices.Insert(s.globalNames, i, g.name)
	}
	s.globals[g.name] = g
	s.noteGlobal(g.name)
}

// deleteGlobal forgets the variable name, if the session has it.
func (s *Session) deleteGlobal(name string) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.versions.globals++
	if _, ok := s.globals[name]; ok {
		delete(s.globals, name)
		if i, found := slices.BinarySearch(s.globalNames, name); found {
			s.globalNames = slices.Delete(s.globalNames, i, i+1)
		}
		s.noteGlobal(name)
	}
}

func (s *Session) noteGlobal(name string) {
	if s.changes.globals == nil {
		s.changes.globals = map[string]bool{}
	}
	s.changes.globals[name] = true
}

// setFunc records that the cell func name is held in a variable of
// signature sig, implemented by impl.
func (s *Session) setFunc(name, sig, impl string) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.funcs[name] = sig
	s.funcImpls[name] = impl
}

// deleteFunc forgets the cell func name.
func (s *Session) deleteFunc(name string) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	delete(s.funcs, name)
	delete(s.funcImpls, name)
}

// resetTables empties the declarations and variables.
func (s *Session) resetTables() {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.versions.decls++
	s.versions.globals++
	s.decls = nil
	s.globals = map[string]*globalVar{}
	s.globalNames = nil
	s.changes = baseChanges{replaced: true}
}

// resetFuncs empties the func variables, as a fresh interpreter has none.
func (s *Session) resetFuncs() {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.funcs = map[string]string{}
	s.funcImpls = map[string]string{}
}

// tableVersions count the writes to each part of what Snapshot lists.
type tableVersions struct{ hidden, decls, globals uint64 }

// snapshotCache holds Snapshot and GlobalNames, each part made again only
// when a write changed it: a cell adds a line, not the session's every
// line again.
type snapshotCache struct {
	made                           bool
	at                             tableVersions
	hidden, declLines, globalLines []string
	list                           []string // hidden, then declLines, then globalLines
	names                          []string // the variables, sorted
}

// cachedSnapshot returns the cache, brought up to the tables.
func (s *Session) cachedSnapshot() *snapshotCache {
	c, v := &s.snapshot, s.versions
	if c.made && c.at == v {
		return c
	}
	if !c.made || c.at.hidden != v.hidden {
		// The hidden imports variable types may name, as ordinary imports.
		c.hidden = nil
		for _, p := range sortedKeys(s.hidden) {
			c.hidden = append(c.hidden, "import "+s.hidden[p]+" "+strconv.Quote(p))
		}
	}
	if !c.made || c.at.decls != v.decls {
		c.declLines = make([]string, len(s.decls))
		for i, r := range s.decls {
			c.declLines[i] = r.src
		}
	}
	if !c.made || c.at.globals != v.globals {
		c.names = slices.Clone(s.globalNames)
		c.globalLines = make([]string, len(c.names))
		for i, name := range c.names {
			c.globalLines[i] = s.globals[name].line()
		}
	}
	c.list = slices.Concat(c.hidden, c.declLines, c.globalLines)
	c.made, c.at = true, v
	return c
}
