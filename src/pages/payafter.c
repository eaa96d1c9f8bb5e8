/*
 * Pay After Use pages:
 *   GET  /pay-after-use              the bound card, the charges and debts
 *   POST /pay-after-use/card         bind (or replace) the card
 *   POST /orders/:id/pau-pay         pay an open debt now (PAU-04)
 *   POST /orders/:id/pau-return      return before confirming (PAU-05)
 *   GET  /admin/guarantee            the guarantee ledger with totals
 * Shipping and delivery are the shared shipping desk's (pages/cod.c:
 * /admin/orders/:id/fulfil) and the logistics partner endpoint's.
 * The card number and CVV only pass through to the bank gateway
 * (service/payafter.c); they are never stored, logged or shown again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/money.h"
#include "core/words.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/card_session.h"
#include "service/payafter.h"
#include "service/payafter_view.h"
#include "view/view.h"

#define GUARANTEE_ROWS	500

const struct field_spec page_pau_fields[] = {
	{ "msg", FIELD_TOKEN, 0, 32, 0, 0 },
	{ "cs", FIELD_INT, 0, 0, 1, INT32_MAX },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* No field: the card is typed on the bank's hosted page. */
const struct field_spec page_pau_card_fields[] = {
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The notices of the ?msg= codes. */
static const struct page_notice pau_notices[] = {
	{ "bound", N_("Your card is bound for Pay After Use.") },
	{ "paid", N_("Paid: nothing more is due for this order.") },
	{ NULL, NULL }
};

/* Render the shopper's Pay After Use page with status, an error for the
 * card form (card_err) or the page (err). Returns the status or 500. */
static int
pau_page(struct ctx *c, int status, const char *card_err, const char *err)
{
	struct pau_view		 pv;
	const struct db_pau_card *card = &pv.card;
	const struct db_pau_charge *v;
	const struct pau_settings *s = &pv.s;
	struct view_dict	*d, *x;
	size_t			 n, i;
	char			 when[64];

	if (pau_view_load(c->db, c->user.user_id, &pv) == -1) {
		pau_view_cleanup(&pv);
		return page_error(c, 500, NULL);
	}
	v = pv.v;
	n = pv.n;
	d = view_dict_new();
	page_notes(d, page_notice(pau_notices, ctx_str(c, "msg")), err);
	if (card_err != NULL)
		view_set(view_add(d, "CARD_ERROR"), "MSG", _(card_err));
	page_set_count(d, "AUTO_DAYS", s->auto_confirm_days, "day", "days");
	view_set(d, "LATE_RATE", s->late_rate_str);
	page_set_count(d, "SUSPEND_DAYS", s->suspend_days, "day", "days");
	view_set_int(d, "RETRIES", s->retries_per_day);
	if (pv.has_card) {
		x = view_add(d, "CARD");
		view_set(x, "BRAND", words_card_brand(card->brand));
		view_set(x, "LAST4", card->last4);
		page_when(card->updated_at, when, sizeof(when));
		view_set(x, "SINCE", when);
	} else
		view_show(d, "NO_CARD");
	if (n == 0)
		view_show(d, "NO_CHARGES");
	for (i = 0; i < n; i++) {
		x = view_add(d, "CHARGE");
		view_set_int(x, "ORDER", (long long)v[i].order_id);
		page_set_money(x, "AMOUNT", v[i].amount_minor, v[i].currency);
		view_set(x, "STATUS", charge_status_name(v[i].status));
		view_set(x, "DUE", page_day(v[i].due_date, when,
		    sizeof(when)));
		view_set_int(x, "ATTEMPTS", v[i].attempts);
		if (v[i].status == CH_PAID) {
			view_show(x, "PAID");
			page_set_money(x, "PAID_AMOUNT", v[i].paid_minor,
			    v[i].currency);
			page_when(v[i].paid_at, when, sizeof(when));
			view_set(x, "PAID_AT", when);
			view_set(x, "LAST4", v[i].card_last4);
		} else {
			view_show(x, "OPEN");
			page_set_money(x, "LATE_FEE", v[i].late_fee_minor,
			    v[i].currency);
			page_set_money(x, "TOTAL", v[i].amount_minor +
			    v[i].late_fee_minor, v[i].currency);
			view_set(x, "REASON", words_reason(v[i].reason));
			if (v[i].suspended_at != 0)
				view_show(x, "SUSPENDED");
		}
	}
	pau_view_cleanup(&pv);
	return page_render_free(c, "pau_account.tpl", d, "Pay After Use",
	    status);
}

/* GET /pay-after-use. */
int
page_pau(struct ctx *c)
{
	char	reason[160], msg[240];

	/* Back from the bank's page with a decline (?cs=N). */
	if (ctx_int(c, "cs", 0) > 0 && card_session_declined(c->db,
	    c->user.user_id, ctx_int(c, "cs", 0), reason,
	    sizeof(reason)) == 1 && reason[0] != '\0') {
		snprintf(msg, sizeof(msg), _("The bank did not accept the "
		    "card: %s. Nothing was charged; try again or use another "
		    "card."),
		    words_reason(reason));
		return pau_page(c, 200, msg, NULL);
	}
	return pau_page(c, 200, NULL, NULL);
}

/* POST /pay-after-use/card: open a session at the bank's hosted card page
 * and send the shopper there (303). */
int
page_pau_card(struct ctx *c)
{
	enum result	r;
	char		url[512], msg[200];

	r = card_session_pau_start(c->db, c->cfg, c->user.user_id, c->now,
	    url, sizeof(url), msg, sizeof(msg));
	if (r == RES_OK)
		return page_redirect_away(c, url);
	if (r == RES_UNAVAILABLE)
		return pau_page(c, 503, msg[0] ? msg : N_("The bank could not "
		    "be reached; nothing was stored. Try again."), NULL);
	return page_result(c, r, NULL);
}

/* POST /orders/:id/pau-pay. */
int
page_pau_pay(struct ctx *c)
{
	enum result	r;
	char		err[256];

	switch ((r = payafter_pay_now(c->db, c->user.user_id, c->target_id,
	    c->now, err, sizeof(err)))) {
	case RES_OK:
		return page_redirect(c, "/pay-after-use?msg=paid");
	case RES_REFUSED:
		return pau_page(c, page_status(r), NULL, err);
	case RES_NOT_ALLOWED:
		return pau_page(c, page_status(r), NULL, N_("Nothing is due "
		    "for this order any more."));
	default:
		return page_result(c, r, r == RES_NOT_FOUND ? "There is no Pay "
		    "After Use payment of yours for this order." : NULL);
	}
}

/* POST /orders/:id/pau-return (PAU-05). */
int
page_pau_return(struct ctx *c)
{
	enum result	r;
	char		loc[64];

	r = payafter_return(c->db, c->user.user_id, c->target_id, c->now);
	if (r == RES_OK) {
		snprintf(loc, sizeof(loc), "/orders/%lld",
		    (long long)c->target_id);
		return page_redirect(c, loc);
	}
	return page_result(c, r, r == RES_NOT_ALLOWED ? "Only a delivered Pay "
	    "After Use order whose receipt is not confirmed yet can be "
	    "returned without a charge (PAU-05). Nothing was changed." : NULL);
}

/* GET /admin/guarantee: every entry with the totals per currency. */
int
page_admin_guarantee(struct ctx *c)
{
	struct pau_guarantee_view g;
	const struct db_pau_guarantee *v;
	const struct pau_total	*t;
	struct view_dict	*d, *x;
	size_t			 n, nt, i;
	int64_t			 usd_out = 0, usd_back = 0;
	char			 when[40];

	if (pau_guarantee_load(c->db, GUARANTEE_ROWS, &g) == -1) {
		pau_guarantee_cleanup(&g);
		return page_error(c, 500, NULL);
	}
	v = g.v;
	n = g.n;
	t = g.t;
	nt = g.nt;
	d = view_dict_new();
	if (n == 0)
		view_show(d, "EMPTY");
	for (i = 0; i < nt; i++) {
		x = view_add(d, "TOTAL");
		view_set(x, "CUR", t[i].currency);
		page_set_money(x, "PAYOUT", t[i].payout, t[i].currency);
		page_set_money(x, "RECOVERED", t[i].recovered, t[i].currency);
		page_set_money(x, "OUTSTANDING", t[i].payout - t[i].recovered,
		    t[i].currency);
		view_set_int(x, "NPAYOUT", t[i].npayout);
		view_set_int(x, "NRECOVERED", t[i].nrecovered);
		usd_out += t[i].payout_usd;
		usd_back += t[i].recovered_usd;
	}
	page_set_money(d, "USD_PAYOUT", usd_out, "USD");
	page_set_money(d, "USD_RECOVERED", usd_back, "USD");
	page_set_money(d, "USD_OUTSTANDING", usd_out - usd_back, "USD");
	for (i = 0; i < n; i++) {
		x = view_add(d, "ENTRY");
		view_set_int(x, "ID", (long long)v[i].id);
		view_set_int(x, "ORDER", (long long)v[i].order_id);
		view_set(x, "KIND", v[i].kind);
		view_set(x, "EMAIL", v[i].email);
		page_set_money(x, "AMOUNT", v[i].amount_minor, v[i].currency);
		page_set_money(x, "USD", v[i].amount_usd_minor, "USD");
		view_set(x, "NOTE", v[i].note);
		page_when(v[i].created_at, when, sizeof(when));
		view_set(x, "AT", when);
	}
	pau_guarantee_cleanup(&g);
	return page_render_free(c, "pau_guarantee.tpl", d,
	    "Pay After Use guarantee", 200);
}
