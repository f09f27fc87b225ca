// Command genstd writes the yaegi symbol tables of standard library packages
// as the Go toolchain that runs it knows them, one file per package:
//
//	genstd -o ../../stdsyms slices maps sync/atomic
//	genstd -o ../../stdsyms std    # every package a program may import
//
// Generic functions and types cannot be exported from compiled code and are
// left out; the interpreter ships them as Go source.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gopar/gopar/interpreter/internal/stdgen"
)

func main() {
	out := flag.String("o", ".", "output directory")
	flag.Parse()
	var pkgs []string
	for _, arg := range flag.Args() {
		if arg != "std" {
			pkgs = append(pkgs, arg)
			continue
		}
		all, err := stdgen.Packages()
		if err != nil {
			fail(err)
		}
		pkgs = append(pkgs, all...)
	}
	g := stdgen.New()
	for _, pkg := range pkgs {
		src, err := g.Generate(pkg)
		if err != nil {
			fail(err)
		}
		if err := os.WriteFile(filepath.Join(*out, stdgen.FileName(pkg)), src, 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genstd:", err)
	os.Exit(1)
}
