/*
 * The bank's hosted card page comes back (service/card_session.h):
 *   GET  /bank/return          the shopper's browser, sent by the bank with
 *                              the signed outcome in the query string
 *   POST /partner/bank/notice  the bank's signed server-to-server notice
 * Both are authenticated by the bank's signature, not by a session (a
 * partner route: ROLE_PARTNER, no CSRF); whichever comes first records
 * the outcome, the other changes nothing. No card data comes here: the
 * outcome carries the bank's token, the brand and the last four only.
 */
#include <stdio.h>
#include <string.h>

#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/card_session.h"

/* GET /bank/return: record the outcome (or find it recorded) and send the
 * shopper on: an approved first card to the plan's confirmation (down
 * payment), another card to the schedule, a paid COD refusal debt to its
 * page, a decline back to the card (or debt) page with the bank's
 * reason. */
int
page_bank_return(struct ctx *c)
{
	struct card_session_end	 end;
	const char		*qs = c->req->query_string;
	char			 loc[96];
	enum result		 r;

	r = card_session_outcome(c->db, c->cfg, 0, qs != NULL ? qs : "",
	    qs != NULL ? strlen(qs) : 0, c->now, &end);
	if (r != RES_OK && r != RES_DONE)
		return page_error(c, page_status(r), r == RES_FORBIDDEN ?
		    "This answer from the bank is not genuine or has expired; "
		    "nothing was changed. Open your order to see where it "
		    "stands." : NULL);
	if (end.debt_id > 0)
		snprintf(loc, sizeof(loc), end.approved ?
		    "/account/cod/debts/%lld/pay?msg=paid" :
		    "/account/cod/debts/%lld/pay?cs=%lld",
		    (long long)end.debt_id, (long long)end.session_id);
	else if (end.pau)
		snprintf(loc, sizeof(loc), end.approved ?
		    "/pay-after-use?msg=bound" : "/pay-after-use?cs=%lld",
		    (long long)end.session_id);
	else if (!end.approved)
		snprintf(loc, sizeof(loc), "/orders/%lld/card?cs=%lld",
		    (long long)end.order_id, (long long)end.session_id);
	else if (end.to_confirm)
		snprintf(loc, sizeof(loc), "/orders/%lld/confirm",
		    (long long)end.order_id);
	else
		snprintf(loc, sizeof(loc), "/orders/%lld/schedule?msg=card",
		    (long long)end.order_id);
	return page_redirect(c, loc);
}

/* POST /partner/bank/notice: the same outcome, server to server. 200
 * "recorded" or "already recorded"; 403 bad or stale signature, 400
 * malformed or another amount, 404 unknown session. */
int
page_bank_notice(struct ctx *c)
{
	struct card_session_end	end;
	enum result		r;

	r = card_session_outcome(c->db, c->cfg, 1, (const char *)c->req->body,
	    c->req->bodylen, c->now, &end);
	if (r == RES_OK)
		return partner_reply_json(c, 200, "{\"status\":\"recorded\"}");
	if (r == RES_DONE)
		return partner_reply_json(c, 200,
		    "{\"status\":\"already recorded\"}");
	return partner_reply_error(c, page_status(r), NULL,
	    r == RES_FORBIDDEN ? "bad or stale signature" :
	    r == RES_INVALID ? "malformed outcome or another amount" :
	    r == RES_NOT_FOUND ? "no such session" : "server error");
}
