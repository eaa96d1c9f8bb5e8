/*
 * The authorization matrix (RULES.md section 5): every route of
 * the real route table (page_routes, linked from libmallpay.a) is called by
 * every class of caller, and the one allowed outcome of each call is
 * asserted from the table below. A route without an entry in the table
 * fails the test ("route X has no authorization entry"), so a new route
 * cannot ship without its row.
 *
 * Callers: anonymous, shopper A, shopper B (given A's object ids), a member
 * of company 1, a member of company 2 (given company 1's ids), an admin, and
 * an unsigned "partner" (no session, no signature).
 *
 * Outcomes (one letter per caller, in that order):
 *   o  allowed: passes the gate (any status but 401/403/404/405/5xx and a
 *      303 to /signin); a POST without its fields may answer 200/303/4xx
 *      with a form error, that is still "allowed"
 *   s  303 to /signin (anonymous on a signed-in page)
 *   f  403 (signed in, wrong role)
 *   n  404 (another user's object: never "forbidden", RULES 5 / DESIGN)
 *   r  refused unsigned partner request: 401 or 403
 *   a  the object's owner: like 'o', and 404 also accepted (the object is
 *      not in the state the page applies to); the others' 'n' is strict
 *   z  known deviation, flagged in the table: answered without 5xx, and
 *      the owner's object is untouched (still linked on its list page)
 * Every POST is sent with the caller's valid CSRF token, so that what is
 * tested is authorization, not CSRF (test_web.c covers CSRF).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "http/http.h"
#include "pages/pages.h"
#include "service/target.h"
#include "client.h"

#define DEMO_PASSWORD	"mallpay-demo"

enum cls { C_ANON, C_A, C_B, C_CO, C_CO2, C_ADMIN, C_PARTNER, C__MAX };

static const char *const cls_name[C__MAX] = {
	"anonymous", "shopper A", "shopper B", "company member",
	"other company's member", "admin", "unsigned partner",
};

/* Demo logins (src/ctl/seed.c); NULL: not signed in. */
static const char *const cls_email[C__MAX] = {
	NULL, "shopper.new@demo.test", "shopper.veteran@demo.test",
	"buyer@acme.demo.test", "buyer@newco.demo.test", "admin@demo.test",
	NULL,
};

/*
 * One row per (method, pattern). For a pattern with ":id", owner is the
 * class whose object id is used by every caller, and list the page that
 * owner's ids are scraped from (links "<prefix>N" where prefix is the
 * pattern up to ":id"). Entries are inferred from each route's role mask;
 * for ":id" routes another user's object answers 404.
 */
struct entry {
	enum http_method method;
	const char	*pattern;
	const char	*expect;	/* C__MAX letters, see above */
	enum cls	 owner;		/* ":id" routes only */
	const char	*list;		/* ":id" routes only */
	const char	*arg;		/* a fixed value for a non-numeric ":x" */
};

