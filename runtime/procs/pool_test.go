package procs

import (
	"errors"
	"io"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gopar/gopar/runtime/interrupt"
	"github.com/gopar/gopar/runtime/native"
)

func newPool(t *testing.T, n int) *Pool {
	t.Helper()
	p, err := NewPool(n)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func TestMapCalcPi(t *testing.T) {
	p := newPool(t, 2)
	pis, err := p.Map("calc_pi", []any{200_000, 200_000, 200_000, 200_000})
	if err != nil {
		t.Fatal(err)
	}
	if len(pis) != 4 {
		t.Fatalf("got %d results, want 4", len(pis))
	}
	for i, v := range pis {
		if pi, ok := v.(float64); !ok || math.Abs(pi-math.Pi) > 0.02 {
			t.Errorf("result %d = %v, want about pi", i, v)
		}
	}
	// Seeded runs are reproducible: the workers compute what this
	// process would.
	seeded, err := p.StarMap("calc_pi_seeded", [][]any{{100_000, 1}, {100_000, 2}, {100_000, 3}})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range seeded {
		if want := native.CalcPiSeeded(100_000, uint64(i+1)); v != want {
			t.Errorf("calc_pi_seeded(1e5, %d) = %v, want %v", i+1, v, want)
		}
	}
}

func TestApply(t *testing.T) {
	p := newPool(t, 1)
	tests := []struct {
		task    string
		args    []any
		want    any
		wantErr string
	}{
		{task: "sum_range", args: []any{1000}, want: int64(499500)},
		{task: "sum_range", args: []any{1000.0}, want: int64(499500)},
		{task: "conditional_sum_range", args: []any{int64(10)}, want: int64(0 + 3 + 6 + 9)},
		{task: "noop", want: nil},
		{task: "echo", args: []any{[]float64{1.5, 2}}, want: []float64{1.5, 2}},
		{task: "echo", args: []any{[]int{1, 2}}, want: []float64{1, 2}},
		{task: "test_pair", args: []any{21, "x"}, want: []any{"x", 42}},
		{task: "test_any", args: []any{map[string]any{"a": 1.5}}, want: map[string]any{"a": 1.5}},
		{task: "sum_range", args: []any{1.5}, wantErr: "not a whole number"},
		{task: "sum_range", args: []any{"many"}, wantErr: "argument 1"},
		{task: "sum_range", args: []any{1, 2}, wantErr: "takes 1 arguments, got 2"},
		{task: "no_such_task", wantErr: `no task named "no_such_task"`},
		{task: "test_error", args: []any{"it went wrong"}, wantErr: "task test_error: it went wrong"},
		{task: "test_panic", wantErr: "task test_panic: panic: deliberate"},
	}
	for _, tt := range tests {
		got, err := p.Apply(tt.task, tt.args...)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Apply(%s, %v) error = %v, want one containing %q", tt.task, tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Apply(%s, %v) = %#v, %v; want %#v", tt.task, tt.args, got, err, tt.want)
		}
	}
}

// TestTasksRunInWorkers checks that tasks run in the pool's processes, all
// of them, and that a task's failure leaves its worker running.
func TestTasksRunInWorkers(t *testing.T) {
	p := newPool(t, 2)
	args := make([][]any, 20)
	for i := range args {
		args[i] = nil
	}
	pids, err := p.StarMap("test_pid", args)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, v := range pids {
		if v.(int) == os.Getpid() {
			t.Fatal("a task ran in the calling process")
		}
		seen[v.(int)] = true
	}
	if len(seen) > 2 {
		t.Errorf("tasks ran in %d processes, the pool has 2", len(seen))
	}
	var te *TaskError
	if _, err := p.Apply("test_panic"); !errors.As(err, &te) || !te.Panic {
		t.Errorf("panic: got %v, want a *TaskError with Panic set", err)
	}
	after, _ := p.StarMap("test_pid", args)
	for _, v := range after {
		if !seen[v.(int)] {
			t.Errorf("process %d is new: a task's panic should not cost its worker", v)
		}
	}
	if s := p.Stats(); s.Starts != 2 || s.Crashes != 0 || s.Processes != 2 {
		t.Errorf("stats: %+v", s)
	}
}

