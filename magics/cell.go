package magics

import (
	"go/scanner"
	"go/token"
	"regexp"
	"strings"
)

// segment is one piece of a cell: Go source, a shell line or a line magic,
// in the order they appear.
type segment struct {
	kind segmentKind
	text string // Go source; the shell command; or the magic line without its '%'
	line int    // 0-based line of the cell where the piece starts
	// assign and define are set for "v := %magic ..." and "v = %magic ...":
	// the variable that receives the value and whether it is declared.
	assign string
	define bool
}

type segmentKind int

const (
	goSegment segmentKind = iota
	shellSegment
	magicSegment
)

// assignRE matches "name := %magic ..." and "name = %magic ...". There is no
// such form for shell lines: "ok := !done" is Go.
var assignRE = regexp.MustCompile(`^([\pL_][\pL\pN_]*)\s*(:=|=)\s*(%.*)$`)

// splitCell cuts a cell into Go pieces, "!cmd" lines and "%magic" lines. A
// line counts as shell or magic only where the Go before it is complete (at
// bracket depth 0, not inside a string or comment, not ending in an operator),
// so that Go such as "ok := a &&\n\t!b" or a raw string holding "%d" stays Go.
// A "%" line inside a Go block is an error: magics run at the top level.
func splitCell(cell string) ([]segment, error) {
	lines := strings.Split(cell, "\n")
	var segs []segment
	var goBuf []string
	goStart := 0
	flush := func() {
		text := strings.Join(goBuf, "\n")
		if strings.TrimSpace(text) != "" {
			segs = append(segs, segment{kind: goSegment, text: text, line: goStart})
		}
		goBuf = nil
	}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		assign, define, payload := "", false, trimmed
		if m := assignRE.FindStringSubmatch(trimmed); m != nil {
			assign, define, payload = m[1], m[2] == ":=", m[3]
		}
		isShell, isMagic := strings.HasPrefix(payload, "!"), strings.HasPrefix(payload, "%")
		if !isShell && !isMagic {
			if goBuf == nil {
				goStart = i
			}
			goBuf = append(goBuf, line)
			continue
		}
		state := goState(strings.Join(goBuf, "\n"))
		if state != goComplete {
			if isMagic && state == goOpenBlock {
				return nil, usageErrorf("line %d: %s must stand at the top level of a cell, not inside a Go block (inside loops, call profile.Timeit or profile.MemoryUsage)", i+1, payload)
			}
			if goBuf == nil {
				goStart = i
			}
			goBuf = append(goBuf, line)
			continue
		}
		flush()
		seg := segment{line: i, assign: assign, define: define}
		if isShell {
			cmd := payload[1:]
			// A trailing backslash continues the command on the next line.
			for strings.HasSuffix(cmd, "\\") && i+1 < len(lines) {
				i++
				cmd += "\n" + lines[i]
			}
			seg.kind, seg.text = shellSegment, cmd
		} else {
			seg.kind, seg.text = magicSegment, payload[1:]
		}
		segs = append(segs, seg)
	}
	flush()
	return segs, nil
}

type goStatus int

const (
	goComplete   goStatus = iota // a new statement may start here
	goOpenBlock                  // inside brackets, braces or parentheses
	goUnfinished                 // inside a string or comment, or after an operator
)

// goState tells whether Go source ends where a new top-level statement could
// begin.
func goState(src string) goStatus {
	if strings.TrimSpace(src) == "" {
		return goComplete
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	broken := false
	s.Init(file, []byte(src), func(token.Position, string) { broken = true }, 0)
	depth := 0
	last := token.SEMICOLON
	for {
		_, tok, _ := s.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
		last = tok
	}
	switch {
	case broken:
		return goUnfinished
	case depth > 0:
		return goOpenBlock
	case last != token.SEMICOLON:
		// The scanner adds a semicolon at the end of a line that can end a
		// statement; without one the expression goes on.
		return goUnfinished
	}
	return goComplete
}

// cellMagic recognises a cell whose first non-blank line is "%%name args".
// It returns the name, the rest of that line, the body after it, and the
// 0-based line where the body starts.
func cellMagic(cell string) (name, args, body string, bodyLine int, ok bool) {
	lines := strings.Split(cell, "\n")
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "%%") {
			return "", "", "", 0, false
		}
		name, args = splitName(t[2:])
		return name, args, strings.Join(lines[i+1:], "\n"), i + 1, true
	}
	return "", "", "", 0, false
}

// splitName cuts "timeit -n 3 f()" into "timeit" and "-n 3 f()". A '?'
// right after the name stays on it ("timeit?").
func splitName(s string) (name, args string) {
	end := 0
	for end < len(s) && (isLetter(s[end]) || s[end] == '_' || s[end] >= '0' && s[end] <= '9') {
		end++
	}
	if end < len(s) && s[end] == '?' {
		end++
	}
	name, args = s[:end], s[end:]
	if strings.HasPrefix(args, " ") || strings.HasPrefix(args, "\t") {
		args = args[1:]
	}
	return name, args
}
