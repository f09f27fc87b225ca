package symbols

import (
	"fmt"
	"reflect"

	"github.com/gopar/gopar/runtime/display"
)

// A value of an interpreted type loses its methods when it is passed to a
// compiled function as `any`: Go cannot make types with methods at run
// time. For the functions listed in MapTypes the interpreter instead wraps
// such a value in a compiled struct implementing the first interface of the
// list the type satisfies, so display.Display(x) sees x's HTML() or PNG().
// One interface per value: an interpreted type with several rich methods
// shows through the first in this order.
var displayRichInterfaces = append(display.RichInterfaces(),
	reflect.TypeOf((*fmt.Stringer)(nil)).Elem())

func init() {
	// The interpreter finds a wrapper under the interface's own package
	// path, not the path cells import the package by.
	Symbols["github.com/gopar/gopar/runtime/display/display"] = map[string]reflect.Value{
		"_HTMLer":     reflect.ValueOf((*_github_com_gopar_gopar_runtime_display_HTMLer)(nil)),
		"_JPEGer":     reflect.ValueOf((*_github_com_gopar_gopar_runtime_display_JPEGer)(nil)),
		"_JSONer":     reflect.ValueOf((*_github_com_gopar_gopar_runtime_display_JSONer)(nil)),
		"_Latexer":    reflect.ValueOf((*_github_com_gopar_gopar_runtime_display_Latexer)(nil)),
		"_Markdowner": reflect.ValueOf((*_github_com_gopar_gopar_runtime_display_Markdowner)(nil)),
		"_PNGer":      reflect.ValueOf((*_github_com_gopar_gopar_runtime_display_PNGer)(nil)),
		"_SVGer":      reflect.ValueOf((*_github_com_gopar_gopar_runtime_display_SVGer)(nil)),
	}
	mapTypes := map[reflect.Value][]reflect.Type{}
	if dot, ok := Symbols["."]["MapTypes"]; ok {
		mapTypes = dot.Interface().(map[reflect.Value][]reflect.Type)
	}
	for _, f := range []any{
		display.Display, display.Bundle, display.BundleWithMetadata,
		display.NewValue, display.Show,
	} {
		mapTypes[reflect.ValueOf(f)] = displayRichInterfaces
	}
	Symbols["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(mapTypes)}
}
