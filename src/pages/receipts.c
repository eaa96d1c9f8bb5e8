/*
 * Receipts of an order: GET /orders/:id/receipts (every amount paid, each
 * with its print view and PDF), GET /orders/:id/receipts/:n (one receipt
 * to print: HTML with a print stylesheet), GET /orders/:id/receipts/:n/pdf
 * (the same as a PDF). The buyer, their company's members and admins
 * only; anyone else gets 404 (service/receipts.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/money.h"
#include "core/words.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/receipts.h"
#include "view/fmt.h"
#include "view/view.h"

/* Load the receipts of the order of the path for the viewer into s: 0, or
 * the error page's status (404 when not theirs, 500). */
static int
load(struct ctx *c, struct receipt_set *s)
{
	enum result		rc;

	memset(s, 0, sizeof(*s));
	/* The buyer, a member of the buyer's company (RULES 5) or an admin:
	 * the route's object, resolved. */
	if ((rc = receipt_set_load(c->db, c->target_reader, c->target_id,
	    s)) == RES_OK)
		return 0;
	receipt_set_cleanup(s);
	return page_result(c, rc, NULL);
}

/* Receipt r of s into the section d: its number, what it paid for, the
 * amount, when, and the partner's reference. */
static void
set_receipt(struct view_dict *d, const struct receipt_set *s,
    const struct db_receipt *r)
{
	char when[32];

	view_set_int(d, "ORDER", (long long)s->o.id);
	view_set_int(d, "RID", (long long)r->id);
	view_set(d, "KIND", receipt_kind_words(r->kind));
	page_set_money(d, "AMOUNT", r->paid_minor, r->currency);
	view_set(d, "AT", page_time(r->at, when, sizeof(when)));
	if (r->partner_ref[0] != '\0')
		view_set(view_add(d, "REF"), "REF", r->partner_ref);
}

/* GET /orders/:id/receipts. */
int
page_receipts(struct ctx *c)
{
	struct receipt_set	 s;
	struct view_dict	*d;
	size_t			 i, shown = 0;
	int			 rc;

	if ((rc = load(c, &s)) != 0)
		return rc;
	d = view_dict_new();
	view_set_int(d, "ID", (long long)s.o.id);
	for (i = 0; i < s.n; i++)
		if (s.r[i].paid_minor > 0) {
			set_receipt(view_add(d, "RECEIPT"), &s, &s.r[i]);
			shown++;
		}
	if (shown == 0)
		view_show(d, "NONE");
	else
		view_show(d, "ANY");
	rc = page_render_free(c, "receipts.tpl", d, "Receipts", 200);
	receipt_set_cleanup(&s);
	return rc;
}

/* Load the receipts of the order of the path into s and receipt :n of it
 * into *r: 0, or the error page's status (404: not theirs, or no such
 * receipt on the order). */
static int
load_one(struct ctx *c, struct receipt_set *s, const struct db_receipt **r)
{
	int rc;

	if ((rc = load(c, s)) != 0)
		return rc;
	if ((*r = receipt_find(s, ctx_arg_id(c, 1))) == NULL) {
		receipt_set_cleanup(s);
		return page_error(c, 404, NULL);
	}
	return 0;
}

/* GET /orders/:id/receipts/:n: the print view. */
int
page_receipt(struct ctx *c)
{
	struct receipt_set	 s;
	const struct db_receipt	*r;
	struct view_dict	*d, *it;
	char			 title[48];
	size_t			 i;
	int			 rc;

	if ((rc = load_one(c, &s, &r)) != 0)
		return rc;
	d = view_dict_new();
	set_receipt(d, &s, r);
	view_set(d, "METHOD", words_method(pay_method_name(s.o.method)));
	for (i = 0; i < s.nitems; i++) {
		it = view_add(d, "ITEM");
		view_set(it, "NAME", s.items[i].name);
		view_set_int(it, "QTY", s.items[i].qty);
	}
	snprintf(title, sizeof(title), "Receipt R-%lld", (long long)r->id);
	rc = page_render_free(c, "receipt.tpl", d, title, 200);
	receipt_set_cleanup(&s);
	return rc;
}

/* GET /orders/:id/receipts/:n/pdf. */
int
page_receipt_pdf(struct ctx *c)
{
	struct receipt_set	 s;
	const struct db_receipt	*r;
	struct money		 m;
	char			 when[64], amt[MONEY_FMT_MAX];
	int			 rc;

	if ((rc = load_one(c, &s, &r)) != 0)
		return rc;
	if (money_set(&m, r->paid_minor, r->currency) == -1 ||
	    receipt_pdf(&s, r, page_time(r->at, when, sizeof(when)),
	    fmt_money(&m, amt, sizeof(amt)), &c->resp->body) == -1) {
		buf_reset(&c->resp->body);
		receipt_set_cleanup(&s);
		return page_error(c, 500, NULL);
	}
	c->resp->content_type = "application/pdf";
	buf_printf(&c->resp->headers, "Content-Disposition: inline; "
	    "filename=\"receipt-R-%lld.pdf\"\r\n", (long long)r->id);
	receipt_set_cleanup(&s);
	c->resp->status = 200;
	return 200;
}
