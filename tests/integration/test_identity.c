/*
 * Real-name authentication (INST-01) and credit authorization (INST-02,
 * PAU-01) through the web: each outcome of the identity service's sandbox
 * (last digit of the ID number: 0-6 match, 7 mismatch, 8 manual review),
 * the admin's manual review queue (approve, reject), the consent and its
 * withdrawal as the checkout sees them, the score's refresh by tick, the ID
 * number masked on pages and sealed in its row, the document served to its
 * owner and admins only. Run by tests/integration/suite.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/clock.h"
#include "db/db.h"
#include "db/stmt.h"
#include "client.h"
#include "shop.h"

#define PASSWORD	"identity-test-pw-1"
#define ADMIN		"admin@demo.test"
#define BOUNDARY	"mallpay-identity-test-5e0a"
#define WASHER		"HOME-WASHER-8"		/* durable, USD 729.00 */
#define EARBUDS		"DIG-EARBUDS"		/* marked Pay After Use */
#define PARTNER_BLOCK	"method-installment_partner-lotus-finance"
#define PAU_BLOCK	"method-pay_after_use"

/* A complete 1x1 RGB PNG. */
static const unsigned char png[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00,
	0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
	0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde,
	0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63,
	0xf8, 0xff, 0xff, 0x3f, 0x00, 0x05, 0xfe, 0x02, 0xfe, 0x0d, 0xef,
	0x46, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
	0x42, 0x60, 0x82,
};

enum tstmt { T_ROW, T_EVENTS, T_EXPIRE, T_SCORE, T__MAX };

static const char *const tstmts[T__MAX] = {
	/* T_ROW: the latest check of a user, as stored */
	"SELECT id, status, id_last4, id_number_enc, legal_name FROM "
	"identity_checks WHERE user_id = ? ORDER BY id DESC LIMIT 1",
	/* T_EVENTS */
	"SELECT COUNT(*) FROM events WHERE subject_type = 'user' AND "
	"subject_id = ? AND to_state = ?",
	/* T_EXPIRE: the consent's refresh due now, its score changed */
	"UPDATE credit_consents SET refresh_due_at = ?, score = 500 WHERE "
	"user_id = ? AND withdrawn_at IS NULL",
	/* T_SCORE */
	"SELECT score, scored_at FROM credit_consents WHERE user_id = ? AND "
	"withdrawn_at IS NULL",
};

/* Test statement idx (DB_T_TEST, indexes from 40: apart from shop.c's). */
static struct dbq *
tq(int idx)
{
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, 40 + idx, tstmts[idx]);

	assert_non_null(q);
	return q;
}

struct shopper {
	struct client	*cl;
	char		 email[128];
	int64_t		 id;
};

/* Register and sign in a fresh shopper. */
static void
shopper_new(struct shopper *s)
{
	memset(s, 0, sizeof(*s));
	shop_register(s->email, sizeof(s->email), "idv", "Ida Identity",
	    PASSWORD);
	s->cl = client_new();
	assert_int_equal(client_signin(s->cl, s->email, PASSWORD), 303);
	s->id = shop_user_id(s->email);
}

/* POST the real-name form as s with name, birth, type and number (NULL
 * fields are left out) and the PNG unless no_photo; fills r. */
static void
submit(struct shopper *s, const char *name, const char *birth,
    const char *type, const char *number, int no_photo,
    struct client_resp *r)
{
	const char	*k[] = { "legal_name", "birth_date", "id_type",
	    "id_number" };
	const char	*v[] = { name, birth, type, number };
	char		*tok = client_csrf_of(s->cl, "/account/identity");
	struct buf	 b;
	size_t		 i;

