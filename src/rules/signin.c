/*
 * Sign-in throttling; see signin.h.
 */
#include "rules/signin.h"

/* See signin.h. */
int64_t
auth_backoff(int failed_logins)
{
	int64_t	 d = AUTH_BACKOFF_FIRST;
	int	 i;

	if (failed_logins < AUTH_MAX_FAILED)
		return 0;
	for (i = AUTH_MAX_FAILED; i < failed_logins && d < AUTH_BACKOFF_MAX;
	    i++)
		d *= 2;
	return d < AUTH_BACKOFF_MAX ? d : AUTH_BACKOFF_MAX;
}
