/*
 * The logistics partner's inbound events (see logistics_events.h): the
 * pure JSON parser and the one transaction that applies an event.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <sodium.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/log.h"
#include "core/money.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/order.h"
#include "service/cod.h"
#include "service/logistics_events.h"
#include "service/partner_auth.h"
#include "service/recon.h"

static const char *const type_names[LG__MAX] = {
	"shipped", "delivery_scheduled", "rescheduled", "delivered", "paid",
	"refused", "return_received",
};

/* See logistics_events.h. */
const char *
lg_type_name(enum lg_type t)
{
	if ((int)t < 0 || t >= LG__MAX)
		return NULL;
	return type_names[t];
}

/* Copy string member name of o into out (outsz): 0 copied, 1 absent,
 * -1 not a string, empty, too long or with control characters. */
static int
str_member(json_t *o, const char *name, char *out, size_t outsz)
{
	json_t		*v = json_object_get(o, name);
	const char	*s;
	size_t		 n, i;

	out[0] = '\0';
	if (v == NULL || json_is_null(v))
		return 1;
	if (!json_is_string(v))
		return -1;
	s = json_string_value(v);
	n = json_string_length(v);
	if (n == 0 || n >= outsz)
		return -1;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

/* A required string member: 0, or -1 (message in *why). */
static int
need(json_t *o, const char *name, char *out, size_t outsz, const char **field,
    const char **why)
{
	int rc = str_member(o, name, out, outsz);

	if (rc == 0)
		return 0;
	*field = name;
	*why = rc == 1 ? "missing" : "must be a non-empty string of "
	    "printable characters, not too long";
	return -1;
}

/* The members of a "paid" event root into ev: amount, method (cash,
 * mobile or card), record_id, and an optional currency. 0, or -1 with the
 * member in *field and the problem in *why. */
static int
paid_members(json_t *root, struct lg_event *ev, const char **field,
    const char **why)
{
	char	method[8];

	if (need(root, "amount", ev->amount, sizeof(ev->amount), field,
	    why) == -1 || need(root, "method", method, sizeof(method), field,
	    why) == -1 || need(root, "record_id", ev->record_id,
	    sizeof(ev->record_id), field, why) == -1)
		return -1;
	if (collect_method_parse(method, &ev->method) == -1) {
		*field = "method";
		*why = "must be cash, mobile or card";
		return -1;
	}
	if (str_member(root, "currency", ev->currency,
	    sizeof(ev->currency)) == -1) {
		*field = "currency";
		*why = "must be a 3-letter currency code";
		return -1;
	}
	return 0;
}

/* The members of a "refused" event root into ev: the reason (a COD
 * refusal name) and the round-trip shipping, required when the refusal
 * counts (COD-F2), optional otherwise. 0, or -1 with the member in
 * *field and the problem in *why. */
static int
refused_members(json_t *root, struct lg_event *ev, const char **field,
    const char **why)
{
	enum cod_refusal r;

	if (need(root, "reason", ev->reason, sizeof(ev->reason), field,
	    why) == -1)
		return -1;
	if (cod_refusal_parse(ev->reason, &r) == -1) {
		*field = "reason";
		*why = "must be damaged, wrong_item, missing_items or "
		    "no_valid_reason";
		return -1;
	}
	if (cod_refusal_counted(r)) {
		if (need(root, "round_trip_shipping", ev->shipping,
		    sizeof(ev->shipping), field, why) == -1)
			return -1;
	} else if (str_member(root, "round_trip_shipping",
	    ev->shipping, sizeof(ev->shipping)) == -1) {
		*field = "round_trip_shipping";
		*why = "must be a decimal amount";
		return -1;
	}
	return 0;
}

/* The optional courier of a shipped or (re)scheduled event root into ev:
 * courier_name and courier_phone, both or neither; the phone of digits,
 * spaces and + - ( ) with at least one digit. 0, or -1 with the member in
 * *field and the problem in *why. */
static int
courier_members(json_t *root, struct lg_event *ev, const char **field,
    const char **why)
{
	const char	*p;
	int		 digits = 0;

	if (str_member(root, "courier_name", ev->courier_name,
	    sizeof(ev->courier_name)) == -1) {
		*field = "courier_name";
		*why = "must be a non-empty string of printable characters, "
		    "at most 64";
		return -1;
	}
	if (str_member(root, "courier_phone", ev->courier_phone,
	    sizeof(ev->courier_phone)) == -1)
		goto phone;
	for (p = ev->courier_phone; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (strchr(" +-()", *p) == NULL)
			goto phone;
	}
	if ((ev->courier_name[0] != '\0') != (ev->courier_phone[0] != '\0')) {
		*field = ev->courier_name[0] == '\0' ? "courier_name" :
		    "courier_phone";
		*why = "courier_name and courier_phone go together";
		return -1;
	}
	if (ev->courier_phone[0] == '\0' || digits > 0)
		return 0;
phone:
	*field = "courier_phone";
	*why = "must be a phone number (digits, spaces, + - ( ), at most 32)";
	return -1;
}

/* The members event root has for its type ev->type into ev (shipped:
 * carrier and tracking; scheduled, rescheduled: a date; paid, refused:
 * as paid_members(), refused_members()). 0, or -1 with the member in
 * *field and the problem in *why. */
static int
type_members(json_t *root, struct lg_event *ev, const char **field,
    const char **why)
{
	mp_date d;

	switch (ev->type) {
	case LG_SHIPPED:
		return need(root, "carrier", ev->carrier, sizeof(ev->carrier),
		    field, why) == -1 || need(root, "tracking", ev->tracking,
		    sizeof(ev->tracking), field, why) == -1 ||
		    courier_members(root, ev, field, why) == -1 ? -1 : 0;
	case LG_SCHEDULED:
	case LG_RESCHEDULED:
		if (need(root, "date", ev->date, sizeof(ev->date), field,
		    why) == -1 || courier_members(root, ev, field, why) == -1)
			return -1;
		if (mp_date_parse(ev->date, strlen(ev->date), &d) == -1) {
			*field = "date";
			*why = "must be a date YYYY-MM-DD";
			return -1;
		}
		return 0;
	case LG_PAID:
		return paid_members(root, ev, field, why);
	case LG_REFUSED:
		return refused_members(root, ev, field, why);
	default:
		return 0;
	}
}

/* See logistics_events.h. */
int
lg_event_parse(const char *buf, size_t len, struct lg_event *ev,
    const char **field, const char **why)
{
	json_t		*root, *v;
	json_error_t	 jerr;
	char		 type[32];
	int		 i, rc = -1;

	memset(ev, 0, sizeof(*ev));
	*field = "body";
	*why = "not a JSON object";
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL)
		return -1;
	if (!json_is_object(root))
		goto out;
	if (need(root, "event_id", ev->event_id, sizeof(ev->event_id), field,
	    why) == -1 || need(root, "type", type, sizeof(type), field,
	    why) == -1)
		goto out;
	for (i = 0; i < LG__MAX; i++)
		if (strcmp(type_names[i], type) == 0)
			break;
	if (i == LG__MAX) {
		*field = "type";
		*why = "unknown event type";
		goto out;
	}
	ev->type = (enum lg_type)i;
	v = json_object_get(root, "order_id");
	if (v == NULL || !json_is_integer(v) || json_integer_value(v) <= 0) {
		*field = "order_id";
		*why = "must be a positive integer";
		goto out;
	}
	ev->order_id = json_integer_value(v);
	if (type_members(root, ev, field, why) == -1)
		goto out;
	rc = 0;
out:
	json_decref(root);
	return rc;
}

