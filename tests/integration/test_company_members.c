/*
 * Company accounts against the private stack (RULES.md section 5:
 * corporate users act for their company): the owner invites a member by
 * email, the invitee accepts signed in with that email, the owner grants
 * and removes; every member reads the company's orders, schedules and
 * agreements (My Orders, the order, its schedule, the agreement as text
 * and PDF), another company's member gets 404, a member without the
 * permission 403 with words for the action. Uploads refused for any
 * reason come back on the same form, signed in, the typed date kept.
 *
 * Each test makes its own company (the demo Acme is only read), so the
 * demo data stays as other tests expect it. Run by suite.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/buf.h"
#include "core/clock.h"
#include "db/db.h"
#include "db/stmt.h"
#include "service/checkout.h"
#include "service/company.h"
#include "shop.h"

#define ADMIN		"admin@demo.test"
#define OTHER_CO	"buyer@newco.demo.test"
#define ACME_OWNER	"buyer@acme.demo.test"
#define ACME_MEMBER	"buyer2@acme.demo.test"
#define PASSWORD	"members test password"
#define PAY_CORP3	"installment_corporate:mallpay-corporate:3"

enum { T_VERIFY, T_COMPLETED, T_LINE, T_EVENT, T_APP_SHA, T_EMAIL,
    T_REVOKED, T__MAX };

static const char *const tstmts[T__MAX] = {
	/* T_VERIFY: verified with a licence valid for 300 days (INST-03) */
	"UPDATE companies SET qualification_status = 'verified', "
	"qualification_expires = CURDATE() + INTERVAL 300 DAY WHERE id = ?",
	/* T_COMPLETED: USD 6,000.00 completed five days ago (INST-04) */
	"INSERT INTO orders (user_id, company_id, status, method, currency, "
	"usd_per_unit, items_total_minor, amount_due_minor, amount_usd_minor, "
	"country, region_code, idempotency_key, created_at, updated_at, "
	"completed_at) SELECT id, company_id, 'completed', 'remittance', "
	"'USD', '1', 600000, 600000, 600000, 'MY', 'SEA', ?, ?, ?, ? "
	"FROM users WHERE id = ?",
	/* T_LINE: the line of that order */
	"INSERT INTO order_items (order_id, product_id, name, qty, "
	"unit_price_minor, currency) SELECT ?, MIN(id), 'fixture', 1, 600000, "
	"'USD' FROM products",
	/* T_EVENT: its last event is its status (mallpayctl check) */
	"INSERT INTO events (subject_type, subject_id, actor_type, at, "
	"from_state, to_state, reason) VALUES ('order', ?, 'system', ?, NULL, "
	"'completed', 'company members test: a completed order')",
	/* T_APP_SHA */
	"SELECT COALESCE(agreement_sha256, '') FROM corp_applications "
	"WHERE order_id = ?",
	/* T_EMAIL */
	"SELECT email FROM users WHERE id = ?",
	/* T_REVOKED: the audit event of a revoked invitation */
	"SELECT COUNT(*) FROM events WHERE subject_type = 'company' AND "
	"subject_id = ? AND actor_type = 'user' AND actor_id = ? AND "
	"to_state = 'member_invite_revoked' AND detail = ?",
};

static struct dbq *
stmt(int idx)
{
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, idx, tstmts[idx]);

	assert_non_null(q);
	return q;
}

/* A company: its owner (the first member) and ids. */
struct co {
	struct client	*owner;
	int64_t		 id, owner_id;
	char		 email[128];	/* the owner's */
};

/* A new verified company meeting INST-04, its owner signed in. */
static void
company_new(const char *tag, struct co *c)
{
	struct dbq	*q;
	char		 key[80];
	int64_t		 at = clock_now() - 5 * 86400, oid;

	c->owner = shop_company_member(tag, "verified", &c->id, &c->owner_id);
	q = stmt(T_EMAIL);
	dbq_int(q, c->owner_id);
	assert_int_equal(dbq_exec_fetch(q), 1);
	snprintf(c->email, sizeof(c->email), "%s", dbq_col_str(q, 0, NULL));
	dbq_done(q);
	q = stmt(T_VERIFY);
	dbq_int(q, c->id);
	assert_int_equal(dbq_exec_done(q, NULL), 0);
	snprintf(key, sizeof(key), "members-%s-%ld-%lld", tag, (long)getpid(),
	    (long long)c->id);
	q = stmt(T_COMPLETED);
	dbq_cstr(q, key);
	dbq_int(q, at);
	dbq_int(q, at);
	dbq_int(q, at);
	dbq_int(q, c->owner_id);
	assert_int_equal(dbq_exec(q), 0);
	oid = dbq_insert_id(q);
	dbq_done(q);
	q = stmt(T_LINE);
	dbq_int(q, oid);
	assert_int_equal(dbq_exec_done(q, NULL), 0);
	q = stmt(T_EVENT);
	dbq_int(q, oid);
	dbq_int(q, at);
	assert_int_equal(dbq_exec_done(q, NULL), 0);
}

