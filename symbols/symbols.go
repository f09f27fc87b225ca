// Package symbols holds the generated yaegi symbol tables of gopar's own
// packages (gopar/async, gopar/native, ...) and of the third-party packages
// cells may import. Each file is written by internal/gensymbols, run from
// a generate directive in the source package itself.
package symbols

import "reflect"

// Symbols maps "importpath/name" to the exported symbols of that package,
// in the form interp.Use expects.
var Symbols = map[string]map[string]reflect.Value{}
