package interpreter

import (
	"errors"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// IsComplete answers Jupyter's is_complete_request from go/parser:
// "complete", "incomplete" (with the indent of the next line) or "invalid".
// Code with brackets still open is incomplete when closing them leaves no
// syntax error before its end; an error there means no suffix can complete
// it (`func ( {`).
func IsComplete(code string) (status, indent string) {
	if strings.TrimSpace(code) == "" {
		return "complete", ""
	}
	closers, open, unmatched := openBrackets(code)
	if unmatched {
		return "invalid", ""
	}
	if open {
		return "incomplete", "" // inside a raw string or comment
	}
	if len(closers) > 0 {
		if at, _, bad := firstSyntaxError(code + "\n" + closers); bad && at < len(code) {
			return "invalid", ""
		}
		return "incomplete", strings.Repeat("\t", len(closers))
	}
	if _, short, bad := firstSyntaxError(code); bad {
		if short {
			return "incomplete", ""
		}
		return "invalid", ""
	}
	// A trailing binary operator or comma continues on the next line.
	trimmed := strings.TrimRight(code, " \t\r\n")
	for _, op := range []string{"+", "-", "*", "/", "&&", "||", "=", ",", "(", "."} {
		if strings.HasSuffix(trimmed, op) {
			return "incomplete", ""
		}
	}
	return "complete", ""
}

// firstSyntaxError parses code chunk by chunk, as a cell is run, and
// returns the offset in code of the first syntax error, and whether the
// error says that the text stopped short (it is at the end of its chunk,
// or expected more).
func firstSyntaxError(code string) (at int, short, bad bool) {
	lines := lineOffsets(code)
	for _, c := range splitCell(code) {
		if c.kind == chunkPackage {
			continue // a package clause, recognised by splitCell
		}
		src := "package main;"
		if c.kind == chunkStmt {
			src += "func _() {"
		}
		prefix, start := len(src), lines[c.line-1]+c.col-1 // where the text starts in src and code
		src += c.text
		end := len(src) // errors from here on mean the text stopped short
		src += "\n"
		if c.kind == chunkStmt {
			src += "}"
		}
		_, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
		if err == nil {
			continue
		}
		var list scanner.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			return start, false, true
		}
		off := min(list[0].Pos.Offset, end)
		return start + off - prefix, off == end || strings.Contains(list[0].Msg, "EOF"), true
	}
	return 0, false, false
}

// lineOffsets lists the offset of the start of each line of code.
func lineOffsets(code string) []int {
	offs := []int{0}
	for i := 0; i < len(code); i++ {
		if code[i] == '\n' {
			offs = append(offs, i+1)
		}
	}
	return offs
}

// openBrackets returns the closing brackets that the brackets still open at
// the end of code need, innermost first, whether code ends inside a raw
// string or a block comment, and whether a closing bracket matches none.
func openBrackets(code string) (closers string, open, unmatched bool) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(code))
	unterminated := false
	s.Init(file, []byte(code), func(_ token.Position, msg string) {
		if strings.HasPrefix(msg, "raw string") || strings.HasPrefix(msg, "comment not") {
			unterminated = true
		}
	}, 0)
	var stack []byte
	for {
		_, t, _ := s.Scan()
		switch t {
		case token.EOF:
			for i, j := 0, len(stack)-1; i < j; i, j = i+1, j-1 {
				stack[i], stack[j] = stack[j], stack[i]
			}
			return string(stack), unterminated, false
		case token.LPAREN:
			stack = append(stack, ')')
		case token.LBRACK:
			stack = append(stack, ']')
		case token.LBRACE:
			stack = append(stack, '}')
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(stack) == 0 || stack[len(stack)-1] != t.String()[0] {
				return "", false, true
			}
			stack = stack[:len(stack)-1]
		}
	}
}
