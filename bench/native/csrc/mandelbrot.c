/* The Mandelbrot kernel of runtime/native/fractal.go: the lesson's loop in
 * float64 arithmetic, rows handed out one at a time from an atomic counter
 * to the threads of the parallel form. */
#include <pthread.h>
#include "kernels.h"

static int64_t escape(double zr, double zi, double cr, double ci, int64_t max_iter)
{
	for (int64_t k = 0; k < max_iter; k++) {
		double t = zr * zr - zi * zi + cr;
		zi = 2 * zr * zi + ci;
		zr = t;
		if (zr * zr + zi * zi >= 4)
			return k;
	}
	return max_iter - 1;
}

struct mandelbrot_job {
	int64_t *result;
	int width, height, max_iter;
	double center_re, center_im, scale;
	int next; /* atomic */
};

static void *mandelbrot_worker(void *arg)
{
	struct mandelbrot_job *job = arg;
	int w = job->width, h = job->height;
	for (;;) {
		int j = __atomic_fetch_add(&job->next, 1, __ATOMIC_RELAXED);
		if (j >= h)
			break;
		double im = job->center_im + (double)(j - h / 2) * job->scale;
		int64_t *out = job->result + (int64_t)j * w;
		for (int i = 0; i < w; i++) {
			double re = job->center_re + (double)(i - w / 2) * job->scale;
			out[i] = escape(0, 0, re, im, job->max_iter);
		}
	}
	return 0;
}

void mandelbrot(int64_t *result, int width, int height, double center_re,
                double center_im, double scale, int max_iter, int workers)
{
	struct mandelbrot_job job = {result, width, height, max_iter, center_re, center_im, scale, 0};
	if (workers > height)
		workers = height;
	if (workers <= 1) {
		mandelbrot_worker(&job);
		return;
	}
	pthread_t th[workers];
	for (int w = 0; w < workers; w++)
		pthread_create(&th[w], 0, mandelbrot_worker, &job);
	for (int w = 0; w < workers; w++)
		pthread_join(th[w], 0);
}
