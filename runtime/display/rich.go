package display

import (
	"image"
	"reflect"
)

// RichInterfaces lists the interfaces that give a value a rich form, in the
// order Bundle looks for them. The interpreter needs the list to hand
// values of cell-defined types to Bundle with their methods intact.
func RichInterfaces() []reflect.Type {
	return []reflect.Type{
		reflect.TypeOf((*PNGer)(nil)).Elem(),
		reflect.TypeOf((*JPEGer)(nil)).Elem(),
		reflect.TypeOf((*SVGer)(nil)).Elem(),
		reflect.TypeOf((*HTMLer)(nil)).Elem(),
		reflect.TypeOf((*Markdowner)(nil)).Elem(),
		reflect.TypeOf((*Latexer)(nil)).Elem(),
		reflect.TypeOf((*JSONer)(nil)).Elem(),
		reflect.TypeOf((*image.Image)(nil)).Elem(),
	}
}
