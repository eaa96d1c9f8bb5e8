/*
 * GET /orders: "My Orders", the signed-in user's own orders (newest first),
 * or an empty state leading to the catalog.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/money.h"
#include "db/order.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "view/view.h"

#define ORDERS_SHOWN	200

/* Format seconds since the epoch as "YYYY-MM-DD HH:MM UTC" into out. */
static void
fmt_time(int64_t t, char *out, size_t outsz)
{
	time_t		tt = (time_t)t;
	struct tm	tm;

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, outsz, "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(out, outsz, "-");
}

/* A payment method's name for people ("cod" -> "Cash on delivery"). */
static const char *
method_label(const char *m)
{
	static const struct {
		const char *code, *label;
	} names[] = {
		{ "cod", "Cash on delivery" },
		{ "installment", "Installment" },
		{ "installment_card", "Installment (credit card)" },
		{ "installment_partner", "Installment (finance partner)" },
		{ "installment_corporate", "Installment (corporate)" },
		{ "credit_line", "Platform credit line" },
		{ "remittance", "Bank or postal remittance" },
		{ "pay_after_use", "Pay After Use" },
		{ "card", "Card" },
	};
	size_t i;

	if (m[0] == '\0')
		return "Not chosen yet";
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i].code, m) == 0)
			return names[i].label;
	return m;
}

/* A status code for people: "ready_to_ship" -> "Ready to ship". */
static void
status_label(const char *s, char *out, size_t outsz)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < outsz; i++)
		out[i] = s[i] == '_' ? ' ' : s[i];
	out[i] = '\0';
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

/* GET /orders. */
int
page_orders(struct ctx *c)
{
	struct db_order_row	*rows = NULL;
	size_t			 n = 0, i;
	struct view_dict	*d, *list, *o;
	char			 buf[MONEY_STR_MAX], when[32], st[40];
	int			 rc;

	if (db_order_list_by_user(c->db, c->user.user_id, ORDERS_SHOWN,
	    &rows, &n) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	if (n == 0)
		view_show(d, "EMPTY");
	else {
		list = view_add(d, "ORDERS");
		for (i = 0; i < n; i++) {
			o = view_add(list, "ORDER");
			view_set_int(o, "ID", (long long)rows[i].id);
			view_setf(o, "NUMBER", "#%lld", (long long)rows[i].id);
			fmt_time(rows[i].created_at, when, sizeof(when));
			view_set(o, "PLACED", when);
			view_set(o, "METHOD", method_label(rows[i].method));
			status_label(rows[i].status, st, sizeof(st));
			view_set(o, "STATE", st);
			view_set(o, "AMOUNT", money_display(&rows[i].amount_due,
			    buf, sizeof(buf)));
		}
	}
	rc = page_render(c, "orders.tpl", d, "My Orders");
	view_dict_free(d);
	free(rows);
	return rc;
}
