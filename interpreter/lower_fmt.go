package interpreter

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// lowerFmt makes fmt (and log) print values of cell-defined types the way
// compiled Go does. yaegi hands such values to the compiled fmt without
// their methods (a Stringer prints as its fields, a pointer to an error
// type as &{...}), and %T names yaegi's internal types. Each argument that
// fmt would print wrong is printed by a generated formatter instead
// (format.go), and handed over as text:
//
//	fmt.Println(p, xs)        ->  fmt.Println(_goparcell.Text(_goparFmt3_1(p, 0)), xs)
//	fmt.Printf("%T %d\n", c, c)  ->  fmt.Printf("%s %d\n", "main.Celsius", float64(c))
//
// Text keeps fmt's spacing rules (it is not a string operand); verbs that
// print numbers get the underlying value, whose methods fmt would not call.
// An argument of interface type goes to a compiled helper with the table
// of the cell types it may hold (dyntype.go), which hands fmt the value
// when fmt prints it right, and its text otherwise:
//
//	fmt.Printf("%T %v\n", x, x)  ->  fmt.Printf("%s %v\n", _goparcell.TypeOf(x, " Celsius Point"),
//	                                     _goparcell.Operand(x, " Celsius Point", "v"))
func (l *lowerer) lowerFmt(root ast.Node) {
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return e
		}
		kind, first := l.printFunc(call)
		if call.Ellipsis.IsValid() {
			// fmt.Println(xs...), fmt.Printf(format, xs...): the operands
			// are the slice's elements.
			last := len(call.Args) - 1
			switch {
			case kind == printPlain && last >= first:
				call.Args[last] = l.fmtSpreadArg(call.Args[last], nil, 0)
			case kind == printFormat && first > 0 && last >= first && sideEffectFree(call.Args[first-1]):
				call.Args[last] = l.fmtSpreadArg(call.Args[last], call.Args[first-1], last-first)
			}
			return e
		}
		switch kind {
		case printPlain:
			for i := first; i < len(call.Args); i++ {
				call.Args[i] = l.fmtArg(call.Args[i], 'v', false, false)
			}
		case printFormat:
			if first == 0 || first > len(call.Args) {
				return e
			}
			l.fmtFormatted(call, first)
		}
		return e
	})
}

type printKind int

const (
	printNone   printKind = iota
	printPlain            // Print, Println, Sprint...: every operand as %v
	printFormat           // Printf, Sprintf, Errorf...: operands after the format
)

// printFunc says whether call prints its operands with fmt, and the index
// of the first operand (for formatted printing, of the format string plus
// one).
func (l *lowerer) printFunc(call *ast.CallExpr) (printKind, int) {
	var id *ast.Ident
	switch f := call.Fun.(type) {
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.Ident:
		id = f
	default:
		return printNone, 0
	}
	fn, ok := l.info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return printNone, 0
	}
	recv := fn.Type().(*types.Signature).Recv()
	switch fn.Pkg().Path() {
	case "fmt":
		if recv != nil {
			return printNone, 0
		}
		switch fn.Name() {
		case "Print", "Println", "Sprint", "Sprintln":
			return printPlain, 0
		case "Fprint", "Fprintln", "Append", "Appendln":
			return printPlain, 1
		case "Printf", "Sprintf", "Errorf":
			return printFormat, 1
		case "Fprintf", "Appendf":
			return printFormat, 2
		}
	case "log":
		name := fn.Name()
		switch {
		case strings.HasSuffix(name, "f") && (strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic")):
			return printFormat, 1
		case strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic"):
			return printPlain, 0
		}
	}
	return printNone, 0
}

// fmtFormatted rewrites the operands of a formatted print whose format is a
// constant, verb by verb.
func (l *lowerer) fmtFormatted(call *ast.CallExpr, first int) {
	tv, ok := l.info.Types[call.Args[first-1]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	format := constant.StringVal(tv.Value)
	verbs, ok := parseVerbs(format)
	if !ok {
		return
	}
	changed := false
	var out strings.Builder
	last := 0
	for _, v := range verbs {
		i := first + v.arg
		if i >= len(call.Args) {
			continue
		}
		arg := call.Args[i]
		if v.verb == 'T' {
			if text, ok := l.typeName(arg); ok {
				call.Args[i] = text
				out.WriteString(format[last:v.end-1] + "s")
				last = v.end
				changed = true
			}
			continue
		}
		if v.sharp && v.verb != 'v' {
			continue // %#x and the like: left to fmt
		}
		call.Args[i] = l.fmtArg(arg, v.verb, v.plus, v.sharp)
	}
	if changed {
		out.WriteString(format[last:])
		call.Args[first-1] = &ast.BasicLit{ValuePos: call.Args[first-1].Pos(), Kind: token.STRING, Value: strconv.Quote(out.String())}
	}
}

// fmtArg rewrites one operand printed with verb (sharp: %#v).
func (l *lowerer) fmtArg(arg ast.Expr, verb rune, plus, sharp bool) ast.Expr {
	tv, ok := l.info.Types[arg]
	if !ok || tv.Type == nil {
		return arg
	}
	t := tv.Type
	if !needsFormatter(t, l.pkg) {
		return arg
	}
	mode := fmtMode{plus: plus, sharp: sharp && verb == 'v', methods: true}
	if _, isIface := t.Underlying().(*types.Interface); isIface {
		return l.fmtInterfaceArg(arg, t, verb, mode)
	}
	methods := methodOf(t, "Error") || methodOf(t, "String")
	switch verb {
	case 'v', 's':
	case 'q', 'x', 'X':
		if !methods {
			return arg
		}
	default:
		// Numbers and the like: fmt would not call the methods, and yaegi's
		// wrapper would print as a struct. Hand over the plain value.
		if b, ok := t.Underlying().(*types.Basic); ok && methods {
			return &ast.CallExpr{Fun: ast.NewIdent(b.Name()), Args: []ast.Expr{arg}}
		}
		return arg
	}
	text := l.formatter().call(t, arg, mode)
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 && !mode.sharp {
		return text // a string operand stays one (Print's spacing)
	}
	return &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent(cellName), Sel: ast.NewIdent("Text")}, Args: []ast.Expr{text}}
}

