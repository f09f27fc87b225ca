// Package stdsyms holds yaegi symbol tables of standard library packages,
// generated from the Go toolchain that builds gopar, so that cells see the
// standard library of that Go version rather than yaegi's older one.
package stdsyms

//go:generate go run gopar/interpreter/internal/genstd -o . bufio bytes cmp context errors fmt io iter maps math math/big math/bits math/cmplx math/rand math/rand/v2 reflect runtime runtime/debug slices sort strconv strings sync sync/atomic time unicode unicode/utf8 unique encoding/json encoding/binary hash/maphash container/heap container/list image image/color text/tabwriter path/filepath

import "reflect"

// Symbols maps "importpath/name" to the exported symbols of that package, in
// the form interp.Use expects.
var Symbols = map[string]map[string]reflect.Value{}
