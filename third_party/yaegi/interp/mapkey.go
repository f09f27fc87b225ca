package interp

import "reflect"

// This file is gopar's: a map whose keys are of an empty interface type
// (map[any]int, counting values of any kind) keeps each key as the value it
// holds. yaegi boxed a value of a program's type with methods in a
// valueInterface, which holds the boxing node and a reflect.Value pointing
// at a copy: equal values made different keys, so m[Circle{1}] found
// nothing that m[Circle{1}] had stored, and len grew with each store.

// markMapKey marks key, an index or a composite literal's key of a map
// whose key type is keyType, for genValue to give as the value it holds
// when keyType is an empty interface.
func markMapKey(keyType *itype, key *node) {
	if keyType != nil && isEmptyInterface(keyType) {
		key.mapKey = true
	}
}

// mapKeyValue is value unboxed to what the interface holds, with the
// pointer boxes of gopar's lowering taken off as == does (ifaceequal.go).
func mapKeyValue(value func(*frame) reflect.Value) func(*frame) reflect.Value {
	return func(f *frame) reflect.Value {
		v := value(f)
		if !v.IsValid() {
			return v
		}
		d := dynamicOf(v, nil)
		if !d.value.IsValid() {
			return reflect.Zero(emptyInterfaceType) // the nil interface
		}
		return d.value
	}
}
