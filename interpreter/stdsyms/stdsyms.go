// Package stdsyms holds yaegi symbol tables of the standard library,
// generated from the Go toolchain that builds gopar, so that cells see the
// standard library of that Go version: every package a program may import.
// The files std_*.go are generated; the others are written by hand.
package stdsyms

//go:generate go run github.com/gopar/gopar/interpreter/internal/genstd -o . std

import "reflect"

// Symbols maps "importpath/name" to the exported symbols of that package, in
// the form interp.Use expects.
var Symbols = map[string]map[string]reflect.Value{}

// MapTypes lists, for compiled funcs that treat an interface{} argument
// differently when it implements more (fmt.Println and fmt.Stringer), the
// interfaces the interpreter must let its values show, and for interface
// wrappers the wider wrappers to use when a value has more methods.
var MapTypes = map[reflect.Value][]reflect.Type{}

func init() {
	Symbols["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(MapTypes)}
}
