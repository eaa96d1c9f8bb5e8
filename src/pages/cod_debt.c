/*
 * Paying a COD refusal debt by card (COD-F2; service/cod_debt.h):
 *   GET  /account/cod/debts/:id/pay	the debt and the card form
 *   POST /account/cod/debts/:id/pay	pay it (card, request key)
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "http/ctx.h"
#include "http/http.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/cod_debt.h"
#include "view/view.h"

const struct field_spec page_cod_debt_pay_fields[] = {
	{ "card_number", FIELD_TEXT, 0, 32, 0, 0 },
	{ "expiry", FIELD_TEXT, 0, 7, 0, 0 },
	{ "cvv", FIELD_TEXT, 0, 4, 0, 0 },
	{ "key", FIELD_TOKEN, 0, 64, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The page of debt d with the card form (unless settled), error beside
 * the card fields (NULL none), answered with status. */
static int
debt_page(struct ctx *c, const struct db_debt_row *d, int status,
    const char *error)
{
	struct view_dict	*v = view_dict_new(), *f;
	unsigned char		 rnd[12];
	char			 hex[25], when[40];

	view_set_int(v, "ID", (long long)d->id);
	view_set_int(v, "ORDER", (long long)d->order_id);
	view_set(v, "DESC", d->description);
	page_set_money(v, "AMOUNT", d->amount_minor, d->currency);
	if (d->settled_at != 0) {
		view_set(view_add(v, "SETTLED"), "AT", page_when(d->settled_at,
		    when, sizeof(when)));
		return page_render_free(c, "cod_debt_pay.tpl", v,
		    "Pay what you owe", status);
	}
	f = view_add(v, "FORM");
	view_set_int(f, "ID", (long long)d->id);
	page_set_money(f, "AMOUNT", d->amount_minor, d->currency);
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	view_setf(f, "KEY", "debt-%lld-%s", (long long)d->id, hex);
	if (error != NULL)
		view_set(view_add(f, "CARD_ERR"), "MSG", error);
	return page_render_free(c, "cod_debt_pay.tpl", v, "Pay what you owe",
	    status);
}

/* The shopper's debt of the route into *d; 0, or the status answered. */
static int
load(struct ctx *c, struct db_debt_row *d)
{
	int64_t	id = ctx_arg_id(c, 0);
	int	rc;

	if (id <= 0)
		return page_error(c, 404, NULL);
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

/* POST /account/cod/debts/:id/pay: 303 back to /account/cod when paid;
 * the form again with the reason beside the card fields (422), 409 when
 * it was paid by another request. */
int
page_cod_debt_pay(struct ctx *c)
{
	struct db_debt_row	 d;
	struct cod_debt_card	 card;
	const char		*key = ctx_str(c, "key");
	char			 msg[400];
	int			 rc;

	if ((rc = load(c, &d)) != 0)
		return rc;
	if (key == NULL || key[0] == '\0' || ctx_field_err(c, "key") != NULL)
		return debt_page(c, &d, 400, "Reload the page and pay again "
		    "(the form's key is missing). Nothing was charged.");
	memset(&card, 0, sizeof(card));
	card.pan = ctx_str(c, "card_number");
	card.expiry = ctx_str(c, "expiry");
	card.cvv = ctx_str(c, "cvv");
	if (card.pan == NULL || card.pan[0] == '\0' || card.expiry == NULL ||
	    card.cvv == NULL || ctx_field_err(c, "card_number") != NULL ||
	    ctx_field_err(c, "expiry") != NULL ||
	    ctx_field_err(c, "cvv") != NULL)
		return debt_page(c, &d, 422, "Enter the card number, its "
		    "expiry date (MM/YY) and its security code (CVV). Nothing "
		    "was charged.");
	card.len = strlen(card.pan);
	switch (cod_debt_pay(c->db, c->user.user_id, d.id, &card, key, c->now,
	    msg, sizeof(msg))) {
	case CD_OK:
		return page_redirect(c, "/account/cod#debts-h");
	case CD_REFUSED:
		return debt_page(c, &d, 422, msg);
	case CD_SETTLED:
		return page_error(c, 409, msg);
	case CD_NOT_FOUND:
		return page_error(c, 404, NULL);
	default:
		return page_error(c, 503, msg[0] != '\0' ? msg : NULL);
	}
}
