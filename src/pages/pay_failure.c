/*
 * A failed payment on the order's pages: what happened, in words, and
 * what the shopper can do next, with the forms at hand (another card,
 * repay now, cancel). pay_failure.tpl, included as PAY_FAILURE by the
 * order page and the plan's confirmation page.
 */
#include <stdio.h>
#include <string.h>

#include "core/words.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/plans_page.h"
#include "pages/render.h"
#include "service/orders.h"
#include "service/pay_failure.h"
#include "view/view.h"

/* The facts every kind shows: amount, when, the bank's answer in words,
 * the card and how many tries. */
static void
failure_facts(struct view_dict *s, const struct pay_failure *f)
{
	char	when[32];

	plans_set_amt(s, "AMOUNT", f->amount, f->currency);
	page_time(f->at, when, sizeof(when));
	view_set(s, "AT", when);
	view_set(s, "WORDS", pay_failure_words(f->reason));
	if (f->card_last4[0] != '\0') {
		struct view_dict *cd = view_add(s, "CARD");

		view_set(cd, "BRAND", f->card_brand[0] != '\0' ?
		    words_card_brand(f->card_brand) : "card");
		view_set(cd, "LAST4", f->card_last4);
	}
	if (f->tries > 1)
		view_set_int(view_add(s, "TRIES"), "N", f->tries);
}

/* See pages.h. */
void
pay_failure_panel(struct ctx *c, struct view_dict *d, const struct db_order *o,
    int on_confirm)
{
	struct pay_failure	 f;
	struct view_dict	*p, *s;
	static const char *const kinds[] = { NULL, "DOWN", "DEDUCTION", "PAU" };

	/* The placer's payment: another member reads the order only. */
	if (o->user_id != c->user.user_id ||
	    pay_failure_load(c->db, o, &f) == -1 ||
	    f.kind == PAY_FAILURE_NONE)
		return;
	p = view_include(d, "PAY_FAILURE", "pay_failure.tpl");
	view_set_int(p, "ID", (long long)o->id);
	view_set(p, "CSRF", c->user.csrf);
	s = view_add(p, kinds[f.kind]);
	view_set_int(s, "SEQ", f.seq);
	failure_facts(s, &f);
	if (f.kind == PAY_FAILURE_DOWN) {
		plans_set_key(s);
		if (!on_confirm)
			view_show(s, "SAME_CARD");
	}
}
