/*
 * The dispatcher: everything between a parsed request and a handler.
 * Route, session, role, CSRF, the route's object (service/target.h) and
 * field validation happen here, in this order, so that no handler can
 * forget one of them.
 */

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/log.h"
#include "http/csrf.h"
#include "http/ctx.h"
#include "http/response.h"
#include "http/route.h"
#include "pages/language.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/auth.h"
#include "service/conn.h"
#include "service/target.h"

/* form-action names the bank's origin too: a form that opens a session
 * at the bank's hosted card page is answered with a 303 to it. */
#define CSP "default-src 'self'; script-src 'self'; style-src 'self'; " \
	"img-src 'self' data:; frame-ancestors 'none'; form-action 'self' %s; " \
	"base-uri 'none'"

/* Add the security headers every response carries (unless the handler set
 * its own value of one), and the cache policy. */
static void
default_headers(struct ctx *c)
{
	struct http_resp *r = c->resp;
	int public = c->route != NULL && (c->route->flags & ROUTE_PUBLIC) &&
	    r->status < 400;
	char csp[512];

	snprintf(csp, sizeof(csp), CSP, c->cfg != NULL &&
	    strncmp(c->cfg->bank_url, "http", 4) == 0 &&
	    strpbrk(c->cfg->bank_url, " ;'\"") == NULL ? c->cfg->bank_url : "");
	resp_header_default(r, "Content-Security-Policy", csp);
	resp_header_default(r, "X-Content-Type-Options", "nosniff");
	resp_header_default(r, "Referrer-Policy", "same-origin");
	resp_header_default(r, "X-Frame-Options", "DENY");
	/* A public page still carries the visitor's nav and CSRF token:
	 * the browser may keep it, a shared cache may not. */
	resp_header_default(r, "Cache-Control", public ?
	    "private, no-cache" : "no-store");
}

/* Percent-encode s into out for use as a query value. */
static void
url_encode(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || strchr("-._~/", ch) != NULL)
			buf_putc(out, (char)ch);
		else {
			buf_putc(out, '%');
			buf_putc(out, hex[ch >> 4]);
			buf_putc(out, hex[ch & 15]);
		}
	}
}

/* Send anonymous visitors to the sign-in page, coming back here after a GET. */
static int
to_signin(struct ctx *c)
{
	struct buf loc;
	int status;

	buf_init(&loc);
	/* An admin past the password only: the code step, then here. */
	buf_puts(&loc, c->user.pending_admin_id != 0 ? "/signin/code" :
	    "/signin");
	if (c->req->method == HTTP_GET) {
		buf_puts(&loc, "?next=");
		url_encode(&loc, c->req->path);
	}
	status = page_redirect(c, buf_str(&loc));
	buf_cleanup(&loc);
	return status;
}

/* Resolve the session token of c's cookie into c->user, and the owners of
 * order order_id (0: none) into *o in the same statement. Returns 0, or
 * -1 on a database error. */
static int
resolve(struct ctx *c, const char *token, size_t len, int64_t order_id,
    struct target_order *o)
{
	struct auth_req	rq;
	int		rc;

	page_auth_req(c, &rq);
	rq.order_id = order_id;
	if ((rc = auth_session_resolve(&rq, token, len)) == 0) {
		(void)page_auth_take(c, &rq);
		*o = rq.order;
	}
	if (rc == 0 && c->user.role == ROLE_ADMIN) {
		/* The admin's roles; a disabled admin is signed out. */
		if ((rc = admin_roles_of(c->db, c->user.user_id,
		    &c->user.admin_roles)) == 0)
			memset(&c->user, 0, sizeof(c->user));
		rc = rc == -1 ? -1 : 0;
	}
	return rc;
}

/* 403 for a signed-in admin whose roles do not include one rt needs,
 * saying which role it needs and which the admin holds. */
static int
role_refused(struct ctx *c, const struct route *rt)
{
	char need[128], have[128], msg[512];

	admin_roles_words((rt->roles & ROLE_ADMIN_ROLES) >> ROLE_ADMIN_SHIFT,
	    need, sizeof(need));
	admin_roles_words(c->user.admin_roles, have, sizeof(have));
	/* TRANSLATORS: the roles the page needs, then the admin's own
	 * ("finance, support"). */
	snprintf(msg, sizeof(msg), A_("This page is for admins with one of "
	    "these roles: %s. Your roles: %s. An owner of the console can "
	    "give you a role."), need, have);
	return page_error(c, 403, msg);
}

