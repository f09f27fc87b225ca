package worker

import (
	"go/scanner"
	"go/token"
	"os"
	"sort"
	"strings"
)

// restore brings a replacement worker to where the dead one was: its
// working directory, its environment, the session's declarations. The
// variables it held are replayed as zero values, so that declarations
// using them compile, and noted as lost, so that a cell reading one fails
// instead of computing with a zero.
func (s *server) restore(req Request) *Error {
	var problems []string
	if req.Dir != "" {
		if err := os.Chdir(req.Dir); err != nil {
			problems = append(problems, "working directory: "+err.Error())
		}
	}
	if req.Env != nil {
		os.Clearenv()
		for _, kv := range req.Env {
			if k, v, ok := strings.Cut(kv, "="); ok && k != "" {
				_ = os.Setenv(k, v)
			}
		}
	}
	if len(req.Lost) > 0 {
		s.lost = map[string]bool{}
		for _, name := range req.Lost {
			s.lost[name] = true
		}
		s.lostWhy = req.Reason
	}
	if len(req.Decls) > 0 {
		if err := s.eng.Restore(req.Decls); err != nil {
			problems = append(problems, asError(err).Value)
		}
	}
	if len(problems) > 0 {
		return &Error{Name: "RestoreError", Value: strings.Join(problems, "; ")}
	}
	return nil
}

// checkLost fails a cell that reads a variable lost with a dead worker
// and does not set it first.
func (s *server) checkLost(code string) *Error {
	if len(s.lost) == 0 {
		return nil
	}
	used, declared, _ := scanNames(code)
	var hit []string
	for name := range s.lost {
		if used[name] && !declared[name] {
			hit = append(hit, name)
		}
	}
	if len(hit) == 0 {
		return nil
	}
	sort.Strings(hit)
	why := "the Go process running the cells stopped"
	if s.lostWhy != "" {
		why += " (" + s.lostWhy + ")"
	}
	verb := "is"
	if len(hit) > 1 {
		verb = "are"
	}
	msg := strings.Join(hit, ", ") + " " + verb + " undefined: lost when " + why +
		"; run the cell that sets " + plural(len(hit), "it", "them") + " again"
	return &Error{Name: "CompileError", Value: msg, Traceback: []string{"CompileError: " + msg}}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// forgetLost drops from the lost set the variables a cell that ran set at
// its top level: they hold real values again.
func (s *server) forgetLost(code string) {
	if len(s.lost) == 0 {
		return
	}
	_, _, top := scanNames(code)
	for name := range top {
		delete(s.lost, name)
	}
}

// scanNames reads a cell's identifiers: those it uses, those it declares
// anywhere (a local of the same name shadows a lost global), and those it
// declares or assigns at its top level. It works on tokens, so that a cell
// with magics or errors in it is still read.
func scanNames(code string) (used, declared, top map[string]bool) {
	used, declared, top = map[string]bool{}, map[string]bool{}, map[string]bool{}
	type tok struct {
		t   token.Token
		lit string
	}
	var toks []tok
	var sc scanner.Scanner
	src := []byte(code)
	fset := token.NewFileSet()
	sc.Init(fset.AddFile("cell", -1, len(src)), src, func(token.Position, string) {}, 0)
	for {
		_, t, lit := sc.Scan()
		if t == token.EOF {
			break
		}
		toks = append(toks, tok{t, lit})
	}
	depth := 0
	stmtStart := true
	// Names in a func's signature (receiver, parameters, results) are
	// the func's own, from the keyword to its body's brace.
	sigDepth := -1
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.t == token.FUNC && sigDepth < 0 {
			sigDepth = depth
		} else if t.t == token.LBRACE && depth == sigDepth {
			sigDepth = -1
		} else if t.t == token.IDENT && sigDepth >= 0 {
			declared[t.lit] = true
			continue
		}
		switch t.t {
		case token.LBRACE, token.LPAREN, token.LBRACK:
			depth++
		case token.RBRACE, token.RPAREN, token.RBRACK:
			depth--
		case token.VAR, token.CONST:
			// var a, b T / var ( a T; b = 1 ): the names after the keyword.
			for j := i + 1; j < len(toks); j++ {
				if toks[j].t == token.LPAREN {
					continue
				}
				if toks[j].t != token.IDENT {
					break
				}
				declared[toks[j].lit] = true
				if depth == 0 {
					top[toks[j].lit] = true
				}
				if j+1 < len(toks) && toks[j+1].t == token.COMMA {
					j++
					continue
				}
				break
			}
		case token.IDENT:
			if i > 0 && toks[i-1].t == token.PERIOD {
				break // a field or method, not a variable
			}
			if i+1 < len(toks) && toks[i+1].t == token.COLON {
				break // a key in a literal, or a label
			}
			// a, b := ... / a, b = ... at the start of a statement.
			if stmtStart {
				j := i
				var names []string
				for j < len(toks) && toks[j].t == token.IDENT {
					names = append(names, toks[j].lit)
					if j+1 < len(toks) && toks[j+1].t == token.COMMA {
						j += 2
						continue
					}
					j++
					break
				}
				if j < len(toks) && (toks[j].t == token.DEFINE || (toks[j].t == token.ASSIGN && depth == 0)) {
					for _, n := range names {
						declared[n] = true
						if depth == 0 {
							top[n] = true
						}
					}
				}
			}
			used[t.lit] = true
		}
		switch t.t {
		case token.SEMICOLON, token.LBRACE, token.RBRACE, token.COLON, token.FOR, token.IF, token.SWITCH:
			stmtStart = true // for i, x := range ..., if v := ...
		default:
			stmtStart = false
		}
	}
	return used, declared, top
}
