/* The C twins of gopar's native kernels (runtime/native), written as the
 * same algorithms so that the benchmark compares compilers, not programs. */
#ifndef GOPAR_BENCH_KERNELS_H
#define GOPAR_BENCH_KERNELS_H

#include <stdint.h>

double calc_pi(int64_t n, int workers, uint64_t seed);
long long sum_range(long long high);
long long conditional_sum_range(long long high);
void mandelbrot(int64_t *result, int width, int height, double center_re,
                double center_im, double scale, int max_iter, int workers);

#endif
