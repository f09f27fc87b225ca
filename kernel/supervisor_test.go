package kernel

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gopar/gopar/runtime/display"
	"github.com/gopar/gopar/runtime/interrupt"
	"github.com/gopar/gopar/worker"
)

// The test binary doubles as a worker with a scripted engine, so the
// supervisor, the pipes and the output ordering are tested without the
// interpreter.
func TestMain(m *testing.M) {
	if os.Getenv("GOPAR_FAKE_WORKER") == "1" {
		err := worker.Serve(worker.Config{NewEngine: func(stdin io.Reader) (worker.Engine, error) {
			return &scriptEngine{stdin: bufio.NewReader(stdin)}, nil
		}})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// scriptEngine runs one command per line: print, eprint, flood N, display,
// fail, die, sleep, hang, input, value X, set NAME.
type scriptEngine struct {
	stdin   *bufio.Reader
	decls   []string
	globals []string
	blocked atomic.Bool // a cell is in "block"
}

func (e *scriptEngine) Execute(ctx context.Context, code string) (map[string]any, error) {
	var result map[string]any
	for _, line := range strings.Split(code, "\n") {
		cmd, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch cmd {
		case "print":
			fmt.Println(arg)
		case "eprint":
			fmt.Fprintln(os.Stderr, arg)
		case "flood":
			var n int
			fmt.Sscan(arg, &n)
			w := bufio.NewWriter(os.Stdout)
			for i := 0; i < n; i++ {
				fmt.Fprintf(w, "line %d\n", i)
			}
			w.Flush()
		case "display":
			display.Publish(display.Message{Kind: display.KindDisplay, Data: map[string]any{"text/plain": arg}})
		case "fail":
			return nil, &worker.Error{Name: "panic", Value: arg}
		case "die":
			fmt.Fprintln(os.Stderr, "fatal error: concurrent map writes")
			os.Exit(2)
		case "sleep":
			select {
			case <-ctx.Done():
				return nil, &worker.Error{Name: "Interrupted", Value: "interrupted"}
			case <-time.After(10 * time.Second):
			}
		case "nap":
			// A sleep that ends early on interrupt, then the cell goes on.
			interrupt.Sleep(10 * time.Second)
		case "hang":
			time.Sleep(time.Hour)
		case "goexit":
			runtime.Goexit()
		case "block":
			// Blocked past any interrupt, as compiled code can be, but in
			// code the engine may abandon.
			e.blocked.Store(true)
			select {}
		case "input":
			s, err := e.stdin.ReadString('\n')
			if err != nil {
				return nil, err
			}
			fmt.Print("got " + s)
		case "value":
			result = map[string]any{"text/plain": arg}
		case "set":
			e.decls = append(e.decls, "var "+arg)
			e.globals = append(e.globals, arg)
		case "decls":
			fmt.Println(strings.Join(e.decls, ";"))
		case "":
		default:
			return nil, errors.New("unknown command " + cmd)
		}
	}
	return result, nil
}

func (e *scriptEngine) Complete(code string, cursor int) ([]string, int, int) {
	return []string{"Println", "Printf"}, 0, cursor
}
func (e *scriptEngine) Inspect(string, int, int) (map[string]any, bool) {
	return map[string]any{"text/plain": "doc"}, true
}
func (e *scriptEngine) IsComplete(code string) (string, string) { return "complete", "" }
func (e *scriptEngine) Snapshot() []string                      { return e.decls }
func (e *scriptEngine) Restore(decls []string) error            { e.decls = decls; return nil }
func (e *scriptEngine) GlobalNames() []string                   { return e.globals }
func (e *scriptEngine) Abandon() (error, bool)                  { return nil, e.blocked.CompareAndSwap(true, false) }

// recorder collects what the kernel would publish on iopub.
type recorder struct {
	mu   sync.Mutex
	msgs []published
}

type published struct {
	msgType string
	content map[string]any
}

func (r *recorder) publish(msgType string, parent json.RawMessage, content any) {
	b, _ := json.Marshal(content)
	var c map[string]any
	json.Unmarshal(b, &c)
	r.mu.Lock()
	r.msgs = append(r.msgs, published{msgType, c})
	r.mu.Unlock()
}

func (r *recorder) take() []published {
	r.mu.Lock()
	defer r.mu.Unlock()
	m := r.msgs
	r.msgs = nil
	return m
}

// text joins the stream text published on name.
func text(msgs []published, name string) string {
	var b strings.Builder
	for _, m := range msgs {
		if m.msgType == "stream" && m.content["name"] == name {
			b.WriteString(m.content["text"].(string))
		}
	}
	return b.String()
}

func newTestSupervisor(t *testing.T) (*Supervisor, *recorder) {
	t.Helper()
	rec := &recorder{}
	out := NewOutput(0, rec.publish)
	s := NewSupervisor([]string{os.Args[0], "-test.run=^$"}, out)
	s.env = append(os.Environ(), "GOPAR_FAKE_WORKER=1")
	s.InterruptGrace = time.Second
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Shutdown)
	return s, rec
}

func run(s *Supervisor, code string) ExecuteResult {
	s.out.BeginCell(json.RawMessage(`{}`))
	defer s.out.EndCell()
	return s.Execute(context.Background(), ExecuteRequest{Code: code})
}

func TestOutputAndDisplaysKeepTheirOrder(t *testing.T) {
	s, rec := newTestSupervisor(t)
	res := run(s, "print one\ndisplay picture\nprint two\nvalue 42")
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	if res.Result["text/plain"] != "42" {
		t.Errorf("result = %v", res.Result)
	}
	var order []string
	for _, m := range rec.take() {
		switch m.msgType {
		case "stream":
			order = append(order, strings.TrimSpace(m.content["text"].(string)))
		case "display_data":
			order = append(order, "display:"+m.content["data"].(map[string]any)["text/plain"].(string))
		}
	}
	if got := strings.Join(order, ","); got != "one,display:picture,two" {
		t.Errorf("published in order %q", got)
	}
}

func TestStderrIsStreamedAsStderr(t *testing.T) {
	s, rec := newTestSupervisor(t)
	run(s, "eprint warning")
	if got := text(rec.take(), "stderr"); got != "warning\n" {
		t.Errorf("stderr = %q", got)
	}
}

func TestFloodKeepsHeadAndTailAndSaysWhatWasOmitted(t *testing.T) {
	s, rec := newTestSupervisor(t)
	res := run(s, "flood 200000")
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	msgs := rec.take()
	out := text(msgs, "stdout")
	if !strings.HasPrefix(out, "line 0\nline 1\n") || !strings.HasSuffix(out, "line 199999\n") {
		t.Errorf("flood lost its head or tail: %q ... %q", out[:20], out[len(out)-20:])
	}
	if len(out) > DefaultOutputLimit+tailBytes {
		t.Errorf("streamed %d bytes, more than the limit", len(out))
	}
	if note := text(msgs, "stderr"); !strings.Contains(note, "lines omitted") {
		t.Errorf("no omission note, stderr = %q", note)
	}
	if len(msgs) > 100 {
		t.Errorf("%d messages for one flood: output is not coalesced", len(msgs))
	}
	// The kernel still answers after the flood.
	if res := run(s, "value ok"); res.Result["text/plain"] != "ok" {
		t.Errorf("after flood: %+v", res)
	}
}

func TestWorkerDeathIsReportedAndStateReplayed(t *testing.T) {
	s, rec := newTestSupervisor(t)
	run(s, "set counts")
	res := run(s, "die")
	if res.Error == nil || !strings.Contains(res.Error.Value, "concurrent map writes") {
		t.Fatalf("error = %+v, want the fatal message", res.Error)
	}
	if tb := strings.Join(res.Error.Traceback, "\n"); !strings.Contains(tb, "counts") {
		t.Errorf("traceback does not name the lost variable: %q", tb)
	}
	rec.take()
	run(s, "decls")
	if got := text(rec.take(), "stdout"); got != "var counts\n" {
		t.Errorf("after restart the declarations are %q", got)
	}
}

func TestInterruptStopsACell(t *testing.T) {
	s, _ := newTestSupervisor(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	res := s.Execute(ctx, ExecuteRequest{Code: "sleep"})
	if res.Error == nil || res.Error.Name != "Interrupted" {
		t.Fatalf("error = %+v, want Interrupted", res.Error)
	}
	if res := run(s, "value alive"); res.Result["text/plain"] != "alive" {
		t.Errorf("after interrupt: %+v", res)
	}
}

func TestACellWhoseSleepWasCutShortEndsInterrupted(t *testing.T) {
	s, _ := newTestSupervisor(t)
	for i := 0; i < 5; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(100*time.Millisecond, cancel)
		res := s.Execute(ctx, ExecuteRequest{Code: "nap\nvalue done"})
		if res.Error == nil || res.Error.Name != "Interrupted" {
			t.Fatalf("run %d: result %v, error %+v; want Interrupted", i, res.Result, res.Error)
		}
	}
}

func TestStuckCellIsKilledAfterGrace(t *testing.T) {
	s, _ := newTestSupervisor(t)
	run(s, "set x")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	res := s.Execute(ctx, ExecuteRequest{Code: "hang"})
	if res.Error == nil || res.Error.Name != "Interrupted" {
		t.Fatalf("error = %+v, want Interrupted", res.Error)
	}
	if res := run(s, "value alive"); res.Result["text/plain"] != "alive" {
		t.Errorf("after restart: %+v", res)
	}
}

// TestBlockedCellIsLeftBehind: a cell blocked past an interrupt in code its
// engine can abandon ends as interrupted, in the same worker, which goes on
// serving with its state.
func TestBlockedCellIsLeftBehind(t *testing.T) {
	s, rec := newTestSupervisor(t)
	run(s, "set x")
	p, err := s.current()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	res := s.Execute(ctx, ExecuteRequest{Code: "block"})
	if res.Error == nil || res.Error.Name != "Interrupted" || res.Error.Value != "the cell was interrupted" {
		t.Fatalf("error = %+v, want Interrupted", res.Error)
	}
	if q, _ := s.current(); q != p {
		t.Error("the worker was restarted")
	}
	rec.take()
	run(s, "decls")
	if got := text(rec.take(), "stdout"); got != "var x\n" {
		t.Errorf("after the blocked cell the declarations are %q", got)
	}
	// A second blocked cell is left behind the same way.
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	if res := s.Execute(ctx, ExecuteRequest{Code: "block"}); res.Error == nil || res.Error.Name != "Interrupted" {
		t.Fatalf("second block: error = %+v", res.Error)
	}
	if res := run(s, "value alive"); res.Result["text/plain"] != "alive" {
		t.Errorf("after two blocked cells: %+v", res)
	}
}

func TestReadyWhenTheWorkerIs(t *testing.T) {
	s, _ := newTestSupervisor(t)
	select {
	case <-s.Ready():
	case <-time.After(10 * time.Second):
		t.Fatal("the worker never became ready")
	}
	if res := run(s, "value alive"); res.Result["text/plain"] != "alive" {
		t.Errorf("after ready: %+v", res)
	}
}

func TestGoexitEndsOnlyTheCell(t *testing.T) {
	s, _ := newTestSupervisor(t)
	p, _ := s.current()
	res := run(s, "goexit")
	if res.Error == nil || res.Error.Name != "Goexit" {
		t.Fatalf("error = %+v, want Goexit", res.Error)
	}
	if res := run(s, "value alive"); res.Result["text/plain"] != "alive" {
		t.Errorf("after Goexit: %+v", res)
	}
	if q, _ := s.current(); q != p {
		t.Error("the worker was restarted")
	}
}

func TestStdin(t *testing.T) {
	s, rec := newTestSupervisor(t)
	s.out.BeginCell(json.RawMessage(`{}`))
	res := s.Execute(context.Background(), ExecuteRequest{Code: "input", AllowStdin: true,
		Stdin: func(prompt string, password bool) (string, error) { return "Ada", nil }})
	s.out.EndCell()
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	if got := text(rec.take(), "stdout"); got != "got Ada\n" {
		t.Errorf("stdout = %q", got)
	}
	res = run(s, "input")
	if res.Error == nil || !strings.Contains(res.Error.Value, "allow_stdin") {
		t.Errorf("reading stdin without allow_stdin: %+v", res.Error)
	}
}
