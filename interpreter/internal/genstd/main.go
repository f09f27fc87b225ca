// Command genstd writes the yaegi symbol tables of standard library packages
// as the Go toolchain that runs it knows them, one file per package:
//
//	genstd -o ../../stdsyms slices maps sync/atomic
//
// yaegi's own tables stop at an older Go; these override them package by
// package. Generic functions and types cannot be exported from compiled code
// and are left out; the interpreter ships them as Go source.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"gopar/interpreter/stdsyms"
)

func main() {
	out := flag.String("o", ".", "output directory")
	flag.Parse()
	for _, pkg := range flag.Args() {
		src, err := stdsyms.Generate(pkg)
		if err != nil {
			fmt.Fprintln(os.Stderr, "genstd:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(filepath.Join(*out, stdsyms.FileName(pkg)), src, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "genstd:", err)
			os.Exit(1)
		}
	}
}