	assert_non_null(tok);
	buf_init(&b);
	buf_printf(&b, "--%s\r\nContent-Disposition: form-data; name=\"csrf\""
	    "\r\n\r\n%s\r\n", BOUNDARY, tok);
	for (i = 0; i < 4; i++)
		if (v[i] != NULL)
			buf_printf(&b, "--%s\r\nContent-Disposition: form-data; "
			    "name=\"%s\"\r\n\r\n%s\r\n", BOUNDARY, k[i], v[i]);
	if (!no_photo) {
		buf_printf(&b, "--%s\r\nContent-Disposition: form-data; "
		    "name=\"photo\"; filename=\"id.png\"\r\nContent-Type: "
		    "image/png\r\n\r\n", BOUNDARY);
		buf_append(&b, png, sizeof(png));
		buf_puts(&b, "\r\n");
	}
	buf_printf(&b, "--%s--\r\n", BOUNDARY);
	memset(r, 0, sizeof(*r));
	assert_int_equal(client_post_raw(s->cl, "/account/identity",
	    "multipart/form-data; boundary=" BOUNDARY, b.data, b.len, r), 0);
	buf_cleanup(&b);
	free(tok);
}

/* Submit number as s and expect a 303 to ?msg=outcome. */
static void
submit_ok(struct shopper *s, const char *number, const char *outcome)
{
	struct client_resp	r;
	char			want[64];

	submit(s, "Ida Identity", "1990-04-21", "passport", number, 0, &r);
	assert_int_equal(r.status, 303);
	snprintf(want, sizeof(want), "/account/identity?msg=%s", outcome);
	assert_non_null(r.location);
	assert_non_null(strstr(r.location, want));
	client_resp_cleanup(&r);
}

/* The latest check of user id: its id, status, last four, and whether the
 * number appears in clear in the stored row. */
static int64_t
stored(int64_t uid, const char *number, char *status, char *last4)
{
	struct dbq	*q = tq(T_ROW);
	const char	*enc;
	size_t		 len;
	int64_t		 id;

	dbq_int(q, uid);
	assert_int_equal(dbq_exec_fetch(q), 1);
	id = dbq_col_int(q, 0);
	snprintf(status, 12, "%s", dbq_col_str(q, 1, NULL));
	snprintf(last4, 5, "%s", dbq_col_str(q, 2, NULL));
	enc = dbq_col_str(q, 3, &len);
	/* Sealed: longer than the number (nonce and tag), never it. */
	assert_true(len > strlen(number) + 16);
	assert_null(memmem(enc, len, number, strlen(number)));
	assert_null(memmem(enc, len, number + 1, strlen(number) - 1));
	dbq_done(q);
	return id;
}

/* How many user events of uid reach to_state. */
static int64_t
events(int64_t uid, const char *to)
{
	struct dbq *q = tq(T_EVENTS);

	dbq_int(q, uid);
	dbq_cstr(q, to);
	return dbq_count(q);
}

/* GET path as cl: must answer 200; the body into r. */
static void
page(struct client *cl, const char *path, struct client_resp *r)
{
	shop_get(cl, path, r);
	assert_int_equal(r->status, 200);
}

/* Whether link is on one of the pages of the identity queue filtered by
 * status (oldest first: a check decided late in a long run is on a later
 * page), walked by its page numbers until a page has no next link. */
static int
queue_lists(struct client *admin, const char *status, const char *link)
{
	struct client_resp	r;
	char			path[160];
	int			p, found = 0, next = 1;

	for (p = 1; p <= 400 && !found && next; p++) {
		snprintf(path, sizeof(path), "/admin/queues/identity?status=%s"
		    "&page=%d", status, p);
		page(admin, path, &r);
		found = client_has(&r, link);
		next = client_has(&r, "rel=\"next\"");
		client_resp_cleanup(&r);
	}
	return found;
}

/* INST-01: the identity service matches (last digit 0): verified, the
 * date on the page, the number masked everywhere and sealed in its row. */
static void
test_INST_01_identity_match(void **state)
{
	struct shopper		s;
	struct client_resp	r;
	char			st[12], l4[5];

	(void)state;
	shopper_new(&s);
	page(s.cl, "/account/identity", &r);
	assert_true(client_has(&r, "id=\"identity-form\""));
	client_resp_cleanup(&r);
	submit_ok(&s, "K55506500", "verified");
	page(s.cl, "/account/identity?msg=verified", &r);
	assert_true(client_has(&r, "id=\"identity-verified\""));
	assert_true(client_has(&r, "Passport ending in 6500"));
	assert_false(client_has(&r, "K55506500"));
	assert_false(client_has(&r, "id=\"identity-form\""));
	assert_true(client_has(&r, "id=\"credit-consent-form\""));
	client_resp_cleanup(&r);
	stored(s.id, "K55506500", st, l4);
	assert_string_equal(st, "verified");
	assert_string_equal(l4, "6500");
	assert_int_equal(events(s.id, "identity_verified"), 1);
	client_free(s.cl);
}

