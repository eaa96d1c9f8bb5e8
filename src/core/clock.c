#include <stdatomic.h>
#include <time.h>

#include "core/clock.h"

static _Atomic int64_t fixed_now;

int64_t
clock_now(void)
{
	int64_t f = atomic_load(&fixed_now);

	if (f != 0)
		return f;
	return (int64_t)time(NULL);
}

int64_t
clock_wall(void)
{
	return (int64_t)time(NULL);
}

void
clock_set_fixed(int64_t t)
{
	atomic_store(&fixed_now, t);
}
