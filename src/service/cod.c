/*
 * Cash on delivery end to end (see cod.h): the refusal reasons and what
 * the cod_*.c files share (cod_int.h). The steps live in cod_shipping.c,
 * cod_delivery.c, cod_refusal.c, cod_return.c and cod_standing.c.
 *
 * Decisions where RULES is silent (README rules notes):
 * - COD-P1 reject moves the order to "refused" (the review refused it).
 * - COD-P3: the partner's payment report completes the order; the
 *   shopper's "Paid" (voucher or record id) is recorded whenever it comes,
 *   before or after the report, and never completes an order alone.
 * - COD-P4 refusals cancel the order ("cancelled"); COD-F2 ones end in
 *   "refused". A COD-F2 refusal is a violation (COD-07 "no violation").
 * - COD-F2 debt = round-trip shipping reported by the courier (in the
 *   order's currency) + the order's COD-F1 fee.
 * - COD-P5: the agreed delivery day is the one the courier scheduled last;
 *   an order not paid when that day is over is cancelled by tick, whatever
 *   the count of reschedulings (COD-P6: never a strike).
 * - COD-P7: refund_due is the 5th business day after the merchant's
 *   receipt; the page shows the 3rd-5th business day window.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/money.h"
#include "db/checkout.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "service/cod.h"
#include "service/cod_int.h"

static const char *const refusal_names[COD_REF__MAX] = {
	"damaged", "wrong_item", "missing_items", "no_valid_reason",
};

/* See cod.h. */
const char *
cod_refusal_name(enum cod_refusal r)
{
	if ((int)r < 0 || r >= COD_REF__MAX)
		return NULL;
	return refusal_names[r];
}

/* See cod.h. */
int
cod_refusal_parse(const char *s, enum cod_refusal *out)
{
	int i;

	for (i = 0; s != NULL && i < COD_REF__MAX; i++)
		if (strcmp(refusal_names[i], s) == 0) {
			*out = (enum cod_refusal)i;
			return 0;
		}
	return -1;
}

/* See cod.h. */
int
cod_refusal_counted(enum cod_refusal r)
{
	/* COD-P4: damage, wrong or missing items are valid reasons. */
	return r == COD_REF_NO_VALID_REASON;
}

/* See cod_int.h. */
enum result
cod_say(enum result r, char *msg, size_t msgsz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, msgsz, fmt, ap);
	va_end(ap);
	return r;
}

/* See cod_int.h. */
enum result
cod_of_result(enum result r, int64_t id, enum order_status from,
    char *msg, size_t msgsz)
{
	switch (r) {
	case RES_OK:
		return RES_OK;
	case RES_NOT_ALLOWED:
		return cod_say(RES_NOT_ALLOWED, msg, msgsz,
		    "Order #%lld cannot make "
		    "this step from \"%s\".", (long long)id,
		    order_status_name(from));
	case RES_CHANGED:
		return cod_say(RES_NOT_ALLOWED, msg, msgsz, "Order #%lld changed "
		    "meanwhile; nothing was done.", (long long)id);
	default:
		return RES_ERROR;
	}
}

/* See cod_int.h. */
int
cod_today(int64_t now, char day[11], mp_date *d)
{
	mp_date t;

	if (mp_date_from_unix(now, &t) == -1)
		return -1;
	if (d != NULL)
		*d = t;
	mp_date_str(t, day, 11);
	return 0;
}

/* See cod_int.h. */
enum result
cod_lock_order(struct db *db, int64_t user_id, int64_t id, struct db_order *o,
    char *msg, size_t msgsz)
{
	enum pay_method	method;
	int		rc = db_order_lock_method(db, id, &method);

	if (rc == 1)
		rc = db_order_get(db, user_id, id, o);
	if (rc == -1)
		return RES_ERROR;
	if (rc == 0)
		return cod_say(RES_NOT_FOUND, msg, msgsz,
		    "There is no order #%lld.",
		    (long long)id);
	return RES_OK;
}

/* See cod_int.h. */
enum result
cod_lock_cod(struct db *db, int64_t user_id, int64_t id, struct db_order *o,
    char *msg, size_t msgsz)
{
	enum result r = cod_lock_order(db, user_id, id, o, msg, msgsz);

	if (r != RES_OK)
		return r;
	if (o->method != PM_COD)
		return cod_say(RES_NOT_FOUND, msg, msgsz,
		    "Order #%lld is not a "
		    "cash on delivery order.", (long long)id);
	return RES_OK;
}

/* See cod_int.h. */
int
cod_tell(struct db *db, const struct db_order *o, const char *subject,
    const char *body, int64_t now)
{
	return db_message_insert(db, o->user_id, 0, subject, body, now) < 0 ?
	    -1 : 0;
}

/* See cod_int.h. */
int64_t
cod_setting(struct db *db, const char *name, int64_t dflt)
{
	struct db_setting	*s;
	size_t			 n, i;
	int64_t			 v = dflt;
	char			*end;

	if (db_checkout_settings(db, &s, &n) == -1)
		return dflt;
	for (i = 0; i < n; i++)
		if (strcmp(s[i].name, name) == 0) {
			long long x = strtoll(s[i].value, &end, 10);

			if (end != s[i].value && *end == '\0')
				v = x;
		}
	free(s);
	return v;
}

/* See cod_int.h. */
const char *
cod_amount(int64_t minor, const char *cur, char *out, size_t outsz)
{
	return money_display_minor(minor, cur, out, outsz);
}

/* See cod_int.h. */
int
cod_printable(const char *s)
{
	size_t i;

	if (s == NULL || s[0] == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e ||
		    i >= 64)
			return 0;
	return 1;
}

/* See cod_int.h. */
enum result
cod_lock_on_road(struct db *db, int64_t id, struct db_order *o,
    struct db_cod *c, char *msg, size_t msgsz)
{
	enum result r;

	if ((r = cod_lock_cod(db, 0, id, o, msg, msgsz)) != RES_OK)
		return r;
	if (o->status != OS_SHIPPED &&
	    o->status != OS_DELIVERED)
		return cod_say(RES_NOT_ALLOWED, msg, msgsz,
		    "Order #%lld is %s, not "
		    "out for delivery.", (long long)id,
		    order_status_name(o->status));
	if (db_cod_ensure(db, id) == -1 || db_cod_get(db, id, 1, c) != 1)
		return RES_ERROR;
	return RES_OK;
}