/* {"error": msg, "field": field} into out; returns status. */
static int
reply_error(struct buf *out, int status, const char *field, const char *msg)
{
	json_t	*o = json_pack("{s:s}", "error", msg);
	char	*s;

	if (field != NULL)
		json_object_set_new(o, "field", json_string(field));
	s = json_dumps(o, JSON_COMPACT);
	buf_puts(out, s != NULL ? s : "{\"error\":\"internal\"}");
	free(s);
	json_decref(o);
	return status;
}

/* The field a refusal message is about: the text before ':' when it is a
 * field name of the event, else NULL. */
static const char *
msg_field(const char *msg)
{
	static const char *const f[] = { "date", "amount", "currency",
	    "round_trip_shipping", "reason", "carrier", "tracking" };
	size_t i, n;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		n = strlen(f[i]);
		if (strncmp(msg, f[i], n) == 0 && msg[n] == ':')
			return f[i];
	}
	return NULL;
}

/* After the step of ev ended with r: the courier ev names (if any) is
 * kept on the order's shipment. Returns r, or RES_ERROR. */
static enum result
courier(struct db *db, const struct lg_event *ev, enum result r)
{
	if (r != RES_OK || ev->courier_name[0] == '\0')
		return r;
	return db_ship_courier(db, ev->order_id, ev->courier_name,
	    ev->courier_phone) == -1 ? RES_ERROR : r;
}

