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
func IsComplete(code string) (status, indent string) {
	if strings.TrimSpace(code) == "" {
		return "complete", ""
	}
	depth, open := bracketDepth(code)
	if open {
		return "incomplete", "" // inside a raw string or comment
	}
	if depth > 0 {
		return "incomplete", strings.Repeat("\t", depth)
	}
	for _, c := range splitCell(code) {
		src := "package main;"
		if c.kind == chunkStmt {
			src += "func _() {"
		}
		src += c.text
		end := len(src) // errors from here on mean the text stopped short
		src += "\n"
		if c.kind == chunkStmt {
			src += "}"
		}
		if _, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution); err != nil {
			var list scanner.ErrorList
			if errors.As(err, &list) && len(list) > 0 && (list[0].Pos.Offset >= end || strings.Contains(list[0].Msg, "EOF")) {
				return "incomplete", ""
			}
			return "invalid", ""
		}
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

// bracketDepth counts brackets still open at the end of code, and whether it
// ends inside a raw string or a block comment.
func bracketDepth(code string) (depth int, open bool) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(code))
	unterminated := false
	s.Init(file, []byte(code), func(_ token.Position, msg string) {
		if strings.HasPrefix(msg, "raw string") || strings.HasPrefix(msg, "comment not") {
			unterminated = true
		}
	}, 0)
	for {
		_, t, _ := s.Scan()
		switch t {
		case token.EOF:
			return depth, unterminated
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
	}
}