static const struct entry table[] = {
	/*                                 anon A B co co2 admin partner */
	{ HTTP_GET,  "/",		"ooooooo", 0, NULL, NULL },
	{ HTTP_GET,  "/healthz",	"ooooooo", 0, NULL, NULL },
	{ HTTP_GET,  "/signin",		"ooooooo", 0, NULL, NULL },
	{ HTTP_POST, "/signin",		"ooooooo", 0, NULL, NULL },
	{ HTTP_POST, "/signout",	"ooooooo", 0, NULL, NULL },
	/* admins' second factor: the code step and enrollment send a caller
	 * without a pending admin sign-in to the sign-in page (a signed-in
	 * admin to the console); a reset takes an id no admin has (404 past
	 * the gate), so that the matrix resets nobody. */
	{ HTTP_GET,  "/signin/code",	"sssssos", 0, NULL, NULL },
	{ HTTP_POST, "/signin/code",	"sssssos", 0, NULL, NULL },
	{ HTTP_GET,  "/signin/enroll",	"sssssos", 0, NULL, NULL },
	{ HTTP_POST, "/signin/enroll",	"sssssos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/sign-in-codes", "sffffos", 0, NULL, NULL },
	{ HTTP_POST, "/admin/admins/:id/reset-2fa", "sffffns", 0, NULL,
	    "999999999" },
	{ HTTP_GET,  "/register",	"ooooooo", 0, NULL, NULL },
	{ HTTP_POST, "/register",	"ooooooo", 0, NULL, NULL },
	{ HTTP_GET,  "/catalog",	"ooooooo", 0, NULL, NULL },
	{ HTTP_POST, "/language",	"ooooooo", 0, NULL, NULL },
	{ HTTP_GET,  "/account/language", "sooooos", 0, NULL, NULL },
	{ HTTP_GET,  "/cart",		"soooofs", 0, NULL, NULL },
	{ HTTP_POST, "/cart/add",	"soooofs", 0, NULL, NULL },
	{ HTTP_POST, "/cart/update",	"soooofs", 0, NULL, NULL },
	{ HTTP_POST, "/cart/remove",	"soooofs", 0, NULL, NULL },
	{ HTTP_GET,  "/orders",		"soooofs", 0, NULL, NULL },
	/* checkout and orders: ROLE_USER; A's order is placed
	 * through checkout first (place_order), another user's -> 404. */
	{ HTTP_GET,  "/orders/:id",	"sonnnfs", C_A, "/orders", NULL },
	{ HTTP_POST, "/orders/:id/cancel", "sonnnfs", C_A, "/orders", NULL },
	{ HTTP_POST, "/orders/:id/confirm-receipt", "sonnnfs", C_A, "/orders",
	    NULL },
	/* Receipts of A's order: A and admins read them, anyone else 404.
	 * One receipt's print view and PDF are called with the order's id as
	 * the receipt number too: A and the admin get 404 (no such receipt
	 * on it) or the receipt; test_my_orders reads a real one. */
	{ HTTP_GET,  "/orders/:id/receipts", "sonnnos", C_A, "/orders", NULL },
	{ HTTP_GET,  "/orders/:id/receipts/:n", "sannnas", C_A, "/orders",
	    NULL },
	{ HTTP_GET,  "/orders/:id/receipts/:n/pdf", "sannnas", C_A, "/orders",
	    NULL },
	{ HTTP_GET,  "/checkout",	"soooofs", 0, NULL, NULL },
	{ HTTP_GET,  "/checkout/quote",	"soooofs", 0, NULL, NULL },
	{ HTTP_POST, "/checkout/place",	"soooofs", 0, NULL, NULL },
	{ HTTP_GET,  "/messages",	"soooofs", 0, NULL, NULL },
	{ HTTP_POST, "/messages/read",	"soooofs", 0, NULL, NULL },
	/* Another user's message: 404 (page_message_read, checkout). */
	{ HTTP_POST, "/messages/:id/read", "sonnnfs", C_A, "/messages", NULL },
	/* admin console: ROLE_ADMIN only; the role gate answers
	 * before any object is looked up, so others get 403 even on ids. */
	{ HTTP_GET,  "/admin",		"sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/orders",	"sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/orders/:id", "sffffos", C_ADMIN, "/admin/orders", NULL },
	{ HTTP_POST, "/admin/orders/:id/cancel", "sffffos", C_ADMIN,
	    "/admin/orders", NULL },
	{ HTTP_GET,  "/admin/settings",	"sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/settings/:kind", "sffffos", 0, NULL,
	    "institutions" },
	{ HTTP_POST, "/admin/settings/:kind", "sffffos", 0, NULL,
	    "institutions" },
	{ HTTP_GET,  "/admin/holidays",	"sffffos", 0, NULL, NULL },
	{ HTTP_POST, "/admin/holidays/add", "sffffos", 0, NULL, NULL },
	{ HTTP_POST, "/admin/holidays/remove", "sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/fx",	"sffffos", 0, NULL, NULL },
	{ HTTP_POST, "/admin/fx",	"sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/audit",	"sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/search",	"sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/export/orders", "sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/export/queues/:id", "sffffos", 0, NULL,
	    "cod_review" },
	{ HTTP_GET,  "/admin/export/audit", "sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/export/ledger", "sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/export/reconciliation", "sffffos", 0, NULL, NULL },
	/* pau: Pay After Use; A's (non-PAU) order answers 409 to
	 * pau-pay and pau-return, another user's 404. */
	{ HTTP_GET,  "/pay-after-use",	"soooofs", 0, NULL, NULL },
	{ HTTP_POST, "/pay-after-use/card", "soooofs", 0, NULL, NULL },
	{ HTTP_POST, "/orders/:id/pau-pay", "sonnnfs", C_A, "/orders", NULL },
	{ HTTP_POST, "/orders/:id/pau-return", "sonnnfs", C_A, "/orders",
	    NULL },
	{ HTTP_GET,  "/admin/guarantee", "sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/reconciliation", "sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/reports",	"sffffos", 0, NULL, NULL },
	/*
	 * Added at the end of wave 2 from routes.c (remittance, installments,
	 * COD, Pay After Use, partner endpoints), inferred from the role
	 * masks: ROLE_USER "soooofs"; ROLE_ADMIN "sffffos"; ROLE_PARTNER
	 * refuses every unsigned caller. On ":id" routes every non-owner
	 * gets 404 ('n') and the owner 'a' (past the gate; 404 allowed when
	 * the object is not in a state the page applies to, e.g. the
	 * remittance page of an installment order).
	 */
	{ HTTP_GET, "/orders/:id/remittance", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_GET, "/orders/:id/voucher", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_POST, "/orders/:id/voucher", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_GET, "/admin/vouchers", "sffffos", 0, NULL, NULL },
	{ HTTP_GET, "/admin/orders/:id/voucher", "sffffas", C_ADMIN, "/admin/orders", NULL },
	{ HTTP_GET, "/admin/orders/:id/voucher/file", "sffffas", C_ADMIN, "/admin/orders", NULL },
	{ HTTP_POST, "/admin/orders/:id/voucher/decide", "sffffas", C_ADMIN, "/admin/orders", NULL },
	{ HTTP_GET, "/admin/remittance/statements", "sffffos", 0, NULL, NULL },
	{ HTTP_POST, "/admin/remittance/statements", "sffffos", 0, NULL, NULL },
	/* refund account and sent (sql/012_refund_account.sql): the owner's
	 * order may have no refund (409/400, past the gate); another user's
	 * order 404; the admin route answers 400 without its refund id. */
	{ HTTP_POST, "/orders/:id/refund-account", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_POST, "/admin/orders/:id/remittance-refund-sent", "sffffas", C_ADMIN, "/admin/orders", NULL },
	{ HTTP_GET, "/account/cod", "soooofs", 0, NULL, NULL },
	{ HTTP_POST, "/orders/:id/cod/paid", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_GET, "/orders/:id/cod/voucher", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_GET, "/orders/:id/cod/record", "sannnfs", C_A, "/orders", NULL },
	/* cod: the order is looked up before the form is checked, so
	 * another user's id is 404. */
	{ HTTP_POST, "/orders/:id/cod/return", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_GET, "/admin/queues/cod", "sffffos", 0, NULL, NULL },
	{ HTTP_GET, "/admin/orders/:id/fulfil", "sffffas", C_ADMIN, "/admin/orders", NULL },
	{ HTTP_POST, "/admin/orders/:id/cod-approve", "sffffas", C_ADMIN, "/admin/orders", NULL },
	{ HTTP_POST, "/admin/orders/:id/cod-reject", "sffffas", C_ADMIN, "/admin/orders", NULL },
	{ HTTP_POST, "/admin/orders/:id/ship", "sffffas", C_ADMIN, "/admin/orders", NULL },
	{ HTTP_POST, "/admin/orders/:id/deliver", "sffffas", C_ADMIN, "/admin/orders", NULL },
	{ HTTP_POST, "/admin/orders/:id/return-received", "sffffas", C_ADMIN, "/admin/orders", NULL },
	{ HTTP_POST, "/admin/orders/:id/refund-sent", "sffffas", C_ADMIN, "/admin/orders", NULL },
	{ HTTP_GET, "/admin/cod/users", "sffffos", 0, NULL, NULL },
	{ HTTP_GET, "/admin/cod/users/:id", "sffffas", C_ADMIN, "/admin/cod/users", NULL },
	{ HTTP_POST, "/admin/cod/users/:id/revoke", "sffffas", C_ADMIN, "/admin/cod/users", NULL },
	{ HTTP_POST, "/admin/cod/users/:id/reinstate", "sffffas", C_ADMIN, "/admin/cod/users", NULL },
	{ HTTP_POST, "/partner/logistics/events", "rrrrrrr", 0, NULL, NULL },
	{ HTTP_GET, "/orders/:id/card", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_POST, "/orders/:id/card", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_GET, "/orders/:id/apply", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_POST, "/orders/:id/apply", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_GET, "/orders/:id/plan-status", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_GET, "/orders/:id/confirm", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_POST, "/orders/:id/confirm", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_GET, "/orders/:id/schedule", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_POST, "/orders/:id/pay", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_GET, "/orders/:id/payoff", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_POST, "/orders/:id/payoff", "sannnfs", C_A, "/orders", NULL },
	{ HTTP_GET, "/account/credit", "soooofs", 0, NULL, NULL },
	{ HTTP_POST, "/partner/finance/decision", "rrrrrrr", 0, NULL, NULL },
	/* the bank's hosted card page: its outcome is authenticated by the
	 * bank's signature only (403 without it), whoever is signed in */
	{ HTTP_GET, "/bank/return", "rrrrrrr", 0, NULL, NULL },
	{ HTTP_POST, "/partner/bank/notice", "rrrrrrr", 0, NULL, NULL },
	{ HTTP_GET, "/admin/plans", "sffffos", 0, NULL, NULL },
	{ HTTP_GET, "/admin/plans/:id", "sffffas", C_ADMIN, "/admin/plans", NULL },
	{ HTTP_POST, "/admin/plans/:id/lift", "sffffas", C_ADMIN, "/admin/plans", NULL },
	/* remittance: A's order is a remittance order or another
	 * method (then the page redirects to the order: past the gate);
	 * another user's order -> 404. Admin pages: ROLE_ADMIN only; the
	 * voucher file of an order without one is 404 ('a'). */
	{ HTTP_GET,  "/orders/:id/remittance", "sonnnfs", C_A, "/orders", NULL },
	{ HTTP_GET,  "/orders/:id/voucher", "sonnnfs", C_A, "/orders", NULL },
	{ HTTP_POST, "/orders/:id/voucher", "sonnnfs", C_A, "/orders", NULL },
	{ HTTP_GET,  "/admin/vouchers",	"sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/orders/:id/voucher", "sffffos", C_ADMIN,
	    "/admin/orders", NULL },
	{ HTTP_GET,  "/admin/orders/:id/voucher/file", "sffffas", C_ADMIN,
	    "/admin/orders", NULL },
	/* The pictures drawn from uploads: admins only, ids from the
	 * voucher queue's thumbnails (404 'a' for a file without one). */
	{ HTTP_GET,  "/admin/files/:id/picture", "sffffas", C_ADMIN,
	    "/admin/vouchers", NULL },
	{ HTTP_POST, "/admin/orders/:id/voucher/decide", "sffffos", C_ADMIN,
	    "/admin/orders", NULL },
	{ HTTP_GET,  "/admin/remittance/statements", "sffffos", 0, NULL, NULL },
	/* addresses: the address book is every signed-in buyer's (a member's
	 * is the company's); A's address ids come from A's book, another
	 * buyer gets 404 (RULES 5). A deletes its address during the walk
	 * (the owner's 'a'); caller_init gave A a second address so that A
	 * keeps one in Malaysia. */
	{ HTTP_GET,  "/account/addresses", "soooofs", 0, NULL, NULL },
	{ HTTP_POST, "/account/addresses", "soooofs", 0, NULL, NULL },
	{ HTTP_GET,  "/account/addresses/:id", "sonnnfs", C_A,
	    "/account/addresses", NULL },
	{ HTTP_POST, "/account/addresses/:id", "sannnfs", C_A,
	    "/account/addresses", NULL },
	{ HTTP_POST, "/account/addresses/:id/delete", "sannnfs", C_A,
	    "/account/addresses", NULL },
	{ HTTP_POST, "/account/addresses/:id/default", "sannnfs", C_A,
	    "/account/addresses", NULL },
	{ HTTP_POST, "/admin/remittance/statements", "sffffos", 0, NULL, NULL },
	/* corporate: company pages are ROLE_COMPANY; the owner is
	 * the demo Acme's member, whose company orders and documents are
	 * linked from /company (a non-corporate order redirects to its page:
	 * past the gate); another company's member gets 404 (RULES 5).
	 * Documents and the agreement are also open to admins. Admin pages
	 * are ROLE_ADMIN only; ids from /admin/companies and /admin/orders
	 * (an order without an application answers 409: past the gate). */
	{ HTTP_GET,  "/company",	"sffoofs", 0, NULL, NULL },
	{ HTTP_POST, "/company/documents", "sffoofs", 0, NULL, NULL },
	{ HTTP_POST, "/company/qualification/submit", "sffoofs", 0, NULL, NULL },
	{ HTTP_GET,  "/company/documents/:id", "sffonos", C_CO, "/company", NULL },
	{ HTTP_GET,  "/orders/:id/corporate", "sffonfs", C_CO, "/company", NULL },
	{ HTTP_POST, "/orders/:id/corporate/apply", "sffonfs", C_CO, "/company",
	    NULL },
	{ HTTP_POST, "/orders/:id/corporate/sign", "sffonfs", C_CO, "/company",
	    NULL },
	{ HTTP_GET,  "/orders/:id/agreement", "sffonos", C_CO, "/company", NULL },
	/* company accounts: the agreement as a PDF like its text; the
	 * members page and invitation for members (ROLE_COMPANY); changes to
	 * a member take a fixed id no company has (404 past the gate), so
	 * that the matrix never removes a demo member; an invitation's token
	 * that does not exist is 404 for everyone (accepting needs a user). */
	{ HTTP_GET,  "/orders/:id/agreement.pdf", "sffonos", C_CO, "/company",
	    NULL },
	{ HTTP_GET,  "/company/members", "sffoofs", 0, NULL, NULL },
	{ HTTP_POST, "/company/members/invite", "sffoofs", 0, NULL, NULL },
	{ HTTP_POST, "/company/members/:id/permissions", "sffnnfs", 0, NULL,
	    "999999999" },
	{ HTTP_POST, "/company/members/:id/remove", "sffnnfs", 0, NULL,
	    "999999999" },
	{ HTTP_POST, "/company/members/invitations/:id/revoke", "sffnnfs", 0,
	    NULL, "999999999" },
	{ HTTP_GET,  "/company/invitations/:token", "nnnnnnn", 0, NULL,
	    "00000000000000000000000000000000000000000000000000000000000000ff" },
	{ HTTP_POST, "/company/invitations/:token/accept", "snnnnns", 0, NULL,
	    "00000000000000000000000000000000000000000000000000000000000000ff" },
	{ HTTP_GET,  "/admin/queues/qualifications", "sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/companies/:id/qualification", "sffffos", C_ADMIN,
	    "/admin/companies", NULL },
	{ HTTP_POST, "/admin/companies/:id/qualification/start", "sffffos",
	    C_ADMIN, "/admin/companies", NULL },
	{ HTTP_POST, "/admin/companies/:id/qualification/decide", "sffffos",
	    C_ADMIN, "/admin/companies", NULL },
	{ HTTP_GET,  "/admin/queues/corporate", "sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/orders/:id/corporate", "sffffos", C_ADMIN,
	    "/admin/orders", NULL },
	{ HTTP_POST, "/admin/orders/:id/corporate/decide", "sffffos", C_ADMIN,
	    "/admin/orders", NULL },
	{ HTTP_POST, "/admin/orders/:id/corporate/down-payment", "sffffos",
	    C_ADMIN, "/admin/orders", NULL },
	{ HTTP_POST, "/admin/orders/:id/corporate/repayment", "sffffos",
	    C_ADMIN, "/admin/orders", NULL },
	{ HTTP_GET,  "/admin/companies", "sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/companies/:id", "sffffos", C_ADMIN,
	    "/admin/companies", NULL },
	{ HTTP_POST, "/admin/companies/:id/limits", "sffffos", C_ADMIN,
	    "/admin/companies", NULL },
	{ HTTP_GET,  "/admin/companies/:id/credit", "sffffos", C_ADMIN,
	    "/admin/companies", NULL },
	{ HTTP_POST, "/admin/companies/:id/credit/payout", "sffffos",
	    C_ADMIN, "/admin/companies", NULL },
	/* A COD refusal debt paid by card: the demo shoppers owe nothing,
	 * so an id nobody has: 404 past the gate for every user. */
	{ HTTP_GET,  "/account/cod/debts/:id/pay", "snnnnfs", 0, NULL,
	    "999999999" },
	{ HTTP_POST, "/account/cod/debts/:id/pay", "snnnnfs", 0, NULL,
	    "999999999" },
	/* identity: the Identity and credit page is ROLE_USER; A's document
	 * (the demo data's verified identity, linked from A's page) is A's
	 * only: others 404, admins are refused on the shopper's route and
	 * use their own. Sent without their fields, the POSTs change nothing
	 * (the consent and its withdrawal need their box ticked). Admin
	 * pages are ROLE_ADMIN only; the checks are listed by
	 * /admin/queues/identity?status=verified. */
	{ HTTP_GET,  "/account/identity", "soooofs", 0, NULL, NULL },
	{ HTTP_POST, "/account/identity", "soooofs", 0, NULL, NULL },
	{ HTTP_GET,  "/account/identity/:id/document", "sonnnfs", C_A,
	    "/account/identity", NULL },
	{ HTTP_POST, "/account/credit-consent", "soooofs", 0, NULL, NULL },
	{ HTTP_POST, "/account/credit-consent/withdraw", "soooofs", 0, NULL,
	    NULL },
	{ HTTP_GET,  "/admin/queues/identity", "sffffos", 0, NULL, NULL },
	{ HTTP_GET,  "/admin/identity/:id", "sffffos", C_ADMIN,
	    "/admin/queues/identity?status=verified", NULL },
	{ HTTP_GET,  "/admin/identity/:id/document", "sffffos", C_ADMIN,
	    "/admin/queues/identity?status=verified", NULL },
	{ HTTP_POST, "/admin/identity/:id/decide", "sffffos", C_ADMIN,
	    "/admin/queues/identity?status=verified", NULL },
	/* admins and roles: owners only (the demo admin holds every role;
	 * test_admin_roles.c walks the table for each single role). An id
	 * that is no admin answers 404, so no admin is changed here. */
	{ HTTP_GET,  "/admin/admins",	"sffffos", 0, NULL, NULL },
	{ HTTP_POST, "/admin/admins/invite", "sffffos", 0, NULL, NULL },
	{ HTTP_POST, "/admin/admins/:id/roles", "sffffas", 0, NULL,
	    "999999999" },
	{ HTTP_POST, "/admin/admins/:id/disable", "sffffas", 0, NULL,
	    "999999999" },
	{ HTTP_POST, "/admin/admins/:id/enable", "sffffas", 0, NULL,
	    "999999999" },
	/* An invitation link nobody holds: no such invitation for anyone. */
	{ HTTP_GET,  "/console/invitations/:token", "nnnnnnn", 0, NULL,
	    "00000000000000000000000000000000000000000000000000000000000000ff" },
	{ HTTP_POST, "/console/invitations/:token", "nnnnnnn", 0, NULL,
	    "00000000000000000000000000000000000000000000000000000000000000ff" },
};

