/*
 * POST /partner/logistics/events: the logistics company's signed events
 * (COD-P8; shipping and delivery of every method). The body is parsed
 * with lg_event_parse and applied in one transaction by lg_event_apply
 * (service/logistics_events.h describes the JSON and the answers).
 */
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "http/http.h"
#include "pages/pages.h"
#include "service/logistics_events.h"
#include "service/partner_auth.h"

/* POST /partner/logistics/events. */
int
page_partner_logistics_events(struct ctx *c)
{
	struct lg_event	 ev;
	struct buf	 out;
	const char	*field, *why;
	char		 msg[200];
	int64_t		 pid;
	int		 st;

	/* Signature, window, partner kind and replay first (401/403/409). */
	if ((st = partner_verify(c, "logistics", &pid)) != 0)
		return st;
	if (lg_event_parse((const char *)c->req->body, c->req->bodylen, &ev,
	    &field, &why) == -1) {
		snprintf(msg, sizeof(msg), "%s: %s", field, why);
		return partner_reply_error(c, 400, field, msg);
	}
	buf_init(&out);
	st = lg_event_apply(c->db, pid, &ev, c->now, &out);
	partner_reply_json(c, st, buf_str(&out));
	buf_cleanup(&out);
	return st;
}
