/*
 * A company's credit paid out to its bank account (see corp_payout.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/money.h"
#include "db/company.h"
#include "db/db.h"
#include "service/admin.h"
#include "service/audit.h"
#include "service/corp_payout.h"
#include "service/ledger.h"

/* See corp_payout.h. */
int
corp_credit_held(struct db *db, int64_t company_id,
    struct db_acct_balance **out, size_t *n)
{
	char acct[LEDGER_ACCT_MAX];

	ledger_acct_company_credit(acct, sizeof(acct), company_id);
	return db_acct_held(db, acct, out, n);
}

/* See corp_payout.h. */
int
corp_payout_company(struct db *db, int64_t company_id, char *name,
    size_t namesz)
{
	struct db_company	co;
	int			rc;

	if ((rc = db_company_get(db, company_id, 0, 0, &co)) == 1)
		snprintf(name, namesz, "%s", co.name);
	return rc;
}

/* See corp_payout.h. */
int
corp_payouts_of(struct db *db, int64_t company_id, size_t limit,
    struct db_payout **out, size_t *n)
{
	return db_payout_list(db, company_id, limit, out, n);
}

/* 1 if s is 1..64 printable ASCII characters without quotes. */
static int
plain(const char *s)
{
	size_t i, n = s != NULL ? strlen(s) : 0;

	if (n == 0 || n > 64)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] > 0x7e || s[i] == '"' || s[i] == '\'')
			return 0;
	return 1;
}

/* The request's figures as the key remembers them into out. */
static void
params_of(int64_t company_id, const struct corp_payout_req *r, char *out,
    size_t outsz)
{
	snprintf(out, outsz, "company=%lld|amount=%lld|cur=%s|account=%s|"
	    "ref=%s", (long long)company_id, (long long)r->amount,
	    r->currency, r->account, r->reference);
}

/* Why r cannot be asked at all (RES_INVALID with msg and *field), or
 * RES_OK. */
static enum result
check_req(const struct corp_payout_req *r, char *msg, size_t msgsz,
    const char **field)
{
	*field = NULL;
	if (r->amount <= 0) {
		*field = "amount";
		snprintf(msg, msgsz, "%s", A_("Enter an amount above zero."));
	} else if (!plain(r->account)) {
		*field = "account";
		snprintf(msg, msgsz, "%s", A_("Enter the company's bank "
		    "account (up to 64 characters, no quotes)."));
	} else if (!plain(r->reference)) {
		*field = "reference";
		snprintf(msg, msgsz, "%s", A_("Enter the bank's reference of "
		    "the payout (up to 64 characters, no quotes)."));
	} else if (r->key == NULL || r->key[0] == '\0' ||
	    strlen(r->key) > 64) {
		snprintf(msg, msgsz, "%s", A_("Reload the page and send the "
		    "form again (its key is missing). Nothing was paid out."));
	} else
		return RES_OK;
	return RES_INVALID;
}

/* Under the company's lock: the key used before (p): the first answer
 * for the same figures, else RES_KEY_CONFLICT. */
static enum result
key_used(const struct db_payout *p, const char *params, char *msg,
    size_t msgsz)
{
	char a[64], when[40];

	money_display_minor(p->amount_minor, p->currency, a, sizeof(a));
	admin_fmt_time(p->created_at, when, sizeof(when));
	if (strcmp(p->params, params) == 0) {
		/* TRANSLATORS: the amount, the bank account, the bank's
		 * reference and the time of the payout. */
		snprintf(msg, msgsz, A_("Paid out %s to account %s (reference "
		    "%s) at %s."), a, p->bank_account, p->reference, when);
		return RES_OK;
	}
	/* TRANSLATORS: the amount, the bank account and the time of the
	 * earlier payout. */
	snprintf(msg, msgsz, A_("This form's key was already used for a "
	    "payout of %s to account %s at %s; these figures differ. Nothing "
	    "was paid out: reload the page for a new form."), a,
	    p->bank_account, when);
	return RES_KEY_CONFLICT;
}