/* Resolve the object route rt acts on (its first ":x", RULES 5), whose
 * owners *o came with the session, for the caller into c->target_id and
 * c->target_*. Returns 0, or the status of the error page answered (404
 * another's order, none, or an :id that names no object at all). */
static int
target(struct ctx *c, const struct route *rt, const struct target_order *o)
{
	static const char *const missing[TARGET__MAX] = {
		[TARGET_BUYER_ORDER] = N_("There is no such order among "
		    "yours."),
		[TARGET_COMPANY_ORDER] = N_("There is no such order of your "
		    "company."),
		[TARGET_ADMIN_ORDER] = N_("There is no such order."),
		[TARGET_ADDRESS] = N_("There is no such address in your "
		    "address book."),
		[TARGET_MESSAGE] = N_("There is no such message among yours."),
		[TARGET_COD_DEBT] = N_("There is no such amount owed on your "
		    "account."),
		[TARGET_IDENTITY] = N_("There is no such identity check."),
		[TARGET_MEMBER] = N_("There is no such member of your "
		    "company."),
		[TARGET_INVITATION] = N_("There is no such invitation of your "
		    "company."),
		[TARGET_DOCUMENT] = N_("There is no such document of your "
		    "company."),
		[TARGET_COMPANY] = N_("There is no such company."),
		[TARGET_PLAN] = N_("There is no such plan."),
		[TARGET_SHOPPER] = N_("There is no such shopper."),
		[TARGET_ADMIN] = N_("There is no such admin."),
		[TARGET_FILE] = N_("There is no such picture."),
	};
	struct target_actor	a;
	struct target_access	acc;
	int64_t			id = ctx_arg_id(c, 0);
	enum result		r;

	if (rt->target == TARGET_NONE)
		return 0;
	if (id <= 0 && !target_is_order((enum target_kind)rt->target))
		return page_error(c, 404, missing[rt->target]);
	a.user_id = c->user.user_id;
	a.company_id = c->user.company_id;
	a.admin = c->user.role == ROLE_ADMIN;
	r = target_resolve(c->db, &a, (enum target_kind)rt->target, o, &acc);
	if (r == RES_OK) {
		c->target_id = id;
		c->target_reader = acc.reader;
		c->target_placer = acc.placer;
		c->target_may_act = acc.may_act;
		return 0;
	}
	if (r == RES_ERROR)
		log_err("dispatch: resolving the object of %s failed: %s",
		    rt->pattern, conn_error(c->db));
	return page_result(c, r, r == RES_NOT_FOUND ? missing[rt->target] :
	    NULL);
}

/* Run the route's handler after the checks; returns the HTTP status. */
static int
run(struct ctx *c)
{
	const struct route *rt;
	const char *token;
	size_t tlen = 0;
	unsigned allow = 0, role;
	int status;
	int64_t oid = 0;
	struct target_order tord;

	memset(&tord, 0, sizeof(tord));
	rt = route_find(page_routes, page_routes_n, c->req->method,
	    c->req->path, c, &allow);

	/* The session first: even a 404 page shows who is signed in. */
	i18n_use(LANG_EN);
	token = ctx_cookie(c, AUTH_COOKIE, &tlen);
	if (rt != NULL && target_is_order((enum target_kind)rt->target))
		oid = ctx_arg_id(c, 0);
	if (token != NULL && tlen > 0 &&
	    resolve(c, token, tlen, oid > 0 ? oid : 0, &tord) == -1) {
		log_err("dispatch: session lookup failed: %s",
		    conn_error(c->db));
		memset(&c->user, 0, sizeof(c->user));
		return page_error(c, 500, NULL);
	}
	/* Then its language: the account's, the browser's... */
	page_language(c);
	if ((rt == NULL || !(rt->flags & ROUTE_NO_CSRF)) &&
	    csrf_prepare(c, token, tlen) == -1) {
		log_err("dispatch: the secret key is not 64 hex characters");
		return page_error(c, 500, NULL);
	}

	if (rt == NULL) {
		if (allow != 0) {
			resp_header(c->resp, "Allow",
			    (allow & (1u << HTTP_GET)) ? "GET, HEAD" : "POST");
			return page_error(c, 405, NULL);
		}
		return page_error(c, 404, NULL);
	}

	/* Partner routes authenticate each request by its signature, in the
	 * handler; the session plays no part there. */
	if (!(rt->roles & ROLE_PARTNER)) {
		role = c->user.user_id != 0 ? (unsigned)c->user.role : ROLE_ANON;
		if (!(rt->roles & role)) {
			if (c->user.user_id == 0)
				return to_signin(c);
			return page_error(c, 403, NULL);
		}
		if (!route_allows(rt, role, c->user.admin_roles))
			return role_refused(c, rt);
	}

	if (c->req->method == HTTP_POST && !(rt->flags & ROUTE_NO_CSRF) &&
	    !csrf_verify(c)) {
		log_warn("dispatch: CSRF token missing or wrong on POST %s",
		    c->req->path);
		return page_error(c, 403, "This form has expired or did not "
		    "come from this site. Please go back, reload the page and "
		    "send it again.");
	}

	if ((rt->flags & ROUTE_REAUTH) && (status = page_reauth(c)) != 0)
		return status;
	if ((status = target(c, rt, &tord)) != 0)
		return status;
	route_validate(c);
	status = rt->handler(c);
	if (status < 100 || status > 599) {
		log_err("dispatch: handler of %s returned %d", rt->pattern,
		    status);
		status = 500;
	}
	/* A failed use case must not leave a transaction open on this
	 * worker's connection for the next request. */
	if (status >= 500)
		conn_abandon(c->db);
	return status;
}

