/*
 * The double-entry ledger (see ledger.h): entries checked, turned into
 * lines and appended in one statement; replays told from conflicts;
 * reversals; balances.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "db/ledger.h"
#include "service/ledger.h"

static const char *const kind_names[LK__MAX] = {
	[LK_PLAN_START] = "plan_start",
	[LK_DOWN_PAYMENT] = "down_payment",
	[LK_INSTALLMENT] = "installment",
	[LK_PAYOFF] = "payoff",
	[LK_FEE_WAIVER] = "fee_waiver",
	[LK_LATE_FEE] = "late_fee",
	[LK_LENDER_SETTLEMENT] = "lender_settlement",
	[LK_PLAN_TERMINATION] = "plan_termination",
	[LK_TRANSFER] = "transfer",
	[LK_COD_COLLECTION] = "cod_collection",
	[LK_COD_FEE] = "cod_fee",
	[LK_REFUSAL_CHARGE] = "refusal_charge",
	[LK_REMITTANCE_RECEIPT] = "remittance_receipt",
	[LK_REMITTANCE_EXCESS] = "remittance_excess",
	[LK_REFUND_DUE] = "refund_due",
	[LK_REFUND_SENT] = "refund_sent",
	[LK_PAU_CHARGE] = "pau_charge",
	[LK_GUARANTEE_PAYOUT] = "guarantee_payout",
	[LK_GUARANTEE_RECOVERY] = "guarantee_recovery",
	[LK_SALE] = "sale",
	[LK_REVERSAL] = "reversal",
	[LK_DEBT_PAYMENT] = "debt_payment",
	[LK_CREDIT_PAYOUT] = "credit_payout",
};

/* See ledger.h. */
const char *
ledger_kind_name(enum ledger_kind k)
{
	if ((int)k < 0 || k >= LK__MAX)
		return NULL;
	return kind_names[k];
}

/* "<kind>:<id>:<what>" into out, returning out. */
static char *
acct_id(char *out, size_t outsz, const char *kind, int64_t id,
    const char *what)
{
	snprintf(out, outsz, "%s:%" PRId64 ":%s", kind, id, what);
	return out;
}

/* See ledger.h: the account ids of a buyer or a company, each one line
 * of (function, kind, what) over acct_id(). */
#define ACCT_OF(fn, kind, what) char *fn(char *out, size_t outsz, \
	int64_t id) { return acct_id(out, outsz, kind, id, what); }
ACCT_OF(ledger_acct_buyer_receivable, "buyer", "receivable")
ACCT_OF(ledger_acct_buyer_credit, "buyer", "credit")
ACCT_OF(ledger_acct_company_receivable, "company", "receivable")
ACCT_OF(ledger_acct_company_credit, "company", "credit")
#undef ACCT_OF

/* See ledger.h. */
char *
ledger_acct_partner_clearing(char *out, size_t outsz, const char *partner)
{
	snprintf(out, outsz, "partner:%s:clearing", partner);
	return out;
}

/* See ledger.h. */
char *
ledger_acct_partner_fees(char *out, size_t outsz, const char *partner)
{
	snprintf(out, outsz, "partner:%s:fees", partner);
	return out;
}

/* Copy src into dst (dstsz bytes); 0, or -1 when src is too long. NULL
 * copies "". */
static int
fit(char *dst, size_t dstsz, const char *src)
{
	if (src == NULL)
		src = "";
	if (strlen(src) >= dstsz)
		return -1;
	memcpy(dst, src, strlen(src) + 1);
	return 0;
}

/* Fill the columns every line of e shares into l. Returns 0, or -1 when
 * a value does not fit its column. */
static int
line_common(const struct ledger_entry *e, const char *reverses,
    struct db_ledger_line *l)
{
	memset(l, 0, sizeof(*l));
	l->order_id = e->order_id;
	l->plan_id = e->plan_id;
	l->ref_id = e->ref_id;
	l->created_at = e->at;
	if (fit(l->entry_key, sizeof(l->entry_key), e->key) == -1 ||
	    fit(l->kind, sizeof(l->kind), ledger_kind_name(e->kind)) == -1 ||
	    fit(l->currency, sizeof(l->currency), e->currency) == -1 ||
	    fit(l->ref_type, sizeof(l->ref_type), e->ref_type) == -1 ||
	    fit(l->partner, sizeof(l->partner), e->partner) == -1 ||
	    fit(l->partner_ref, sizeof(l->partner_ref), e->partner_ref) == -1 ||
	    fit(l->reverses, sizeof(l->reverses), reverses) == -1)
		return -1;
	snprintf(l->memo, sizeof(l->memo), "%s", e->memo ? e->memo : "");
	return 0;
}

