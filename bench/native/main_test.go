package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gopar/gopar/runtime/native"
)

// TestCAndGoComputeTheSame runs every kernel of the benchmark, at small
// sizes, in C and in Go, and requires the same results: the premise of
// comparing their times.
func TestCAndGoComputeTheSame(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc not found")
	}
	bin, err := buildC("csrc", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	small := sizes{
		piSamples: 300_000,
		sumN:      1_000_003,
		box:       native.BoundingBox{Width: 64, Height: 48, Center: -1.1195 + 0.2718i, Extent: 0.005 + 0.005i},
		maxIter:   512,
	}
	for _, k := range small.kernels(3) {
		if err := k.timeGo(true); err != nil {
			t.Fatal(err)
		}
		if err := k.timeC(bin, true); err != nil {
			t.Error(err)
		}
		if k.goResult != k.cResult {
			t.Errorf("%s: Go %s, C %s", k.name, k.goResult, k.cResult)
		}
	}
}

func TestShortNumbers(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{10_000_000, "1e7"}, {1_000_000_000, "1e9"}, {3_000, "3e3"}, {1_000_003, "1000003"}, {100, "100"}, {0, "0"},
	}
	for _, tt := range tests {
		if got := short(tt.n); got != tt.want {
			t.Errorf("short(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestCodegenNotesFindTheLoops(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc not found")
	}
	// A test binary has no symbol table to disassemble: build the
	// program as run.sh does.
	dir := t.TempDir()
	exe := filepath.Join(dir, "bench-native")
	if out, err := exec.Command("go", "build", "-o", exe, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	notes, err := codegenNotes("csrc", dir, exe)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 4 {
		t.Fatalf("%d notes: %q", len(notes), notes)
	}
	for _, n := range notes {
		if !strings.Contains(n, "scalar loop") {
			t.Errorf("note %q does not find a scalar loop", n)
		}
	}
}

func TestLoopDetection(t *testing.T) {
	loop := []string{".L3:", "addq %rax, %rdx", "addq $1, %rax", "cmpq %rax, %rdi", "jne .L3", "ret"}
	formula := []string{"leaq -1(%rdi), %rax", "imulq %rdi, %rax", "sarq %rax", "ret", ".L4:", "xorl %eax, %eax"}
	vector := []string{".L3:", "paddq %xmm1, %xmm0", "jne .L3"}
	if !gccHasLoop(loop) || gccHasLoop(formula) || !gccVector(vector) || gccVector(loop) {
		t.Error("gcc assembly misread")
	}
	goLoop := []string{"  s.go:5\t0x10\t\t4801c1\t\tADDQ AX, CX", "  s.go:5\t0x13\t\t7ff5\t\tJG 0x10"}
	goNoLoop := []string{"  s.go:5\t0x10\t\t7ff5\t\tJG 0x20", "  s.go:5\t0x20\t\tc3\t\tRET"}
	if !goHasLoop(goLoop) || goHasLoop(goNoLoop) {
		t.Error("Go disassembly misread")
	}
}
