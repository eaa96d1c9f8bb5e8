#ifndef MALLPAY_RULES_SIGNIN_H
#define MALLPAY_RULES_SIGNIN_H

/*
 * Sign-in throttling: how long an account is backed off after repeated
 * failed sign-ins. Pure.
 */

#include <stdint.h>

/* Failed sign-ins allowed before the account is backed off, and the first and
 * longest back-off (doubling from AUTH_BACKOFF_FIRST for every further failure). */
#define AUTH_MAX_FAILED		5
#define AUTH_BACKOFF_FIRST	30
#define AUTH_BACKOFF_MAX	(15 * 60)

/* The back-off after the n-th consecutive failure (seconds; 0 below
 * AUTH_MAX_FAILED). Pure. */
int64_t	auth_backoff(int failed_logins);

#endif