func TestCrashedWorkerIsReported(t *testing.T) {
	tests := []struct {
		task       string
		args       []any
		wantStatus string
		wantWords  string
	}{
		{task: "test_exit", args: []any{3}, wantStatus: "exit status 3"},
		{task: "test_goroutine_panic", wantStatus: "exit status 2", wantWords: "panic: boom in a goroutine"},
		{task: "test_stack_overflow", wantStatus: "exit status 2", wantWords: "fatal error: stack overflow"},
	}
	p := newPool(t, 1)
	for _, tt := range tests {
		_, err := p.Apply(tt.task, tt.args...)
		var we *WorkerError
		if !errors.As(err, &we) {
			t.Errorf("%s: got %v, want a *WorkerError", tt.task, err)
			continue
		}
		if we.Status != tt.wantStatus || !strings.Contains(we.LastWords, tt.wantWords) || we.Task != tt.task {
			t.Errorf("%s: got %+v, want status %q and last words with %q", tt.task, we, tt.wantStatus, tt.wantWords)
		}
		// The pool replaces the dead worker.
		if v, err := p.Apply("sum_range", 10); err != nil || v != int64(45) {
			t.Errorf("after %s: sum_range = %v, %v", tt.task, v, err)
		}
	}
	if s := p.Stats(); s.Crashes != len(tests) || s.Starts != 1+len(tests) {
		t.Errorf("stats after %d crashes: %+v", len(tests), s)
	}
}

func TestKilledWorkerIsReported(t *testing.T) {
	p := newPool(t, 1)
	q := NewQueue()
	f := p.ApplyAsync("test_hang", q)
	pid := q.Get().(int)
	if proc, err := os.FindProcess(pid); err != nil {
		t.Fatal(err)
	} else if err := proc.Kill(); err != nil {
		t.Fatal(err)
	}
	_, err := f.AwaitErr()
	var we *WorkerError
	if !errors.As(err, &we) || we.PID != pid || we.Status != "signal: killed" {
		t.Fatalf("got %v, want the worker's death reported", err)
	}
}

func TestInterruptStopsTheCall(t *testing.T) {
	defer func(d time.Duration) { interruptGrace = d }(interruptGrace)
	interruptGrace = 200 * time.Millisecond
	p := newPool(t, 1)
	tests := []struct {
		task        string
		keepsWorker bool
	}{
		{"test_spin", true},  // stops when interrupted
		{"test_hang", false}, // is killed
	}
	for _, tt := range tests {
		q := NewQueue()
		done := make(chan error, 1)
		go func() {
			_, err := p.Apply(tt.task, q)
			done <- err
		}()
		pid := q.Get().(int)
		interrupt.Trigger()
		select {
		case err := <-done:
			if !errors.Is(err, ErrInterrupted) {
				t.Errorf("%s: got %v, want ErrInterrupted", tt.task, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: the interrupted call did not return", tt.task)
		}
		interrupt.Reset()
		after, err := p.Apply("test_pid")
		if err != nil {
			t.Fatal(err)
		}
		if kept := after == pid; kept != tt.keepsWorker {
			t.Errorf("%s: worker kept = %v, want %v", tt.task, kept, tt.keepsWorker)
		}
	}
}

func TestQueueBetweenProcesses(t *testing.T) {
	p := newPool(t, 2)
	q := NewQueue()
	f1 := p.ApplyAsync("calc_pi_queue", 100_000, q)
	f2 := p.ApplyAsync("calc_pi_queue", 100_000, q)
	for range 2 {
		v, ok := q.Get().([]any)
		if !ok || len(v) != 2 || v[1] != 100_000 || math.Abs(v[0].(float64)-math.Pi) > 0.05 {
			t.Errorf("queue item %#v, want []any{pi, 100000}", v)
		}
	}
	if err := f1.Err(); err != nil {
		t.Error(err)
	}
	if err := f2.Err(); err != nil {
		t.Error(err)
	}

	// A producer in one process, a consumer in the other.
	q = NewQueue()
	consumer := p.ApplyAsync("sum_queue", 1000, q)
	if _, err := p.Apply("produce_range", 1000, q); err != nil {
		t.Fatal(err)
	}
	if sum, err := consumer.AwaitErr(); err != nil || sum != 999*1000/2 {
		t.Errorf("sum_queue = %v, %v; want %d", sum, err, 999*1000/2)
	}
	if q.Len() != 0 {
		t.Errorf("%d items left in the queue", q.Len())
	}
}

func TestQueueInOneProcess(t *testing.T) {
	q := NewQueue()
	if _, err := q.GetTimeout(10 * time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Errorf("empty queue: got %v, want ErrTimeout", err)
	}
	go func() {
		for i := range 3 {
			q.Put(i)
		}
	}()
	for want := range 3 {
		if got := q.Get(); got != want {
			t.Errorf("Get = %v, want %v (first in, first out)", got, want)
		}
	}
	q.Put("x")
	if q.Len() != 1 {
		t.Errorf("Len = %d, want 1", q.Len())
	}
}

func TestMandelbrotRows(t *testing.T) {
	p := newPool(t, 2)
	box := native.BoundingBox{Width: 64, Height: 50, Center: -0.5, Extent: 3 + 2.4i}
	const maxIter = 200
	var calls [][]any
	for j := 0; j < box.Height; j += 13 {
		calls = append(calls, []any{box, maxIter, j, min(j+13, box.Height)})
	}
	bands, err := p.StarMap("mandelbrot_rows", calls)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]int
	for _, b := range bands {
		rows = append(rows, b.([][]int)...)
	}
	got, err := native.FromRows(rows, box, maxIter)
	if err != nil {
		t.Fatal(err)
	}
	if want := native.Mandelbrot(box, maxIter); !got.Equal(want) {
		t.Error("rows computed in bands differ from the whole picture")
	}
	if _, err := p.Apply("mandelbrot_rows", box, maxIter, 40, 60); err == nil {
		t.Error("rows outside the box: no error")
	}
}

func TestCloseEndsEverything(t *testing.T) {
	p, err := NewPool(2)
	if err != nil {
		t.Fatal(err)
	}
	q := NewQueue()
	f := p.ApplyAsync("test_hang", q)
	pid := q.Get().(int)
	begin := time.Now()
	p.Close()
	if _, err := f.AwaitErr(); !errors.Is(err, ErrClosed) {
		t.Errorf("running task: got %v, want ErrClosed", err)
	}
	if d := time.Since(begin); d > 5*time.Second {
		t.Errorf("Close took %v", d)
	}
	if _, err := p.Apply("noop"); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: got %v, want ErrClosed", err)
	}
	if processAlive(pid) {
		t.Errorf("worker %d still runs after Close", pid)
	}
	if s := p.Stats(); s.Processes != 0 {
		t.Errorf("%d processes after Close", s.Processes)
	}
	p.Close()
}

