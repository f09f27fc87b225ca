package interpreter

import (
	"go/ast"
	"go/token"
	"reflect"
	"sync"
)

var (
	exprType      = reflect.TypeOf((*ast.Expr)(nil)).Elem()
	exprSliceType = reflect.TypeOf([]ast.Expr(nil))
	nodeType      = reflect.TypeOf((*ast.Node)(nil)).Elem()
)

// rewriteExprs walks the tree under root and replaces every expression e
// held in a field of type ast.Expr or []ast.Expr by fix(e), children before
// parents. fix returns e itself to keep it. Fields of concrete types (such
// as the *ast.Ident of a selector) are walked but not replaced.
func rewriteExprs(root ast.Node, fix func(ast.Expr) ast.Expr) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		if v.Kind() == reflect.Interface {
			if v.IsNil() {
				return
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
			return
		}
		s := v.Elem()
		for _, p := range nodeFields(s.Type()) {
			f := s.Field(p.index)
			switch p.kind {
			case fieldExpr:
				if f.IsNil() {
					continue
				}
				walk(f)
				old := f.Interface().(ast.Expr)
				if e := fix(old); e != nil && e != old {
					f.Set(reflect.ValueOf(&e).Elem())
				}
			case fieldExprs:
				for j := 0; j < f.Len(); j++ {
					el := f.Index(j)
					if el.IsNil() {
						continue
					}
					walk(el)
					old := el.Interface().(ast.Expr)
					if e := fix(old); e != nil && e != old {
						el.Set(reflect.ValueOf(&e).Elem())
					}
				}
			case fieldNode:
				walk(f)
			case fieldNodes:
				for j := 0; j < f.Len(); j++ {
					walk(f.Index(j))
				}
			}
		}
	}
	walk(reflect.ValueOf(root))
}

// A nodeField is a field of a syntax node struct that rewriteExprs visits.
type nodeField struct {
	index int
	kind  int // fieldExpr...
}

const (
	fieldExpr  = iota + 1 // ast.Expr
	fieldExprs            // []ast.Expr
	fieldNode             // another node
	fieldNodes            // a slice of nodes
)

// nodeFieldCache maps a node struct type to its nodeFields: every cell is
// walked by many passes, and asking reflect about the fields each time
// would cost more than the walk.
var nodeFieldCache sync.Map

func nodeFields(t reflect.Type) []nodeField {
	if fs, ok := nodeFieldCache.Load(t); ok {
		return fs.([]nodeField)
	}
	var fs []nodeField
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() || sf.Anonymous {
			continue // what reflect would not let the walk set
		}
		kind := 0
		switch ft := sf.Type; {
		case ft == exprType:
			kind = fieldExpr
		case ft == exprSliceType:
			kind = fieldExprs
		case ft.Implements(nodeType):
			kind = fieldNode
		case ft.Kind() == reflect.Slice && ft.Elem().Implements(nodeType):
			kind = fieldNodes
		default:
			continue
		}
		fs = append(fs, nodeField{index: i, kind: kind})
	}
	nodeFieldCache.Store(t, fs)
	return fs
}

var posType = reflect.TypeOf(token.NoPos)

// clearPositions zeroes every position in the tree under n: nodes parsed
// from generated text must not claim places in the cell.
func clearPositions(n ast.Node) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				f := v.Field(i)
				if !f.CanSet() {
					continue
				}
				if f.Type() == posType {
					f.SetInt(0)
					continue
				}
				// The parser's object and scope links (Ident.Obj, File.Scope)
				// are cyclic and hold no positions of interest.
				if name := v.Type().Field(i).Name; name == "Obj" || name == "Scope" || name == "Unresolved" {
					continue
				}
				walk(f)
			}
		}
	}
	walk(reflect.ValueOf(n))
}
