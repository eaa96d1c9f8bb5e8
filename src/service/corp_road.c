/*
 * The corporate installment's road in words (see corp_road.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/money.h"
#include "db/company.h"
#include "service/company.h"
#include "service/corp_app_view.h"
#include "service/corp_road.h"
#include "service/corp_transfer.h"
#include "service/orders.h"

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
	if (app.status == CA_SUBMITTED) {
		a->label = N_("Corporate installment application");
		snprintf(next, sizeof(next), _("An admin reviews the "
		    "application by %s; the result arrives as a message "
		    "(INST-CORP)."), app.review_due);
	} else if (app.status == CA_APPROVED) {
		a->label = N_("Sign the installment agreement");
		snprintf(next, sizeof(next), _("The application was approved: "
		    "a member signs the agreement; then the company transfers "
		    "the down payment of %s (INST-CORP)."), down);
	} else if (app.status == CA_SIGNED) {
		a->label = N_("Down payment by bank transfer");
		snprintf(next, sizeof(next), _("The agreement is signed. "
		    "Transfer the down payment of %s to %s, %s, account %s, "
		    "quoting %s; the order ships once the mall records it "
		    "(INST-CORP)."), down, p.name, p.bank, p.account, ref);
	} else if (app.status == CA_IN_EFFECT) {
		a->label = N_("Repayment schedule");
		a->href_tail = "/schedule";
		snprintf(next, sizeof(next), _("The agreement is in effect. "
		    "Repay each installment by bank transfer to %s, %s, "
		    "account %s, quoting %s (INST-P3)."), p.name, p.bank,
		    p.account, ref);
	} else {
		db_corp_app_cleanup(&app);
		return;
	}
	a->next = next;
	db_corp_app_cleanup(&app);
}

/* The order id quoted as "MP-CORP-<id>" in ref, or 0. */
static int64_t
quoted_order(const char *ref)
{
	const char	*p = ref != NULL ? strstr(ref, "MP-CORP-") : NULL;
	char		*end;
	long long	 id;

	if (p == NULL)
		return 0;
	id = strtoll(p + 8, &end, 10);
	return end == p + 8 || id <= 0 ? 0 : (int64_t)id;
}

/* See corp_road.h. */
enum result
corp_statement_line(struct db *db, const char *ref, int64_t amount,
    const char *currency, const char *bank_ref, int64_t now, char *msg,
    size_t msgsz)
{
	struct corp_transfer_result	 res;
	struct db_corp_app		 a;
	char				 key[80];
	int64_t				 order_id = quoted_order(ref);
	int				 rc;

	msg[0] = '\0';
	if (order_id == 0 || bank_ref == NULL || bank_ref[0] == '\0') {
		snprintf(msg, msgsz, "no MP-CORP-<order> reference or no bank "
		    "transaction id");
		return RES_NOT_FOUND;
	}
	if ((rc = db_corp_app_by_order(db, order_id, 0, &a)) != 1) {
		db_corp_app_cleanup(&a);
		snprintf(msg, msgsz, "order #%lld has no corporate application",
		    (long long)order_id);
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	}
	rc = strcmp(a.currency, currency) != 0 ? 1 : a.status == CA_SIGNED ?
	    2 : a.status == CA_IN_EFFECT ? 3 : 0;
	if (rc == 3 && strcmp(a.down_payment_ref, bank_ref) == 0)
		rc = 4;
	db_corp_app_cleanup(&a);
	switch (rc) {
	case 1:
		snprintf(msg, msgsz, "order #%lld is paid in %s, the line is in "
		    "%s", (long long)order_id, a.currency, currency);
		return RES_INVALID;
	case 2:
		return corp_record_down_payment(db, 0, a.id, amount, bank_ref,
		    now, msg, msgsz);
	case 3:
		snprintf(key, sizeof(key), "stmt-%.64s", bank_ref);
		return corp_record_transfer(db, 0, a.id, 0, amount, bank_ref,
		    key, now, &res, msg, msgsz);
	case 4:
		snprintf(msg, msgsz, "the down payment of order #%lld, already "
		    "recorded", (long long)order_id);
		return RES_OK;
	default:
		snprintf(msg, msgsz, "the application of order #%lld is %s: "
		    "nothing can be recorded", (long long)order_id,
		    corp_app_status_words(a.status));
		return RES_NOT_ALLOWED;
	}
}
