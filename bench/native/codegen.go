package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// codegenNotes says what each compiler made of sum_range: a loop or a
// formula, scalar or vectorised. The comparison only means something while
// both are loops; this checks it on every run rather than trusting a note
// written once.
// exe is the binary whose Go code is examined: the running program.
func codegenNotes(src, dir, exe string) ([]string, error) {
	asm := filepath.Join(dir, "sum_range.s")
	if out, err := exec.Command("gcc", "-O2", "-S", "-o", asm, filepath.Join(src, "sum_range.c")).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("gcc -S: %v\n%s", err, out)
	}
	text, err := os.ReadFile(asm)
	if err != nil {
		return nil, err
	}
	var notes []string
	for _, fn := range []string{"sum_range", "conditional_sum_range"} {
		body := gccFunction(string(text), fn)
		notes = append(notes, fmt.Sprintf("gcc -O2 compiles `%s` to %s (%d instructions).", fn, describe(gccHasLoop(body), gccVector(body)), countInstructions(body)))
	}
	for _, fn := range []string{"sumSpan", "conditionalSumSpan"} {
		body, err := goFunction(exe, fn)
		if err != nil {
			notes = append(notes, fmt.Sprintf("Go `native.%s`: could not disassemble (%v).", fn, err))
			continue
		}
		notes = append(notes, fmt.Sprintf("Go compiles `native.%s` to %s (%d instructions).", fn, describe(goHasLoop(body), goVector(body)), len(body)))
	}
	return notes, nil
}

func describe(loop, vector bool) string {
	switch {
	case !loop:
		return "**no loop: a closed formula**, so its time says nothing about loop speed"
	case vector:
		return "a vectorised loop"
	}
	return "a scalar loop, one number per iteration, not replaced by a formula and not vectorised"
}

// gccFunction returns the assembly lines of fn.
func gccFunction(asm, fn string) []string {
	var body []string
	in := false
	for _, line := range strings.Split(asm, "\n") {
		switch {
		case strings.HasPrefix(line, fn+":"):
			in = true
		case in && strings.Contains(line, ".cfi_endproc"):
			return body
		case in:
			body = append(body, strings.TrimSpace(line))
		}
	}
	return body
}

func countInstructions(body []string) int {
	n := 0
	for _, l := range body {
		if l != "" && !strings.HasPrefix(l, ".") && !strings.HasSuffix(l, ":") {
			n++
		}
	}
	return n
}

// gccHasLoop reports whether some jump goes back to a label defined earlier.
func gccHasLoop(body []string) bool {
	seen := map[string]bool{}
	for _, l := range body {
		if strings.HasSuffix(l, ":") {
			seen[strings.TrimSuffix(l, ":")] = true
			continue
		}
		if f := strings.Fields(l); len(f) == 2 && strings.HasPrefix(f[0], "j") && seen[f[1]] {
			return true
		}
	}
	return false
}

var vectorInstr = regexp.MustCompile(`%[xy]mm|%zmm`)

func gccVector(body []string) bool {
	for _, l := range body {
		if vectorInstr.MatchString(l) {
			return true
		}
	}
	return false
}

// goFunction disassembles github.com/gopar/gopar/runtime/native.fn in the binary exe.
func goFunction(exe, fn string) ([]string, error) {
	cmd := exec.Command("go", "tool", "objdump", "-s", `^github.com/gopar/gopar/runtime/native\.`+fn+`$`, exe)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go tool objdump: %v: %s (a binary built by go run has no symbol table: use run.sh)", err, strings.TrimSpace(stderr.String()))
	}
	var body []string
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Contains(l, "\t0x") {
			body = append(body, l)
		}
	}
	if len(body) == 0 {
		return nil, fmt.Errorf("no instructions found")
	}
	return body, nil
}

var goVectorReg = regexp.MustCompile(`\b[XYZ]\d+\b`)

func goVector(body []string) bool {
	for _, l := range body {
		if goVectorReg.MatchString(l) {
			return true
		}
	}
	return false
}

var goJump = regexp.MustCompile(`\t(0x[0-9a-f]+)\t.*\tJ[A-Z]+ (0x[0-9a-f]+)`)

// goHasLoop reports whether some jump goes back to an earlier address.
func goHasLoop(body []string) bool {
	for _, l := range body {
		m := goJump.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		at, err1 := strconv.ParseUint(m[1][2:], 16, 64)
		to, err2 := strconv.ParseUint(m[2][2:], 16, 64)
		if err1 == nil && err2 == nil && to <= at {
			return true
		}
	}
	return false
}
