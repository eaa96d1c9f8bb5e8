/*
 * Paying a COD refusal debt by card (see cod_debt.h).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/money.h"
#include "db/db.h"
#include "db/money_out.h"
#include "gateway/bank.h"
#include "gateway/books.h"
#include "service/admin.h"
#include "service/audit.h"
#include "service/cod_debt.h"
#include "service/ledger.h"
#include "service/payafter.h"

/* Under the debt's lock: why debt d cannot be paid by request key, or
 * CD_OK to go on (*replay 1: the key paid it before). */
static enum cod_debt_result
debt_state(struct db *db, const struct db_debt_row *d, const char *key,
    int *replay, char *msg, size_t msgsz)
{
	char	when[40], a[64];
	int64_t	other = 0;
	int	rc;

	*replay = 0;
	money_display_minor(d->amount_minor, d->currency, a, sizeof(a));
	if (d->settled_at != 0) {
		if (strcmp(d->settled_key, key) == 0) {
			*replay = 1;
			snprintf(msg, msgsz, "You paid %s for order #%lld by "
			    "card.", a, (long long)d->order_id);
			return CD_OK;
		}
		admin_fmt_time(d->settled_at, when, sizeof(when));
		snprintf(msg, msgsz, "The %s owed for order #%lld was already "
		    "paid at %s. Nothing was charged.", a,
		    (long long)d->order_id, when);
		return CD_SETTLED;
	}
	if ((rc = db_debt_by_key(db, key, &other)) == -1)
		return CD_ERROR;
	if (rc == 1) {
		snprintf(msg, msgsz, "This payment form was already used for "
		    "another amount. Reload the page and pay again. Nothing "
		    "was charged.");
		return CD_REFUSED;
	}
	return CD_OK;
}

/* The bank charges debt d on card under bank key bkey into *res. CD_OK
 * (res->ok may be 0: declined), CD_REFUSED (card or expiry: msg) or
 * CD_ERROR (unreachable: msg). */
static enum cod_debt_result
charge(const struct db_debt_row *d, const struct cod_debt_card *card,
    const char *bkey, int64_t now, struct bank_result *res, char *msg,
    size_t msgsz)
{
	const struct bank_gateway	*bank = bank_gateway_get("sandbox");
	struct bank_card		 bc;
	struct bank_result		 rv;
	enum cod_debt_result		 r = CD_OK;

	memset(res, 0, sizeof(*res));
	if (bank == NULL)
		return CD_ERROR;
	if (!pau_card_expiry_ok(card->expiry, now)) {
		snprintf(msg, msgsz, "Enter the expiry date as MM/YY; the card "
		    "must not have expired. Nothing was charged.");
		return CD_REFUSED;
	}
	if (bank->card_ref(card->pan, card->len, card->cvv, &bc, msg,
	    msgsz) == -1)
		return CD_REFUSED;
	/* The bank's review gives the token its deductions take. */
	if (bank->review(&bc, d->amount_minor, d->currency, 1, &rv) == -1) {
		snprintf(msg, msgsz, "The bank could not be reached: %s. "
		    "Nothing was charged; try again later.", rv.reason);
		r = CD_ERROR;
	} else if (!rv.ok) {
		snprintf(msg, msgsz, "The bank declined this card: %s. Nothing "
		    "was charged; use another card.", rv.reason);
		r = CD_REFUSED;
	} else if (bank->deduct(rv.token, d->amount_minor, d->currency, bkey,
	    res) == -1) {
		snprintf(msg, msgsz, "The bank did not answer: %s. Paying "
		    "again charges this amount at most once.", res->reason);
		r = CD_ERROR;
	}
	sodium_memzero(&bc, sizeof(bc));
	sodium_memzero(&rv, sizeof(rv));
	return r;
}

/* Inside the transaction: the bank charged debt d under bkey (its
 * reference ref); its ledger entry, settlement and audit event. 0/-1. */
static int
record_paid(struct db *db, const struct db_debt_row *d, const char *key,
    const char *bkey, const char *ref, int64_t now)
{
	struct ledger_entry	e;
	char			clearing[LEDGER_ACCT_MAX];
	char			recv[LEDGER_ACCT_MAX], why[200], a[64];

	memset(&e, 0, sizeof(e));
	e.kind = LK_DEBT_PAYMENT;
	e.key = bkey;
	e.currency = d->currency;
	e.order_id = d->order_id;
	e.ref_type = "account_debt";
	e.ref_id = d->id;
	e.partner = PARTNER_BANK;
	e.partner_ref = bkey;
	e.memo = "COD-F2 refusal debt paid by card";
	e.at = now;
	e.moves[0].debit = ledger_acct_partner_clearing(clearing,
	    sizeof(clearing), PARTNER_BANK);
	e.moves[0].credit = ledger_acct_buyer_receivable(recv, sizeof(recv),
	    d->user_id);
	e.moves[0].amount = d->amount_minor;
	e.nmoves = 1;
	money_display_minor(d->amount_minor, d->currency, a, sizeof(a));
	snprintf(why, sizeof(why), "COD-F2 debt of %s paid by card (bank "
	    "key %s)", a, bkey);
	if (ledger_post(db, &e) != 0 ||
	    db_debt_settle(db, d->id, key, ref, now) != 1 ||
	    audit_event(db, "order", d->order_id, OF_USER, d->user_id, NULL,
	    NULL, why, now) == -1)
		return -1;
	return 0;
}

/* See cod_debt.h. */
enum cod_debt_result
cod_debt_pay(struct db *db, int64_t user_id, int64_t debt_id,
    const struct cod_debt_card *card, const char *key, int64_t now,
    char *msg, size_t msgsz)
{
	struct db_debt_row	d;
	struct bank_result	res;
	enum cod_debt_result	r;
	char			bkey[40], a[64];
	int			rc, replay;

	msg[0] = '\0';
	if (db_begin_read_committed(db) == -1)
		return CD_ERROR;
	rc = db_debt_get(db, debt_id, 1, &d);
	if (rc != 1 || d.user_id != user_id) {
		db_rollback(db);
		return rc == -1 ? CD_ERROR : CD_NOT_FOUND;
	}
	if ((r = debt_state(db, &d, key, &replay, msg, msgsz)) != CD_OK ||
	    replay) {
		db_rollback(db);
		return r;
	}
	/* One bank key per debt: whoever pays it, it is charged once. */
	snprintf(bkey, sizeof(bkey), "coddebt-%lld", (long long)d.id);
	if ((r = charge(&d, card, bkey, now, &res, msg, msgsz)) != CD_OK ||
	    !res.ok) {
		db_rollback(db);
		if (r == CD_OK)
			snprintf(msg, msgsz, "The bank declined the payment: "
			    "%s. Nothing was charged.", res.reason);
		return r == CD_OK ? CD_REFUSED : r;
	}
	if (record_paid(db, &d, key, bkey, res.reference, now) == -1 ||
	    db_commit(db) == -1) {
		db_rollback(db);
		snprintf(msg, msgsz, "The payment could not be recorded. If the "
		    "bank charged it, paying again charges this amount at most "
		    "once.");
		return CD_ERROR;
	}
	money_display_minor(d.amount_minor, d.currency, a, sizeof(a));
	snprintf(msg, msgsz, "You paid %s for order #%lld by card.", a,
	    (long long)d.order_id);
	return CD_OK;
}

/* See cod_debt.h. */
int
cod_debt_get(struct db *db, int64_t user_id, int64_t debt_id,
    struct db_debt_row *out)
{
	int rc = db_debt_get(db, debt_id, 0, out);

	return rc == 1 && out->user_id != user_id ? 0 : rc;
}