#define NTABLE	(sizeof(table) / sizeof(table[0]))

/* Routes that end or replace the caller's session: called last. */
static int
ends_session(const struct route *rt)
{
	return rt->method == HTTP_POST && (strcmp(rt->pattern, "/signout") == 0 ||
	    strcmp(rt->pattern, "/signin") == 0 ||
	    strcmp(rt->pattern, "/register") == 0);
}

struct caller {
	char	*session;	/* mp_session value, NULL when anonymous */
	char	*csrf;		/* a valid token for this caller */
	char	*anon_cookie;	/* mp_csrf of an anonymous caller */
};

static struct caller callers[C__MAX];
static int a_placed;	/* A's order placed (once per run) */

static long	place_order(struct client *);

/* Add a second address in Malaysia to cl's book (A deletes one of its
 * addresses during the walk; the other tests need A to keep one). */
static void
add_address(struct client *cl)
{
	struct client_resp	 r;
	char			*tok = client_csrf_of(cl, "/account/addresses");
	char			*form;

	assert_non_null(tok);
	form = client_form("csrf", tok, "recipient", "Nadia New",
	    "line1", "99 Jalan Spare", "city", "Kuala Lumpur",
	    "postal_code", "50450", "country", "MY", "phone",
	    "+60 12-345 0099", NULL);
	assert_int_equal(client_post(cl, "/account/addresses", form, &r), 0);
	if (r.status != 303)
		fail_msg("adding A's second address: %ld", r.status);
	client_resp_cleanup(&r);
	free(form);
	free(tok);
}

