/*
 * A company's orders as its members act on them, against the private
 * stack (RULES.md section 5: corporate users act for their company): a
 * member the owner lets place orders cancels and confirms receipt of an
 * order another member placed; one who may not sees no such button and is
 * refused (403); another company's member gets 404; every link and form a
 * member sees on the order page answers. The use cases check the member's
 * permission themselves, past any page. Run by suite.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/clock.h"
#include "db/db.h"
#include "db/stmt.h"
#include "service/checkout.h"
#include "service/company.h"
#include "shop.h"

#include "company_fixture.h"

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
	struct client	*admin = shop_signin(ADMIN);
	char		 path[128];

	sign_and_pay_down(c, id);
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
	static const char	 pdf[] = "%PDF-1.4\n% service test\n"
	    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
	    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
	    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> "
	    "endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
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
	    &cq, &oid, msg, sizeof(msg)), RES_FORBIDDEN);
	checkout_quote_cleanup(&cq);
	assert_int_equal(oid, 0);
	assert_int_equal(corp_apply(shop_db(), c.id, uid, id, 3, now, msg,
	    sizeof(msg)), RES_FORBIDDEN);
	assert_non_null(strstr(msg, "You may not place orders"));
	assert_int_equal(corp_sign(shop_db(), c.id, uid, id, sha, "127.0.0.1",
	    now, msg, sizeof(msg)), RES_FORBIDDEN);
	assert_non_null(strstr(msg, "You may not sign installment agreements"));
	assert_string_equal(shop_status(id), "awaiting_confirmation");
	assert_int_equal(qual_upload(shop_db(), shop_config(), c.id, uid,
	    "statements", pdf, sizeof(pdf) - 1, NULL, now, msg, sizeof(msg)),
	    RES_FORBIDDEN);
	assert_non_null(strstr(msg, "You may not upload or submit"));
	assert_int_equal(qual_submit(shop_db(), c.id, uid, now, msg,
	    sizeof(msg)), RES_FORBIDDEN);
	assert_non_null(strstr(msg, "You may not upload or submit"));
	/* The owner may (the same calls answer on the merits). */
	assert_int_equal(corp_sign(shop_db(), c.id, c.owner_id, id, sha,
	    "127.0.0.1", now, msg, sizeof(msg)), RES_OK);
	client_free(m);
	client_free(c.owner);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_RULES5_member_order_actions_match_permission),
		cmocka_unit_test(test_RULES5_services_check_member_permissions),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
