/* Runs one C kernel once and prints its time and result, for
 * bench/native/main.go, which alternates these runs with the Go kernels':
 *
 *   bench_c pi N WORKERS SEED
 *   bench_c sum_range N
 *   bench_c conditional_sum_range N
 *   bench_c mandelbrot WIDTH HEIGHT CENTER_RE CENTER_IM EXTENT_RE EXTENT_IM MAX_ITER WORKERS
 *
 * Output: "seconds result", the result printed exactly (pi as %.17g, the
 * Mandelbrot grid as the sum of its counts) so the driver can check that C
 * and Go computed the same thing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "kernels.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void usage(void)
{
	fprintf(stderr, "usage: bench_c pi N WORKERS SEED | sum_range N | conditional_sum_range N |"
	                " mandelbrot W H CRE CIM ERE EIM MAX_ITER WORKERS\n");
	exit(2);
}

int main(int argc, char **argv)
{
	if (argc < 3)
		usage();
	const char *k = argv[1];
	double t0, t1;
	if (strcmp(k, "pi") == 0 && argc == 5) {
		int64_t n = atoll(argv[2]);
		int workers = atoi(argv[3]);
		uint64_t seed = strtoull(argv[4], 0, 10);
		t0 = now();
		double pi = calc_pi(n, workers, seed);
		t1 = now();
		printf("%.9f %.17g\n", t1 - t0, pi);
	} else if (strcmp(k, "sum_range") == 0 && argc == 3) {
		long long n = atoll(argv[2]);
		t0 = now();
		long long s = sum_range(n);
		t1 = now();
		printf("%.9f %lld\n", t1 - t0, s);
	} else if (strcmp(k, "conditional_sum_range") == 0 && argc == 3) {
		long long n = atoll(argv[2]);
		t0 = now();
		long long s = conditional_sum_range(n);
		t1 = now();
		printf("%.9f %lld\n", t1 - t0, s);
	} else if (strcmp(k, "mandelbrot") == 0 && argc == 10) {
		int w = atoi(argv[2]), h = atoi(argv[3]);
		double cre = atof(argv[4]), cim = atof(argv[5]);
		double ere = atof(argv[6]), eim = atof(argv[7]);
		int max_iter = atoi(argv[8]), workers = atoi(argv[9]);
		double sx = ere / w, sy = eim / h;
		double scale = sx > sy ? sx : sy;
		/* The allocation is timed, as the Go kernel's one allocation of
		 * its grid is. */
		t0 = now();
		int64_t *result = calloc((size_t)w * h, sizeof *result);
		mandelbrot(result, w, h, cre, cim, scale, max_iter, workers);
		t1 = now();
		long long sum = 0;
		for (long long p = 0; p < (long long)w * h; p++)
			sum += result[p];
		printf("%.9f %lld\n", t1 - t0, sum);
		free(result);
	} else {
		usage();
	}
	return 0;
}