/* One attempt of the request's use case (conn_run): a fresh response and
 * context (what a failed attempt rendered or learnt is dropped). */
struct attempt {
	struct ctx	*c;
	int		 n;
	int		 status;
};

/* Reset c for a new attempt, keeping its request, response, connection
 * and time. */
static void
ctx_again(struct ctx *c)
{
	const struct config *cfg = c->cfg;
	struct db *db = c->db;
	struct http_req *req = c->req;
	struct http_resp *resp = c->resp;
	int64_t now = c->now;

	ctx_cleanup(c);
	ctx_init(c, cfg, db, req, resp);
	c->now = now;
	http_resp_reset(resp);
}

/* conn_run's fn: run the request once; -1 if it answered 5xx before any
 * of its body went out (a streamed body that has begun cannot be sent
 * again: the attempt stands, cut short). */
static int
attempt(void *arg)
{
	struct attempt *a = arg;

	if (a->n++ > 0)
		ctx_again(a->c);
	a->status = run(a->c);
	if (a->c->resp->streaming)
		return 0;
	return a->status >= 500 ? -1 : 0;
}

/* The answer when the use case failed on a conflict or a lost database
 * node and could not (or no longer) be run again: 503, try later. The
 * signed-in user stays for the page's header; what the attempt wrote
 * into the response goes. */
static int
busy(struct ctx *c)
{
	http_resp_reset(c->resp);
	buf_reset(&c->set_cookie);
	resp_header(c->resp, "Retry-After", "2");
	return page_error(c, 503, "The shop could not finish this just now: "
	    "its database was busy. Nothing was saved. Please wait a few "
	    "seconds and send it again.");
}

/* See pages.h. */
int
page_may_get(const struct ctx *c, const char *path)
{
	const char	*args[HTTP_MAX_ARGS];
	char		 p[512], argbuf[512];
	size_t		 i, nargs;

	snprintf(p, sizeof(p), "%.*s", (int)strcspn(path, "?"), path);
	for (i = 0; i < page_routes_n; i++)
		if (page_routes[i].method == HTTP_GET &&
		    route_match(page_routes[i].pattern, p, argbuf,
		    sizeof(argbuf), args, &nargs))
			return route_allows(&page_routes[i], c->user.user_id !=
			    0 ? (unsigned)c->user.role : ROLE_ANON,
			    c->user.admin_roles);
	return 0;
}

/* See pages.h. */
int
pages_handle(struct ctx *c)
{
	struct attempt a = { c, 0, 0 };
	int status;

	if (conn_run(c->db, attempt, &a) == CONN_BUSY)
		status = busy(c);
	else
		status = a.status;

	/* A streamed body went out with its head: a failure after that
	 * can only cut it short. */
	if (c->resp->streaming)
		return status;
	c->resp->status = status;
	if (status >= 400 && c->resp->body.len == 0)
		page_error(c, status, NULL);
	pages_final_headers(c);
	return c->resp->status;
}

/* See pages.h. */
void
pages_final_headers(struct ctx *c)
{
	if (c->set_cookie.len > 0)
		resp_header(c->resp, "Set-Cookie", buf_str(&c->set_cookie));
	default_headers(c);
}

/* See pages.h. */
int
pages_fail(struct ctx *c, int status)
{
	c->route = NULL;
	http_resp_reset(c->resp);
	page_language(c);
	page_error(c, status, NULL);
	if (status == 405)
		resp_header(c->resp, "Allow", "GET, HEAD, POST");
	if (status == 503)
		resp_header(c->resp, "Retry-After", "2");
	default_headers(c);
	return c->resp->status;
}
