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
	s.tablesVersion++
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
	s.tablesVersion++
	if i := slices.IndexFunc(s.decls, func(d declRecord) bool { return d.key == key }); i >= 0 {
		s.removeDecl(i)
	}
}

// dropDecl forgets the func, type or const called name.
func (s *Session) dropDecl(name string) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.tablesVersion++
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
	} else if s.decls[i].kind != recImport {
		s.changes.replaced = true // imports are each cell file's own
	}
	s.decls = slices.Concat(s.decls[:i], s.decls[i+1:])
}

// setGlobal makes g a variable of the session.
func (s *Session) setGlobal(g *globalVar) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.tablesVersion++
	s.globals[g.name] = g
	s.noteGlobal(g.name)
}

// deleteGlobal forgets the variable name, if the session has it.
func (s *Session) deleteGlobal(name string) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.tablesVersion++
	if _, ok := s.globals[name]; ok {
		delete(s.globals, name)
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
	s.tablesVersion++
	s.funcs[name] = sig
	s.funcImpls[name] = impl
}

// deleteFunc forgets the cell func name.
func (s *Session) deleteFunc(name string) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.tablesVersion++
	delete(s.funcs, name)
	delete(s.funcImpls, name)
}

// resetTables empties the declarations and variables.
func (s *Session) resetTables() {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.tablesVersion++
	s.decls = nil
	s.globals = map[string]*globalVar{}
	s.changes = baseChanges{replaced: true}
}

// resetFuncs empties the func variables, as a fresh interpreter has none.
func (s *Session) resetFuncs() {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	s.tablesVersion++
	s.funcs = map[string]string{}
	s.funcImpls = map[string]string{}
}

// snapshotCache holds Snapshot and GlobalNames as made at tablesVersion.
type snapshotCache struct {
	version       uint64
	decls, global []string
	made          bool
}

// cachedSnapshot returns the cache, made again if the tables changed.
func (s *Session) cachedSnapshot() *snapshotCache {
	c := &s.snapshot
	if c.made && c.version == s.tablesVersion {
		return c
	}
	*c = snapshotCache{version: s.tablesVersion, made: true}
	// The hidden imports variable types may name, as ordinary imports.
	for _, p := range sortedKeys(s.hidden) {
		c.decls = append(c.decls, "import "+s.hidden[p]+" "+strconv.Quote(p))
	}
	for _, r := range s.decls {
		c.decls = append(c.decls, r.src)
	}
	c.global = sortedKeys(s.globals)
	for _, name := range c.global {
		c.decls = append(c.decls, "var "+name+" "+s.globals[name].typeSrc)
	}
	return c
}
