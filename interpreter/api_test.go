package interpreter

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCompile(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if _, e := run(t, s, "import \"time\"\nbase := 5"); e != nil {
		t.Fatal(e)
	}
	tests := []struct {
		name string
		src  string
		call func(any) any
		want any
	}{
		{"range over int", "func(n int) int {\n\ts := 0\n\tfor i := range n {\n\t\ts += i\n\t}\n\treturn s\n}", func(f any) any { return f.(func(int) int)(10) }, 45},
		{"uses globals", "func() int { return base * 2 }", func(f any) any { return f.(func() int)() }, 10},
		{"returns a duration", "func(n int) time.Duration { return time.Duration(n) * time.Millisecond }", func(f any) any { return f.(func(int) time.Duration)(3) }, 3 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := s.Compile(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.call(f); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := s.Compile("func() int { return undefinedThing }"); err == nil || !strings.Contains(err.Error(), "undefined: undefinedThing") {
		t.Errorf("compile error = %v", err)
	}
	for _, v := range s.Globals() {
		if strings.HasPrefix(v.Name, "_") {
			t.Errorf("Compile left a variable: %v", v)
		}
	}
}

func TestBindGlobalsReset(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if err := s.Bind("timing", 42*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if res, e := run(t, s, "timing * 2"); e != nil || res["text/plain"] != "84ms" {
		t.Fatalf("bound value: %v %v", res, e)
	}
	if _, e := run(t, s, "count := 3\nnames := []string{\"a\", \"b\"}"); e != nil {
		t.Fatal(e)
	}
	got := s.Globals()
	want := []Variable{
		{Name: "count", Type: "int", Value: "3"},
		{Name: "names", Type: "[]string", Value: "[a b]"},
		{Name: "timing", Type: "time.Duration", Value: "42ms"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Globals() = %v, want %v", got, want)
	}
	if err := s.Reset(); err != nil {
		t.Fatal(err)
	}
	if len(s.Globals()) != 0 || len(s.Snapshot()) != 0 {
		t.Errorf("state after Reset: %v %v", s.Globals(), s.Snapshot())
	}
	if _, e := run(t, s, "count"); e == nil || !strings.Contains(e.Value, "undefined: count") {
		t.Errorf("after Reset: %v", e)
	}
}

func TestSnapshotRestore(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	cells := []string{
		"import (\"fmt\"; \"strings\")",
		"type Shape interface{ Area() float64 }\ntype Sq struct{ S float64 }\nfunc (q Sq) Area() float64 { return q.S * q.S }",
		"func describe(x Shape) string { return fmt.Sprintf(\"%.1f\", x.Area()) }",
		"const Factor = 2",
		"r := strings.NewReader(\"abc\")\nn := Factor * 21",
		"func describe(x Shape) string { return \"area \" + fmt.Sprintf(\"%.1f\", x.Area()) }",
	}
	for _, c := range cells {
		if _, e := run(t, s, c); e != nil {
			t.Fatalf("%v\n%s", e, c)
		}
	}
	snap := s.Snapshot()
	fresh, _, _ := newTestSession(t, "")
	if err := fresh.Restore(snap); err != nil {
		t.Fatalf("Restore: %v\n%s", err, strings.Join(snap, "\n"))
	}
	res, e := run(t, fresh, "describe(Sq{3})")
	if e != nil || res["text/plain"] != "area 9.0" {
		t.Errorf("after Restore: %v %v", res, e)
	}
	res, e = run(t, fresh, "n")
	if e != nil || res["text/plain"] != "0" {
		t.Errorf("restored variable n = %v %v, want its zero value", res, e)
	}
	if res, e = run(t, fresh, "r == nil"); e != nil || res["text/plain"] != "true" {
		t.Errorf("restored variable r: %v %v", res, e)
	}
}

func TestCompleteWhileRunning(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	if _, e := run(t, s, "import \"time\"\nvalue := 1"); e != nil {
		t.Fatal(e)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Execute(ctx, "time.Sleep(time.Hour)")
	}()
	time.Sleep(20 * time.Millisecond)
	finished := make(chan []string)
	go func() {
		m, _, _ := s.Complete("val", 3)
		finished <- m
	}()
	select {
	case m := <-finished:
		if !slices.Contains(m, "value") {
			t.Errorf("matches %v", m)
		}
	case <-time.After(5 * time.Second):
		t.Error("Complete waited for the running cell")
	}
	cancel()
	<-done
}

func TestRestorePartial(t *testing.T) {
	s, _, _ := newTestSession(t, "")
	err := s.Restore([]string{`import "fmt"`, "func ok() string { return fmt.Sprint(1) }", "func broken() int { return missing }"})
	if err == nil || !strings.Contains(err.Error(), "func broken") {
		t.Errorf("Restore error = %v, want one naming func broken", err)
	}
	if res, e := run(t, s, "ok()"); e != nil || res["text/plain"] != "1" {
		t.Errorf("restored func: %v %v", res, e)
	}
}
