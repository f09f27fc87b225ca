"""The code the kernel benchmarks run: each workload in Python, as the lesson
writes it, and in Go, as a learner writes the same algorithm in a gopar cell.
Both print one line per timed run: "RESULT <seconds> <value>"."""

# Naive Monte Carlo pi (lesson "computing pi"), N = 10**6.

PI_PY = '''
import random
import time

def calc_pi(N):
    M = 0
    for i in range(N):
        # Simulate impact coordinates
        x = random.uniform(-1, 1)
        y = random.uniform(-1, 1)

        # True if impact happens inside the circle
        if x**2 + y**2 < 1.0:
            M += 1
    return 4 * M / N
'''

PI_PY_RUN = '''
start = time.perf_counter()
pi = calc_pi(10**6)
print("RESULT %.9f %r" % (time.perf_counter() - start, pi))
'''

PI_GO = '''
import (
	"fmt"
	"math/rand"
	"time"
)

func calcPi(n int) float64 {
	m := 0
	for i := 0; i < n; i++ {
		// Simulate impact coordinates
		x := rand.Float64()*2 - 1
		y := rand.Float64()*2 - 1

		// True if impact happens inside the circle
		if x*x+y*y < 1.0 {
			m++
		}
	}
	return 4 * float64(m) / float64(n)
}
'''

PI_GO_RUN = '''
start := time.Now()
pi := calcPi(1_000_000)
fmt.Printf("RESULT %.9f %v\\n", time.Since(start).Seconds(), pi)
'''

# Naive Mandelbrot (lesson "fractals"): 256 x 256 pixels, max_iter 256.
# The value printed is the sum of all iteration counts, the same in both.

MANDEL_PY = '''
import time
import numpy as np

def mandelbrot(width, height, max_iter, center, extent):
    scale = max((extent / width).real, (extent / height).imag)
    result = np.zeros((height, width), int)
    for j in range(height):
        for i in range(width):
            c = center + (i - width // 2 + 1j * (j - height // 2)) * scale
            z = 0
            for k in range(max_iter):
                z = z**2 + c
                if (z * z.conjugate()).real > 4.0:
                    break
            result[j, i] = k
    return result
'''

MANDEL_PY_RUN = '''
start = time.perf_counter()
result = mandelbrot(256, 256, 256, -0.8 + 0.0j, 3.0 + 3.0j)
print("RESULT %.9f %d" % (time.perf_counter() - start, result.sum()))
'''

MANDEL_GO = '''
import (
	"fmt"
	"sync"
	"time"
)

// mandelbrotRows fills the rows j of result with j % step == first.
func mandelbrotRows(result [][]int, maxIter int, center, extent complex128, first, step int) {
	height, width := len(result), len(result[0])
	scale := max(real(extent)/float64(width), imag(extent)/float64(height))
	for j := first; j < height; j += step {
		for i := 0; i < width; i++ {
			c := center + complex(float64(i-width/2), float64(j-height/2))*complex(scale, 0)
			z := complex(0, 0)
			k := 0
			for k = 0; k < maxIter; k++ {
				z = z*z + c
				if real(z)*real(z)+imag(z)*imag(z) > 4.0 {
					break
				}
			}
			result[j][i] = min(k, maxIter-1)
		}
	}
}

// mandelbrot computes the picture with the rows shared among workers goroutines.
func mandelbrot(width, height, maxIter int, center, extent complex128, workers int) [][]int {
	result := make([][]int, height)
	for j := range result {
		result[j] = make([]int, width)
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			mandelbrotRows(result, maxIter, center, extent, w, workers)
		}(w)
	}
	wg.Wait()
	return result
}

func sum(grid [][]int) int {
	s := 0
	for _, row := range grid {
		for _, v := range row {
			s += v
		}
	}
	return s
}
'''

MANDEL_GO_RUN = '''
start := time.Now()
result := mandelbrot(256, 256, 256, -0.8+0i, 3+3i, WORKERS)
fmt.Printf("RESULT %.9f %d\\n", time.Since(start).Seconds(), sum(result))
'''

# Native Mandelbrot from a cell, for the scaling table: the native
# benchmark's test case (1024 x 1024, max_iter 1024).

