/*
 * The SMS gateway's sandbox: the outbox table (see gateway/sms.h).
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/sandbox.h"
#include "gateway/calls.h"
#include "gateway/sms.h"

/* 1 when phone is '+'? then 6-20 digits, spaces or dashes. */
static int
phone_ok(const char *phone)
{
	size_t i = 0, digits = 0;

	if (phone == NULL)
		return 0;
	if (phone[0] == '+')
		i++;
	for (; phone[i] != '\0'; i++) {
		if (phone[i] >= '0' && phone[i] <= '9')
			digits++;
		else if (phone[i] != ' ' && phone[i] != '-')
			return 0;
	}
	return digits >= 6 && digits <= 20 && i <= 32;
}

/* See sms.h. */
static int64_t
sbx_send(struct db *db, int64_t user_id, const char *phone, const char *body,
    int64_t now, char *err, size_t errsz)
{
	size_t n = body != NULL ? strlen(body) : 0;
	int64_t id;

	if (!phone_ok(phone)) {
		snprintf(err, errsz, "no valid phone number");
		return -1;
	}
	if (n == 0 || n > SMS_MAX_BODY) {
		snprintf(err, errsz, "message empty or over %d bytes",
		    SMS_MAX_BODY);
		return -1;
	}
	if ((id = db_sms_outbox_insert(db, user_id, phone, body, n, now)) < 0)
		snprintf(err, errsz, "outbox: %s", db_error(db));
	return id;
}

const struct sms_gateway sms_sandbox = { "sandbox", sbx_send };

/* See sms.h. */
const struct sms_gateway *
sms_gateway_get(const char *name)
{
	if (name != NULL && strcmp(name, sms_sandbox.name) == 0) {
		gateway_called(0);
		return &sms_sandbox;
	}
	return NULL;
}
