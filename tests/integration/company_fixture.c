/*
 * Fixtures of the company account tests (see company_fixture.h).
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

#include "core/buf.h"
#include "core/clock.h"
#include "db/db.h"
#include "db/stmt.h"
#include "shop.h"

#include "company_fixture.h"

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

struct dbq *
stmt(int idx)
{
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, idx, tstmts[idx]);

	assert_non_null(q);
	return q;
}


/* A new verified company meeting INST-04, its owner signed in. */
void
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
void
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
struct client *
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
long
status_of(struct client *cl, const char *path)
{
	struct client_resp	r;
	long			st;

	shop_get(cl, path, &r);
	st = r.status;
	client_resp_cleanup(&r);
	return st;
}

/* See company_fixture.h. */
int64_t
applied_order(struct co *c)
{
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
	return id;
}

/* See company_fixture.h. */
int64_t
approved_order(struct co *c)
{
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 path[128];
	int64_t			 id = applied_order(c);

	snprintf(path, sizeof(path), "/admin/orders/%lld/corporate/decide",
	    (long long)id);
	shop_post(admin, "/admin", path, &r, "decision", "approve", NULL);
	if (r.status != 303)
		fail_msg("approve: %ld\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	client_free(admin);
	return id;
}

/* See company_fixture.h. */
void
sign_and_pay_down(struct co *c, int64_t id)
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
	shop_post(admin, "/admin", path, &r, "amount", "218.70", "reference",
	    "MEMBERS-DOWN", NULL);
	if (r.status != 303)
		fail_msg("%s: %ld\n%s", path, r.status, r.body);
	client_resp_cleanup(&r);
	client_free(admin);
}

/* See company_fixture.h. */
void
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
