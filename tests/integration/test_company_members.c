/*
 * Company accounts against the private stack (RULES.md section 5:
 * corporate users act for their company): the owner invites a member by
 * email, the invitee accepts signed in with that email, the owner grants
 * and removes; every member reads the company's orders, schedules and
 * agreements (My Orders, the order, its schedule, the agreement as text
 * and PDF), another company's member gets 404, a member without the
 * permission 403 with words for the action; the owner revokes a waiting
 * invitation. Uploads refused for any reason come back on the same form,
 * signed in, the typed date kept. (Acting on the company's orders:
 * test_company_orders.c.)
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
#include "shop.h"

#include "company_fixture.h"

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
		cmocka_unit_test(test_company_upload_refusals_keep_the_form),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