/* Sign class k in (or not) and remember its cookies and CSRF token. */
static void
caller_init(enum cls k)
{
	struct client	*cl = client_new();
	struct caller	*c = &callers[k];

	if (cls_email[k] != NULL) {
		if (client_signin(cl, cls_email[k], DEMO_PASSWORD) != 303)
			fail_msg("cannot sign in as %s (%s)", cls_name[k],
			    cls_email[k]);
		c->session = client_cookie(cl, "mp_session");
		assert_non_null(c->session);
		c->csrf = client_csrf_of(cl, "/catalog");
		/* A's objects, created through the HTTP API once. */
		if (k == C_A && !a_placed) {
			long st = place_order(cl);

			a_placed = 1;
			if (st != 303)
				print_message("note: placing A's order: %ld\n",
				    st);
			add_address(cl);
		}
	} else {
		c->csrf = client_csrf_of(cl, "/signin");
		c->anon_cookie = client_cookie(cl, "mp_csrf");
		assert_non_null(c->anon_cookie);
	}
	if (c->csrf == NULL)
		fail_msg("no csrf token for %s", cls_name[k]);
	client_free(cl);
}

/* Place an order as the signed-in cl through the HTTP API (first product
 * of the catalog, the checkout page's first payment method), so that A
 * owns a fresh order. Returns the POST's status (303 on success). */
