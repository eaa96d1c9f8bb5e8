#ifndef MALLPAY_GATEWAY_CALLS_H
#define MALLPAY_GATEWAY_CALLS_H

/*
 * Which partners the current use case of this thread has reached, so that
 * a use case whose transaction failed on a conflict (service/conn.h
 * conn_run) is run again only when that cannot do a partner's work twice.
 *
 * Every *_gateway_get() notes itself here (a service fetches its gateway
 * right where it calls it). A "keyed" gateway is one whose every call is
 * safe to repeat: money moves under the caller's idempotency key, derived
 * from rows committed before the use case (the bank's deductions and
 * refunds, the logistics booking of an order), or it only reads (the
 * credit bureau's evaluation). The others (the finance company's
 * applications, identity checks, text messages) are not.
 */

/* Forget what this thread's previous use case reached. */
void	gateway_calls_reset(void);

/* Note that this thread reached a partner; keyed as above (1 or 0). */
void	gateway_called(int keyed);

/* 1 if a partner that is not keyed was reached since the last reset. */
int	gateway_calls_unkeyed(void);

#endif