/* The first "/company/invitations/TOKEN" in s into link, or fail. */
static void
find_link(const char *s, char *link, size_t linksz)
{
	const char *p = s != NULL ? strstr(s, "/company/invitations/") : NULL;

	if (p == NULL)
		fail_msg("no invitation link in:\n%s", s != NULL ? s : "");
	snprintf(link, linksz, "%.*s", (int)(21 + strspn(p + 21,
	    "0123456789abcdef")), p);
}

/* The owner of c invites a newly registered person (perms: form pairs
 * such as "can_order"), who accepts: their client, email into email. */
static struct client *
invite_member(struct co *c, const char *tag, const char *p1, const char *p2,
    char *email, size_t emailsz)
{
	struct client		*cl = client_new();
	struct client_resp	 r;
	char			 link[160];

	client_unique_email(email, emailsz, tag);
	assert_int_equal(client_register(cl, email, "Invited Member",
	    PASSWORD), 303);
	if (p2 != NULL)
		shop_post(c->owner, "/company/members",
		    "/company/members/invite", &r, "email", email, p1, "1", p2,
		    "1", NULL);
	else if (p1 != NULL)
		shop_post(c->owner, "/company/members",
		    "/company/members/invite", &r, "email", email, p1, "1",
		    NULL);
	else
		shop_post(c->owner, "/company/members",
		    "/company/members/invite", &r, "email", email, NULL);
	if (r.status != 200 || !client_has(&r, "is invited"))
		fail_msg("invite: %ld\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	/* The link arrives as an account message. */
	shop_get(cl, "/messages", &r);
	assert_int_equal(r.status, 200);
	find_link(r.body, link, sizeof(link));
	client_resp_cleanup(&r);
	shop_get(cl, link, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "Accept and join"));
	client_resp_cleanup(&r);
	snprintf(link + strlen(link), sizeof(link) - strlen(link), "/accept");
	shop_post(cl, "/messages", link, &r, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	/* Accepted once: the same link is gone. */
	shop_post(cl, "/messages", link, &r, NULL);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	return cl;
}

/* GET path as cl: the status. */
static long
status_of(struct client *cl, const char *path)
{
	struct client_resp	r;
	long			st;

	shop_get(cl, path, &r);
	st = r.status;
	client_resp_cleanup(&r);
	return st;
}

/* RULES 5 with the demo data: the second member of Acme sees the orders
 * the first placed for the company on My Orders and opens them; NewCo's
 * member gets 404 on the same order. */
static void
test_RULES5_second_member_sees_company_orders(void **state)
{
	struct client		*owner = shop_signin(ACME_OWNER);
	struct client		*member = shop_signin(ACME_MEMBER);
	struct client		*other = shop_signin(OTHER_CO);
	struct client_resp	 r;
	long long		 id[1];
	char			 path[64], mark[80];

	(void)state;
	shop_get(owner, "/company", &r);
	assert_int_equal(client_ids(r.body, "href=\"/orders/", id, 1), 1);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld", id[0]);
	shop_get(member, "/orders", &r);
	snprintf(mark, sizeof(mark), "\"%s\"", path);
	if (client_has(&r, "You have no orders yet") ||
	    !client_has(&r, mark))
		fail_msg("My Orders of the second member lacks %s:\n%s", path,
		    r.body);
	client_resp_cleanup(&r);
	assert_int_equal(status_of(member, path), 200);
	assert_int_equal(status_of(other, path), 404);
	client_free(owner);
	client_free(member);
	client_free(other);
}

/* The road of an invitation: only the invited email accepts, once; the
 * invitee then acts for the company; a member is not the owner (403 on
 * invite); the owner removes them and they no longer reach the company. */
static void
test_company_invitation_accept_and_remove(void **state)
{
	struct co		 c;
	struct client		*m, *stranger = client_new();
	struct client_resp	 r;
	char			 email[128], semail[128], link[160];
	long long		 uid[1];
	char			 path[96];

	(void)state;
	company_new("invite", &c);
	/* A second invitation, opened by someone else. */
	client_unique_email(semail, sizeof(semail), "stranger");
	assert_int_equal(client_register(stranger, semail, "Stranger",
	    PASSWORD), 303);
	client_unique_email(email, sizeof(email), "invitee");
	shop_post(c.owner, "/company/members", "/company/members/invite", &r,
	    "email", email, NULL);
	assert_int_equal(r.status, 200);
	/* The invitee has no account yet: the owner is shown the link. */
	find_link(r.body, link, sizeof(link));
	client_resp_cleanup(&r);
	strncat(link, "/accept", sizeof(link) - strlen(link) - 1);
	shop_post(stranger, "/catalog", link, &r, NULL);
	if (r.status != 409 || !client_has(&r, "This invitation is for"))
		fail_msg("accept as another email: %ld\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	assert_int_equal(status_of(stranger, "/company"), 403);

	m = invite_member(&c, "member", "can_order", NULL, email,
	    sizeof(email));
	assert_int_equal(status_of(m, "/company"), 200);
	shop_get(m, "/company/members", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "place orders"));
	assert_false(client_has(&r, "id=\"invite-form\""));
	client_resp_cleanup(&r);
	/* A member who is not the owner cannot invite. */
	shop_post(m, "/company/members", "/company/members/invite", &r,
	    "email", "someone@example.com", NULL);
	if (r.status != 403 || !client_has(&r, "Only your company"))
		fail_msg("invite by a member: %ld\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	/* The owner removes them. */
	shop_get(c.owner, "/company/members", &r);
	assert_int_equal(client_ids(r.body, "action=\"/company/members/", uid,
	    1), 1);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/company/members/%lld/remove", uid[0]);
	shop_post(c.owner, "/company/members", path, &r, NULL);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "is no longer a member"));
	client_resp_cleanup(&r);
	assert_int_equal(status_of(m, "/company"), 403);
	client_free(m);
	client_free(stranger);
	client_free(c.owner);
}