static long
place_order(struct client *cl)
{
	struct client_resp r;
	long long pid[1];
	char pids[32], url[64], *tok, *key, *country, *pay, *form;
	const char *p;
	long status;

	assert_int_equal(client_get(cl, "/catalog", &r), 0);
	assert_int_equal(client_ids(r.body, "data-product-id=\"", pid, 1), 1);
	client_resp_cleanup(&r);
	snprintf(pids, sizeof(pids), "%lld", pid[0]);
	tok = client_csrf_of(cl, "/cart");
	form = client_form("csrf", tok, "product_id", pids, "qty", "1", NULL);
	assert_int_equal(client_post(cl, "/cart/add", form, &r), 0);
	client_resp_cleanup(&r);
	free(form);
	/* The first destination of the country list, then the first payment
	 * method offered there. */
	assert_int_equal(client_get(cl, "/checkout", &r), 0);
	country = NULL;
	for (p = r.body; p != NULL && (p = strstr(p, "<option value=\"")) != NULL;) {
		p += strlen("<option value=\"");
		if (*p != '"') {
			country = strndup(p, strcspn(p, "\""));
			break;
		}
	}
	client_resp_cleanup(&r);
	snprintf(url, sizeof(url), "/checkout?country=%s",
	    country != NULL ? country : "");
	assert_int_equal(client_get(cl, url, &r), 0);
	key = client_between(r.body, "name=\"key\" value=\"", "\"");
	pay = NULL;
	if ((p = strstr(r.body, "name=\"pay\"")) != NULL)
		pay = client_between(p, "value=\"", "\"");
	client_resp_cleanup(&r);
	if (key == NULL || pay == NULL) {
		print_error("checkout page has no key or payment method\n");
		status = -1;
		goto out;
	}
	form = client_form("csrf", tok, "key", key, "country",
	    country != NULL ? country : "", "pay", pay, "disclosed", pay, NULL);
	assert_int_equal(client_post(cl, "/checkout/place", form, &r), 0);
	status = r.status;
	client_resp_cleanup(&r);
	free(form);
out:
	free(tok);
	free(key);
	free(country);
	free(pay);
	return status;
}

/* A fresh client carrying class k's cookies. */
static struct client *
caller_client(enum cls k)
{
	struct client *cl = client_new();

	if (callers[k].session != NULL)
		client_set_cookie(cl, "mp_session", callers[k].session);
	if (callers[k].anon_cookie != NULL)
		client_set_cookie(cl, "mp_csrf", callers[k].anon_cookie);
	return cl;
}

/* The table's entry of rt, or NULL. */
static const struct entry *
entry_of(const struct route *rt)
{
	size_t i;

	for (i = 0; i < NTABLE; i++)
		if (table[i].method == rt->method &&
		    strcmp(table[i].pattern, rt->pattern) == 0)
			return &table[i];
	return NULL;
}

/* Fill path with the pattern, each ":x" replaced by an id of e->owner
 * scraped from e->list. Returns 0, or -1 (message printed) without one. */
static int
concrete_path(const struct entry *e, char *path, size_t pathsz)
{
	const char	*p = e->pattern, *colon;
	char		 marker[256];
	struct client	*cl;
	struct client_resp r;
	long long	 id[1];
	size_t		 n;

	if ((colon = strchr(p, ':')) == NULL) {
		snprintf(path, pathsz, "%s", p);
		return 0;
	}
	if (e->arg != NULL) {
		/* A named, non-numeric part (a settings kind): the one ":x". */
		const char *rest = strchr(colon, '/');

		snprintf(path, pathsz, "%.*s%s%s", (int)(colon - p), p, e->arg,
		    rest != NULL ? rest : "");
		return 0;
	}
	if (e->list == NULL) {
		print_error("route %s has ':' but its entry names no list "
		    "page to take the owner's id from\n", p);
		return -1;
	}
	snprintf(marker, sizeof(marker), "\"%.*s", (int)(colon - p), p);
	cl = caller_client(e->owner);
	assert_int_equal(client_get(cl, e->list, &r), 0);
	n = client_ids(r.body != NULL ? r.body : "", marker, id, 1);
	client_resp_cleanup(&r);
	if (n == 0 && e->owner == C_A) {
		/* An earlier route may have used A's object up (marked every
		 * message read): place one more order, which brings a new
		 * order and a new message, and look again. */
		place_order(cl);
		assert_int_equal(client_get(cl, e->list, &r), 0);
		n = client_ids(r.body != NULL ? r.body : "", marker, id, 1);
		client_resp_cleanup(&r);
	}
	client_free(cl);
	if (n == 0 && e->owner == C_ADMIN) {
		/* Admin-only routes: the role gate is what is tested, an
		 * id that exists is not needed (admin: 'a' takes a 404). */
		print_message("note: %s: no id on %s, using 999999999\n", p,
		    e->list);
		id[0] = 999999999;
		n = 1;
	}
	if (n == 0) {
		print_error("route %s: no id of %s found on %s (marker %s)\n",
		    p, cls_name[e->owner], e->list, marker);
		return -1;
	}
	/* Every ":x" part takes the same id (routes have one today). */
	{
		struct buf b;
		const char *s = p;

		buf_init(&b);
		while (*s != '\0') {
			if (*s == ':') {
				buf_printf(&b, "%lld", id[0]);
				while (*s != '\0' && *s != '/')
					s++;
			} else
				buf_putc(&b, *s++);
		}
		snprintf(path, pathsz, "%s", buf_str(&b));
		buf_cleanup(&b);
	}
	return 0;
}

