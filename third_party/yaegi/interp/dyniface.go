package interp

import "reflect"

// This file is gopar's: a value of an interpreted type held in an empty
// interface is often the bare reflect value, without the node that says
// its type (yaegi wraps it in a valueInterface only in some paths). An
// assertion to an interface with methods then found no methods and failed:
// var x any = Circle{1}; x.(Shape) was false. The interpreter knows every
// type it defined and the reflect type of its values: when exactly one
// defined type (or pointer to one) has the value's reflect type and the
// asserted methods, that is the value's type.

// publishTypes makes the types the compiled source defined visible to
// dynamicType. Called with interp.mutex held.
func (interp *Interpreter) publishTypes() {
	if len(interp.newTypes) == 0 {
		return
	}
	interp.definedTypes = append(interp.definedTypes, interp.newTypes...)
	interp.newTypes = interp.newTypes[:0]
	interp.typesByRtype = nil
}

// typeWithMethods is a defined type, or pointer to one, and its method
// set, computed once per index.
type typeWithMethods struct {
	t       *itype
	methods methodSet
}

// dynamicType returns the defined type, or pointer to one, whose values
// have reflect type rt and which has the methods names, when there is
// exactly one; otherwise nil. When several have them, and want, the
// asserted interface, is known, the one whose methods have its signatures
// is the type (Nil[int] and Nil[bool] are both struct{} with a Match
// method, of different parameter types).
func (interp *Interpreter) dynamicType(rt reflect.Type, names []string, want *itype) *itype {
	interp.mutex.Lock()
	if interp.typesByRtype == nil {
		interp.typesByRtype = interp.indexTypes()
	}
	candidates := interp.typesByRtype[rt]
	interp.mutex.Unlock()
	var fit []*itype
	for _, c := range candidates {
		if c.has(names) && (len(fit) == 0 || fit[len(fit)-1] != c.t) {
			fit = append(fit, c.t)
		}
	}
	if len(fit) > 1 && want != nil {
		exact := fit[:0:0]
		for _, t := range fit {
			if sameSignatures(t, want, names) {
				exact = append(exact, t)
			}
		}
		fit = exact
	}
	if len(fit) != 1 {
		return nil // none or several fit: the value's own type is unknown
	}
	return fit[0]
}

// sameSignatures reports whether the methods names of t have the
// signatures of the same methods of the interface want, its types
// compared by identity.
func sameSignatures(t, want *itype, names []string) bool {
	for _, name := range names {
		have, w := lookupFieldOrMethod(t, name), lookupFieldOrMethod(want, name)
		if have == nil || w == nil || have.cat != funcT || w.cat != funcT {
			return false
		}
		args := have.arg
		if len(args) == len(w.arg)+1 {
			args = args[1:] // the receiver, written as the first parameter
		}
		if !sameTypeIDs(args, w.arg) || !sameTypeIDs(have.ret, w.ret) {
			return false
		}
	}
	return true
}

// sameTypeIDs reports whether a and b are the same types, one by one.
func sameTypeIDs(a, b []*itype) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].id() != b[i].id() {
			return false
		}
	}
	return true
}

// has reports whether the type's method set has all of names.
func (c typeWithMethods) has(names []string) bool {
	for _, name := range names {
		if _, ok := c.methods[name]; !ok {
			return false
		}
	}
	return true
}

// indexTypes maps the reflect type of each defined type with methods, and
// of pointers to it, to the types. A type reflect cannot make yet is left
// out.
func (interp *Interpreter) indexTypes() map[reflect.Type][]typeWithMethods {
	index := map[reflect.Type][]typeWithMethods{}
	seen := map[*itype]bool{}
	for _, t := range interp.definedTypes {
		if seen[t] || t.incomplete || isInterface(t) || isGeneric(t) {
			continue
		}
		seen[t] = true
		p := ptrOf(t)
		values, pointers := t.methods(), p.methods()
		if len(pointers) == 0 {
			continue // pointers have the values' methods too
		}
		rt := safeTypeOf(t)
		if rt == nil {
			continue
		}
		index[rt] = append(index[rt], typeWithMethods{t, values})
		index[reflect.PointerTo(rt)] = append(index[reflect.PointerTo(rt)], typeWithMethods{p, pointers})
	}
	return index
}

// safeTypeOf is t's reflect type, or nil when making it panics.
func safeTypeOf(t *itype) (rt reflect.Type) {
	defer func() {
		if recover() != nil {
			rt = nil
		}
	}()
	return t.TypeOf()
}

// dynamicValue is v, a bare value in an interface, with the defined type
// that has the methods names, when dynamicType finds one.
func (interp *Interpreter) dynamicValue(v reflect.Value, names []string, want *itype) (valueInterface, bool) {
	if !v.IsValid() {
		return valueInterface{}, false
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return valueInterface{}, false
		}
		v = v.Elem()
	}
	// Only structs and pointers to them: a defined int is an int to
	// reflect, and an int in an any must not take its methods.
	st := v.Type()
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() != reflect.Struct {
		return valueInterface{}, false
	}
	if _, ok := asValueInterface(v); ok {
		return valueInterface{}, false
	}
	t := interp.dynamicType(v.Type(), names, want)
	if t == nil {
		return valueInterface{}, false
	}
	return valueInterface{node: &node{typ: t, interp: interp}, value: v}, true
}

// typeName names rt as Go does: main.Circle for the reflect type of an
// interpreted type's values, when only one defined type has it.
func (interp *Interpreter) typeName(rt reflect.Type) string {
	st := rt
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct && st.Name() == "" {
		if t := interp.dynamicType(rt, nil, nil); t != nil {
			return t.id()
		}
	}
	if name, ok := DefinedTypeName(rt); ok {
		return name
	}
	return rt.String()
}

// TypeNameFor returns the name Go gives (main.T) the one defined type
// whose values have a reflect type written as rt, as a runtime error
// message writes it ("hash of unhashable type struct { Xa int; ... }"),
// or "" when no such type or several have been built.
func (interp *Interpreter) TypeNameFor(rt string) string {
	interp.mutex.RLock()
	defer interp.mutex.RUnlock()
	name := ""
	for _, t := range interp.definedTypes {
		if t.rtype == nil || t.incomplete || t.rtype.String() != rt {
			continue
		}
		if name != "" && name != t.str {
			return ""
		}
		name = t.str
	}
	return name
}
