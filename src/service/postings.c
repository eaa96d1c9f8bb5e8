/*
 * The ledger entries of cash on delivery, the post office remittance,
 * refunds and Pay After Use (see postings.h for the keys and accounts).
 */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "db/order.h"
#include "db/payafter.h"
#include "service/ledger.h"
#include "service/postings.h"

/* The unit of money an entry records: its order and currency. */
struct unit {
	int64_t		 order_id;
	const char	*currency;
};

/* Post one entry of kind k keyed key on u with moves m[0..n-1]; partner
 * and partner_ref may be NULL. 0 posted or replayed, -1 otherwise. */
static int
post(struct db *db, const struct unit *u, enum ledger_kind k, const char *key,
    const char *partner, const char *partner_ref, const char *ref_type,
    int64_t ref_id, const struct ledger_move *m, size_t n, int64_t now)
{
	struct ledger_entry	e;
	size_t			i;
	int			rc;

	memset(&e, 0, sizeof(e));
	e.kind = k;
	e.key = key;
	e.currency = u->currency;
	e.order_id = u->order_id;
	e.ref_type = ref_type;
	e.ref_id = ref_id;
	e.partner = partner;
	e.partner_ref = partner_ref;
	e.at = now;
	for (i = 0; i < n && i < LEDGER_MAX_MOVES; i++)
		e.moves[i] = m[i];
	e.nmoves = i;
	rc = ledger_post(db, &e);
	if (rc < 0)
		log_err("postings: entry %s (%s) of order %lld refused (%d)",
		    key, ledger_kind_name(k), (long long)u->order_id, rc);
	return rc < 0 ? -1 : 0;
}

/* One move debit / credit of amount, posted as an entry without a partner. */
static int
post1(struct db *db, const struct unit *u, enum ledger_kind k,
    const char *key, const char *debit, const char *credit, int64_t amount,
    int64_t now)
{
	struct ledger_move m = { debit, credit, amount };

	return post(db, u, k, key, NULL, NULL, NULL, 0, &m, 1, now);
}

/* The unit of order o. */
static struct unit
of_order(const struct db_order *o)
{
	struct unit u = { o->id, o->currency };

	return u;
}

/* An entry keyed "<prefix>-<order>" of kind k moving amount from order
 * o's buyer receivable (debit) to credit. */
static int
post_owed(struct db *db, const struct db_order *o, enum ledger_kind k,
    const char *prefix, const char *credit, int64_t amount, int64_t now)
{
	struct unit	u = of_order(o);
	char		key[40], recv[LEDGER_ACCT_MAX];

	snprintf(key, sizeof(key), "%s-%lld", prefix, (long long)o->id);
	ledger_acct_buyer_receivable(recv, sizeof(recv), o->user_id);
	return post1(db, &u, k, key, recv, credit, amount, now);
}

/* Money received for order o into account `into` (NULL: the clearing
 * account of the partner that collected it), from its buyer's
 * receivable. */
struct receipt {
	enum ledger_kind	 kind;
	const char		*key;
	const char		*into;
	const char		*partner, *partner_ref;
	const char		*ref_type;
	int64_t			 ref_id;
	int64_t			 amount;
};

/* Post receipt r of buyer user_id on unit u. 0 or -1. */
static int
post_received(struct db *db, const struct unit *u, int64_t user_id,
    const struct receipt *r, int64_t now)
{
	struct ledger_move	m;
	char			recv[LEDGER_ACCT_MAX], clearing[LEDGER_ACCT_MAX];

	m.debit = r->into != NULL ? r->into : ledger_acct_partner_clearing(
	    clearing, sizeof(clearing), r->partner);
	m.credit = ledger_acct_buyer_receivable(recv, sizeof(recv), user_id);
	m.amount = r->amount;
	return post(db, u, r->kind, r->key, r->partner, r->partner_ref,
	    r->ref_type, r->ref_id, &m, 1, now);
}

/* See postings.h. */
char *
post_partner_logistics(char *out, size_t outsz, int64_t pid)
{
	snprintf(out, outsz, "logistics-%lld", (long long)pid);
	return out;
}

/* See postings.h. */
int
post_sale(struct db *db, const struct db_order *o, int64_t amount,
    int64_t now)
{
	return post_owed(db, o, LK_SALE, "sale", LEDGER_MERCHANT_PAYABLE,
	    amount, now);
}

/* See postings.h. */
int
post_sale_cancel(struct db *db, const struct db_order *o, int64_t now)
{
	char key[40];

	snprintf(key, sizeof(key), "sale-%lld", (long long)o->id);
	return ledger_reverse(db, key, "order cancelled before shipment",
	    now) == -1 ? -1 : 0;
}

