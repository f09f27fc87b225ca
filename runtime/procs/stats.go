package procs

import (
	"fmt"
	"time"
)

// Stats is what a pool has spent so far, so that a process pool can be
// compared with goroutines, which need no start-up and share memory
// instead of sending it.
type Stats struct {
	Processes     int           // worker processes alive now
	Starts        int           // processes started, replacements included
	StartTime     time.Duration // total time from starting a process until it was ready
	Tasks         int           // calls the workers answered
	Crashes       int           // calls whose worker died
	Busy          time.Duration // total time the tasks ran inside the workers
	RoundTrip     time.Duration // total time from sending calls until their results were back
	Encode        time.Duration // total time the pool spent gob-encoding arguments
	Decode        time.Duration // total time the pool spent gob-decoding results
	BytesSent     int64         // bytes of calls written to the pipes
	BytesReceived int64         // bytes of results and queue traffic read from them
}

// Stats returns the pool's counters.
func (p *Pool) Stats() Stats {
	st := &p.stats
	s := Stats{
		Starts:        int(st.starts.Load()),
		StartTime:     time.Duration(st.startTime.Load()),
		Tasks:         int(st.tasks.Load()),
		Crashes:       int(st.crashes.Load()),
		Busy:          time.Duration(st.busy.Load()),
		RoundTrip:     time.Duration(st.roundTrip.Load()),
		Encode:        time.Duration(st.encode.Load()),
		Decode:        time.Duration(st.decode.Load()),
		BytesSent:     st.bytesSent.Load(),
		BytesReceived: st.bytesReceived.Load(),
	}
	select {
	case <-p.done:
	default:
		for _, sl := range p.slots {
			if proc := sl.current(); proc != nil && proc.alive() {
				s.Processes++
			}
		}
	}
	return s
}

// StartPerProcess is the mean time a worker process took to start.
func (s Stats) StartPerProcess() time.Duration {
	if s.Starts == 0 {
		return 0
	}
	return s.StartTime / time.Duration(s.Starts)
}

// OverheadPerTask is the mean time a call spent outside its task:
// encoding, the pipes both ways, decoding and the worker's own dispatch.
// It is what each task costs more in a process than on a goroutine.
func (s Stats) OverheadPerTask() time.Duration {
	if s.Tasks == 0 {
		return 0
	}
	return (s.RoundTrip - s.Busy) / time.Duration(s.Tasks)
}

// String summarises the costs in one line, for printing in a cell.
func (s Stats) String() string {
	return fmt.Sprintf("%d processes (%d started, %v each to start); %d tasks: %v running, %v overhead each; %s sent, %s received",
		s.Processes, s.Starts, round(s.StartPerProcess()), s.Tasks, round(s.Busy), round(s.OverheadPerTask()),
		bytesString(s.BytesSent), bytesString(s.BytesReceived))
}

func round(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	case d >= time.Microsecond:
		return d.Round(10 * time.Nanosecond)
	}
	return d
}

func bytesString(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
