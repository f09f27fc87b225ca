package interpreter

import (
	"go/ast"
	"go/token"
	"reflect"
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
		for i := 0; i < s.NumField(); i++ {
			f := s.Field(i)
			if !f.CanSet() {
				continue
			}
			switch {
			case f.Type() == exprType:
				if f.IsNil() {
					continue
				}
				walk(f)
				if e := fix(f.Interface().(ast.Expr)); e != nil {
					f.Set(reflect.ValueOf(&e).Elem())
				}
			case f.Type() == exprSliceType:
				for j := 0; j < f.Len(); j++ {
					el := f.Index(j)
					if el.IsNil() {
						continue
					}
					walk(el)
					if e := fix(el.Interface().(ast.Expr)); e != nil {
						el.Set(reflect.ValueOf(&e).Elem())
					}
				}
			case f.Type().Implements(nodeType):
				walk(f)
			case f.Kind() == reflect.Slice && f.Type().Elem().Implements(nodeType):
				for j := 0; j < f.Len(); j++ {
					walk(f.Index(j))
				}
			}
		}
	}
	walk(reflect.ValueOf(root))
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
