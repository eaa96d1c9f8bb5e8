/*
 * GET /admin/reconciliation: the last reconciliation of every partner and
 * its differences (RULES C-09), through service/recon.h.
 */
#include <stdio.h>
#include <stdlib.h>

#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/recon.h"
#include "view/view.h"

/* Add partner run x to d as a RUN section with its DIFF rows. */
static void
add_run(struct view_dict *d, const struct recon_last *x)
{
	struct view_dict *r, *row;
	char when[40];
	size_t i, awaiting = 0;

	r = view_add(d, "RUN");
	view_set(r, "PARTNER", x->partner);
	view_set(r, "NAME", x->name);
	view_set(r, "DAY", x->day);
	view_set(r, "AT", page_when(x->ran_at, when, sizeof(when)));
	view_set_int(r, "REPORT_LINES", x->report_lines);
	view_set_int(r, "LEDGER_LINES", x->ledger_lines);
	for (i = 0; i < x->ndiffs; i++)
		awaiting += x->diffs[i].kind == RECON_AWAITING;
	/* Amounts in transit are listed, but are not differences. */
	view_set_int(r, "NDIFFS", (long long)(x->ndiffs - awaiting));
	if (awaiting > 0)
		view_set_int(view_add(r, "AWAITING"), "N", (long long)awaiting);
	if (x->ndiffs == awaiting)
		view_show(r, "CLEAN");
	if (x->ndiffs > 0)
		view_show(r, "DIFFS");
	for (i = 0; i < x->ndiffs; i++) {
		row = view_add(r, "DIFF");
		view_set(row, "REF", x->diffs[i].reference);
		view_set(row, "KIND", recon_diff_name(x->diffs[i].kind));
		view_set(row, "WHAT", recon_diff_words(x->diffs[i].kind));
		page_set_money(row, "PARTNER_AMOUNT",
		    x->diffs[i].partner_amount, x->diffs[i].currency);
		page_set_money(row, "LEDGER_AMOUNT",
		    x->diffs[i].ledger_amount, x->diffs[i].currency);
	}
}

/* GET /admin/reconciliation. */
int
page_admin_reconciliation(struct ctx *c)
{
	struct recon_last *v = NULL;
	struct view_dict *d;
	size_t n = 0, i;

	if (recon_last_runs(c->db, &v, &n) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	if (n == 0)
		view_show(d, "EMPTY");
	for (i = 0; i < n; i++)
		add_run(d, &v[i]);
	recon_last_free(v, n);
	return page_render_free(c, "admin_reconciliation.tpl", d,
	    "Reconciliation with the partners", 200);
}
