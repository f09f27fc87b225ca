package interpreter

import (
	"errors"
	"fmt"
	"go/parser"
	"go/scanner"
	"reflect"
	"strconv"
	"strings"

	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// Conditional breakpoints, hit conditions and log points: what decides,
// on the goroutine that reached a breakpoint's line, whether it stops.

// check returns why b cannot be set, or "".
func (b Breakpoint) check() string {
	if b.Condition != "" {
		if _, err := parser.ParseExpr(b.Condition); err != nil {
			return "the condition is not a Go expression: " + exprSyntax(err)
		}
	}
	if b.HitCondition != "" {
		if _, _, err := parseHitCondition(b.HitCondition); err != nil {
			return err.Error()
		}
	}
	if b.LogMessage != "" {
		parts, err := splitLogMessage(b.LogMessage)
		if err != nil {
			return err.Error()
		}
		for _, p := range parts {
			if p.expr {
				if _, err := parser.ParseExpr(p.text); err != nil {
					return fmt.Sprintf("{%s} in the log message is not a Go expression: %s", p.text, exprSyntax(err))
				}
			}
		}
	}
	return ""
}

// exprSyntax is a parse error of an expression without its position,
// which is in one line the user typed.
func exprSyntax(err error) string {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return list[0].Msg
	}
	return err.Error()
}

// parseHitCondition reads "5", "==5", ">5", ">=5", "<5", "<=5" or "%5".
func parseHitCondition(c string) (op string, n int, err error) {
	c = strings.TrimSpace(c)
	for _, o := range []string{">=", "<=", "==", ">", "<", "%"} {
		if strings.HasPrefix(c, o) {
			op, c = o, strings.TrimSpace(c[len(o):])
			break
		}
	}
	if op == "" {
		op = "=="
	}
	n, err = strconv.Atoi(c)
	if err != nil || n < 0 || op == "%" && n == 0 {
		return "", 0, fmt.Errorf("the hit condition %q is not a count such as 5, >5, >=5, <5, <=5, ==5 or %%5", c)
	}
	return op, n, nil
}

func hitMatches(op string, n, hits int) bool {
	switch op {
	case ">":
		return hits > n
	case ">=":
		return hits >= n
	case "<":
		return hits < n
	case "<=":
		return hits <= n
	case "%":
		return hits%n == 0
	}
	return hits == n
}

type logPart struct {
	text string
	expr bool // text is an expression to evaluate
}

// splitLogMessage splits a log message into text and {expressions};
// {{ and }} stand for braces.
func splitLogMessage(msg string) ([]logPart, error) {
	var parts []logPart
	var text strings.Builder
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		switch {
		case c == '{' && i+1 < len(msg) && msg[i+1] == '{', c == '}' && i+1 < len(msg) && msg[i+1] == '}':
			text.WriteByte(c)
			i++
		case c == '{':
			end := matchingBrace(msg, i)
			if end < 0 {
				return nil, fmt.Errorf("the log message has a { without its }: %s", msg)
			}
			if text.Len() > 0 {
				parts = append(parts, logPart{text: text.String()})
				text.Reset()
			}
			parts = append(parts, logPart{text: msg[i+1 : end], expr: true})
			i = end
		case c == '}':
			return nil, fmt.Errorf("the log message has a } without its {: %s", msg)
		default:
			text.WriteByte(c)
		}
	}
	if text.Len() > 0 {
		parts = append(parts, logPart{text: text.String()})
	}
	return parts, nil
}

// matchingBrace is the index of the } that closes the { at i, counting
// the braces of composite literals in between, or -1.
func matchingBrace(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// debugBreak decides, on the goroutine that reached a breakpoint, whether
// it stops there: its condition holds, its hit condition counts this hit;
// a log point prints its message and never stops. A condition that cannot
// be evaluated stops, with the reason printed.
func (s *Session) debugBreak(e *interp.DebugEvent) bool {
	d := &s.debug
	f := e.Frame()
	if f == nil {
		return true
	}
	path, line, ok := d.where(f.Position())
	if !ok {
		return true
	}
	d.mu.Lock()
	var bp Breakpoint
	found := false
	for _, b := range d.breakpoints[path] {
		if b.Line == line {
			bp, found = b, true
			break
		}
	}
	d.mu.Unlock()
	if !found || bp.Condition == "" && bp.HitCondition == "" && bp.LogMessage == "" {
		return true
	}
	if bp.Condition != "" {
		res, err := f.Evaluate(bp.Condition)
		if err == nil && (!res.Value.IsValid() || res.Value.Kind() != reflect.Bool) {
			err = fmt.Errorf("the condition %s is not a bool but %s", bp.Condition, debugValue{value: res.Value, typ: res.Type}.typeName())
		}
		if err != nil {
			fmt.Fprintf(s.opts.Stderr, "breakpoint at line %d: %v\n", line, err)
			return true
		}
		if !res.Value.Bool() {
			return false
		}
	}
	if bp.HitCondition != "" {
		op, n, err := parseHitCondition(bp.HitCondition)
		if err != nil {
			return true
		}
		key := path + ":" + strconv.Itoa(line)
		d.mu.Lock()
		hits := 0
		if d.hits != nil {
			d.hits[key]++
			hits = d.hits[key]
		}
		d.mu.Unlock()
		if !hitMatches(op, n, hits) {
			return false
		}
	}
	if bp.LogMessage != "" {
		fmt.Fprintln(s.opts.Stdout, logMessage(f, bp.LogMessage))
		return false
	}
	return true
}

// logMessage is msg with each {expression} evaluated in f.
func logMessage(f *interp.DebugFrame, msg string) string {
	parts, err := splitLogMessage(msg)
	if err != nil {
		return msg
	}
	var b strings.Builder
	for _, p := range parts {
		if !p.expr {
			b.WriteString(p.text)
			continue
		}
		res, err := f.Evaluate(p.text)
		if err != nil {
			b.WriteString("{" + err.Error() + "}")
			continue
		}
		v := debugValue{value: res.Value, typ: res.Type}.resolved()
		if v.value.IsValid() && v.value.Kind() == reflect.String {
			b.WriteString(v.value.String()) // as fmt.Print would
		} else {
			b.WriteString(debugValue{value: res.Value, typ: res.Type}.text())
		}
	}
	return b.String()
}
