/*
 * A company's credit paid out to its bank account (service/corp_payout.h):
 *   GET  /admin/companies/:id/credit		the credit, payouts, the form
 *   POST /admin/companies/:id/credit/payout	pay out (amount, currency,
 *						account, reference, key)
 * The same credit section ({{>CREDIT}}, company_credit.tpl) is on the
 * company's admin page (pages/admin_company.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/i18n.h"
#include "core/money.h"
#include "http/ctx.h"
#include "http/http.h"
#include "pages/admin_payout.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/corp_payout.h"
#include "view/view.h"

const struct field_spec page_admin_credit_payout_fields[] = {
	{ "amount", FIELD_TEXT, 0, 24, 0, 0 },
	{ "currency", FIELD_TOKEN, 0, 3, 0, 0 },
	{ "account", FIELD_TEXT, 0, 64, 0, 0 },
	{ "reference", FIELD_TEXT, 0, 64, 0, 0 },
	{ "key", FIELD_TOKEN, 0, 64, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The payouts of the section: the last ones of company id into s. 0/-1. */
static int
payouts(struct ctx *c, struct view_dict *s, int64_t id)
{
	struct db_payout	*p = NULL;
	struct view_dict	*r;
	char			 when[40];
	size_t			 n = 0, i;

	if (corp_payouts_of(c->db, id, 20, &p, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		r = view_add(s, "PAYOUT");
		view_set_int(r, "ID", (long long)p[i].id);
		page_set_money(r, "AMOUNT", p[i].amount_minor, p[i].currency);
		view_set(r, "ACCOUNT", p[i].bank_account);
		view_set(r, "REFERENCE", p[i].reference);
		view_set(r, "AT", page_when(p[i].created_at, when,
		    sizeof(when)));
	}
	free(p);
	return 0;
}

/* See admin_payout.h. */
int
admin_payout_include(struct ctx *c, struct view_dict *d, int64_t id,
    const char *field, const char *error)
{
	struct db_acct_balance	*b = NULL;
	struct view_dict	*s = view_include(d, "CREDIT",
				    "company_credit.tpl"), *f;
	unsigned char		 rnd[12];
	char			 hex[25], sec[24];
	size_t			 n = 0, i;

	view_set(s, "CSRF", c->user.csrf);
	view_set_int(s, "ID", (long long)id);
	if (corp_credit_held(c->db, id, &b, &n) == -1 ||
	    payouts(c, s, id) == -1) {
		free(b);
		return -1;
	}
	if (n == 0)
		view_show(s, "NO_CREDIT");
	for (i = 0; i < n; i++) {
		f = view_add(s, "HELD");
		view_set(f, "CUR", b[i].currency);
		page_set_money(f, "AMOUNT", b[i].held, b[i].currency);
		f = view_add(s, "CUR_OPTION");
		view_set(f, "CUR", b[i].currency);
	}
	free(b);
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	view_setf(s, "KEY", "payout-%lld-%s", (long long)id, hex);
	if (error != NULL) {
		snprintf(sec, sizeof(sec), "%s_ERR", field != NULL &&
		    strcmp(field, "amount") == 0 ? "AMOUNT" : field != NULL &&
		    strcmp(field, "account") == 0 ? "ACCOUNT" : field != NULL &&
		    strcmp(field, "reference") == 0 ? "REFERENCE" : "FORM");
		view_set(view_add(s, sec), "MSG", error);
	}
	return 0;
}

/* The credit page of company id with notice, or the refusal error beside
 * field, answered with status. */
static int
credit_page(struct ctx *c, int64_t id, int status, const char *notice,
    const char *field, const char *error)
{
	struct view_dict	*d;
	char			 name[201];
	int			 rc;

	if ((rc = corp_payout_company(c->db, id, name, sizeof(name))) != 1)
		return page_error(c, rc == 0 ? 404 : 500, NULL);
	d = view_dict_new();
	view_set_int(d, "ID", (long long)id);
	view_set(d, "NAME", name);
	page_admin_notes(d, notice, NULL);
	if (admin_payout_include(c, d, id, field, error != NULL ?
	    A_(error) : NULL) == -1) {
		view_dict_free(d);
		return page_error(c, 500, NULL);
	}
	return page_render_free(c, "company_admin_credit.tpl", d, name,
	    status);
}

/* GET /admin/companies/:id/credit. */
int
page_admin_credit(struct ctx *c)
{
	int64_t	id = c->target_id;
	const char *m = ctx_str(c, "msg");

	return credit_page(c, id, 200, m != NULL && strcmp(m, "paid") == 0 ?
	    NA_("Paid out: the payout is the first line below; the credit "
	    "shown is what the company holds now.") : NULL, NULL, NULL);
}

/* POST /admin/companies/:id/credit/payout. */
int
page_admin_credit_payout(struct ctx *c)
{
	struct corp_payout_req	 r;
	struct money		 m;
	const char		*amount = ctx_str(c, "amount"), *field = NULL;
	char			 msg[400], err[160], loc[80];
	int64_t			 id = c->target_id;

	memset(&r, 0, sizeof(r));
	r.currency = ctx_str(c, "currency");
	r.account = ctx_str(c, "account");
	r.reference = ctx_str(c, "reference");
	r.key = ctx_str(c, "key");
	if (r.currency == NULL || strlen(r.currency) != 3)
		return credit_page(c, id, 400, NULL, "amount",
		    NA_("Choose the currency of the credit to pay out."));
	if (amount == NULL || ctx_field_err(c, "amount") != NULL ||
	    money_parse(amount, strlen(amount), r.currency, &m, err,
	    sizeof(err)) == -1)
		return credit_page(c, id, 400, NULL, "amount", amount == NULL ||
		    amount[0] == '\0' ? NA_("Enter the amount to pay out.") :
		    err);
	r.amount = m.minor;
	switch (corp_credit_payout(c->db, c->user.user_id, id, &r, c->now,
	    msg, sizeof(msg), &field)) {
	case RES_OK:
		snprintf(loc, sizeof(loc), "/admin/companies/%lld/credit?msg="
		    "paid", (long long)id);
		return page_redirect(c, loc);
	case RES_INVALID:
		return credit_page(c, id, 400, NULL, field, msg);
	case RES_KEY_CONFLICT:
		return credit_page(c, id, 409, NULL, NULL, msg);
	case RES_NOT_FOUND:
		return page_error(c, 404, NULL);
	default:
		return page_error(c, 500, NULL);
	}
}
