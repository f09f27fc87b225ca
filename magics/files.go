package magics

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

const writefileUsage = `%%writefile [-a] FILE

Write the cell body to FILE, printing "Writing FILE" (or "Overwriting FILE"
when it existed); -a appends instead ("Appending to FILE"). A leading ~ is
expanded and one pair of quotes around FILE removed.`

func writefileCell(c *call) (outcome, error) {
	opts, rest, err := parseOptions(c.args, "a")
	if err != nil {
		return outcome{}, err
	}
	name := unquote(rest, os.UserHomeDir)
	if name == "" {
		return outcome{}, usageErrorf("%%%%writefile needs a file name")
	}
	body := c.body
	if body != "" && !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	_, statErr := os.Stat(name)
	exists := statErr == nil
	flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	switch {
	case opts.has('a'):
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		fmt.Fprintf(c.out, "Appending to %s\n", name)
	case exists:
		fmt.Fprintf(c.out, "Overwriting %s\n", name)
	default:
		fmt.Fprintf(c.out, "Writing %s\n", name)
	}
	f, err := os.OpenFile(name, flag, 0o644)
	if err != nil {
		return outcome{}, err
	}
	if _, err := f.WriteString(body); err != nil {
		f.Close()
		return outcome{}, err
	}
	return outcome{}, f.Close()
}

const cdUsage = `%cd [-q] [DIR]

Change the working directory of the kernel (cells, files and shell commands
all see it) and print the new one. Without DIR go home; "%cd -" goes back to
the previous directory. -q prints nothing.`

func cdLine(c *call) (outcome, error) {
	opts, rest, err := parseOptions(c.args, "q")
	if err != nil {
		return outcome{}, err
	}
	dir := unquote(rest, os.UserHomeDir)
	switch dir {
	case "":
		if dir, err = os.UserHomeDir(); err != nil {
			return outcome{}, err
		}
	case "-":
		// The previous directory lives where shells keep it.
		if dir = os.Getenv("OLDPWD"); dir == "" {
			return outcome{}, fmt.Errorf("cd: no previous directory")
		}
	}
	old, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		return outcome{}, fmt.Errorf("cd: %w", err)
	}
	now, err := os.Getwd()
	if err != nil {
		return outcome{}, err
	}
	os.Setenv("OLDPWD", old)
	os.Setenv("PWD", now)
	if !opts.has('q') {
		fmt.Fprintln(c.out, now)
	}
	return outcome{}, nil
}

const pwdUsage = `%pwd

Return the working directory ("dir := %pwd" keeps it in dir).`

func pwdLine(c *call) (outcome, error) {
	if strings.TrimSpace(c.args) != "" {
		return outcome{}, usageErrorf("%%pwd takes no arguments")
	}
	dir, err := os.Getwd()
	if err != nil {
		return outcome{}, err
	}
	return valueOutcome(dir, dir), nil
}

const envUsage = `%env [VAR[=VALUE]]

  %env            list the environment (values of names holding KEY, TOKEN,
                  SECRET or PASS are hidden)
  %env VAR        return the value of VAR ("v := %env HOME" keeps it in v)
  %env VAR=VALUE  set VAR for the kernel and the commands it starts; also
  %env VAR VALUE`

func envLine(c *call) (outcome, error) {
	args := strings.TrimSpace(c.args)
	if args == "" {
		env := os.Environ()
		sort.Strings(env)
		var b strings.Builder
		for _, kv := range env {
			k, v, _ := strings.Cut(kv, "=")
			if sensitive(k) {
				v = "<hidden>"
			}
			fmt.Fprintf(&b, "%s=%s\n", k, v)
		}
		fmt.Fprint(c.out, b.String())
		return outcome{}, nil
	}
	key, val, set := strings.Cut(args, "=")
	if !set {
		key, val, set = strings.Cut(args, " ")
	}
	key, val = strings.TrimSpace(key), strings.TrimSpace(val)
	if key == "" || strings.ContainsAny(key, " \t") {
		return outcome{}, usageErrorf("%%env takes VAR, VAR=VALUE or VAR VALUE, not %q", args)
	}
	if !set {
		v, ok := os.LookupEnv(key)
		if !ok {
			return outcome{}, usageErrorf("Environment does not have key: %s", key)
		}
		return valueOutcome(v, v), nil
	}
	if err := os.Setenv(key, val); err != nil {
		return outcome{}, err
	}
	fmt.Fprintf(c.out, "env: %s=%s\n", key, val)
	return outcome{}, nil
}

func sensitive(name string) bool {
	up := strings.ToUpper(name)
	for _, s := range []string{"KEY", "TOKEN", "SECRET", "PASS"} {
		if strings.Contains(up, s) {
			return true
		}
	}
	return false
}