func TestWorkersPrintToOurStdout(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	p, err := NewPool(1)
	os.Stdout = stdout
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Apply("test_print", "hello from a worker"); err != nil {
		t.Fatal(err)
	}
	p.Close()
	w.Close()
	out, _ := io.ReadAll(r)
	if string(out) != "hello from a worker\n" {
		t.Errorf("worker printed %q", out)
	}
}

func TestNotAWorker(t *testing.T) {
	tests := []struct{ exe, want string }{
		{"/bin/true", "did not start as a worker process"},
		{"/no/such/program", "starting worker process"},
	}
	for _, tt := range tests {
		SetExecutable(tt.exe)
		_, err := NewPool(1)
		SetExecutable("")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error with %q", tt.exe, err, tt.want)
		}
	}
	t.Setenv(envWorker, "")
	if err := ServeWorker(); err == nil {
		t.Error("ServeWorker outside a pool: no error")
	}
}

func TestStats(t *testing.T) {
	p := newPool(t, 2)
	data := make([]float64, 1000)
	for i := range data {
		data[i] = math.Sqrt(float64(i + 2))
	}
	if _, err := p.Map("echo", []any{data, data}); err != nil {
		t.Fatal(err)
	}
	s := p.Stats()
	if s.Processes != 2 || s.Starts != 2 || s.Tasks != 2 || s.StartPerProcess() <= 0 || s.OverheadPerTask() <= 0 {
		t.Errorf("stats: %+v", s)
	}
	if s.BytesSent < 2*8000 || s.BytesReceived < 2*8000 {
		t.Errorf("two slices of 1000 float64 each way, but %d bytes sent and %d received", s.BytesSent, s.BytesReceived)
	}
	if str := s.String(); !strings.Contains(str, "2 processes") || !strings.Contains(str, "2 tasks") {
		t.Errorf("String() = %q", str)
	}
}

// Values gob cannot send are refused without harm to the worker.
func TestUnsendableValues(t *testing.T) {
	p := newPool(t, 1)
	pid, _ := p.Apply("test_pid")
	if _, err := p.Apply("test_any", func() {}); err == nil || !strings.Contains(err.Error(), "sending the arguments") {
		t.Errorf("a func as argument: got %v", err)
	}
	if _, err := p.Apply("test_put_unregistered", NewQueue()); err == nil || !strings.Contains(err.Error(), "Queue.Put") {
		t.Errorf("a worker putting an unregistered type: got %v", err)
	}
	q := NewQueue()
	q.Put(struct{ X int }{1})
	if _, err := p.Apply("sum_queue", 1, q); err == nil || !strings.Contains(err.Error(), "Queue.Get") {
		t.Errorf("a worker getting an unregistered type: got %v", err)
	}
	if q.Len() != 1 {
		t.Errorf("the item that could not travel was lost: %d left", q.Len())
	}
	if after, err := p.Apply("test_pid"); after != pid || err != nil {
		t.Errorf("the worker was replaced (%v, %v): refusing a value should not cost it", after, err)
	}
}
