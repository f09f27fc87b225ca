/* The lesson's test.c: sum_range and conditional_sum_range, unchanged. */
#include "kernels.h"

long long sum_range(long long high)
{
	long long i;
	long long s = 0LL;
	for (i = 0LL; i < high; i++)
		s += (long long)i;
	return s;
}

long long conditional_sum_range(long long high)
{
	long long i;
	long long s = 0LL;
	for (i = 0LL; i < high; i++)
		if (i % 3 == 0)
			s += i;
	return s;
}
