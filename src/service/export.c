/*
 * The admin console's exports (see export.h): each db row becomes the
 * cells of a CSV record here, and goes on to the caller at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/money.h"
#include "core/said.h"
#include "core/words.h"
#include "db/admin.h"
#include "db/event.h"
#include "db/search.h"
#include "service/admin_view.h"
#include "service/export.h"

#define BIT(i)	(1u << (i))

/* One export under way: where rows go, and the row's formatted cells. */
struct xrun {
	export_row_fn	 fn;
	void		*arg;
	const char	*queue;		/* a queue export's queue title */
	char		 when[32], money[2][MONEY_STR_MAX], words[2][64];
	char		 reason[1024];	/* an event's reason in words */
};

/* The plain decimal of minor units of currency cur into out; "" when minor
 * is empty (the item has no amount). */
static const char *
amount(const char *minor, const char *cur, char *out, size_t outsz)
{
	struct money m;

	if (minor[0] == '\0' || money_set(&m, strtoll(minor, NULL, 10),
	    cur) == -1)
		return strcpy(out, "");
	return money_str(&m, out, outsz);
}

/* A Unix time's text "YYYY-MM-DD HH:MM:SS" (UTC) into out; "" for 0. */
static const char *
when(const char *unix_s, char *out, size_t outsz)
{
	time_t		tt = (time_t)strtoll(unix_s, NULL, 10);
	struct tm	tm;

	if (tt <= 0 || gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, outsz, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		out[0] = '\0';
	return out;
}

/* db row -> orders record. */
static int
order_row(void *arg, const char *const *c, size_t n)
{
	struct xrun	*x = arg;
	const char	*cells[DB_OX__N];

	if (n < DB_OX__N)
		return -1;
	memcpy(cells, c, sizeof(cells));
	cells[DB_OX_CREATED_AT] = when(c[DB_OX_CREATED_AT], x->when,
	    sizeof(x->when));
	cells[DB_OX_METHOD] = c[DB_OX_METHOD][0] ? words_method(c[DB_OX_METHOD])
	    : "";
	words_status(c[DB_OX_STATUS], x->words[0], sizeof(x->words[0]));
	cells[DB_OX_STATUS] = x->words[0];
	cells[DB_OX_AMOUNT_DUE] = amount(c[DB_OX_AMOUNT_DUE],
	    c[DB_OX_CURRENCY], x->money[0], sizeof(x->money[0]));
	cells[DB_OX_FEE] = amount(c[DB_OX_FEE], c[DB_OX_CURRENCY],
	    x->money[1], sizeof(x->money[1]));
	return x->fn(x->arg, cells, DB_OX__N,
	    BIT(DB_OX_ID) | BIT(DB_OX_AMOUNT_DUE) | BIT(DB_OX_FEE));
}

/* See export.h. */
int
export_orders(struct db *db, const struct db_admin_order_filter *f,
    export_row_fn fn, void *arg)
{
	static const char *const head[DB_OX__N] = { "Order", "Created (UTC)",
	    "Buyer email", "Company", "Method", "Status", "Amount to pay",
	    "Fee", "Currency", "Country", "Remittance code",
	    "Tracking number" };
	struct xrun x = { .fn = fn, .arg = arg };

	if (fn(arg, head, DB_OX__N, 0) == -1)
		return 1;
	return db_admin_order_export(db, f, order_row, &x);
}

/* The queues that can be exported, by registry id. */
static const struct {
	const char	*id;
	const char	*title;
	enum db_export	 which;
} queues[] = {
	{ "cod_review", "COD review", DB_X_QUEUE_COD },
	{ "installment_review", "Installment review", DB_X_QUEUE_INSTALLMENT },
	{ "remittance_verify", "Remittance verification",
	  DB_X_QUEUE_REMITTANCE },
	{ "refund_due", "Refund due", DB_X_QUEUE_REFUND },
	{ "qualifications", "Corporate qualification",
	  DB_X_QUEUE_QUALIFICATION },
	{ "corp_applications", "Corporate installment",
	  DB_X_QUEUE_CORPORATE },
	{ "overdue_plans", "Overdue installment plan", DB_X_QUEUE_OVERDUE },
	{ "identity_review", "Identity check", DB_X_QUEUE_IDENTITY },
};

/* The index of queue_id in queues[], or -1. */
static int
queue_index(const char *queue_id)
{
	size_t i;

	for (i = 0; i < sizeof(queues) / sizeof(queues[0]); i++)
		if (strcmp(queues[i].id, queue_id) == 0)
			return (int)i;
	return -1;
}

/* See export.h. */
int
export_queue_known(const char *queue_id)
{
	return queue_id != NULL && queue_index(queue_id) >= 0;
}

/* db row -> queue record (the queue's title first). */
static int
queue_row(void *arg, const char *const *c, size_t n)
{
	struct xrun	*x = arg;
	const char	*cells[DB_QX__N + 1];

	if (n < DB_QX__N)
		return -1;
	cells[0] = x->queue;
	memcpy(cells + 1, c, DB_QX__N * sizeof(*c));
	cells[1 + DB_QX_SUBMITTED] = when(c[DB_QX_SUBMITTED], x->when,
	    sizeof(x->when));
	words_status(c[DB_QX_STATUS], x->words[0], sizeof(x->words[0]));
	cells[1 + DB_QX_STATUS] = x->words[0];
	cells[1 + DB_QX_AMOUNT] = amount(c[DB_QX_AMOUNT], c[DB_QX_CURRENCY],
	    x->money[0], sizeof(x->money[0]));
	return x->fn(x->arg, cells, DB_QX__N + 1, BIT(1 + DB_QX_ITEM) |
	    BIT(1 + DB_QX_ORDER) | BIT(1 + DB_QX_AMOUNT));
}

/* See export.h. */
int
export_queue(struct db *db, const char *queue_id, int64_t now,
    export_row_fn fn, void *arg)
{
	static const char *const head[DB_QX__N + 1] = { "Queue", "Item",
	    "Order", "Buyer email", "Company", "Status", "Submitted (UTC)",
	    "Amount", "Currency", "Due" };
	struct xrun	x = { .fn = fn, .arg = arg };
	char		today[CAL_DATE_STRLEN];
	mp_date		d;
	int		i = queue_index(queue_id);

	if (i < 0 || mp_date_from_unix(now, &d) == -1)
		return -1;
	mp_date_str(d, today, sizeof(today));
	x.queue = queues[i].title;
	if (fn(arg, head, DB_QX__N + 1, 0) == -1)
		return 1;
	return db_export(db, queues[i].which, today, queue_row, &x);
}

/* db row -> audit record. */
static int
audit_row(void *arg, const char *const *c, size_t n)
{
	struct xrun	*x = arg;
	const char	*cells[11];

	if (n < 11)
		return -1;
	memcpy(cells, c, sizeof(cells));
	cells[6] = when(c[6], x->when, sizeof(x->when));
	/* A fixed sentence is stored as its code and figures: its words;
	 * a typed reason as typed. */
	if (c[9] != NULL && c[9][0] == '{') {
		said_text(c[9], "", "", x->reason, sizeof(x->reason));
		cells[9] = x->reason;
	}
	return x->fn(x->arg, cells, 11, BIT(0) | BIT(2) | BIT(4));
}

/* See export.h. */
int
export_audit(struct db *db, struct db_event_filter *f, const char *user,
    const char *admin, export_row_fn fn, void *arg)
{
	static const char *const head[11] = { "Event", "Subject",
	    "Subject id", "Actor", "Actor id", "Actor email", "At (UTC)",
	    "From", "To", "Reason", "Detail" };
	struct xrun x = { .fn = fn, .arg = arg };

	if (fn(arg, head, 11, 0) == -1)
		return 1;
	if (admin_audit_resolve(db, f, user, admin) == 1)
		return 0;	/* nobody: the headings alone */
	return db_event_export(db, f, audit_row, &x);
}

/* db row -> ledger record: the amount signed, debit positive. */
static int
ledger_row(void *arg, const char *const *c, size_t n)
{
	struct xrun	*x = arg;
	const char	*cells[DB_LX__N];

	if (n < DB_LX__N)
		return -1;
	memcpy(cells, c, sizeof(cells));
	cells[DB_LX_CREATED_AT] = when(c[DB_LX_CREATED_AT], x->when,
	    sizeof(x->when));
	cells[DB_LX_AMOUNT] = amount(c[DB_LX_AMOUNT], c[DB_LX_CURRENCY],
	    x->money[0], sizeof(x->money[0]));
	return x->fn(x->arg, cells, DB_LX__N, BIT(DB_LX_ID) |
	    BIT(DB_LX_LINE) | BIT(DB_LX_AMOUNT) | BIT(DB_LX_ORDER) |
	    BIT(DB_LX_PLAN));
}

/* See export.h. */
int
export_ledger(struct db *db, export_row_fn fn, void *arg)
{
	static const char *const head[DB_LX__N] = { "Line", "Created (UTC)",
	    "Entry", "Line of entry", "Kind", "Account", "Amount", "Currency",
	    "Order", "Plan", "Partner", "Partner reference", "Reverses",
	    "Memo" };
	struct xrun x = { .fn = fn, .arg = arg };

	if (fn(arg, head, DB_LX__N, 0) == -1)
		return 1;
	return db_export(db, DB_X_LEDGER, NULL, ledger_row, &x);
}

/* db row -> reconciliation difference record. */
static int
recon_row(void *arg, const char *const *c, size_t n)
{
	static const char *const kinds[][2] = {
		{ "not_recorded", "In the partner's books, not in the ledger" },
		{ "not_charged", "In the ledger, not in the partner's books" },
		{ "amount_differs", "Amounts differ" },
	};
	struct xrun	*x = arg;
	const char	*cells[DB_RX__N];
	size_t		 i;

	if (n < DB_RX__N)
		return -1;
	memcpy(cells, c, sizeof(cells));
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(c[DB_RX_KIND], kinds[i][0]) == 0)
			cells[DB_RX_KIND] = kinds[i][1];
	cells[DB_RX_PARTNER_AMOUNT] = amount(c[DB_RX_PARTNER_AMOUNT],
	    c[DB_RX_CURRENCY], x->money[0], sizeof(x->money[0]));
	cells[DB_RX_LEDGER_AMOUNT] = amount(c[DB_RX_LEDGER_AMOUNT],
	    c[DB_RX_CURRENCY], x->money[1], sizeof(x->money[1]));
	cells[DB_RX_RAN_AT] = when(c[DB_RX_RAN_AT], x->when, sizeof(x->when));
	return x->fn(x->arg, cells, DB_RX__N, BIT(DB_RX_PARTNER_AMOUNT) |
	    BIT(DB_RX_LEDGER_AMOUNT));
}

/* See export.h. */
int
export_recon(struct db *db, export_row_fn fn, void *arg)
{
	static const char *const head[DB_RX__N] = { "Day", "Partner",
	    "Reference", "Difference", "Partner amount", "Ledger amount",
	    "Currency", "Reconciled at (UTC)" };
	struct xrun x = { .fn = fn, .arg = arg };

	if (fn(arg, head, DB_RX__N, 0) == -1)
		return 1;
	return db_export(db, DB_X_RECON, NULL, recon_row, &x);
}
