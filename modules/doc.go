// Package modules makes packages of Go modules that gopar does not bundle
// importable in cells, at compiled speed.
//
// A cell importing such a package is resolved with the go command (the
// user's GOFLAGS and GOPROXY; a go.mod or go.work in the notebook's
// directory, else a module of the kernel's own under the user cache
// directory), and a worker binary is built: gopar's own main package, from
// gopar's source, importing one more package with the packages' yaegi
// symbol tables (written by internal/gensymbols and laid over the source
// with `go build -overlay`). The kernel then runs cells in that binary.
// gopar's source is found by internal/goparsrc: a release binary carries
// it, zipped, and unpacks it into the user cache directory.
//
// One binary, built by one toolchain with one module graph, is what makes
// this sound where Go plugins are not: a plugin must be built by exactly the
// toolchain of the binary that loads it, with the same version of every
// package both link, so a module needing a newer version of a package gopar
// links (gonum, x/sync, ...) could never load. Here the go command's minimal
// version selection picks one version for both, and gopar is compiled
// against it.
//
// Binaries are cached under the user cache directory, keyed by gopar's
// executable, the toolchain, the packages and the module versions
// resolved, so that a second kernel (or a restart) finds its binary without
// building; an index keyed by the module files before resolution lets it
// skip the go command altogether.
package modules
