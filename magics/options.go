package magics

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// UsageError is a magic called the wrong way: an unknown magic, a bad option
// or a missing argument. Nothing has run when it is returned. Its Error reads
// like IPython's: "UsageError: option -x not recognized ( allowed: "n:r:p:qo" )".
type UsageError struct {
	Msg   string
	Usage string // the magic's usage text, printed before the error; may be empty
	shown bool   // Usage has been printed (a magic inside %%time fails once)
}

func (e *UsageError) Error() string { return "UsageError: " + e.Msg }

func usageErrorf(format string, args ...any) *UsageError {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// options are the parsed leading options of a magic line.
type options map[byte]string

func (o options) has(c byte) bool { _, ok := o[c]; return ok }

// parseOptions splits getopt-style options off the front of args, the way
// IPython's parse_options does with preserve_non_opts: options come first
// ("-n 10", "-n10", "-qo"), "--" ends them, and the rest is returned verbatim
// as the statement. spec lists the letters, a colon after those that take a
// value ("n:r:p:qo").
func parseOptions(args, spec string) (options, string, error) {
	opts := options{}
	rest := strings.TrimLeftFunc(args, unicode.IsSpace)
	for {
		tok, after := nextToken(rest)
		if tok == "--" {
			return opts, strings.TrimLeftFunc(after, unicode.IsSpace), nil
		}
		if len(tok) < 2 || tok[0] != '-' || !isLetter(tok[1]) {
			return opts, rest, nil
		}
		rest = strings.TrimLeftFunc(after, unicode.IsSpace)
		for i := 1; i < len(tok); i++ {
			c := tok[i]
			at := strings.IndexByte(spec, c)
			if at < 0 || c == ':' {
				return nil, "", usageErrorf("option -%c not recognized ( allowed: %q )", c, spec)
			}
			if at+1 < len(spec) && spec[at+1] == ':' {
				val := tok[i+1:]
				if val == "" {
					val, after = nextToken(rest)
					if val == "" {
						return nil, "", usageErrorf("option -%c requires argument ( allowed: %q )", c, spec)
					}
					rest = strings.TrimLeftFunc(after, unicode.IsSpace)
				}
				opts[c] = val
				break
			}
			opts[c] = ""
		}
	}
}

// nextToken returns the first whitespace-delimited word of s and what follows it.
func nextToken(s string) (tok, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	end := strings.IndexFunc(s, unicode.IsSpace)
	if end < 0 {
		return s, ""
	}
	return s[:end], s[end:]
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// intOption reads option c as an integer of at least lo, or def when absent.
func (o options) intOption(c byte, def, lo int) (int, error) {
	v, ok := o[c]
	if !ok {
		return def, nil
	}
	n, err := strconv.ParseInt(v, 0, 0)
	if err != nil || int(n) < lo {
		return 0, usageErrorf("-%c takes an integer of at least %d, not %q", c, lo, v)
	}
	return int(n), nil
}

// floatOption reads option c as a positive number, or def when absent.
func (o options) floatOption(c byte, def float64) (float64, error) {
	v, ok := o[c]
	if !ok {
		return def, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || !(f > 0) {
		return 0, usageErrorf("-%c takes a positive number, not %q", c, v)
	}
	return f, nil
}

// unquote strips one pair of matching quotes and expands a leading ~, as
// IPython does for file names.
func unquote(s string, home func() (string, error)) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	if s == "~" || strings.HasPrefix(s, "~/") {
		if h, err := home(); err == nil {
			s = h + s[1:]
		}
	}
	return s
}