/* INST-01: a mismatch (last digit 7) is not verified; the checkout still
 * refuses installments with INST-01 and the form is offered again. */
static void
test_INST_01_identity_mismatch(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	char			 st[12], l4[5], *block;
	const char		*skus[] = { WASHER, NULL };
	const int		 qty[] = { 1 };

	(void)state;
	shopper_new(&s);
	submit_ok(&s, "M12345677", "mismatch");
	page(s.cl, "/account/identity", &r);
	assert_true(client_has(&r, "do not match the identity records"));
	assert_true(client_has(&r, "id=\"identity-form\""));
	assert_false(client_has(&r, "M12345677"));
	client_resp_cleanup(&r);
	stored(s.id, "M12345677", st, l4);
	assert_string_equal(st, "mismatch");
	shop_fill_cart(s.cl, s.email, skus, qty);
	shop_get(s.cl, "/checkout?country=MY", &r);
	block = shop_method_block(r.body, PARTNER_BLOCK);
	assert_non_null(block);
	assert_non_null(strstr(block, "INST-01"));
	free(block);
	client_resp_cleanup(&r);
	client_free(s.cl);
}

/* The identity service unavailable (last digit 9): 503, the page says to
 * try again, nothing is kept (no check, no file row). */
static void
test_INST_01_identity_service_unavailable(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct dbq		*q;

	(void)state;
	shopper_new(&s);
	submit(&s, "Ida Identity", "1990-04-21", "national_id", "U12345679", 0,
	    &r);
	assert_int_equal(r.status, 503);
	assert_true(client_has(&r, "did not answer"));
	assert_true(client_has(&r, "value=\"Ida Identity\""));
	assert_false(client_has(&r, "U12345679"));
	client_resp_cleanup(&r);
	q = tq(T_ROW);
	dbq_int(q, s.id);
	assert_int_equal(dbq_exec_fetch(q), 0);
	dbq_done(q);
	client_free(s.cl);
}

/* The form's errors stand beside their fields with what was typed, except
 * the ID number, of which only the last four are recalled. */
static void
test_INST_01_form_errors_keep_input(void **state)
{
	struct shopper		s;
	struct client_resp	r;

	(void)state;
	shopper_new(&s);
	submit(&s, "Ida Typed-Name", "1990-13-45", "passport",
	    "SECRET7654321", 1, &r);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "id=\"birth_date-err\""));
	assert_true(client_has(&r, "id=\"photo-err\""));
	assert_true(client_has(&r, "value=\"Ida Typed-Name\""));
	assert_true(client_has(&r, "value=\"1990-13-45\""));
	assert_true(client_has(&r, "ending in 4321"));
	assert_false(client_has(&r, "SECRET7654321"));
	client_resp_cleanup(&r);
	/* Under 18 and no document type. */
	submit(&s, "Ida", "2020-01-01", NULL, "AB1234561", 0, &r);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "18 or older"));
	assert_true(client_has(&r, "id=\"id_type-err\""));
	client_resp_cleanup(&r);
	client_free(s.cl);
}

/* The form's field messages in the account's language: Arabic, Chinese
 * and Malay beside the fields, none in English. */
