package native

import (
	"math"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"
)

// Samples are drawn in chunks: the unit of work the parallel form hands
// out, and the interval between two interrupt checks. A chunk is n/64
// samples, so that even a million samples spread over the cores, clamped
// between 16 Ki samples (where seeding and hand-out would start to cost)
// and 1 Mi (about 2 ms on one core, for prompt interrupts). It depends on n
// only, never on the number of workers, so seeded results do not either.
const (
	piChunksWanted = 64
	piMinChunk     = 1 << 14
	piChunkSize    = 1 << 20
)

func piChunk(n int) int { return min(piChunkSize, max(piMinChunk, n/piChunksWanted)) }

// CalcPi estimates pi by drawing n points uniformly in the square
// [-1, 1) × [-1, 1) and returning four times the fraction that falls
// inside the unit circle — the lesson's calc_pi, compiled. Each call draws
// from its own xoroshiro128+ stream, freshly seeded, so calls from many
// goroutines neither share nor lock a generator. n < 1 gives NaN. When the
// cell is interrupted it returns early with the estimate of the points drawn
// so far.
func CalcPi(n int) float64 { return calcPi(n, 1, freshSeed()) }

// CalcPiSeeded is CalcPi with a chosen seed: the same n and seed give the
// same estimate on every run, and the same as CalcPiParallelSeeded with any
// number of workers.
func CalcPiSeeded(n int, seed uint64) float64 { return calcPi(n, 1, seed) }

// CalcPiParallel is CalcPi spread over workers goroutines (workers < 1
// means runtime.NumCPU()). The samples are cut into 64 chunks (of at most
// about a million) that idle workers take in turn, so a worker slowed down
// by other load on the machine does not hold the others up.
func CalcPiParallel(n, workers int) float64 { return calcPi(n, workers, freshSeed()) }

// CalcPiParallelSeeded is CalcPiParallel with a chosen seed. Chunk k always
// draws from stream k of the seed, whichever worker takes it, so the result
// does not depend on the number of workers.
func CalcPiParallelSeeded(n, workers int, seed uint64) float64 {
	return calcPi(n, workers, seed)
}

func calcPi(n, workers int, seed uint64) float64 {
	if n < 1 {
		return math.NaN()
	}
	chunk := piChunk(n)
	chunks := (n-1)/chunk + 1
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, chunks)
	stop := newStopper()

	// run draws chunks until none is left or the cell is interrupted.
	var next atomic.Int64
	run := func() (hits, drawn int) {
		for !stop.stopped() {
			c := int(next.Add(1) - 1)
			if c >= chunks {
				break
			}
			size := min(chunk, n-c*chunk)
			s0, s1 := xoroshiroSeed(seed, uint64(c))
			hits += piHits(size, s0, s1)
			drawn += size
		}
		return hits, drawn
	}

	var hits, drawn int
	if workers == 1 {
		hits, drawn = run()
	} else {
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				h, d := run()
				mu.Lock()
				hits += h
				drawn += d
				mu.Unlock()
			}()
		}
		wg.Wait()
	}
	if drawn == 0 {
		return math.NaN()
	}
	return 4 * float64(hits) / float64(drawn)
}

// piHits draws n points from the xoroshiro128+ state (s0, s1) and counts
// those inside the unit circle. The generator is spelled out twice in the
// loop body so its state stays in registers; bench/native/pi.c is the same
// loop in C.
func piHits(n int, s0, s1 uint64) int {
	hits := 0
	for range n {
		r := s0 + s1
		t := s1 ^ s0
		s0 = bits.RotateLeft64(s0, 24) ^ t ^ (t << 16)
		s1 = bits.RotateLeft64(t, 37)
		// The top 53 bits, scaled to [0, 2), shifted to [-1, 1). The
		// int64 conversion is exact and lets the compiler use one
		// signed convert instruction.
		x := float64(int64(r>>11))*0x1p-52 - 1

		r = s0 + s1
		t = s1 ^ s0
		s0 = bits.RotateLeft64(s0, 24) ^ t ^ (t << 16)
		s1 = bits.RotateLeft64(t, 37)
		y := float64(int64(r>>11))*0x1p-52 - 1

		if x*x+y*y < 1 {
			hits++
		}
	}
	return hits
}
