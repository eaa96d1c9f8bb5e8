/*
 * The partners reached by this thread's use case (see calls.h): one
 * thread-local flag, as each worker runs one use case at a time.
 */
#include "gateway/calls.h"

static _Thread_local int unkeyed;

/* See calls.h. */
void
gateway_calls_reset(void)
{
	unkeyed = 0;
}

/* See calls.h. */
void
gateway_called(int keyed)
{
	if (!keyed)
		unkeyed = 1;
}

/* See calls.h. */
int
gateway_calls_unkeyed(void)
{
	return unkeyed;
}
