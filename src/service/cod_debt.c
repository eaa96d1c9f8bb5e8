/*
 * Paying a COD refusal debt by card (see cod_debt.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/money.h"
#include "core/said.h"
#include "db/db.h"
#include "db/money_out.h"
#include "gateway/bank.h"
#include "gateway/books.h"
#include "service/admin.h"
#include "service/audit.h"
#include "service/cod_debt.h"
#include "service/ledger.h"

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
	said_store(why, sizeof(why), SAID_COD_DEBT_PAID, a, bkey, NULL);
	if (ledger_post(db, &e) != 0 ||
	    db_debt_settle(db, d->id, key, ref, now) != 1 ||
	    audit_event(db, "order", d->order_id, OF_USER, d->user_id, NULL,
	    NULL, why, now) == -1)
		return -1;
	return 0;
}

/* See cod_debt.h. */
enum result
cod_debt_record(struct db *db, int64_t user_id, int64_t debt_id,
    const struct bank_outcome *out, const char *key, int64_t now, char *msg,
    size_t msgsz)
{
	const struct bank_gateway	*bank = bank_gateway();
	struct db_debt_row		 d;
	struct bank_result		 res;
	char				 bkey[40], a[64];
	int				 rc;

	msg[0] = '\0';
	if ((rc = db_debt_get(db, debt_id, 1, &d)) != 1 || d.user_id != user_id)
		return rc == -1 ? RES_ERROR : RES_NOT_FOUND;
	money_display_minor(d.amount_minor, d.currency, a, sizeof(a));
	if (!out->ok) {
		snprintf(msg, msgsz, "%s", out->reason);
		return RES_REFUSED;
	}
	if (d.settled_at != 0) {
		snprintf(msg, msgsz, _("The %s owed for order #%lld was "
		    "already paid. Nothing was charged."), a,
		    (long long)d.order_id);
		return RES_DECIDED;
	}
	/* One bank key per debt: whoever pays it, it is charged once. */
	snprintf(bkey, sizeof(bkey), "coddebt-%lld", (long long)d.id);
	memset(&res, 0, sizeof(res));
	if (bank == NULL || bank->deduct(out->token, d.amount_minor,
	    d.currency, bkey, &res) == -1) {
		snprintf(msg, msgsz, _("The bank did not answer: %s. Paying "
		    "again charges this amount at most once."), res.reason);
		return RES_ERROR;
	}
	if (!res.ok) {
		snprintf(msg, msgsz, "%s", res.reason);
		return RES_REFUSED;
	}
	if (record_paid(db, &d, key, bkey, res.reference, now) == -1)
		return RES_ERROR;
	snprintf(msg, msgsz, _("You paid %s for order #%lld by card."), a,
	    (long long)d.order_id);
	return RES_OK;
}

/* See cod_debt.h. */
int
cod_debt_get(struct db *db, int64_t user_id, int64_t debt_id,
    struct db_debt_row *out)
{
	int rc = db_debt_get(db, debt_id, 0, out);

	return rc == 1 && out->user_id != user_id ? 0 : rc;
}