/* 1 if the response matches outcome letter want; lax_404: a 404 counts as
 * allowed (a POST without its required fields, see call_one). */
static int
outcome_ok(char want, const struct client_resp *r, int lax_404)
{
	/* The gate's redirect (pages/dispatch.c to_signin): ".../signin" or
	 * ".../signin?next=..."; a Location may be absolute. Sign-out's
	 * "/signin?msg=signedout" is an allowed outcome, not the gate. */
	const char *l = r->location != NULL ? strstr(r->location, "/signin") :
	    NULL;
	int to_signin = r->status == 303 && l != NULL &&
	    (strcmp(l, "/signin") == 0 || strncmp(l, "/signin?next=", 13) == 0);

	switch (want) {
	case 'o':
		/* A POST sent without its required fields may be answered
		 * 404 by a handler that looks the missing key up (e.g. a
		 * setting); that is past the gate. */
		if (r->status == 404 && lax_404)
			return 1;
		return !(r->status == 401 || r->status == 403 ||
		    r->status == 404 || r->status == 405 || r->status >= 500 ||
		    r->status == 0 || to_signin);
	case 's':
		return to_signin;
	case 'f':
		return r->status == 403;
	case 'n':
		return r->status == 404;
	case 'r':
		return r->status == 401 || r->status == 403;
	case 'a':
		/* The owner (or an admin on any id): past the gate; a 404
		 * only says the object is not one this page applies to. */
		return r->status == 404 || outcome_ok('o', r, 0);
	case 'z':
		/* Known deviation (see the table): answered, never 5xx;
		 * that it did nothing is checked by still_listed(). */
		return r->status >= 200 && r->status < 400 && !to_signin;
	default:
		return 0;
	}
}

/* The j-th class to call a route: the ":id" owner last. */
static int
order_of(const struct entry *e, int j)
{
	if (strchr(e->pattern, ':') == NULL || e->arg != NULL)
		return j;
	if (j == C__MAX - 1)
		return (int)e->owner;
	return j >= (int)e->owner ? j + 1 : j;
}

/* For a 'z' outcome: the owner's list page still links the object of path
 * (the other caller's request did nothing to it). Returns 1 if so. */
static int
still_listed(const struct entry *e, const char *path)
{
	struct client *cl = caller_client(e->owner);
	struct client_resp r;
	char marker[600];
	const char *end;
	int found;

	/* The link is the path up to and including the id. */
	end = path + strlen(e->pattern) - strlen(strchr(e->pattern, ':'));
	end += strspn(end, "0123456789");
	snprintf(marker, sizeof(marker), "\"%.*s", (int)(end - path), path);
	assert_int_equal(client_get(cl, e->list, &r), 0);
	found = r.body != NULL && strstr(r.body, marker) != NULL;
	if (!found)
		print_error("%s: another caller's request changed %s's object "
		    "(%s no longer on %s)\n", path, cls_name[e->owner],
		    marker, e->list);
	client_resp_cleanup(&r);
	client_free(cl);
	return found;
}

/* 1 if rt declares a required field other than csrf. */
static int
has_required(const struct route *rt)
{
	const struct field_spec *f;

	for (f = rt->fields; f != NULL && f->name != NULL; f++)
		if (f->required && strcmp(f->name, "csrf") != 0)
			return 1;
	return 0;
}

/* Call one route as class k; returns 1 if the outcome is the expected one
 * (mismatch printed). */
static int
call_one(const struct route *rt, const struct entry *e, const char *path,
    enum cls k)
{
	struct client		*cl = caller_client(k);
	struct client_resp	 r;
	char			*form;
	int			 ok;

	if (rt->method == HTTP_GET)
		assert_int_equal(client_get(cl, path, &r), 0);
	else {
		form = client_form("csrf", callers[k].csrf, NULL);
		assert_int_equal(client_post(cl, path, form, &r), 0);
		free(form);
	}
	ok = outcome_ok(e->expect[k], &r, rt->method == HTTP_POST &&
	    has_required(rt) && (strchr(rt->pattern, ':') == NULL ||
	    e->arg != NULL));
	if (!ok)
		print_error("%s %s as %s: expected '%c', got %ld%s%s\n",
		    rt->method == HTTP_GET ? "GET" : "POST", path, cls_name[k],
		    e->expect[k], r.status, r.location ? " -> " : "",
		    r.location ? r.location : "");
	client_resp_cleanup(&r);
	client_free(cl);
	return ok;
}

/* RULES 5: every route has an entry, and every caller gets exactly the
 * entry's outcome. */