NATIVE_GO = '''
import (
	"fmt"
	"time"

	"gopar/native"
)

// nativeMandelbrot times one parallel native Mandelbrot and sums its counts.
func nativeMandelbrot(workers int) (float64, int) {
	box := native.BoundingBox{Width: 1024, Height: 1024, Center: -1.1195 + 0.2718i, Extent: 0.005 + 0.005i}
	start := time.Now()
	grid := native.MandelbrotParallel(box, 1024, workers)
	elapsed := time.Since(start).Seconds()
	total := 0
	for _, v := range grid.Values() {
		total += v
	}
	return elapsed, total
}
'''

NATIVE_GO_RUN = '''
secs, total := nativeMandelbrot(WORKERS)
fmt.Printf("RESULT %.9f %d\\n", secs, total)
'''

# A lesson-like session, for memory: what a learner runs in the first
# episodes, in each language.

SESSION_GO = [
    PI_GO,
    "calcPi(1_000_000)",
    '''
import "sync"

const n = 1_000_000
const chunks = 8
sums := make([]int, chunks)
var wg sync.WaitGroup
for c := 0; c < chunks; c++ {
	wg.Add(1)
	go func(c int) {
		defer wg.Done()
		for i := c * n / chunks; i < (c+1)*n/chunks; i++ {
			sums[c] += i
		}
		fmt.Println("chunk", c, "done")
	}(c)
}
wg.Wait()
sums
''',
    MANDEL_GO,
    "picture := mandelbrot(256, 256, 256, -0.8+0i, 3+3i, 2)\nsum(picture)",
    NATIVE_GO,
    '''
import "gopar/display"

func showFractal() {
	grid := native.Mandelbrot(native.BoundingBox{Width: 512, Height: 512, Center: -0.8 + 0i, Extent: 3 + 3i}, 256)
	display.Plot(grid.Plot(native.ImageOptions{CubeRoot: true}))
}
showFractal()
''',
]

SESSION_PY = [
    PI_PY,
    "calc_pi(10**6)",
    '''
from concurrent.futures import ThreadPoolExecutor
n, chunks = 1_000_000, 8
def chunk_sum(c):
    s = sum(range(c * n // chunks, (c + 1) * n // chunks))
    print("chunk", c, "done")
    return s
with ThreadPoolExecutor() as pool:
    sums = list(pool.map(chunk_sum, range(chunks)))
sums
''',
    MANDEL_PY,
    "picture = mandelbrot(256, 256, 256, -0.8 + 0.0j, 3.0 + 3.0j)\npicture.sum()",
    '''
%matplotlib inline
import matplotlib.pyplot as plt
fig, ax = plt.subplots(1, 1, figsize=(6, 6))
ax.imshow(picture**(1 / 3), origin="lower")
plt.show()
''',
]

# The workshop room: every kernel runs this at the same moment (KERNEL is
# the kernel's number); room_output says what it must print.

ROOM_CELL = '''import (
	"fmt"
	"sync"
)

const n = 200_000
const chunks = 8
sums := make([]int, chunks)
var wg sync.WaitGroup
for c := 0; c < chunks; c++ {
	wg.Add(1)
	go func(c int) {
		defer wg.Done()
		lo, hi := c*n/chunks, (c+1)*n/chunks
		s := 0
		for i := lo; i < hi; i++ {
			s += i
			if (i-lo)%2500 == 0 {
				fmt.Printf("kernel %d chunk %d at %d\\n", KERNEL, c, i)
			}
		}
		sums[c] = s
	}(c)
}
wg.Wait()
total := 0
for _, s := range sums {
	total += s
}
fmt.Println("total", total)
'''


def room_cell(kernel_no):
    return ROOM_CELL.replace("KERNEL", str(kernel_no))


def room_output(kernel_no):
    """The lines ROOM_CELL prints before its total, and the total line."""
    n, chunks = 200_000, 8
    lines = []
    for c in range(chunks):
        lo, hi = c * n // chunks, (c + 1) * n // chunks
        lines += ["kernel %d chunk %d at %d" % (kernel_no, c, i) for i in range(lo, hi, 2500)]
    return lines, "total %d" % (n * (n - 1) // 2)