static void
test_INST_01_form_errors_in_each_language(void **state)
{
	static const struct {
		const char *tag, *says[4];
	} want[] = {
		{ "ar", { "يُرجى تصحيح الحقول المشار إليها أدناه.",
		  "أدخل التاريخ بالشكل سنة-شهر-يوم",
		  "اختر نوع الوثيقة", "أضف صورة أو نسخة ممسوحة ضوئيًا" } },
		{ "zh-CN", { "请更正下方标出的栏位。", "请按 年-月-日 填写日期",
		  "请选择证件类型", "请添加证件的照片或扫描件" } },
		{ "ms", { "Sila betulkan ruangan yang ditandakan di bawah.",
		  "Masukkan tarikh sebagai tahun-bulan-hari",
		  "Pilih jenis dokumen",
		  "Tambahkan foto atau imbasan dokumen" } },
	};
	struct shopper		s;
	struct client_resp	r;
	size_t			i, k;

	(void)state;
	shopper_new(&s);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		shop_language(s.cl, want[i].tag);
		submit(&s, "Ida", "1990-13-45", NULL, "AB12", 1, &r);
		assert_int_equal(r.status, 400);
		for (k = 0; k < 4; k++)
			if (!client_has(&r, want[i].says[k]))
				fail_msg("%s: no \"%s\"", want[i].tag,
				    want[i].says[k]);
		assert_false(client_has(&r, "Enter the date as"));
		assert_false(client_has(&r, "Enter the number as printed"));
		assert_false(client_has(&r, "Choose the kind of document"));
		assert_false(client_has(&r, "Add a photo or scan"));
		client_resp_cleanup(&r);
	}
	client_free(s.cl);
}

/* Send s to manual review (last digit 8); returns the check's id after
 * checking that the admin's queue lists it. */
static int64_t
to_review(struct shopper *s, struct client *admin)
{
	struct client_resp	r;
	char			st[12], l4[5], link[64];
	int64_t			id;

	submit_ok(s, "R20240008", "review");
	id = stored(s->id, "R20240008", st, l4);
	assert_string_equal(st, "review");
	page(s->cl, "/account/identity", &r);
	assert_true(client_has(&r, "manual review"));
	assert_false(client_has(&r, "id=\"identity-form\""));
	client_resp_cleanup(&r);
	page(admin, "/admin", &r);
	assert_true(client_has(&r, "Identity checks awaiting manual review"));
	client_resp_cleanup(&r);
	page(admin, "/admin/queues/identity", &r);
	snprintf(link, sizeof(link), "/admin/identity/%lld\"", (long long)id);
	assert_true(client_has(&r, link));
	assert_true(client_has(&r, "ending in 0008"));
	assert_false(client_has(&r, "R20240008"));
	client_resp_cleanup(&r);
	return id;
}

/* INST-01: manual review approved by an admin: verified, audited, the
 * shopper told; a second decision is "already decided". */
static void
test_INST_01_manual_review_approved(void **state)
{
	struct shopper		 s;
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 path[80], link[64], st[12], l4[5];
	int64_t			 id;

	(void)state;
	shopper_new(&s);
	id = to_review(&s, admin);
	snprintf(path, sizeof(path), "/admin/identity/%lld", (long long)id);
	page(admin, path, &r);
	assert_true(client_has(&r, "id=\"approve-button\""));
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/admin/identity/%lld/document",
	    (long long)id);
	page(admin, path, &r);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/admin/identity/%lld/decide",
	    (long long)id);
	shop_post(admin, "/admin/queues/identity", path, &r, "decision",
	    "approve", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	stored(s.id, "R20240008", st, l4);
	assert_string_equal(st, "verified");
	assert_int_equal(events(s.id, "identity_verified"), 1);
	page(s.cl, "/account/identity", &r);
	assert_true(client_has(&r, "id=\"identity-verified\""));
	client_resp_cleanup(&r);
	page(s.cl, "/messages", &r);
	assert_true(client_has(&r, "Identity verified"));
	client_resp_cleanup(&r);
	/* The queue's filter: the verified check is listed under verified
	 * and all, no longer under the review (also an unknown word). */
	snprintf(link, sizeof(link), "/admin/identity/%lld\"", (long long)id);
	assert_true(queue_lists(admin, "verified", link));
	assert_true(queue_lists(admin, "all", link));
	assert_false(queue_lists(admin, "nonsense", link));
	shop_post(admin, "/admin/queues/identity", path, &r, "decision",
	    "reject", "reason", "blurred", NULL);
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "already decided"));
	client_resp_cleanup(&r);
	client_free(admin);
	client_free(s.cl);
}