/* See ledger.h. */
int
ledger_entry_lines(const struct ledger_entry *e, struct db_ledger_line *l,
    size_t *n)
{
	struct db_ledger_line	 base;
	size_t			 i;

	*n = 0;
	if (e->key == NULL || e->key[0] == '\0' || e->currency == NULL ||
	    strlen(e->currency) != 3 || e->nmoves > LEDGER_MAX_MOVES ||
	    ledger_kind_name(e->kind) == NULL || e->at <= 0)
		return -1;
	if (line_common(e, NULL, &base) == -1)
		return -1;
	for (i = 0; i < e->nmoves; i++) {
		const struct ledger_move *m = &e->moves[i];

		if (m->amount < 0 || m->debit == NULL || m->credit == NULL ||
		    strcmp(m->debit, m->credit) == 0)
			return -1;
		if (m->amount == 0)
			continue;
		l[*n] = base;
		l[*n + 1] = base;
		if (fit(l[*n].account, sizeof(l->account), m->debit) == -1 ||
		    fit(l[*n + 1].account, sizeof(l->account), m->credit) == -1)
			return -1;
		l[*n].amount = m->amount;
		l[*n + 1].amount = -m->amount;
		l[*n].line_no = (int)*n;
		l[*n + 1].line_no = (int)*n + 1;
		*n += 2;
	}
	return 0;
}

/* 1 if the stored lines s[0..ns) are the lines l[0..n) (same accounts,
 * amounts, currency, kind and order, plan and reference), else 0. */
static int
same_lines(const struct db_ledger_line *s, size_t ns,
    const struct db_ledger_line *l, size_t n)
{
	size_t i;

	if (ns != n)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i].amount != l[i].amount ||
		    strcmp(s[i].account, l[i].account) != 0 ||
		    strcmp(s[i].currency, l[i].currency) != 0 ||
		    strcmp(s[i].kind, l[i].kind) != 0 ||
		    s[i].order_id != l[i].order_id ||
		    s[i].plan_id != l[i].plan_id ||
		    s[i].ref_id != l[i].ref_id)
			return 0;
	return 1;
}

/* The key was taken: 1 when its stored lines are l[0..n) (a replay),
 * -2 when they differ, -1 on error. */
static int
replay_or_conflict(struct db *db, const char *key,
    const struct db_ledger_line *l, size_t n)
{
	struct db_ledger_line	*s = NULL;
	size_t			 ns = 0;
	int			 rc;

	if (db_ledger_entry(db, key, &s, &ns) == -1)
		return -1;
	rc = same_lines(s, ns, l, n) ? 1 : -2;
	if (rc == -2)
		log_warn("ledger: key %s posted again with other lines", key);
	free(s);
	return rc;
}

/* See ledger.h. */
int
ledger_post(struct db *db, const struct ledger_entry *e)
{
	struct db_ledger_line	l[DB_LEDGER_MAX_LINES];
	size_t			n;
	int			rc;

	if (ledger_entry_lines(e, l, &n) == -1) {
		log_err("ledger: malformed entry %s",
		    e->key != NULL ? e->key : "(no key)");
		return -1;
	}
	if (n == 0)
		return 0;
	if ((rc = db_ledger_insert(db, l, n)) != 1)
		return rc;
	return replay_or_conflict(db, e->key, l, n);
}

/* See ledger.h. */
int
ledger_reverse(struct db *db, const char *key, const char *memo, int64_t at)
{
	struct db_ledger_line	*s = NULL;
	size_t			 ns = 0, i;
	char			 rkey[101];
	int			 rc = -1;

	if (snprintf(rkey, sizeof(rkey), "rev:%s", key) >= (int)sizeof(rkey))
		return -1;
	if (db_ledger_entry(db, key, &s, &ns) == -1)
		return -1;
	if (ns < 2 || ns > DB_LEDGER_MAX_LINES)
		goto out;
	for (i = 0; i < ns; i++) {
		snprintf(s[i].reverses, sizeof(s[i].reverses), "%s", key);
		snprintf(s[i].entry_key, sizeof(s[i].entry_key), "%s", rkey);
		snprintf(s[i].kind, sizeof(s[i].kind), "%s",
		    kind_names[LK_REVERSAL]);
		snprintf(s[i].memo, sizeof(s[i].memo), "%s",
		    memo != NULL ? memo : "");
		s[i].amount = -s[i].amount;
		s[i].created_at = at;
	}
	rc = db_ledger_insert(db, s, ns);
out:
	free(s);
	return rc;
}

/* See ledger.h. */
int
ledger_balance(struct db *db, const char *account, const char *currency,
    int64_t *out)
{
	return db_ledger_balance(db, account, currency, out);
}