/* Under the company's lock: the credit held in cur into *held. 0/-1. */
static int
held_in(struct db *db, int64_t company_id, const char *cur, int64_t *held)
{
	struct db_acct_balance	*b = NULL;
	size_t			 n = 0, i;

	*held = 0;
	if (corp_credit_held(db, company_id, &b, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(b[i].currency, cur) == 0)
			*held = b[i].held;
	free(b);
	return 0;
}

/* Inside the transaction: payout p (its id set) on the ledger and in the
 * audit trail. 0/-1. */
static int
post_payout(struct db *db, const struct db_payout *p, int64_t now)
{
	struct ledger_entry	e;
	char			key[48], cred[LEDGER_ACCT_MAX], memo[256];
	char			a[64], why[256];

	memset(&e, 0, sizeof(e));
	snprintf(key, sizeof(key), "corp-payout-%lld", (long long)p->id);
	snprintf(memo, sizeof(memo), "company credit paid out to account %s",
	    p->bank_account);
	e.kind = LK_CREDIT_PAYOUT;
	e.key = key;
	e.currency = p->currency;
	e.ref_type = "company_payout";
	e.ref_id = p->id;
	e.partner_ref = p->reference;
	e.memo = memo;
	e.at = now;
	e.moves[0].debit = ledger_acct_company_credit(cred, sizeof(cred),
	    p->company_id);
	e.moves[0].credit = LEDGER_PLATFORM_CASH;
	e.moves[0].amount = p->amount_minor;
	e.nmoves = 1;
	money_display_minor(p->amount_minor, p->currency, a, sizeof(a));
	snprintf(why, sizeof(why), "credit of %s paid out to account %s (bank "
	    "reference %s)", a, p->bank_account, p->reference);
	if (ledger_post(db, &e) != 0 ||
	    audit_event(db, "company", p->company_id, OF_ADMIN, p->paid_by,
	    NULL, NULL, why, now) == -1)
		return -1;
	return 0;
}

/* Under the company's lock: decide and record payout p. */
static enum result
pay_locked(struct db *db, struct db_payout *p, char *msg, size_t msgsz,
    const char **field)
{
	char	a[64], h[64];
	int64_t	held;

	if (held_in(db, p->company_id, p->currency, &held) == -1)
		return RES_ERROR;
	money_display_minor(held, p->currency, h, sizeof(h));
	money_display_minor(p->amount_minor, p->currency, a, sizeof(a));
	if (p->amount_minor > held) {
		*field = "amount";
		if (held <= 0)
			/* TRANSLATORS: %s is a currency code (USD, MYR). */
			snprintf(msg, msgsz, A_("The company holds no credit "
			    "in %s: nothing can be paid out."), p->currency);
		else
			/* TRANSLATORS: the credit held, then the payout
			 * asked for. */
			snprintf(msg, msgsz, A_("The company's credit is %s: a "
			    "payout of %s is more than it holds. Nothing was "
			    "paid out."), h, a);
		return RES_INVALID;
	}
	if ((p->id = db_payout_insert(db, p)) <= 0)
		return p->id == 0 ? RES_KEY_CONFLICT : RES_ERROR;
	if (post_payout(db, p, p->created_at) == -1)
		return RES_ERROR;
	money_display_minor(held - p->amount_minor, p->currency, h, sizeof(h));
	/* TRANSLATORS: the amount, the bank account, the bank's reference
	 * and the credit left. */
	snprintf(msg, msgsz, A_("Paid out %s to account %s (reference %s); "
	    "the company's credit is now %s."), a, p->bank_account,
	    p->reference, h);
	return RES_OK;
}

/* See corp_payout.h. */
enum result
corp_credit_payout(struct db *db, int64_t admin_id, int64_t company_id,
    const struct corp_payout_req *r, int64_t now, char *msg, size_t msgsz,
    const char **field)
{
	struct db_company	co;
	struct db_payout	p, old;
	enum result		res;
	int			rc;

	msg[0] = '\0';
	if ((res = check_req(r, msg, msgsz, field)) != RES_OK)
		return res;
	memset(&p, 0, sizeof(p));
	p.company_id = company_id;
	snprintf(p.key, sizeof(p.key), "%s", r->key);
	params_of(company_id, r, p.params, sizeof(p.params));
	p.amount_minor = r->amount;
	snprintf(p.currency, sizeof(p.currency), "%s", r->currency);
	snprintf(p.bank_account, sizeof(p.bank_account), "%s", r->account);
	snprintf(p.reference, sizeof(p.reference), "%s", r->reference);
	p.paid_by = admin_id;
	p.created_at = now;
	/* READ COMMITTED: once the company's lock is ours, the ledger lines
	 * of a payout that held it before are seen. */
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	if ((rc = db_company_get(db, company_id, 1, 0, &co)) != 1) {
		db_rollback(db);
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	}
	if ((rc = db_payout_by_key(db, r->key, &old)) != 0)
		res = rc == 1 ? key_used(&old, p.params, msg, msgsz) : RES_ERROR;
	else
		res = pay_locked(db, &p, msg, msgsz, field);
	if (rc != 0 || res != RES_OK || db_commit(db) == -1) {
		db_rollback(db);
		return res == RES_OK && rc == 0 ? RES_ERROR : res;
	}
	return RES_OK;
}
