// Package interpreter runs notebook cells written in Go on the yaegi
// interpreter, so that they behave as the Go compiler says they should.
//
// A Session holds one notebook's state. Each cell goes through:
//
//	cell text
//	  -> split at bracket depth 0 into imports, declarations, statements (cell.go)
//	  -> type-checked with go/types against everything declared before (check.go),
//	     the packages coming from the same symbol tables yaegi uses (importer.go);
//	     errors come out here, in the compiler's words, at cell line:col
//	  -> lowered by source-to-source passes (lower_*.go), one construct each
//	  -> printed, evaluated by yaegi, positions mapped back to the cell (emit.go)
//
// The statements of a cell run inside a generated func; names they declare
// at top level become package-level variables, so that later cells see them
// and yaegi's global-scope bugs stay out of the way. The value of a trailing
// expression comes back as text computed in the interpreter (format.go),
// where the String and Error methods of cell types exist, plus the rich
// forms package display knows.
//
// The passes rewrite what yaegi gets wrong into what it runs right: Go 1.22
// loop variables, range over int and over funcs (iterators), min, max and
// clear, deferred and go-started calls (arguments evaluated at the
// statement; a goroutine's panic reported instead of killing the process),
// method values and expressions, complex constants, type switches, errors
// wrapping cell types (errors.Is, errors.As, %w), printing values of cell
// types with fmt, and the explicit type arguments of generic calls.
//
// The standard library is that of the Go version that built gopar: symbol
// tables generated into package stdsyms, and the generic parts (slices,
// maps, iter, cmp, atomic.Pointer, rand.N...) as Go source under stdsrc,
// which the interpreter runs under mangled names (stdsrc.go).
//
// Redefinition: cell funcs live in variables, so a new version reaches the
// code of earlier cells; a new version of a type, method, interface,
// constant or generic func starts a fresh interpreter that replays the
// declarations and keeps the variables holding plain data (redefine.go).
package interpreter
