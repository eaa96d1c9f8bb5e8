/*
 * The corporate installment's road in words (see corp_road.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/money.h"
#include "db/company.h"
#include "service/company.h"
#include "service/corp_road.h"
#include "service/corp_transfer.h"
#include "service/orders.h"

/* See corp_road.h. */
const char *
corp_app_status_words(const char *s)
{
	static const struct {
		const char *code, *words;
	} w[] = {
		{ "submitted", NA_("Waiting for review") },
		{ "approved", NA_("Approved: waiting for the signature") },
		{ "signed", NA_("Signed: waiting for the down payment") },
		{ "in_effect", NA_("In effect") },
		{ "rejected", NA_("Refused") },
		{ "cancelled", NA_("Cancelled") },
	};
	size_t i;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (strcmp(w[i].code, s) == 0)
			return w[i].words;
	return s;
}

/* See corp_road.h. */
int
corp_order_is_members(struct db *db, int64_t order_id, int64_t user_id,
    int64_t company_id)
{
	struct db_corp_order o;

	if (order_id <= 0 || db_corp_order_get(db, order_id, &o) != 1 ||
	    o.method != PM_INSTALLMENT_CORPORATE)
		return 0;
	return o.user_id == user_id || (company_id > 0 &&
	    o.company_id == company_id);
}

/* See corp_road.h. */
void
corp_next_action(struct db *db, int64_t order_id, struct order_action *a)
{
	static __thread char	 next[1200];
	struct db_corp_app	 app;
	struct corp_payee	 p;
	struct money		 m;
	char			 ref[40], down[MONEY_STR_MAX];
	int64_t			 pct;

	if (db_corp_app_by_order(db, order_id, 0, &app) != 1 ||
	    corp_payee_get(db, &p) == -1 ||
	    company_setting_int(db, "corp_down_payment_percent", 30,
	    &pct) == -1) {
		db_corp_app_cleanup(&app);
		return;
	}
	corp_payment_reference(order_id, ref, sizeof(ref));
	money_set(&m, corp_down_payment(app.amount_due_minor, pct),
	    app.currency);
	money_display(&m, down, sizeof(down));
	a->href_tail = "/corporate";
	if (strcmp(app.status, "submitted") == 0) {
		a->label = "Corporate installment application";
		snprintf(next, sizeof(next), "An admin reviews the application "
		    "by %s; the result arrives as a message (INST-CORP).",
		    app.review_due);
	} else if (strcmp(app.status, "approved") == 0) {
		a->label = "Sign the installment agreement";
		snprintf(next, sizeof(next), "The application was approved: a "
		    "member signs the agreement; then the company transfers "
		    "the down payment of %s (INST-CORP).", down);
	} else if (strcmp(app.status, "signed") == 0) {
		a->label = "Down payment by bank transfer";
		snprintf(next, sizeof(next), "The agreement is signed. "
		    "Transfer the down payment of %s to %s, %s, account %s, "
		    "quoting %s; the order ships once the mall records it "
		    "(INST-CORP).", down, p.name, p.bank, p.account, ref);
	} else if (strcmp(app.status, "in_effect") == 0) {
		a->label = "Repayment schedule";
		a->href_tail = "/schedule";
		snprintf(next, sizeof(next), "The agreement is in effect. "
		    "Repay each installment by bank transfer to %s, %s, "
		    "account %s, quoting %s (INST-P3).", p.name, p.bank,
		    p.account, ref);
	} else {
		db_corp_app_cleanup(&app);
		return;
	}
	a->next = next;
	db_corp_app_cleanup(&app);
}
