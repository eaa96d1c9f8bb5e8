/*
 * Paying a COD refusal debt by card (COD-F2; service/cod_debt.h), on the
 * bank's hosted card page (service/card_session.h):
 *   GET  /account/cod/debts/:id/pay	the debt, and the way to the bank
 *					(?cs=N: back with a decline;
 *					?msg=paid: back paid)
 *   POST /account/cod/debts/:id/pay	open a session at the bank: 303 there
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/words.h"
#include "http/ctx.h"
#include "http/http.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/card_session.h"
#include "service/cod_debt.h"
#include "view/view.h"

const struct field_spec page_cod_debt_fields[] = {
	{ "cs", FIELD_INT, 0, 0, 1, INT32_MAX },
	{ "msg", FIELD_TEXT, 0, 16, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The page of debt d with the way to the bank's page (unless settled),
 * error above the button (NULL none), answered with status. */
static int
debt_page(struct ctx *c, const struct db_debt_row *d, int status,
    const char *error)
{
	struct view_dict	*v = view_dict_new(), *f;
	const char		*msg = ctx_str(c, "msg");
	char			 when[40], reason[200];

	view_set_int(v, "ID", (long long)d->id);
	view_set_int(v, "ORDER", (long long)d->order_id);
	page_set_said(v, "DESC", d->description);
	page_set_money(v, "AMOUNT", d->amount_minor, d->currency);
	if (d->settled_at != 0) {
		if (msg != NULL && strcmp(msg, "paid") == 0)
			view_add(v, "PAID");
		view_set(view_add(v, "SETTLED"), "AT", page_when(d->settled_at,
		    when, sizeof(when)));
		return page_render_free(c, "cod_debt_pay.tpl", v,
		    "Pay what you owe", status);
	}
	f = view_add(v, "FORM");
	view_set_int(f, "ID", (long long)d->id);
	page_set_money(f, "AMOUNT", d->amount_minor, d->currency);
	/* Back from the bank's page with a decline (?cs=N). */
	if (ctx_int(c, "cs", 0) > 0 && card_session_declined(c->db,
	    c->user.user_id, ctx_int(c, "cs", 0), reason, sizeof(reason)) ==
	    1 && reason[0] != '\0')
		view_set(view_add(f, "CS_DECLINED"), "REASON",
		    words_reason(reason));
	if (error != NULL)
		view_set(view_add(f, "ERROR"), "MSG", _(error));
	return page_render_free(c, "cod_debt_pay.tpl", v, "Pay what you owe",
	    status);
}

/* The shopper's debt of the route into *d; 0, or the status answered. */
static int
load(struct ctx *c, struct db_debt_row *d)
{
	int64_t	id = c->target_id;
	int	rc;

	if ((rc = cod_debt_get(c->db, c->user.user_id, id, d)) != 1)
		return page_error(c, rc == 0 ? 404 : 500, rc == 0 ?
		    "There is no such amount owed on your account." : NULL);
	return 0;
}

/* GET /account/cod/debts/:id/pay. */
int
page_cod_debt(struct ctx *c)
{
	struct db_debt_row	d;
	int			rc;

	if ((rc = load(c, &d)) != 0)
		return rc;
	return debt_page(c, &d, 200, NULL);
}

/* POST /account/cod/debts/:id/pay: 303 to the bank's page; the page again
 * with 409 when the debt was paid meanwhile, 503 with the reason when the
 * bank did not answer. */
int
page_cod_debt_pay(struct ctx *c)
{
	struct db_debt_row	d;
	char			url[512], msg[300];
	int			rc;

	if ((rc = load(c, &d)) != 0)
		return rc;
	switch (card_session_debt_start(c->db, c->cfg, c->user.user_id, d.id,
	    c->now, url, sizeof(url), msg, sizeof(msg))) {
	case RES_OK:
		return page_redirect_away(c, url);
	case RES_NOT_ALLOWED:
		return debt_page(c, &d, 409, NULL);
	case RES_NOT_FOUND:
		return page_error(c, 404, NULL);
	case RES_UNAVAILABLE:
		return debt_page(c, &d, 503, msg[0] != '\0' ? msg :
		    N_("The bank could not be reached. Nothing was charged; "
		    "try again in a few minutes."));
	default:
		return page_error(c, 500, NULL);
	}
}
