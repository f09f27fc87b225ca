/* Monte Carlo pi with xoroshiro128+, as runtime/native/pi.go: the same
 * chunks, the same seeding through splitmix64, the same loop, so a seed
 * gives the same estimate in both. Parallel: pthreads taking chunks from an
 * atomic counter, as the Go workers do. */
#include <pthread.h>
#include "kernels.h"

#define CHUNKS_WANTED 64
#define MIN_CHUNK (1 << 14)
#define MAX_CHUNK (1 << 20)

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t splitmix64(uint64_t *x)
{
	*x += 0x9e3779b97f4a7c15ULL;
	uint64_t z = *x;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void xoroshiro_seed(uint64_t seed, uint64_t stream, uint64_t *s0, uint64_t *s1)
{
	uint64_t x = seed;
	x ^= splitmix64(&stream);
	*s0 = splitmix64(&x);
	*s1 = splitmix64(&x);
	if ((*s0 | *s1) == 0)
		*s1 = 0x9e3779b97f4a7c15ULL;
}

static int64_t pi_hits(int64_t n, uint64_t s0, uint64_t s1)
{
	int64_t hits = 0;
	for (int64_t i = 0; i < n; i++) {
		uint64_t r = s0 + s1;
		uint64_t t = s1 ^ s0;
		s0 = rotl(s0, 24) ^ t ^ (t << 16);
		s1 = rotl(t, 37);
		double x = (double)(int64_t)(r >> 11) * 0x1p-52 - 1;

		r = s0 + s1;
		t = s1 ^ s0;
		s0 = rotl(s0, 24) ^ t ^ (t << 16);
		s1 = rotl(t, 37);
		double y = (double)(int64_t)(r >> 11) * 0x1p-52 - 1;

		if (x * x + y * y < 1)
			hits++;
	}
	return hits;
}

struct pi_job {
	int64_t n, chunk, chunks;
	uint64_t seed;
	int64_t next; /* atomic */
	int64_t hits; /* atomic */
};

static void *pi_worker(void *arg)
{
	struct pi_job *job = arg;
	int64_t hits = 0;
	for (;;) {
		int64_t c = __atomic_fetch_add(&job->next, 1, __ATOMIC_RELAXED);
		if (c >= job->chunks)
			break;
		int64_t size = job->n - c * job->chunk;
		if (size > job->chunk)
			size = job->chunk;
		uint64_t s0, s1;
		xoroshiro_seed(job->seed, (uint64_t)c, &s0, &s1);
		hits += pi_hits(size, s0, s1);
	}
	__atomic_fetch_add(&job->hits, hits, __ATOMIC_RELAXED);
	return 0;
}

double calc_pi(int64_t n, int workers, uint64_t seed)
{
	int64_t chunk = n / CHUNKS_WANTED;
	if (chunk < MIN_CHUNK)
		chunk = MIN_CHUNK;
	if (chunk > MAX_CHUNK)
		chunk = MAX_CHUNK;
	struct pi_job job = {n, chunk, (n + chunk - 1) / chunk, seed, 0, 0};
	if (workers > job.chunks)
		workers = (int)job.chunks;
	if (workers <= 1) {
		pi_worker(&job);
	} else {
		pthread_t th[workers];
		for (int w = 0; w < workers; w++)
			pthread_create(&th[w], 0, pi_worker, &job);
		for (int w = 0; w < workers; w++)
			pthread_join(th[w], 0);
	}
	return 4 * (double)job.hits / (double)n;
}