/* INST-01: manual review rejected: a reason is required; the shopper
 * reads it and may send the form again. */
static void
test_INST_01_manual_review_rejected(void **state)
{
	struct shopper		 s;
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 path[80], st[12], l4[5];
	int64_t			 id;

	(void)state;
	shopper_new(&s);
	id = to_review(&s, admin);
	snprintf(path, sizeof(path), "/admin/identity/%lld/decide",
	    (long long)id);
	shop_post(admin, "/admin/queues/identity", path, &r, "decision",
	    "reject", NULL);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "Give the reason"));
	client_resp_cleanup(&r);
	shop_post(admin, "/admin/queues/identity", path, &r, "decision",
	    "reject", "reason", "the photo is too blurred to read", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	stored(s.id, "R20240008", st, l4);
	assert_string_equal(st, "rejected");
	assert_int_equal(events(s.id, "identity_rejected"), 1);
	page(s.cl, "/account/identity", &r);
	assert_true(client_has(&r, "the photo is too blurred to read"));
	assert_true(client_has(&r, "id=\"identity-form\""));
	client_resp_cleanup(&r);
	client_free(admin);
	client_free(s.cl);
}

/* The document photo: its owner and admins only; another shopper 404. */
static void
test_identity_document_owner_and_admin_only(void **state)
{
	struct shopper		 s, o;
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 path[80], st[12], l4[5];
	int64_t			 id;

	(void)state;
	shopper_new(&s);
	shopper_new(&o);
	submit_ok(&s, "D00001231", "verified");
	id = stored(s.id, "D00001231", st, l4);
	snprintf(path, sizeof(path), "/account/identity/%lld/document",
	    (long long)id);
	page(s.cl, path, &r);
	assert_int_equal(r.len, sizeof(png));
	client_resp_cleanup(&r);
	shop_get(o.cl, path, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/admin/identity/%lld/document",
	    (long long)id);
	page(admin, path, &r);
	assert_int_equal(r.len, sizeof(png));
	client_resp_cleanup(&r);
	client_free(admin);
	client_free(s.cl);
	client_free(o.cl);
}

/* The checkout block id of s's cart (sku) has (want 1) or lacks rule. */
static void
checkout_rule(struct shopper *s, const char *sku, const char *block_id,
    const char *rule, int want)
{
	const char		*skus[] = { sku, NULL };
	const int		 qty[] = { 1 };
	struct client_resp	 r;
	char			*block;

	shop_fill_cart(s->cl, s->email, skus, qty);
	shop_get(s->cl, "/checkout?country=MY", &r);
	block = shop_method_block(r.body, block_id);
	assert_non_null(block);
	if (want)
		assert_non_null(strstr(block, rule));
	else
		assert_null(strstr(block, rule));
	free(block);
	client_resp_cleanup(&r);
}

/* Accept the consent as s: 303 expected; the page then shows score. */
static void
accept_consent(struct shopper *s, const char *score)
{
	struct client_resp r;

	shop_post(s->cl, "/account/identity", "/account/credit-consent", &r,
	    "version", "credit-consent-2026-12", NULL);
	assert_int_equal(r.status, 400);	/* the box not ticked */
	assert_true(client_has(&r, "Tick the box"));
	client_resp_cleanup(&r);
	shop_post(s->cl, "/account/identity", "/account/credit-consent", &r,
	    "version", "credit-consent-2026-12", "agree", "yes", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	page(s->cl, "/account/identity", &r);
	assert_non_null(strstr(r.body, score));
	assert_true(client_has(&r, "id=\"credit-withdraw-form\""));
	client_resp_cleanup(&r);
}

/* Withdraw s's consent: 303, the page says so. */
static void
withdraw(struct shopper *s)
{
	struct client_resp r;

	/* Without the box ticked: refused, nothing changed (the checkout
	 * still offers what the score allows). */
	shop_post(s->cl, "/account/identity",
	    "/account/credit-consent/withdraw", &r, NULL);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "Tick the box to confirm"));
	assert_true(client_has(&r, "id=\"credit-score\""));
	client_resp_cleanup(&r);
	assert_int_equal(events(s->id, "credit_withdrawn"), 0);
	shop_post(s->cl, "/account/identity",
	    "/account/credit-consent/withdraw", &r, "confirm", "yes", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	page(s->cl, "/account/identity", &r);
	assert_true(client_has(&r, "id=\"credit-withdrawn\""));
	assert_true(client_has(&r, "id=\"credit-consent-form\""));
	client_resp_cleanup(&r);
	assert_int_equal(events(s->id, "credit_withdrawn"), 1);
}