/* The owner revokes a pending invitation: the button is on the members
 * page, a member who is not the owner gets 403 and another company's owner
 * 404 on the same route; after it the link answers 410 with words saying
 * so (page and accept), a second revoke 409, and the event is kept. */
static void
test_company_invitation_revoke(void **state)
{
	struct co		 c, other;
	struct client		*m, *invitee = client_new();
	struct client_resp	 r;
	struct dbq		*q;
	char			 email[128], iemail[128], link[160], path[96];
	char			 accept[176], mark[96];
	long long		 iid[1];

	(void)state;
	company_new("revoke", &c);
	company_new("revoke-other", &other);
	m = invite_member(&c, "revoke-member", "can_order", NULL, email,
	    sizeof(email));
	client_unique_email(iemail, sizeof(iemail), "revoked");
	assert_int_equal(client_register(invitee, iemail, "Revoked Invitee",
	    PASSWORD), 303);
	shop_post(c.owner, "/company/members", "/company/members/invite", &r,
	    "email", iemail, NULL);
	assert_int_equal(r.status, 200);
	client_resp_cleanup(&r);
	shop_get(invitee, "/messages", &r);
	find_link(r.body, link, sizeof(link));
	client_resp_cleanup(&r);
	assert_int_equal(status_of(invitee, link), 200);
	/* The owner's page offers the button on the waiting invitation. */
	shop_get(c.owner, "/company/members", &r);
	if (client_ids(r.body, "action=\"/company/members/invitations/", iid,
	    1) != 1 || !client_has(&r, "Revoke invitation"))
		fail_msg("no revoke button:\n%s", r.body);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/company/members/invitations/%lld/revoke",
	    iid[0]);
	/* Who asks: a member 403, another company's owner 404. */
	shop_post(m, "/company/members", path, &r, NULL);
	if (r.status != 403 || !client_has(&r, "Only your company"))
		fail_msg("revoke by a member: %ld\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	shop_post(other.owner, "/company/members", path, &r, NULL);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	assert_int_equal(status_of(invitee, link), 200);
	/* The owner revokes it. */
	shop_post(c.owner, "/company/members", path, &r, NULL);
	if (r.status != 200 || !client_has(&r, "is revoked"))
		fail_msg("revoke: %ld\n%s", r.status, r.body);
	snprintf(mark, sizeof(mark), "id=\"invite-%lld\"", iid[0]);
	assert_false(client_has(&r, mark));
	client_resp_cleanup(&r);
	/* The link no longer works, and says why. */
	shop_get(invitee, link, &r);
	if (r.status != 410 || !client_has(&r, "revoked this invitation"))
		fail_msg("revoked link: %ld\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	snprintf(accept, sizeof(accept), "%s/accept", link);
	shop_post(invitee, "/messages", accept, &r, NULL);
	if (r.status != 410 || !client_has(&r, "revoked this invitation"))
		fail_msg("accept revoked: %ld\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	assert_int_equal(status_of(invitee, "/company"), 403);
	/* Twice: nothing more. */
	shop_post(c.owner, "/company/members", path, &r, NULL);
	if (r.status != 409 || !client_has(&r, "already revoked"))
		fail_msg("second revoke: %ld\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	q = stmt(T_REVOKED);
	dbq_int(q, c.id);
	dbq_int(q, c.owner_id);
	dbq_cstr(q, iemail);
	assert_int_equal(dbq_exec_fetch(q), 1);
	assert_int_equal(dbq_col_int(q, 0), 1);
	dbq_done(q);
	client_free(m);
	client_free(invitee);
	client_free(c.owner);
	client_free(other.owner);
}

/* Place a corporate installment (two washers, 3 months) as the owner, apply
 * when checkout did not, and have an admin approve: the agreement and the
 * plan exist. Returns the order id. */
static int64_t
approved_order(struct co *c)
{
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 path[128];
	int64_t			 id;

	id = shop_place_one(c->owner, c->email, "HOME-WASHER-8", PAY_CORP3,
	    PAY_CORP3, "corporate installment", NULL, 0);
	snprintf(path, sizeof(path), "/orders/%lld/corporate", (long long)id);
	shop_get(c->owner, path, &r);
	if (client_has(&r, "id=\"apply-form\"")) {
		client_resp_cleanup(&r);
		snprintf(path, sizeof(path), "/orders/%lld/corporate/apply",
		    (long long)id);
		shop_post(c->owner, "/company", path, &r, "term", "3", NULL);
		assert_int_equal(r.status, 303);
	}
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/admin/orders/%lld/corporate/decide",
	    (long long)id);
	shop_post(admin, "/admin", path, &r, "decision", "approve", NULL);
	if (r.status != 303)
		fail_msg("approve: %ld\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	client_free(admin);
	return id;
}

/* POST path as admin, expecting 303. */
static void
admin_ok(struct client *admin, const char *path, const char *k1,
    const char *v1, const char *k2, const char *v2)
{
	struct client_resp r;

	shop_post(admin, "/admin", path, &r, k1, v1, k2, v2, NULL);
	if (r.status != 303)
		fail_msg("%s: %ld\n%s", path, r.status, r.body);
	client_resp_cleanup(&r);
}

/* The owner signs the approved order id; an admin records its down
 * payment (USD 218.70), ships and delivers it. */
static void
deliver_order(struct co *c, int64_t id)
{
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 cpath[96], path[128], *sha;

	snprintf(cpath, sizeof(cpath), "/orders/%lld/corporate", (long long)id);
	shop_get(c->owner, cpath, &r);
	sha = client_between(r.body, "name=\"sha256\" value=\"", "\"");
	assert_non_null(sha);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "%s/sign", cpath);
	shop_post(c->owner, cpath, path, &r, "sha256", sha, "agree", "yes",
	    NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	free(sha);
	snprintf(path, sizeof(path), "/admin/orders/%lld/corporate/"
	    "down-payment", (long long)id);
	admin_ok(admin, path, "amount", "218.70", "reference", "MEMBERS-DOWN");
	snprintf(path, sizeof(path), "/admin/orders/%lld/ship", (long long)id);
	admin_ok(admin, path, "carrier", "Demo Post", "tracking", "MEM-1");
	snprintf(path, sizeof(path), "/admin/orders/%lld/deliver",
	    (long long)id);
	admin_ok(admin, path, NULL, NULL, NULL, NULL);
	assert_string_equal(shop_status(id), "delivered");
	client_free(admin);
}

/* GET /orders/id as cl: 200, and whether form (an id) is on it. */
static int
order_has(struct client *cl, int64_t id, const char *form)
{
	struct client_resp	r;
	char			path[64], mark[64];
	int			has;

	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	snprintf(mark, sizeof(mark), "id=\"%s\"", form);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 200);
	has = client_has(&r, mark);
	client_resp_cleanup(&r);
	return has;
}

/* POST /orders/id/what as cl: the status (the body must say why on 403). */
static long
order_post(struct client *cl, int64_t id, const char *what)
{
	struct client_resp	r;
	char			page[64], path[96];
	long			st;

	snprintf(page, sizeof(page), "/orders/%lld", (long long)id);
	snprintf(path, sizeof(path), "/orders/%lld/%s", (long long)id, what);
	shop_post(cl, page, path, &r, NULL);
	st = r.status;
	if (st == 403 && !client_has(&r, "You may not cancel your company"))
		fail_msg("403 without the words:\n%s", r.body);
	client_resp_cleanup(&r);
	return st;
}

/* Every link and form of order id's page as cl answers: each
 * "/orders/ID..." link opens (no 403/404), and the forms posting to
 * "/orders/ID/..." are only cancel and confirm-receipt, none at all when
 * acts is 0 (RULES 5: no button that answers 404 or 403). */
static void
order_links_answer(struct client *cl, int64_t id, int acts)
{
	struct client_resp	 r;
	const char		*p;
	char			 mark[64], path[160];
	size_t			 n;
	long			 st;

	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 200);
	snprintf(mark, sizeof(mark), "action=\"/orders/%lld/", (long long)id);
	for (p = strstr(r.body, mark); p != NULL; p = strstr(p + 1, mark)) {
		n = strcspn(p + strlen(mark), "\"");
		snprintf(path, sizeof(path), "%.*s", (int)n, p + strlen(mark));
		if (!acts || (strcmp(path, "cancel") != 0 &&
		    strcmp(path, "confirm-receipt") != 0))
			fail_msg("order %lld offers the form %s to a member "
			    "who %s:\n%s", (long long)id, path, acts ? "did "
			    "not place it" : "may not act", r.body);
	}
	snprintf(mark, sizeof(mark), "href=\"/orders/%lld", (long long)id);
	for (p = strstr(r.body, mark); p != NULL; p = strstr(p + 1, mark)) {
		n = strcspn(p + 6, "\"?#");
		snprintf(path, sizeof(path), "%.*s", (int)n, p + 6);
		if ((st = status_of(cl, path)) == 403 || st == 404 || st >= 500)
			fail_msg("order %lld links %s, which answers %ld",
			    (long long)id, path, st);
	}
	client_resp_cleanup(&r);
}

/* RULES 5 on the order page: a member who may place orders acts for the
 * company on an order another member placed (cancel, confirm receipt: the
 * buttons shown and the posts accepted); a member who may not sees no
 * button and gets 403, state unchanged; another company's member 404.
 * Every link and form the page shows a member answers (the placer's own
 * steps, such as the remittance instructions, are not offered). */
static void
test_RULES5_member_order_actions_match_permission(void **state)
{
	struct co		 c, other;
	struct client		*actor, *viewer, *admin;
	char			 email[128], path[96];
	int64_t			 a, b;

	(void)state;
	company_new("acts", &c);
	company_new("acts-other", &other);
	actor = invite_member(&c, "actor", "can_order", NULL, email,
	    sizeof(email));
	viewer = invite_member(&c, "viewer", NULL, NULL, email, sizeof(email));
	/* Cancel before review. */
	a = shop_place_one(c.owner, c.email, "HOME-WASHER-8", PAY_CORP3,
	    PAY_CORP3, "corporate installment", NULL, 0);
	assert_string_equal(shop_status(a), "awaiting_review");
	order_links_answer(actor, a, 1);
	order_links_answer(viewer, a, 0);
	assert_true(order_has(c.owner, a, "cancel-order"));
	assert_false(order_has(viewer, a, "cancel-order"));
	assert_int_equal(order_post(viewer, a, "cancel"), 403);
	assert_int_equal(order_post(other.owner, a, "cancel"), 404);
	assert_string_equal(shop_status(a), "awaiting_review");
	assert_true(order_has(actor, a, "cancel-order"));
	assert_int_equal(order_post(actor, a, "cancel"), 303);
	assert_string_equal(shop_status(a), "cancelled");
	/* Confirm receipt once delivered. */
	b = approved_order(&c);
	deliver_order(&c, b);
	order_links_answer(actor, b, 1);
	order_links_answer(viewer, b, 0);
	assert_false(order_has(viewer, b, "confirm-receipt"));
	assert_int_equal(order_post(viewer, b, "confirm-receipt"), 403);
	assert_int_equal(order_post(other.owner, b, "confirm-receipt"), 404);
	assert_string_equal(shop_status(b), "delivered");
	assert_true(order_has(actor, b, "confirm-receipt"));
	assert_int_equal(order_post(actor, b, "confirm-receipt"), 303);
	assert_string_equal(shop_status(b), "receipt_confirmed");
	/* A remittance (REM-02 quota agreed): its instructions and vouchers
	 * are the placer's pages; the others follow the order. */
	admin = shop_signin(ADMIN);
	snprintf(path, sizeof(path), "/admin/companies/%lld/limits",
	    (long long)c.id);
	admin_ok(admin, path, "save", "1", "remit_quota", "20000.00");
	client_free(admin);
	a = shop_place_one(c.owner, c.email, "HOME-VACUUM-R5", "remittance",
	    NULL, "remittance", NULL, 0);
	assert_true(order_has(c.owner, a, "remit-instructions-link"));
	order_links_answer(actor, a, 1);
	order_links_answer(viewer, a, 0);
	assert_true(order_has(actor, a, "cancel-order"));
	client_free(actor);
	client_free(viewer);
	client_free(c.owner);
	client_free(other.owner);
}

/* The permission checks are the use cases' own (section 5): called
 * directly, past any page, placing an order, applying, signing, uploading
 * and submitting refuse a member the owner did not allow, with the words
 * of the action, and change nothing. */
static void
test_RULES5_services_check_member_permissions(void **state)
{
	static const char	 pdf[] = "%PDF-1.4\n% service test\n%%EOF\n";
	struct co		 c;
	struct client		*m;
	struct dbq		*q;
	struct checkout_input	 in;
	struct checkout_choice	 ch;
	struct checkout_quote	 cq;
	char			 email[128], msg[600], sha[65];
	int64_t			 uid, id, oid = -1, now = clock_now();

	(void)state;
	company_new("svc", &c);
	m = invite_member(&c, "svc-viewer", NULL, NULL, email, sizeof(email));
	uid = shop_user_id(email);
	id = approved_order(&c);
	q = stmt(T_APP_SHA);
	dbq_int(q, id);
	assert_int_equal(dbq_exec_fetch(q), 1);
	snprintf(sha, sizeof(sha), "%s", dbq_col_str(q, 0, NULL));
	dbq_done(q);
	memset(&in, 0, sizeof(in));
	memset(&ch, 0, sizeof(ch));
	snprintf(ch.key, sizeof(ch.key), "svc-%lld", (long long)uid);
	assert_int_equal(checkout_place(shop_db(), uid, c.id, &in, &ch, now,
	    &cq, &oid), CO_FORBIDDEN);
	checkout_quote_cleanup(&cq);
	assert_int_equal(oid, 0);
	assert_int_equal(corp_apply(shop_db(), c.id, uid, id, 3, now, msg,
	    sizeof(msg)), CQ_FORBIDDEN);
	assert_non_null(strstr(msg, "You may not place orders"));
	assert_int_equal(corp_sign(shop_db(), c.id, uid, id, sha, "127.0.0.1",
	    now, msg, sizeof(msg)), CQ_FORBIDDEN);
	assert_non_null(strstr(msg, "You may not sign installment agreements"));
	assert_string_equal(shop_status(id), "awaiting_confirmation");
	assert_int_equal(qual_upload(shop_db(), shop_config(), c.id, uid,
	    "statements", pdf, sizeof(pdf) - 1, NULL, now, msg, sizeof(msg)),
	    CQ_FORBIDDEN);
	assert_non_null(strstr(msg, "You may not upload or submit"));
	assert_int_equal(qual_submit(shop_db(), c.id, uid, now, msg,
	    sizeof(msg)), CQ_FORBIDDEN);
	assert_non_null(strstr(msg, "You may not upload or submit"));
	/* The owner may (the same calls answer on the merits). */
	assert_int_equal(corp_sign(shop_db(), c.id, c.owner_id, id, sha,
	    "127.0.0.1", now, msg, sizeof(msg)), CQ_OK);
	client_free(m);
	client_free(c.owner);
}

/* Write len bytes to a temporary file and run pdftotext on it; the text
 * into out. */
static void
pdf_text(const char *data, size_t len, struct buf *out)
{
	char	 path[] = "/tmp/mallpay-agreement-XXXXXX", cmd[128], line[512];
	FILE	*f;
	int	 fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	snprintf(cmd, sizeof(cmd), "pdftotext -layout %s -", path);
	assert_non_null(f = popen(cmd, "r"));
	while (fgets(line, sizeof(line), f) != NULL)
		buf_puts(out, line);
	assert_int_equal(pclose(f), 0);
	unlink(path);
}

/* RULES 5: a member without "sign agreements" reads the company's order,
 * its schedule and agreement (text and PDF) but is refused signing (403,
 * words); another company's member gets 404 on each; once the owner grants
 * it, the member signs. The PDF parses, names the figures and the hash of
 * the exact text, which is the one stored. */
static void
test_RULES5_member_follows_order_schedule_agreement(void **state)
{
	struct co		 c;
	struct client		*m, *other = shop_signin(OTHER_CO);
	struct client_resp	 r;
	struct buf		 txt;
	struct dbq		*q;
	const char		*subs[] = { "", "/schedule", "/corporate",
				    "/agreement", "/agreement.pdf" };
	char			 email[128], path[128], sha[65], stored[65];
	char			 hex[65];
	unsigned char		 h[crypto_hash_sha256_BYTES];
	long long		 uid[1];
	int64_t			 id;
	size_t			 i;

	(void)state;
	company_new("follow", &c);
	m = invite_member(&c, "follower", "can_order", "can_upload", email,
	    sizeof(email));
	id = approved_order(&c);
	snprintf(path, sizeof(path), "\"/orders/%lld\"", (long long)id);
	shop_get(m, "/orders", &r);
	if (!client_has(&r, path))
		fail_msg("My Orders of the member lacks %s:\n%s", path, r.body);
	client_resp_cleanup(&r);
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++) {
		snprintf(path, sizeof(path), "/orders/%lld%s", (long long)id,
		    subs[i]);
		if (status_of(m, path) != 200 || status_of(other, path) != 404)
			fail_msg("%s: member %ld, other company %ld", path,
			    status_of(m, path), status_of(other, path));
	}
	/* The exact text, its hash, the stored hash and the PDF's. */
	snprintf(path, sizeof(path), "/orders/%lld/agreement", (long long)id);
	shop_get(m, path, &r);
	crypto_hash_sha256(h, (const unsigned char *)r.body, r.len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	client_resp_cleanup(&r);
	q = stmt(T_APP_SHA);
	dbq_int(q, id);
	assert_int_equal(dbq_exec_fetch(q), 1);
	snprintf(stored, sizeof(stored), "%s", dbq_col_str(q, 0, NULL));
	dbq_done(q);
	assert_string_equal(hex, stored);
	snprintf(path, sizeof(path), "/orders/%lld/agreement.pdf",
	    (long long)id);
	shop_get(m, path, &r);
	assert_true(r.len > 1000 && memcmp(r.body, "%PDF-", 5) == 0);
	buf_init(&txt);
	pdf_text(r.body, r.len, &txt);
	client_resp_cleanup(&r);
	if (strstr(buf_str(&txt), stored) == NULL ||
	    strstr(buf_str(&txt), "729.00") == NULL ||
	    strstr(buf_str(&txt), "218.70") == NULL)
		fail_msg("the PDF lacks the hash %s or the figures:\n%s",
		    stored, buf_str(&txt));
	buf_cleanup(&txt);

	/* Signing needs "sign agreements". */
	snprintf(path, sizeof(path), "/orders/%lld/corporate/sign",
	    (long long)id);
	snprintf(sha, sizeof(sha), "%s", stored);
	shop_post(m, "/company", path, &r, "sha256", sha, "agree", "yes", NULL);
	if (r.status != 403 || !client_has(&r, "You may not sign installment "
	    "agreements"))
		fail_msg("sign without permission: %ld\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	shop_get(c.owner, "/company/members", &r);
	assert_int_equal(client_ids(r.body, "action=\"/company/members/", uid,
	    1), 1);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/company/members/%lld/permissions",
	    uid[0]);
	shop_post(c.owner, "/company/members", path, &r, "can_sign", "1",
	    NULL);
	assert_int_equal(r.status, 200);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld/corporate/sign",
	    (long long)id);
	shop_post(m, "/company", path, &r, "sha256", sha, "agree", "yes", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	client_free(m);
	client_free(other);
	client_free(c.owner);
}

/* A member without "upload documents" or "place orders": 403 with the
 * words of the action, on the upload form and at checkout. */
static void
test_company_member_without_permission_403(void **state)
{
	struct co		 c;
	struct client		*m;
	struct client_resp	 r;
	char			 email[128];

	(void)state;
	company_new("noperm", &c);
	m = invite_member(&c, "viewer", NULL, NULL, email, sizeof(email));
	shop_post(m, "/company", "/company/qualification/submit", &r, NULL);
	if (r.status != 403 || !client_has(&r, "You may not upload or submit "
	    "qualification documents"))
		fail_msg("submit without permission: %ld\n%s", r.status,
		    r.body);
	client_resp_cleanup(&r);
	shop_post(m, "/checkout", "/checkout/place", &r, "key", "k", NULL);
	if (r.status != 403 || !client_has(&r, "You may not place orders"))
		fail_msg("checkout without permission: %ld\n%s", r.status,
		    r.body);
	client_resp_cleanup(&r);
	client_free(m);
	client_free(c.owner);
}

/* POST a multipart document (kind licence, expires, a file of len bytes
 * starting with head) to /company/documents as cl into r. */
static void
post_document(struct client *cl, const char *expires, const char *head,
    size_t len, struct client_resp *r)
{
	static const char b[] = "----mallpaymembers";
	struct buf	 body;
	char		*tok = client_csrf_of(cl, "/company");
	char		*file = calloc(1, len + 1);

	assert_non_null(tok);
	assert_non_null(file);
	memcpy(file, head, strlen(head) < len ? strlen(head) : len);
	buf_init(&body);
	buf_printf(&body, "--%s\r\nContent-Disposition: form-data; "
	    "name=\"csrf\"\r\n\r\n%s\r\n--%s\r\nContent-Disposition: "
	    "form-data; name=\"kind\"\r\n\r\nlicence\r\n--%s\r\n"
	    "Content-Disposition: form-data; name=\"expires\"\r\n\r\n%s\r\n"
	    "--%s\r\nContent-Disposition: form-data; name=\"document\"; "
	    "filename=\"licence.pdf\"\r\nContent-Type: application/pdf\r\n\r\n",
	    b, tok, b, b, expires, b);
	buf_append(&body, file, len);
	buf_printf(&body, "\r\n--%s--\r\n", b);
	assert_int_equal(client_post_raw(cl, "/company/documents",
	    "multipart/form-data; boundary=----mallpaymembers", body.data,
	    body.len, r), 0);
	buf_cleanup(&body);
	free(file);
	free(tok);
}

/* Errors in context: a wrong type, 10.6 MB and 10 MB + 4 KB come back on
 * the same form (still signed in, the message beside the file field, the
 * typed expiry kept); 12 MB gets the web server's page in the app's look
 * with a way back. */
static void
test_company_upload_refusals_keep_the_form(void **state)
{
	static const struct {
		const char	*what, *head;
		size_t		 len;
		long		 status;
	} cases[] = {
		{ "a text file", "just some text, not a document", 31, 400 },
		{ "10 MB + 4 KB", "%PDF-1.4\n", 10 * 1024 * 1024 + 4096, 413 },
		{ "10.6 MB", "%PDF-1.4\n", 10 * 1024 * 1024 + 600 * 1024, 413 },
	};
	struct co		 c;
	struct client_resp	 r;
	size_t			 i;

	(void)state;
	company_new("uploads", &c);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		post_document(c.owner, "2031-05-30", cases[i].head,
		    cases[i].len, &r);
		if (r.status != cases[i].status ||
		    !client_has(&r, "Sign out") ||
		    !client_has(&r, "id=\"upload-form\"") ||
		    !client_has(&r, "id=\"document-error\"") ||
		    !client_has(&r, "value=\"2031-05-30\""))
			fail_msg("%s: %ld, not the form with its message and "
			    "the date:\n%.3000s", cases[i].what, r.status,
			    r.body != NULL ? r.body : "");
		client_resp_cleanup(&r);
	}
	post_document(c.owner, "2031-05-30", "%PDF-1.4\n", 12 * 1024 * 1024,
	    &r);
	if (r.status != 413 || !client_has(&r, "site-header") ||
	    !client_has(&r, "Back to the form") ||
	    !client_has(&r, "My Orders"))
		fail_msg("12 MB: %ld, not the app-looking page:\n%s", r.status,
		    r.body != NULL ? r.body : "");
	client_resp_cleanup(&r);
	client_free(c.owner);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_RULES5_second_member_sees_company_orders),
		cmocka_unit_test(test_company_invitation_accept_and_remove),
		cmocka_unit_test(test_company_invitation_revoke),
		cmocka_unit_test(
		    test_RULES5_member_follows_order_schedule_agreement),
		cmocka_unit_test(test_company_member_without_permission_403),
		cmocka_unit_test(
		    test_RULES5_member_order_actions_match_permission),
		cmocka_unit_test(test_RULES5_services_check_member_permissions),
		cmocka_unit_test(test_company_upload_refusals_keep_the_form),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
