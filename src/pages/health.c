/*
 * GET /healthz: the load balancer's probe. Answers "ok" when this worker's
 * database connection works.
 */

#include "http/response.h"
#include "pages/pages.h"
#include "service/conn.h"

/* See pages.h. Returns 200 "ok", or 503 when the database cannot be reached. */
int
page_health(struct ctx *c)
{
	if (conn_check(c->db) == -1)
		return resp_text(c->resp, 503, "database unavailable\n");
	return resp_text(c->resp, 200, "ok\n");
}