/* INST-02: credit authorization needs a verified identity; the consent
 * brings the bureau's score (the sandbox: 700 from this number) and
 * installments are offered; withdrawn, they are unavailable with INST-02. */
static void
test_INST_02_consent_then_withdrawal_at_checkout(void **state)
{
	struct shopper		s;
	struct client_resp	r;

	(void)state;
	shopper_new(&s);
	shop_post(s.cl, "/account/identity", "/account/credit-consent", &r,
	    "version", "credit-consent-2026-12", "agree", "yes", NULL);
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "Verify your identity first"));
	client_resp_cleanup(&r);
	submit_ok(&s, "Z99997000", "verified");
	checkout_rule(&s, WASHER, PARTNER_BLOCK, "INST-02", 1);
	accept_consent(&s, "id=\"credit-score\">700<");
	assert_int_equal(events(s.id, "credit_authorized"), 1);
	checkout_rule(&s, WASHER, PARTNER_BLOCK, "INST-0", 0);
	withdraw(&s);
	checkout_rule(&s, WASHER, PARTNER_BLOCK, "INST-02", 1);
	client_free(s.cl);
}

/* PAU-01: Pay After Use with a consented score above 550, unavailable
 * with PAU-01 once the consent is withdrawn. */
static void
test_PAU_01_withdrawn_consent_no_pay_after_use(void **state)
{
	struct shopper s;

	(void)state;
	shopper_new(&s);
	submit_ok(&s, "P55506201", "verified");
	checkout_rule(&s, EARBUDS, PAU_BLOCK, "PAU-01", 1);
	accept_consent(&s, "id=\"credit-score\">620<");
	checkout_rule(&s, EARBUDS, PAU_BLOCK, "PAU-01", 0);
	withdraw(&s);
	checkout_rule(&s, EARBUDS, PAU_BLOCK, "PAU-01", 1);
	client_free(s.cl);
}

/* INST-02: the score is asked again by tick once it is due (the setting's
 * days): the bureau's answer replaces the score on record. */
static void
test_INST_02_score_refreshed_by_tick(void **state)
{
	struct shopper		 s;
	struct dbq		*q;
	int64_t			 now = clock_now();

	(void)state;
	shopper_new(&s);
	submit_ok(&s, "Q10007101", "verified");
	accept_consent(&s, "id=\"credit-score\">710<");
	q = tq(T_EXPIRE);
	dbq_int(q, now - 60);
	dbq_int(q, s.id);
	assert_int_equal(dbq_exec_done(q, NULL), 0);
	shop_tick(now + 60, "credit");
	q = tq(T_SCORE);
	dbq_int(q, s.id);
	assert_int_equal(dbq_exec_fetch(q), 1);
	assert_int_equal(dbq_col_int(q, 0), 710);
	assert_true(dbq_col_int(q, 1) >= now + 60);
	dbq_done(q);
	client_free(s.cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_01_identity_match),
		cmocka_unit_test(test_INST_01_identity_mismatch),
		cmocka_unit_test(test_INST_01_identity_service_unavailable),
		cmocka_unit_test(test_INST_01_form_errors_keep_input),
		cmocka_unit_test(test_INST_01_form_errors_in_each_language),
		cmocka_unit_test(test_INST_01_manual_review_approved),
		cmocka_unit_test(test_INST_01_manual_review_rejected),
		cmocka_unit_test(test_identity_document_owner_and_admin_only),
		cmocka_unit_test(test_INST_02_consent_then_withdrawal_at_checkout),
		cmocka_unit_test(test_PAU_01_withdrawn_consent_no_pay_after_use),
		cmocka_unit_test(test_INST_02_score_refreshed_by_tick),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