/* See postings.h. */
int
post_cod_collected(struct db *db, const struct db_order *o, int64_t pid,
    const char *record_id, int64_t amount, int64_t now)
{
	struct unit	u = of_order(o);
	struct receipt	r;
	char		key[40], partner[32];

	if (post_sale(db, o, o->amount_due_minor, now) == -1 ||
	    post_owed(db, o, LK_COD_FEE, "cod-fee", LEDGER_FEE_INCOME,
	    o->fee_minor, now) == -1)
		return -1;
	snprintf(key, sizeof(key), "cod-%lld", (long long)o->id);
	post_partner_logistics(partner, sizeof(partner), pid);
	r = (struct receipt){ LK_COD_COLLECTION, key, NULL, partner,
	    record_id, "cod", o->id, amount };
	return post_received(db, &u, o->user_id, &r, now);
}

/* See postings.h. */
int
post_refusal_charge(struct db *db, const struct db_order *o, int64_t amount,
    int64_t now)
{
	return post_owed(db, o, LK_REFUSAL_CHARGE, "refusal",
	    LEDGER_FEE_INCOME, amount, now);
}

/* See postings.h. */
int
post_rem_receipt(struct db *db, const struct db_order *o, int64_t vid,
    const char *partner_ref, int64_t amount, int64_t now)
{
	struct unit	u = of_order(o);
	struct receipt	r;
	char		key[40];

	snprintf(key, sizeof(key), "rem-%lld", (long long)vid);
	r = (struct receipt){ LK_REMITTANCE_RECEIPT, key, NULL,
	    POST_PARTNER_POST_OFFICE, partner_ref, "voucher", vid, amount };
	return post_received(db, &u, o->user_id, &r, now);
}

/* See postings.h. */
int
post_rem_excess(struct db *db, const struct db_order *o, int64_t excess,
    int64_t now)
{
	char cred[LEDGER_ACCT_MAX];

	ledger_acct_buyer_credit(cred, sizeof(cred), o->user_id);
	return post_owed(db, o, LK_REMITTANCE_EXCESS, "rem-excess", cred,
	    excess, now);
}

/* See postings.h. */
int
post_refund_due(struct db *db, const struct db_order *o, const char *kind,
    int64_t amount, int64_t now)
{
	struct unit	 u = of_order(o);
	char		 key[64], from[LEDGER_ACCT_MAX];

	if (strcmp(kind, "excess") == 0)
		ledger_acct_buyer_credit(from, sizeof(from), o->user_id);
	else if (strcmp(kind, "cancel") == 0)
		ledger_acct_buyer_receivable(from, sizeof(from), o->user_id);
	else
		snprintf(from, sizeof(from), "%s", LEDGER_MERCHANT_PAYABLE);
	snprintf(key, sizeof(key), "refund-%lld-%s", (long long)o->id, kind);
	return post1(db, &u, LK_REFUND_DUE, key, from, LEDGER_REFUNDS_PAYABLE,
	    amount, now);
}

/* See postings.h. */
int
post_refund_sent(struct db *db, const struct db_order *o, const char *kind,
    int64_t amount, const char *partner, const char *partner_ref,
    int64_t now)
{
	struct unit		u = of_order(o);
	struct ledger_move	m = { LEDGER_REFUNDS_PAYABLE,
				    LEDGER_PLATFORM_CASH, amount };
	char			key[64];

	snprintf(key, sizeof(key), "refund-sent-%lld-%s", (long long)o->id,
	    kind);
	return post(db, &u, LK_REFUND_SENT, key, partner, partner_ref,
	    "refund", o->id, &m, 1, now);
}

/* See postings.h. */
int
post_pau_charge(struct db *db, const struct db_pau_charge *c,
    const char *key, int64_t amount, int64_t late_fee, int64_t now)
{
	struct unit	u = { c->order_id, c->currency };
	struct receipt	r;
	char		lkey[40], recv[LEDGER_ACCT_MAX];

	ledger_acct_buyer_receivable(recv, sizeof(recv), c->user_id);
	snprintf(lkey, sizeof(lkey), "pau-late-%lld", (long long)c->order_id);
	if (late_fee > 0 && post1(db, &u, LK_LATE_FEE, lkey, recv,
	    LEDGER_FEE_INCOME, late_fee, now) == -1)
		return -1;
	r = (struct receipt){ LK_PAU_CHARGE, key, NULL, POST_PARTNER_BANK,
	    key, "pau_charge", c->order_id, amount };
	return post_received(db, &u, c->user_id, &r, now);
}

/* See postings.h. */
int
post_guarantee(struct db *db, const struct db_pau_charge *c, int recovery,
    int64_t now)
{
	struct unit	u = { c->order_id, c->currency };
	char		key[40], clearing[LEDGER_ACCT_MAX];

	if (!recovery) {
		snprintf(key, sizeof(key), "guarantee-%lld",
		    (long long)c->order_id);
		return post1(db, &u, LK_GUARANTEE_PAYOUT, key,
		    LEDGER_MERCHANT_PAYABLE, LEDGER_GUARANTEE, c->amount_minor,
		    now);
	}
	ledger_acct_partner_clearing(clearing, sizeof(clearing),
	    POST_PARTNER_BANK);
	snprintf(key, sizeof(key), "guarantee-rec-%lld",
	    (long long)c->order_id);
	return post1(db, &u, LK_GUARANTEE_RECOVERY, key, LEDGER_GUARANTEE,
	    clearing, c->amount_minor, now);
}