/* Act on ev of partner pid inside the open transaction. */
static enum result
act(struct db *db, int64_t pid, const struct lg_event *ev, int64_t now,
    char *msg, size_t msgsz, const char **field)
{
	struct db_order		 o;
	struct money		 m, ship;
	enum cod_refusal	 r;
	enum result		 paid;
	char			 err[160];
	int			 rc;

	rc = db_order_get(db, 0, ev->order_id, &o);
	if (rc == -1)
		return RES_ERROR;
	if (rc == 0) {
		*field = "order_id";
		snprintf(msg, msgsz, "no such order");
		return RES_NOT_FOUND;
	}
	switch (ev->type) {
	case LG_SHIPPED:
		return courier(db, ev, shipping_shipped(db, ev->order_id,
		    OF_PARTNER, 0, ev->carrier, ev->tracking, now, msg,
		    msgsz));
	case LG_DELIVERED:
		return shipping_delivered(db, ev->order_id, OF_PARTNER, 0, now,
		    msg, msgsz);
	case LG_SCHEDULED:
	case LG_RESCHEDULED:
		return courier(db, ev, cod_schedule(db, ev->order_id, ev->date,
		    ev->type == LG_RESCHEDULED, OF_PARTNER, now, msg, msgsz));
	case LG_PAID:
		if (ev->currency[0] != '\0' &&
		    strcasecmp(ev->currency, o.currency) != 0) {
			*field = "currency";
			snprintf(msg, msgsz, "currency: order #%lld settles in "
			    "%s", (long long)o.id, o.currency);
			return RES_REFUSED;
		}
		if (money_parse(ev->amount, strlen(ev->amount), o.currency, &m,
		    err, sizeof(err)) == -1) {
			*field = "amount";
			snprintf(msg, msgsz, "amount: %s", err);
			return RES_REFUSED;
		}
		paid = cod_paid_report(db, ev->order_id, pid, &m, ev->method,
		    ev->record_id, now, msg, msgsz);
		/* The courier's own books keep the collection it reported
		 * (even if this transaction then rolls back). */
		if (paid == RES_OK && recon_books_cod_collected(pid,
		    ev->record_id, &m, now) == -1)
			return RES_ERROR;
		return paid;
	case LG_REFUSED:
		if (cod_refusal_parse(ev->reason, &r) == -1)
			return RES_ERROR;
		if (ev->shipping[0] != '\0' && money_parse(ev->shipping,
		    strlen(ev->shipping), o.currency, &ship, err,
		    sizeof(err)) == -1) {
			*field = "round_trip_shipping";
			snprintf(msg, msgsz, "round_trip_shipping: %s", err);
			return RES_REFUSED;
		}
		return cod_refused(db, ev->order_id, r, ev->shipping[0] != '\0' ?
		    &ship : NULL, OF_PARTNER, 0, now, msg, msgsz);
	case LG_RETURN_RECEIVED:
		return cod_return_received(db, ev->order_id, OF_PARTNER, 0, now,
		    msg, msgsz);
	default:
		return RES_ERROR;
	}
}

/* The sha256 (hex, 65 bytes) of every field of ev but its event id: what
 * makes two events with one id the same event. */
static void
event_sha(const struct lg_event *ev, char out[65])
{
	unsigned char	h[crypto_hash_sha256_BYTES];
	char		canon[640];

	/* The courier's members only when given: an event without them
	 * keeps the digest it had before they existed. */
	snprintf(canon, sizeof(canon), "%d|%lld|%s|%s|%s|%s|%s|%s|%s|%s|%s"
	    "%s%s%s%s", (int)ev->type, (long long)ev->order_id, ev->carrier,
	    ev->tracking, ev->date, ev->amount, ev->currency,
	    ev->type == LG_PAID ? collect_method_name(ev->method) : "",
	    ev->record_id, ev->reason, ev->shipping,
	    ev->courier_name[0] != '\0' ? "|" : "", ev->courier_name,
	    ev->courier_name[0] != '\0' ? "|" : "", ev->courier_phone);
	crypto_hash_sha256(h, (const unsigned char *)canon, strlen(canon));
	sodium_bin2hex(out, 65, h, sizeof(h));
}

/* The answer to ev whose event id was processed before with the stored
 * answer first: that answer (200) when it was the same event, else 409
 * (the event id is taken by another event). */
