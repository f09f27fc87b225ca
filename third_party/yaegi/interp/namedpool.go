package interp

import (
	"reflect"
	"sync"
)

// A defined type of a basic kind (`type Celsius float64`, `type Weekday
// int`) had its underlying type as its reflect type, so in an interface a
// Celsius was a float64: `any(3.5).(Celsius)` succeeded, a type switch
// took a float64 for a Celsius, and `any(Weekday(1)) == any(1)`. Go
// cannot make defined types at run time, so each such type of a session
// gets one of a pool of compiled defined types of its kind
// (namedpool_types.go), distinct from the others and from the basic type,
// and behaving as the basic type does everywhere else. When a kind's pool
// is used up, later types share the basic type, as before.

var namedPool = struct {
	sync.Mutex
	next  map[reflect.Kind]int
	given map[string]reflect.Type
	names map[reflect.Type]string // what each type given stands for: main.Celsius
}{next: map[reflect.Kind]int{}, given: map[string]reflect.Type{}, names: map[reflect.Type]string{}}

// namedRtype is the reflect type of the defined type t whose underlying
// reflect type is under.
func namedRtype(t *itype, under reflect.Type) reflect.Type {
	if t.name == "" || under.PkgPath() != "" || under.Name() != under.Kind().String() {
		return under // not a defined type of a predeclared basic type
	}
	pool := namedPoolTypes[under.Kind()]
	if len(pool) == 0 {
		return under
	}
	// The type is parsed again, while incomplete and when a later cell
	// compiles: its kind, package and name identify it. (Two local types
	// of one name and kind share a type.)
	key := under.Kind().String() + " " + t.path + "." + t.name
	namedPool.Lock()
	defer namedPool.Unlock()
	if rt, ok := namedPool.given[key]; ok {
		return rt
	}
	i := namedPool.next[under.Kind()]
	if i >= len(pool) {
		return under
	}
	namedPool.next[under.Kind()] = i + 1
	namedPool.given[key] = pool[i]
	namedPool.names[pool[i]] = t.str
	return pool[i]
}

// DefinedTypeName is the name of the program's defined type rt stands for
// (main.Celsius), when rt is one of the pool's.
func DefinedTypeName(rt reflect.Type) (string, bool) {
	if rt == nil || rt.PkgPath() != poolPkgPath {
		return "", false
	}
	namedPool.Lock()
	defer namedPool.Unlock()
	name, ok := namedPool.names[rt]
	return name, ok
}

var poolPkgPath = reflect.TypeFor[int_0]().PkgPath()

// stringSliceConversion reports whether converting from to to is one of
// string and a slice of a defined byte or rune type ([]MyByte), which Go
// allows and reflect does not (its element type must be unnamed).
func stringSliceConversion(from, to reflect.Type) bool {
	if from == nil || to == nil {
		return false
	}
	if from.Kind() == reflect.String {
		from, to = to, from
	}
	if to.Kind() != reflect.String || from.Kind() != reflect.Slice || from.Elem().PkgPath() == "" {
		return false
	}
	k := from.Elem().Kind()
	return k == reflect.Uint8 || k == reflect.Int32
}

// convertStringSlice converts v to typ, one of them a string and the other
// a slice of a defined byte or rune type.
func convertStringSlice(v reflect.Value, typ reflect.Type) reflect.Value {
	if typ.Kind() == reflect.String {
		n := v.Len()
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			return reflect.ValueOf(string(b)).Convert(typ)
		}
		r := make([]rune, n)
		for i := range r {
			r[i] = rune(v.Index(i).Int())
		}
		return reflect.ValueOf(string(r)).Convert(typ)
	}
	s := v.String()
	if typ.Elem().Kind() == reflect.Uint8 {
		out := reflect.MakeSlice(typ, len(s), len(s))
		for i := 0; i < len(s); i++ {
			out.Index(i).SetUint(uint64(s[i]))
		}
		return out
	}
	runes := []rune(s)
	out := reflect.MakeSlice(typ, len(runes), len(runes))
	for i, r := range runes {
		out.Index(i).SetInt(int64(r))
	}
	return out
}
