package magics

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"
)

const argsUsage = `%args [ARG ...]

Set the command-line arguments of the programs run in later cells: os.Args
becomes the program name followed by ARG ..., which flag.Parse reads, as
if the program had been started as "main ARG ...". Words are split at
spaces; single or double quotes keep spaces in one argument.

With no arguments, show os.Args. "%args --" alone clears the arguments.`

func argsLine(c *call) (outcome, error) {
	words, err := splitWords(c.args)
	if err != nil {
		return outcome{}, usageErrorf("%%args: %v", err)
	}
	name := "main"
	if len(os.Args) > 0 {
		name = os.Args[0]
	}
	switch {
	case len(words) == 0:
		text := fmt.Sprintf("%q", os.Args)
		return valueOutcome(append([]string(nil), os.Args...), text), nil
	case len(words) == 1 && words[0] == "--":
		words = nil
	}
	os.Args = append([]string{name}, words...)
	return outcome{}, nil
}

// splitWords splits s into words at unquoted spaces, as a shell does for
// plain words and quoted strings (no variables, no escapes outside double
// quotes).
func splitWords(s string) ([]string, error) {
	var (
		words []string
		cur   strings.Builder
		in    bool // inside a word
		quote rune
	)
	for _, r := range s {
		switch {
		case quote == '\'':
			if r == '\'' {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case quote == '"':
			if r == '"' {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, in = r, true
		case unicode.IsSpace(r):
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %s quote", strconv.QuoteRune(quote))
	}
	if in {
		words = append(words, cur.String())
	}
	return words, nil
}
