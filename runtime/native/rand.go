package native

import (
	"sync/atomic"
	"time"
)

// The Monte Carlo kernels draw from xoroshiro128+ (Blackman and Vigna, 2018),
// the generator numba and NumPy-era C codes use for speed: two 64-bit words
// of state, a handful of adds, shifts and rotates per number, and 53 good
// high bits for a float64. Its state is seeded through splitmix64, as the
// authors recommend, so that nearby seeds give unrelated streams.
//
// The generator is written out inside each loop (see piHits) rather than
// called through a method: that keeps its state in registers, which is the
// difference between matching C and being twice as slow.

// splitmix64 advances *x and returns the next splitmix64 output.
func splitmix64(x *uint64) uint64 {
	*x += 0x9e3779b97f4a7c15
	z := *x
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// xoroshiroSeed returns a xoroshiro128+ state for stream number stream of
// seed. Both words are never zero together (that state would only give
// zeros), which splitmix64 guarantees for all but a negligible set of inputs;
// the fallback covers that set anyway.
func xoroshiroSeed(seed, stream uint64) (s0, s1 uint64) {
	x := seed
	x ^= splitmix64(&stream)
	s0 = splitmix64(&x)
	s1 = splitmix64(&x)
	if s0|s1 == 0 {
		s1 = 0x9e3779b97f4a7c15
	}
	return s0, s1
}

// seedCounter hands out fresh seeds for the unseeded kernels: a start value
// taken from the clock when the process starts, advanced atomically per
// call, then mixed by splitmix64. Two calls, even at the same instant from
// different goroutines, never share a seed; no system entropy is needed.
var seedCounter atomic.Uint64

func init() { seedCounter.Store(uint64(time.Now().UnixNano())) }

// freshSeed returns a seed no other call in this process has received.
func freshSeed() uint64 {
	x := seedCounter.Add(0x9e3779b97f4a7c15)
	return splitmix64(&x)
}