static void
test_authz_matrix_every_route_every_caller(void **state)
{
	size_t		 i, pass;
	int		 j, k, bad = 0, calls = 0;
	char		 path[512];

	(void)state;
	for (k = 0; k < C__MAX; k++)
		caller_init((enum cls)k);

	for (i = 0; i < page_routes_n; i++)
		if (entry_of(&page_routes[i]) == NULL) {
			print_error("route %s %s has no authorization entry\n",
			    page_routes[i].method == HTTP_GET ? "GET" : "POST",
			    page_routes[i].pattern);
			bad++;
		}
	for (i = 0; i < NTABLE; i++) {
		size_t ri;
		int found = 0;

		assert_int_equal(strlen(table[i].expect), C__MAX);
		for (ri = 0; ri < page_routes_n; ri++)
			if (page_routes[ri].method == table[i].method &&
			    strcmp(page_routes[ri].pattern, table[i].pattern) == 0)
				found = 1;
		if (!found)
			print_message("note: entry %s has no route (removed?)\n",
			    table[i].pattern);
	}

	/* Two passes: routes that end a session go last. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < page_routes_n; i++) {
			const struct route *rt = &page_routes[i];
			const struct entry *e = entry_of(rt);

			if (e == NULL || ends_session(rt) != (int)pass)
				continue;
			/* Partner routes authenticate by signature:
			 * every unsigned caller is refused. */
			if ((rt->roles & ROLE_PARTNER) &&
			    strcmp(e->expect, "rrrrrrr") != 0) {
				print_error("partner route %s must refuse every "
				    "unsigned caller (rrrrrrr)\n", rt->pattern);
				bad++;
			}
			if (concrete_path(e, path, sizeof(path)) == -1) {
				bad++;
				continue;
			}
			for (j = 0; j < C__MAX; j++) {
				/* The owner of the ":id" object calls last,
				 * so that everyone else meets it untouched. */
				k = order_of(e, j);
				calls++;
				if (!call_one(rt, e, path, (enum cls)k))
					bad++;
				if (e->expect[k] == 'z' &&
				    !still_listed(e, path))
					bad++;
				/* Keep the class's session alive for the
				 * next route: sign in again. */
				if (pass == 1 && callers[k].session != NULL) {
					free(callers[k].session);
					free(callers[k].csrf);
					callers[k].session = NULL;
					callers[k].csrf = NULL;
					caller_init((enum cls)k);
				}
			}
		}
	print_message("authz: %zu routes, %d calls, %d wrong\n", page_routes_n,
	    calls, bad);
	for (k = 0; k < C__MAX; k++) {
		free(callers[k].session);
		free(callers[k].csrf);
		free(callers[k].anon_cookie);
	}
	assert_int_equal(bad, 0);
}

/* The table's own consistency with the role masks: a role missing from a
 * route's mask can never be 'o' (catches an entry more generous than the
 * route). */
static void
test_authz_table_agrees_with_role_masks(void **state)
{
	static const unsigned role_of[C__MAX] = {
		ROLE_ANON, ROLE_SHOPPER, ROLE_SHOPPER, ROLE_COMPANY,
		ROLE_COMPANY, ROLE_ADMIN, ROLE_ANON,
	};
	size_t	i;
	int	k, bad = 0;

	(void)state;
	for (i = 0; i < page_routes_n; i++) {
		const struct entry *e = entry_of(&page_routes[i]);

		if (e == NULL || (page_routes[i].roles & ROLE_PARTNER))
			continue;
		for (k = 0; k < C__MAX; k++)
			if (e->expect[k] == 'o' &&
			    !(page_routes[i].roles & role_of[k])) {
				print_error("%s: '%s' allowed but not in the "
				    "role mask\n", e->pattern, cls_name[k]);
				bad++;
			}
	}
	assert_int_equal(bad, 0);
}

/* GET or POST (with a valid CSRF token and the form pairs of form,
 * "k=v&...") path as cl: the status. */
static long
company_call(struct client *cl, int post, const char *path, const char *form)
{
	struct client_resp	 r;
	struct buf		 b;
	char			*tok;
	long			 st;

	if (!post)
		assert_int_equal(client_get(cl, path, &r), 0);
	else {
		tok = client_csrf_of(cl, "/catalog");
		assert_non_null(tok);
		buf_init(&b);
		buf_printf(&b, "csrf=%s%s%s", tok, form != NULL ? "&" : "",
		    form != NULL ? form : "");
		assert_int_equal(client_post(cl, path, buf_str(&b), &r), 0);
		buf_cleanup(&b);
		free(tok);
	}
	st = r.status;
	client_resp_cleanup(&r);
	return st;
}

/* A new person invited to Acme by its owner with no permission, accepted:
 * the signed-in client of that member. */
static struct client *
restricted_member(struct client *owner)
{
	struct client		*cl = client_new();
	struct client_resp	 r;
	struct buf		 b;
	char			 email[128], *link, *form;

	client_unique_email(email, sizeof(email), "authz-viewer");
	assert_int_equal(client_register(cl, email, "Viewer Only",
	    DEMO_PASSWORD), 303);
	form = client_form("email", email, NULL);
	assert_int_equal(company_call(owner, 1, "/company/members/invite",
	    form), 200);
	free(form);
	assert_int_equal(client_get(cl, "/messages", &r), 0);
	link = client_between(r.body, "/company/invitations/", ".");
	assert_non_null(link);
	client_resp_cleanup(&r);
	buf_init(&b);
	buf_printf(&b, "/company/invitations/%.64s/accept", link);
	assert_int_equal(company_call(cl, 1, buf_str(&b), NULL), 303);
	buf_cleanup(&b);
	free(link);
	return cl;
}

/* RULES 5, company members: on every company object (an order of Acme
 * and its corporate, agreement and PDF pages, a document) the owner and
 * a second member pass, another company's member gets 404 (also on
 * cancelling it or confirming its receipt); a member the owner allowed
 * nothing gets 403 on uploading, submitting, ordering, signing, inviting,
 * cancelling and confirming receipt. */
