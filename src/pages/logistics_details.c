/*
 * The "Logistics details" section of GET /orders/:id: who carries the
 * order, its tracking number, and the courier who delivers it with their
 * phone number, as the logistics partner named them (its events or its
 * booking answer). The COD policy sends a shopper who lost the courier's
 * voucher here for the courier's contact.
 */
#include <stdio.h>
#include <string.h>

#include "pages/pages.h"
#include "service/cod_desk.h"
#include "service/orders.h"
#include "view/view.h"

/* See pages.h. */
void
logistics_details_panel(struct view_dict *d, const struct db_order *o,
    const struct cod_panel *cp)
{
	const struct db_shipment	*sh = &cp->sh;
	struct view_dict		*p, *s;
	char				 tel[40];
	size_t				 i, n = 0;

	if (!cp->has_ship)
		return;
	p = view_include(d, "LOGISTICS_DETAILS", "logistics_details.tpl");
	view_set_int(p, "ID", (long long)o->id);
	view_set(p, "CARRIER", sh->carrier);
	view_set(p, "TRACKING", sh->tracking);
	if (sh->courier_name[0] == '\0') {
		view_show(p, "NO_COURIER");
		return;
	}
	s = view_add(p, "COURIER");
	view_set(s, "NAME", sh->courier_name);
	view_set(s, "PHONE", sh->courier_phone);
	/* The tel: link keeps the + and the digits only. */
	for (i = 0; sh->courier_phone[i] != '\0' && n + 1 < sizeof(tel); i++)
		if (sh->courier_phone[i] == '+' ||
		    (sh->courier_phone[i] >= '0' && sh->courier_phone[i] <= '9'))
			tel[n++] = sh->courier_phone[i];
	tel[n] = '\0';
	view_set(s, "TEL", tel);
}