// fmtSpreadArg rewrites xs of fmt.Println(xs...) or fmt.Printf(format,
// ..., xs...), a slice of an interface type: each element as
// fmtInterfaceArg makes an operand, printed with %v or with the verb the
// format has for it when the program runs (format may be a variable, in a
// func that hands its arguments on to Printf), after fixed operands
// before the slice. The elements were handed to fmt as they are, and
// yaegi's wrappers of values of cell types printed as structs of pointers.
func (l *lowerer) fmtSpreadArg(arg, format ast.Expr, fixed int) ast.Expr {
	tv, ok := l.info.Types[arg]
	if !ok || tv.Type == nil {
		return arg
	}
	sl, ok := tv.Type.Underlying().(*types.Slice)
	if !ok || !needsFormatter(sl.Elem(), l.pkg) {
		return arg
	}
	if _, isIface := sl.Elem().Underlying().(*types.Interface); !isIface {
		return arg
	}
	var e ast.Expr
	if format == nil {
		e, ok = l.formatter().tableCall("Operands", sl.Elem(), arg, &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote("v")})
	} else {
		e, ok = l.formatter().tableCall("FormatOperands", sl.Elem(), arg, format,
			&ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(fixed)})
	}
	if !ok {
		return arg
	}
	return e
}

// sideEffectFree reports whether evaluating e twice is evaluating it once:
// a constant or a variable.
func sideEffectFree(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit, *ast.Ident:
		return true
	case *ast.ParenExpr:
		return sideEffectFree(e.X)
	}
	return false
}

// fmtInterfaceArg rewrites an operand of interface type: the value when
// fmt prints it right, its text otherwise (dyntype.go). A value of a
// compiled type costs one call of a compiled helper.
func (l *lowerer) fmtInterfaceArg(arg ast.Expr, t types.Type, verb rune, mode fmtMode) ast.Expr {
	g := l.formatter()
	var e ast.Expr
	ok := false
	switch verb {
	case 'v', 's':
		e, ok = g.tableCall("Operand", t, arg, &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(mode.verb())})
	case 'q', 'x', 'X':
		// fmt calls Error or String for these, else prints the value.
		e, ok = g.tableCall("OperandText", t, arg)
	case 'd', 'b', 'o', 'O', 'c', 'U', 'e', 'E', 'f', 'F', 'g', 'G', 't', 'p':
		// Verbs that call no methods: the value out of yaegi's wrappers.
		e, ok = g.tableCall("Plain", t, arg)
	}
	if !ok {
		return arg
	}
	return e
}

// typeName is what %T prints for arg: a string constant when its type is
// known statically, or the call that names the dynamic type of an
// interface value.
func (l *lowerer) typeName(arg ast.Expr) (ast.Expr, bool) {
	tv, ok := l.info.Types[arg]
	if !ok || tv.Type == nil {
		return nil, false
	}
	if !needsFormatter(tv.Type, l.pkg) {
		return nil, false // fmt knows it
	}
	if _, isIface := tv.Type.Underlying().(*types.Interface); isIface {
		return l.formatter().tableCall("TypeOf", tv.Type, arg)
	}
	return &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(reflectString(tv.Type))}, true
}

// fmtVerb is one verb of a format string.
type fmtVerb struct {
	verb        rune
	arg         int // operand index, from 0
	end         int // byte offset just after the verb
	plus, sharp bool
}

// parseVerbs lists the verbs of a format and the operands they print, as
// fmt's doPrintf walks them (flags, width and precision, * and [n]).
func parseVerbs(format string) ([]fmtVerb, bool) {
	var out []fmtVerb
	arg := 0
	for i := 0; i < len(format); {
		if format[i] != '%' {
			i++
			continue
		}
		i++
		var v fmtVerb
	flags:
		for ; i < len(format); i++ {
			switch format[i] {
			case '+':
				v.plus = true
			case '#':
				v.sharp = true
			case '-', ' ', '0':
			default:
				break flags
			}
		}
		// [n] argument index, width, precision.
		for i < len(format) {
			c := format[i]
			switch {
			case c == '[':
				j := strings.IndexByte(format[i:], ']')
				if j < 0 {
					return nil, false
				}
				n, err := strconv.Atoi(format[i+1 : i+j])
				if err != nil || n < 1 {
					return nil, false
				}
				arg = n - 1
				i += j + 1
				continue
			case c == '*':
				arg++
				i++
				continue
			case c == '.' || c >= '0' && c <= '9':
				i++
				continue
			}
			break
		}
		if i >= len(format) {
			break
		}
		c := rune(format[i])
		i++
		if c == '%' {
			continue
		}
		if c >= 0x80 {
			return nil, false
		}
		v.verb, v.arg, v.end = c, arg, i
		out = append(out, v)
		arg++
	}
	return out, true
}
