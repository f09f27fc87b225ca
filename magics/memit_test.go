package magics

import (
	"errors"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gopar/gopar/runtime/profile"
)

// allocating is an onExecute hook: the code "alloc()" makes 64 MiB resident
// for 100 ms (long enough for the sampler to see it on a loaded machine).
func allocating(code string) {
	if strings.TrimSpace(code) != "alloc()" {
		return
	}
	b := make([]byte, 64<<20)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	time.Sleep(100 * time.Millisecond)
	runtime.KeepAlive(b)
}

var memitRE = regexp.MustCompile(`^peak memory: \d+\.\d\d MiB, increment: -?\d+\.\d\d MiB\n$`)

func TestMemitLine(t *testing.T) {
	eng := &fakeEngine{onExecute: allocating}
	out, res, err := run(t, eng, "m := %memit -r 2 -i 0.005 alloc()")
	if err != nil || res != nil || !memitRE.MatchString(out) {
		t.Fatalf("out %q, result %v, err %v", out, res, err)
	}
	m, ok := eng.bound["m"].(profile.MemitResult)
	if !ok || m.Repeat != 2 || len(m.MemUsage) != 2 || m.Interval != 0.005 {
		t.Fatalf("bound %#v", eng.bound["m"])
	}
	if inc := m.Increment(); inc < 48 || inc > 160 {
		t.Errorf("increment %.2f MiB for 64 MiB allocated", inc)
	}
	if out != m.String()+"\n" {
		t.Errorf("printed %q, result says %q", out, m)
	}
	if len(eng.executed) != 2 {
		t.Errorf("executed %q, want the statement twice", eng.executed)
	}
}

func TestMemitCellRunsSetupFirst(t *testing.T) {
	eng := &fakeEngine{onExecute: allocating}
	out, res, err := run(t, eng, "%%memit -q -o data := load()\nalloc()")
	if err != nil || out != "" {
		t.Fatalf("out %q, err %v", out, err)
	}
	if text, _ := res["text/plain"].(string); !strings.HasPrefix(text, "<MemitResult : peak memory: ") {
		t.Errorf("result %v", res)
	}
	want := []string{"data := load()", "\nalloc()"}
	if strings.Join(eng.executed, "|") != strings.Join(want, "|") {
		t.Errorf("executed %q, want %q", eng.executed, want)
	}
}

func TestMemitError(t *testing.T) {
	boom := errors.New("boom")
	eng := &fakeEngine{fail: map[string]error{"f()": boom}}
	out, _, err := run(t, eng, "%memit -r 3 f()")
	if !errors.Is(err, boom) || out != "" || len(eng.executed) != 1 {
		t.Errorf("out %q, err %v, executed %q", out, err, eng.executed)
	}
}

func TestMemitUsageErrors(t *testing.T) {
	tests := []struct{ cell, msg string }{
		{"%memit -i 0 f()", `-i takes a positive number, not "0"`},
		{"%memit -i fast f()", `-i takes a positive number, not "fast"`},
		{"%memit -r 0 f()", `-r takes an integer of at least 1, not "0"`},
		{"%memit -c f()", `option -c not recognized ( allowed: "r:i:qo" )`},
		{"%memit", "%memit needs a statement to measure"},
	}
	for _, tt := range tests {
		eng := &fakeEngine{}
		out, _, err := run(t, eng, tt.cell)
		var ue *UsageError
		if !errors.As(err, &ue) || ue.Msg != tt.msg {
			t.Errorf("%q: err %v, want %q", tt.cell, err, tt.msg)
		}
		if !strings.HasPrefix(out, "%memit [-r R]") || len(eng.executed) != 0 {
			t.Errorf("%q: printed %q, executed %q", tt.cell, out, eng.executed)
		}
	}
}
