#ifndef MALLPAY_GATEWAY_SMS_H
#define MALLPAY_GATEWAY_SMS_H

/*
 * SMS to a user (INST-P2 reminders, account messages).
 *
 * Implementations: `struct sms_gateway`, by name with sms_gateway_get()
 * ([gateway] sms = sandbox, the only one). A real SMS provider plugs in
 * as another struct; it should still write the outbox row (the record of
 * what was sent) and mark it sent.
 *
 * THE SANDBOX ("sandbox"): sends nothing; writes one sms_outbox row
 * (user_id, phone, body, created_at = now, sent_at NULL) in the caller's
 * transaction. Refused (-1, err): empty phone, or a phone other than
 * an optional '+' and 6-20 digits, spaces or dashes; empty body or a body
 * over SMS_MAX_BODY bytes.
 */

#include <stddef.h>
#include <stdint.h>

struct db;

#define SMS_MAX_BODY	480

struct sms_gateway {
	const char	*name;
	/* Send body to user_id's phone at now. Returns the outbox row id
	 * (> 0), or -1 with err set. */
	int64_t	(*send)(struct db *, int64_t user_id, const char *phone,
		    const char *body, int64_t now, char *err, size_t errsz);
};

const struct sms_gateway *sms_gateway_get(const char *name);

extern const struct sms_gateway sms_sandbox;

#endif