static void
test_authz_RULES5_company_members_act_for_their_company(void **state)
{
	static const char *const subs[] = { "", "/corporate", "/agreement",
	    "/agreement.pdf" };
	struct client		*owner = client_new(), *member = client_new();
	struct client		*other = client_new(), *viewer;
	struct client		*who[3];
	struct client_resp	 r;
	long long		 oid[1], did[1];
	char			 path[128];
	size_t			 i, k;
	int			 bad = 0;

	(void)state;
	assert_int_equal(client_signin(owner, "buyer@acme.demo.test",
	    DEMO_PASSWORD), 303);
	assert_int_equal(client_signin(member, "buyer2@acme.demo.test",
	    DEMO_PASSWORD), 303);
	assert_int_equal(client_signin(other, "buyer@newco.demo.test",
	    DEMO_PASSWORD), 303);
	who[0] = owner;
	who[1] = member;
	who[2] = other;
	assert_int_equal(client_get(owner, "/company", &r), 0);
	assert_int_equal(client_ids(r.body, "href=\"/orders/", oid, 1), 1);
	assert_int_equal(client_ids(r.body, "href=\"/company/documents/",
	    did, 1), 1);
	client_resp_cleanup(&r);
	for (i = 0; i <= sizeof(subs) / sizeof(subs[0]); i++) {
		if (i < sizeof(subs) / sizeof(subs[0]))
			snprintf(path, sizeof(path), "/orders/%lld%s", oid[0],
			    subs[i]);
		else
			snprintf(path, sizeof(path), "/company/documents/%lld",
			    did[0]);
		for (k = 0; k < 3; k++) {
			long st = company_call(who[k], 0, path, NULL);
			int ok = k == 2 ? st == 404 : (st != 404 &&
			    st != 403 && st < 500);

			if (!ok) {
				print_error("GET %s as %s: %ld\n", path,
				    k == 0 ? "owner" : k == 1 ? "member" :
				    "other company's member", st);
				bad++;
			}
		}
	}
	viewer = restricted_member(owner);
	/* Acting on the company's order: another company's member 404, a
	 * member allowed nothing 403. */
	for (i = 0; i < 4; i++) {
		struct client	*cl = i < 2 ? other : viewer;
		long		 want = i < 2 ? 404 : 403, st;

		snprintf(path, sizeof(path), "/orders/%lld/%s", oid[0],
		    i % 2 == 0 ? "cancel" : "confirm-receipt");
		if ((st = company_call(cl, 1, path, "x=1")) != want) {
			print_error("POST %s as %s: %ld, not %ld\n", path,
			    i < 2 ? "another company's member" : "a member "
			    "allowed nothing", st, want);
			bad++;
		}
	}
	snprintf(path, sizeof(path), "/orders/%lld/corporate/sign", oid[0]);
	{
		const char *const refused[] = { "/company/documents",
		    "/company/qualification/submit", "/checkout/place", path,
		    "/company/members/invite" };

		for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
			long st = company_call(viewer, 1, refused[i],
			    "key=k&kind=licence&sha256=x&agree=yes");

			if (st != 403) {
				print_error("POST %s as a member allowed "
				    "nothing: %ld, not 403\n", refused[i], st);
				bad++;
			}
		}
	}
	/* Still reads the company's order. */
	snprintf(path, sizeof(path), "/orders/%lld", oid[0]);
	assert_int_equal(company_call(viewer, 0, path, NULL), 200);
	client_free(owner);
	client_free(member);
	client_free(other);
	client_free(viewer);
	assert_int_equal(bad, 0);
}

/* What the dispatcher says when the route's object is not the caller's
 * (pages/dispatch.c). */
#define NOT_YOURS	"There is no such order among yours."

/* RULES 5, routes declare their object: every "/orders/:id" route of
 * buyers names the signed-in buyer's order in the route table, and the
 * dispatcher answers 404 itself, before the handler, with one sentence for
 * all of them, when shopper B asks for shopper A's order or for an id
 * that is not one (the handlers' own answers differed). */
static void
test_authz_RULES5_router_answers_404_for_another_buyers_order(void **state)
{
	static const char *const ids[] = { NULL, "x1" };
	struct client		*a = client_new(), *b = client_new();
	struct client_resp	 r;
	const struct route	*rt;
	long long		 oid[1];
	char			 id[32], path[160], *tok, form[200];
	const char		*colon;
	size_t			 i, k;
	int			 bad = 0, n = 0;

	(void)state;
	assert_int_equal(client_signin(a, cls_email[C_A], DEMO_PASSWORD), 303);
	assert_int_equal(client_signin(b, cls_email[C_B], DEMO_PASSWORD), 303);
	assert_int_equal(client_get(a, "/orders", &r), 0);
	if (client_ids(r.body, "href=\"/orders/", oid, 1) != 1) {
		client_resp_cleanup(&r);
		assert_int_equal(place_order(a), 303);
		assert_int_equal(client_get(a, "/orders", &r), 0);
		assert_int_equal(client_ids(r.body, "href=\"/orders/", oid, 1),
		    1);
	}
	client_resp_cleanup(&r);
	tok = client_csrf_of(b, "/catalog");
	assert_non_null(tok);
	snprintf(form, sizeof(form), "csrf=%s", tok);
	for (i = 0; i < page_routes_n; i++) {
		rt = &page_routes[i];
		if (strncmp(rt->pattern, "/orders/:id", 11) != 0 ||
		    !(rt->roles & ROLE_SHOPPER))
			continue;
		if (rt->target != TARGET_BUYER_ORDER) {
			print_error("%s declares no buyer's order\n",
			    rt->pattern);
			bad++;
			continue;
		}
		if (rt->flags & ROUTE_UPLOAD)
			continue;
		colon = strchr(rt->pattern, ':');
		for (k = 0; k < 2; k++) {
			snprintf(id, sizeof(id), "%lld", oid[0]);
			snprintf(path, sizeof(path), "%.*s%s%s",
			    (int)(colon - rt->pattern), rt->pattern,
			    ids[k] != NULL ? ids[k] : id, colon + 3);
			if (rt->method == HTTP_GET)
				assert_int_equal(client_get(b, path, &r), 0);
			else
				assert_int_equal(client_post(b, path, form,
				    &r), 0);
			if (r.status != 404 || r.body == NULL ||
			    strstr(r.body, NOT_YOURS) == NULL) {
				print_error("%s %s as shopper B: %ld, not the "
				    "router's 404\n", rt->method == HTTP_GET ?
				    "GET" : "POST", path, r.status);
				bad++;
			}
			client_resp_cleanup(&r);
			n++;
		}
	}
	free(tok);
	client_free(a);
	client_free(b);
	assert_true(n >= 20);
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_authz_table_agrees_with_role_masks),
		cmocka_unit_test(test_authz_matrix_every_route_every_caller),
		cmocka_unit_test(
		    test_authz_RULES5_company_members_act_for_their_company),
		cmocka_unit_test(
		    test_authz_RULES5_router_answers_404_for_another_buyers_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