static int
repeat_answer(const struct lg_event *ev, const char *first, struct buf *out)
{
	json_t		*j = json_loads(first, 0, NULL);
	const char	*was;
	char		 sha[65];
	int		 same;

	event_sha(ev, sha);
	was = json_string_value(json_object_get(j, "event_sha256"));
	same = was != NULL && strcmp(was, sha) == 0;
	json_decref(j);
	if (!same)
		return reply_error(out, 409, "event_id", "event_id: this event "
		    "id was already used for another event (other type, order "
		    "or fields); nothing was changed");
	buf_puts(out, first);
	return 200;
}

/* Partner scope: lock order ev->order_id and book it with partner pid
 * unless it is booked already. Returns 0 when pid may act on it, else the
 * HTTP status with the JSON answer in out: 404 no such order, 403 the order
 * is booked with another logistics partner, 500 database error. */
static int
scope(struct db *db, int64_t pid, const struct lg_event *ev, int64_t now,
    struct buf *out)
{
	enum pay_method	method;
	char	msg[200];
	int64_t	booked = 0;
	int	rc;

	rc = db_order_lock_method(db, ev->order_id, &method);
	if (rc == 1)
		rc = db_lg_book(db, ev->order_id, pid, now, &booked);
	if (rc == -1)
		return reply_error(out, 500, NULL, "internal error; retry "
		    "later");
	if (rc == 0)
		return reply_error(out, 404, "order_id", "no such order");
	if (booked == pid)
		return 0;
	log_warn("logistics event %s (%s) of partner %lld refused: order %lld "
	    "is booked with partner %lld", ev->event_id,
	    lg_type_name(ev->type), (long long)pid, (long long)ev->order_id,
	    (long long)booked);
	snprintf(msg, sizeof(msg), "order #%lld is booked with another "
	    "logistics partner; nothing was changed",
	    (long long)ev->order_id);
	return reply_error(out, 403, "order_id", msg);
}

/* See logistics_events.h. */
int
lg_event_apply(struct db *db, int64_t pid, const struct lg_event *ev,
    int64_t now, struct buf *out)
{
	struct buf	 orig;
	struct db_order	 o;
	const char	*field = NULL;
	char		 msg[400], sha[65], *s;
	enum result	 r;
	json_t		*j;
	int		 rc, status;

	if (db_begin_read_committed(db) == -1)
		return reply_error(out, 500, NULL, "database unavailable");
	buf_init(&orig);
	rc = partner_event_claim(db, pid, ev->event_id, now, &orig);
	if (rc == 0) {
		/* A repeat of an event already processed: its first answer,
		 * nothing changed; the same event id with other fields is
		 * refused. */
		db_rollback(db);
		status = repeat_answer(ev, buf_str(&orig), out);
		buf_cleanup(&orig);
		return status;
	}
	buf_cleanup(&orig);
	if (rc == -2) {
		db_rollback(db);
		return reply_error(out, 400, "event_id", "event_id: 1-64 "
		    "characters of A-Z a-z 0-9 . _ : -");
	}
	if (rc == -1)
		goto fail;
	if ((status = scope(db, pid, ev, now, out)) != 0) {
		db_rollback(db);
		return status;
	}
	msg[0] = '\0';
	r = act(db, pid, ev, now, msg, sizeof(msg), &field);
	if (r == RES_ERROR)
		goto fail;
	if (r != RES_OK) {
		db_rollback(db);
		status = r == RES_NOT_FOUND ? 404 : r == RES_REFUSED ? 422 :
		    409;
		return reply_error(out, status, field != NULL ? field :
		    msg_field(msg), msg);
	}
	if (db_order_get(db, 0, ev->order_id, &o) != 1)
		goto fail;
	event_sha(ev, sha);
	j = json_pack("{s:b, s:s, s:I, s:s, s:s, s:s}", "ok", 1, "event_id",
	    ev->event_id, "order_id", (json_int_t)ev->order_id, "status",
	    order_status_name(o.status), "message", msg, "event_sha256", sha);
	s = j != NULL ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	if (s == NULL)
		goto fail;
	if (partner_event_done(db, pid, ev->event_id, s) == -1 ||
	    db_commit(db) == -1) {
		free(s);
		goto fail;
	}
	buf_puts(out, s);
	free(s);
	log_info("logistics event %s (%s) of partner %lld: order %lld %s",
	    ev->event_id, lg_type_name(ev->type), (long long)pid,
	    (long long)ev->order_id, order_status_name(o.status));
	return 200;
fail:
	db_rollback(db);
	return reply_error(out, 500, NULL, "internal error; retry later");
}
