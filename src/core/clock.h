#ifndef MALLPAY_CORE_CLOCK_H
#define MALLPAY_CORE_CLOCK_H

#include <stdint.h>

/* The one place the program reads the system clock (RULES C-05): seconds since
 * 1970-01-01 UTC. When clock_set_fixed() was called (mallpayctl tick --now, or
 * MALLPAY_NOW in the environment of a test stack) it returns that time instead. */
int64_t	clock_now(void);
/* The system clock even while clock_now() is pinned: only for transport
 * timestamps that another process checks against its own clock (the
 * signatures exchanged with the bank), never for a decision of the mall. */
int64_t	clock_wall(void);
/* Pin the clock to a fixed time; 0 returns to the system clock. */
void	clock_set_fixed(int64_t);

#endif
