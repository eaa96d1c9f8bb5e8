/*
 * Corporate buyers against the private stack: qualification
 * documents (type from content, encrypted at rest: INST-S1), the review
 * road (approve, reject, resubmit: INST-03), the licence's expiry through
 * `mallpayctl tick --now`, the 90-day completed total at its boundary
 * (INST-04), the COD agreement limit and remittance quota at checkout
 * (COD-02, REM-02), the corporate installment from application to effect
 * (INST-CORP) and another company's member refused (404, RULES 5).
 *
 * Each test makes its own company (SQL) whose member registers through
 * the web, so the demo companies stay as other tests expect them. Run by
 * tests/integration/suite.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>
#include <sodium.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/db.h"
#include "db/stmt.h"
#include "shop.h"

#define ADMIN		"admin@demo.test"
#define PASSWORD	"corporate test password"
#define WASHER		"HOME-WASHER-8"		/* USD 729.00, durable */
#define PAY_CORP6	"installment_corporate:mallpay-corporate:6"

enum {
	T_CO_INSERT, T_MEMBER, T_USER_ID, T_ORDER_INSERT, T_ITEM_INSERT,
	T_SET_EXPIRES, T_CO_STATUS, T_MSG_COUNT, T_LAST_FILE, T_DOC_COUNT,
	T_APP, T_PLAN, T_ORDER, T_EVENT, T__MAX
};

static const char *const tstmts[T__MAX] = {
	/* T_CO_INSERT */
	"INSERT INTO companies (name, country, qualification_status, "
	"qualification_expires, created_at) VALUES (?, 'MY', ?, "
	"NULLIF(?, ''), ?)",
	/* T_MEMBER */
	"UPDATE users SET kind = 'company_member', company_id = ? "
	"WHERE email = ?",
	/* T_USER_ID */
	"SELECT id FROM users WHERE email = ?",
	/* T_ORDER_INSERT: a completed order of the company (INST-04) */
	"INSERT INTO orders (user_id, company_id, status, method, currency, "
	"usd_per_unit, items_total_minor, amount_due_minor, amount_usd_minor, "
	"country, region_code, idempotency_key, created_at, updated_at, "
	"completed_at) VALUES (?, ?, 'completed', 'remittance', 'USD', '1', "
	"?, ?, ?, 'MY', 'SEA', ?, ?, ?, ?)",
	/* T_ITEM_INSERT: its line, so that its amounts add up */
	"INSERT INTO order_items (order_id, product_id, name, qty, "
	"unit_price_minor, currency) SELECT ?, id, name, 1, ?, 'USD' "
	"FROM products ORDER BY id LIMIT 1",
	/* T_SET_EXPIRES */
	"UPDATE companies SET qualification_status = 'verified', "
	"qualification_expires = ? WHERE id = ?",
	/* T_CO_STATUS */
	"SELECT qualification_status, COALESCE(qualification_expires, '') "
	"FROM companies WHERE id = ?",
	/* T_MSG_COUNT */
	"SELECT COUNT(*) FROM messages WHERE company_id = ? AND subject LIKE ?",
	/* T_LAST_FILE */
	"SELECT f.stored_name, d.id FROM company_documents d "
	"JOIN files f ON f.id = d.file_id WHERE d.company_id = ? "
	"ORDER BY d.id DESC LIMIT 1",
	/* T_DOC_COUNT */
	"SELECT COUNT(*) FROM company_documents WHERE company_id = ?",
	/* T_APP */
	"SELECT COALESCE(agreement_sha256, ''), COALESCE(signer_id, 0), "
	"COALESCE(signer_addr, ''), COALESCE(signed_at, 0), status, "
	"COALESCE(review_due, '') FROM corp_applications WHERE order_id = ?",
	/* T_PLAN */
	"SELECT status, principal_minor, n FROM plans WHERE order_id = ?",
	/* T_ORDER */
	"SELECT status, amount_due_minor, COALESCE(review_due, '') "
	"FROM orders WHERE id = ?",
	/* T_EVENT: the fixture order's event, so that its status is the
	 * last event's (mallpayctl check, C-07) */
	"INSERT INTO events (subject_type, subject_id, actor_type, at, "
	"from_state, to_state, reason) VALUES ('order', ?, 'system', ?, NULL, "
	"'completed', 'test fixture: completed order (INST-04)')",
};

static struct config cfg;

/* A fresh statement of this file (bind, exec, fetch, done by callers). */
static struct dbq *
stmt(int idx)
{
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, idx, tstmts[idx]);

	assert_non_null(q);
	return q;
}

/* Execute q (bound) expecting success; returns the insert id. */
static int64_t
run(struct dbq *q)
{
	int64_t id;

	assert_int_equal(dbq_exec(q), 0);
	id = dbq_insert_id(q);
	dbq_done(q);
	return id;
}

/* The first integer of statement idx bound with one int (and a text
 * when s != NULL). */
static int64_t
one_int(int idx, int64_t a, const char *s)
{
	struct dbq	*q = stmt(idx);
	int64_t		 v = -1;

	dbq_int(q, a);
	if (s != NULL)
		dbq_cstr(q, s);
	assert_int_equal(dbq_exec(q), 0);
	if (dbq_fetch(q) == 1)
		v = dbq_col_int(q, 0);
	dbq_done(q);
	return v;
}

/* Column col (text) of statement idx's first row for key into out. */
static void
one_str(int idx, int64_t key, int col, char *out, size_t outsz)
{
	struct dbq *q = stmt(idx);

	dbq_int(q, key);
	assert_int_equal(dbq_exec(q), 0);
	out[0] = '\0';
	if (dbq_fetch(q) == 1)
		snprintf(out, outsz, "%s", dbq_col_str(q, col, NULL));
	dbq_done(q);
}

/* Today + days as "YYYY-MM-DD" into out (11 bytes). */
static const char *
day_from_now(int days, char *out)
{
	mp_date d;

	assert_int_equal(mp_date_from_unix(clock_now(), &d), 0);
	return mp_date_str(d + days, out, 11);
}

/* A member of a company. */
struct member {
	struct client	*cl;
	char		 email[128];
	int64_t		 company_id;
	int64_t		 user_id;
};

/* A new company (status, licence expiry expires or NULL) with one member
 * registered through the web and signed in. */
static void
new_company(const char *tag, const char *status, const char *expires,
    struct member *m)
{
	struct dbq	*q;
	char		 name[160];
	static int	 n;

	memset(m, 0, sizeof(*m));
	snprintf(name, sizeof(name), "Test %s Co %ld-%d-%lld", tag,
	    (long)getpid(), ++n, (long long)clock_now());
	q = stmt(T_CO_INSERT);
	dbq_cstr(q, name);
	dbq_cstr(q, status);
	dbq_cstr(q, expires != NULL ? expires : "");
	dbq_int(q, clock_now());
	m->company_id = run(q);
	assert_true(m->company_id > 0);
	m->cl = client_new();
	client_unique_email(m->email, sizeof(m->email), tag);
	assert_int_equal(client_register(m->cl, m->email, "Corporate Member",
	    PASSWORD), 303);
	q = stmt(T_MEMBER);
	dbq_int(q, m->company_id);
	dbq_cstr(q, m->email);
	run(q);
	q = stmt(T_USER_ID);
	dbq_cstr(q, m->email);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	m->user_id = dbq_col_int(q, 0);
	dbq_done(q);
	shop_give_address(m->user_id, m->company_id);
}

/* A completed order of m's company of minor USD cents, completed
 * days_ago days before now (seconds: extra). */
static void
completed_order(const struct member *m, int64_t minor, int64_t days_ago,
    int64_t extra)
{
	struct dbq	*q = stmt(T_ORDER_INSERT);
	char		 key[64];
	int64_t		 at = clock_now() - days_ago * 86400 - extra, id;
	static int	 n;

	snprintf(key, sizeof(key), "test-corp-%ld-%d", (long)getpid(), ++n);
	dbq_int(q, m->user_id);
	dbq_int(q, m->company_id);
	dbq_int(q, minor);
	dbq_int(q, minor);
	dbq_int(q, minor);
	dbq_cstr(q, key);
	dbq_int(q, at);
	dbq_int(q, at);
	dbq_int(q, at);
	id = run(q);
	q = stmt(T_ITEM_INSERT);
	dbq_int(q, id);
	dbq_int(q, minor);
	run(q);
	q = stmt(T_EVENT);
	dbq_int(q, id);
	dbq_int(q, at);
	run(q);
}

/* Free m's client (the company rows stay, as audit needs them). */
static void
member_free(struct member *m)
{
	client_free(m->cl);
	m->cl = NULL;
}

/* libcurl body sink. */
static size_t
collect(char *p, size_t sz, size_t n, void *arg)
{
	buf_append(arg, p, sz * n);
	return sz * n;
}

/* POST a multipart upload of one document (kind, expires or NULL, data)
 * to /company/documents as cl. Returns the status; body into *body when
 * not NULL. */
static long
upload(struct client *cl, const char *kind, const char *expires,
    const void *data, size_t len, const char *fname, struct buf *body)
{
	CURL		*h = curl_easy_init();
	curl_mime	*mime;
	curl_mimepart	*part;
	struct buf	 url, ck, sink;
	char		*sess = client_cookie(cl, "mp_session");
	char		*tok = client_csrf_of(cl, "/company");
	long		 status = 0;

	assert_non_null(h);
	assert_non_null(tok);
	buf_init(&url);
	buf_init(&ck);
	buf_init(&sink);
	buf_printf(&url, "%s/company/documents", client_base());
	buf_printf(&ck, "mp_session=%s", sess);
	mime = curl_mime_init(h);
	part = curl_mime_addpart(mime);
	curl_mime_name(part, "csrf");
	curl_mime_data(part, tok, CURL_ZERO_TERMINATED);
	part = curl_mime_addpart(mime);
	curl_mime_name(part, "kind");
	curl_mime_data(part, kind, CURL_ZERO_TERMINATED);
	if (expires != NULL) {
		part = curl_mime_addpart(mime);
		curl_mime_name(part, "expires");
		curl_mime_data(part, expires, CURL_ZERO_TERMINATED);
	}
	part = curl_mime_addpart(mime);
	curl_mime_name(part, "document");
	curl_mime_data(part, data, len);
	curl_mime_filename(part, fname);
	curl_easy_setopt(h, CURLOPT_URL, buf_str(&url));
	curl_easy_setopt(h, CURLOPT_MIMEPOST, mime);
	curl_easy_setopt(h, CURLOPT_COOKIE, buf_str(&ck));
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, body != NULL ? body : &sink);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
	if (curl_easy_perform(h) == CURLE_OK)
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	curl_mime_free(mime);
	curl_easy_cleanup(h);
	buf_cleanup(&url);
	buf_cleanup(&ck);
	buf_cleanup(&sink);
	free(sess);
	free(tok);
	return status;
}

/* A small PDF unique to this call (type from content: "%PDF-"). */
static size_t
pdf(char *out, size_t outsz, const char *tag)
{
	static int n;

	return (size_t)snprintf(out, outsz, "%%PDF-1.4\n%% %s %ld %d\n"
	    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
	    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
	    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> "
	    "endobj\n"
	    "trailer << /Root 1 0 R >>\n%%%%EOF\n", tag, (long)getpid(), ++n);
}


/* Upload both documents (licence valid a year) and submit: 303 each. */
static void
submit_documents(struct member *m)
{
	struct client_resp	 r;
	char			 doc[512], exp[11];
	size_t			 n;

	n = pdf(doc, sizeof(doc), "licence");
	assert_int_equal(upload(m->cl, "licence", day_from_now(365, exp), doc,
	    n, "licence.pdf", NULL), 303);
	n = pdf(doc, sizeof(doc), "statements");
	assert_int_equal(upload(m->cl, "statements", NULL, doc, n,
	    "statements.pdf", NULL), 303);
	shop_post(m->cl, "/company", "/company/qualification/submit", &r, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
}

/* The company's qualification status into st (17 bytes). */
static void
company_status(int64_t id, char *st, size_t stsz)
{
	one_str(T_CO_STATUS, id, 0, st, stsz);
}

/* INST-S1: a document is stored encrypted (the file on disk is not the
 * plaintext), read back exactly by its company's member and by an
 * admin, and refused to another company's member (404) and shoppers. */
static void
test_INST_S1_documents_encrypted(void **state)
{
	struct member		 m, other;
	struct client		*admin, *shopper;
	struct client_resp	 r;
	struct buf		 disk;
	char			 doc[512], exp[11], stored[64], path[512];
	char			 url[64];
	size_t			 n;
	int64_t			 doc_id;
	FILE			*f;
	int			 c;

	(void)state;
	new_company("s1", "unverified", NULL, &m);
	new_company("s1other", "unverified", NULL, &other);
	n = pdf(doc, sizeof(doc), "secret-licence-content");
	assert_int_equal(upload(m.cl, "licence", day_from_now(200, exp), doc,
	    n, "licence.pdf", NULL), 303);
	one_str(T_LAST_FILE, m.company_id, 0, stored, sizeof(stored));
	doc_id = 0;
	{
		struct dbq *q = stmt(T_LAST_FILE);

		dbq_int(q, m.company_id);
		assert_int_equal(dbq_exec(q), 0);
		assert_int_equal(dbq_fetch(q), 1);
		doc_id = dbq_col_int(q, 1);
		dbq_done(q);
	}
	assert_true(strlen(stored) == 40);
	/* On disk: not the plaintext (no "%PDF-", no content marker). */
	snprintf(path, sizeof(path), "%s/%s", cfg.upload_dir, stored);
	f = fopen(path, "rb");
	assert_non_null(f);
	buf_init(&disk);
	while ((c = fgetc(f)) != EOF)
		buf_putc(&disk, (char)c);
	fclose(f);
	assert_true(disk.len > n);
	assert_null(memmem(disk.data, disk.len, "%PDF-", 5));
	assert_null(memmem(disk.data, disk.len, "secret-licence-content",
	    22));
	buf_cleanup(&disk);
	/* The member reads the exact bytes back. */
	snprintf(url, sizeof(url), "/company/documents/%lld",
	    (long long)doc_id);
	assert_int_equal(client_get(m.cl, url, &r), 0);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.len, n);
	assert_memory_equal(r.body, doc, n);
	client_resp_cleanup(&r);
	/* Another company's member: 404; a shopper: 403; an admin: 200. */
	assert_int_equal(client_get(other.cl, url, &r), 0);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	shopper = shop_signin("shopper.new@demo.test");
	assert_int_equal(client_get(shopper, url, &r), 0);
	assert_int_equal(r.status, 403);
	client_resp_cleanup(&r);
	admin = shop_signin(ADMIN);
	assert_int_equal(client_get(admin, url, &r), 0);
	assert_int_equal(r.status, 200);
	assert_memory_equal(r.body, doc, n);
	client_resp_cleanup(&r);
	client_free(admin);
	client_free(shopper);
	member_free(&m);
	member_free(&other);
}

/* INST-03 (INST-CORP documents): a file whose content is not a PDF or
 * image is refused whatever its name, and nothing is stored; a licence
 * already expired is refused. */
static void
test_INST_03_upload_wrong_type(void **state)
{
	static const char exe[] = "MZ\x90\x00\x03\x00\x00\x00 this is a program";
	struct member	 m;
	struct buf	 body;
	char		 exp[11], doc[512];
	size_t		 n;

	(void)state;
	new_company("type", "unverified", NULL, &m);
	buf_init(&body);
	assert_int_equal(upload(m.cl, "licence", day_from_now(100, exp), exe,
	    sizeof(exe) - 1, "licence.pdf", &body), 400);
	assert_non_null(strstr(buf_str(&body), "not a JPEG, PNG or PDF"));
	assert_int_equal(one_int(T_DOC_COUNT, m.company_id, NULL), 0);
	buf_reset(&body);
	n = pdf(doc, sizeof(doc), "expired");
	assert_int_equal(upload(m.cl, "licence", day_from_now(-1, exp), doc, n,
	    "licence.pdf", &body), 400);
	assert_non_null(strstr(buf_str(&body), "INST-03"));
	assert_int_equal(one_int(T_DOC_COUNT, m.company_id, NULL), 0);
	buf_cleanup(&body);
	member_free(&m);
}

/* INST-03: submitted (review date shown, C-04) -> under review ->
 * verified with the licence's expiry; the company is told; a second
 * decision is "already decided". */
static void
test_INST_03_review_approve(void **state)
{
	struct member		 m;
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 path[128], st[17], *due;

	(void)state;
	new_company("approve", "unverified", NULL, &m);
	submit_documents(&m);
	company_status(m.company_id, st, sizeof(st));
	assert_string_equal(st, "submitted");
	shop_get(m.cl, "/company", &r);
	due = client_between(r.body, "id=\"review-due\">", "<");
	assert_non_null(due);
	assert_int_equal(strlen(due), 10);
	free(due);
	client_resp_cleanup(&r);
	/* The queue lists it with its promised date. */
	shop_get(admin, "/admin/queues/qualifications", &r);
	snprintf(path, sizeof(path), "/admin/companies/%lld/qualification",
	    (long long)m.company_id);
	assert_true(client_has(&r, path));
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/admin/companies/%lld/qualification/"
	    "start", (long long)m.company_id);
	shop_post(admin, "/admin", path, &r, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	company_status(m.company_id, st, sizeof(st));
	assert_string_equal(st, "under_review");
	snprintf(path, sizeof(path), "/admin/companies/%lld/qualification/"
	    "decide", (long long)m.company_id);
	shop_post(admin, "/admin", path, &r, "decision", "approve", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	company_status(m.company_id, st, sizeof(st));
	assert_string_equal(st, "verified");
	assert_int_equal(one_int(T_MSG_COUNT, m.company_id,
	    "Qualification verified"), 1);
	/* A second decision (another admin's open page) is refused. */
	shop_post(admin, "/admin", path, &r, "decision", "reject", "reason",
	    "late", NULL);
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "already decided by admin@demo.test"));
	client_resp_cleanup(&r);
	company_status(m.company_id, st, sizeof(st));
	assert_string_equal(st, "verified");
	client_free(admin);
	member_free(&m);
}

/* INST-03: a rejection needs a reason, is told to the company with it;
 * the company uploads again and resubmits; then it is approved. */
static void
test_INST_03_review_reject_resubmit(void **state)
{
	struct member		 m;
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 path[128], st[17];

	(void)state;
	new_company("reject", "unverified", NULL, &m);
	submit_documents(&m);
	snprintf(path, sizeof(path), "/admin/companies/%lld/qualification/"
	    "decide", (long long)m.company_id);
	shop_post(admin, "/admin", path, &r, "decision", "reject", NULL);
	assert_int_equal(r.status, 400);
	client_resp_cleanup(&r);
	shop_post(admin, "/admin", path, &r, "decision", "reject", "reason",
	    "licence scan unreadable", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	company_status(m.company_id, st, sizeof(st));
	assert_string_equal(st, "rejected");
	assert_int_equal(one_int(T_MSG_COUNT, m.company_id,
	    "Qualification rejected"), 1);
	shop_get(m.cl, "/company", &r);
	assert_true(client_has(&r, "licence scan unreadable"));
	assert_true(client_has(&r, "id=\"upload-form\""));
	client_resp_cleanup(&r);
	/* Resubmission: a new submission goes through the road again. */
	submit_documents(&m);
	company_status(m.company_id, st, sizeof(st));
	assert_string_equal(st, "submitted");
	shop_post(admin, "/admin", path, &r, "decision", "approve", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	company_status(m.company_id, st, sizeof(st));
	assert_string_equal(st, "verified");
	client_free(admin);
	member_free(&m);
}

/* Run `mallpayctl tick --now` at now + seconds; the exit status must
 * be 0. */
static void
tick_at(int64_t seconds)
{
	char	cmd[1024], when[32];
	time_t	t = (time_t)(clock_now() + seconds);
	struct tm tm;
	int	rc;

	gmtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(cmd, sizeof(cmd), "%s -c %s tick --now %s > /dev/null",
	    getenv("MALLPAY_CTL"), getenv("MALLPAY_CONF"), when);
	rc = system(cmd);
	if (rc != 0)
		print_message("note: tick at %s exited %d\n", when, rc);
	assert_true(rc != -1);
}

/* INST-03 expiry via tick: the members are told 30 and 7 days ahead (once
 * each, however often tick runs), and after the licence's last valid day
 * the company is unverified again and told so. */
static void
test_INST_03_expiry_tick(void **state)
{
	struct member	 m;
	struct dbq	*q;
	char		 exp[11], st[17];

	(void)state;
	new_company("expiry", "verified", day_from_now(20, exp), &m);
	tick_at(0);
	tick_at(60);
	assert_int_equal(one_int(T_MSG_COUNT, m.company_id,
	    "Your business licence expires in%"), 1);
	/* 7 days ahead: the second notice, once. */
	q = stmt(T_SET_EXPIRES);
	dbq_cstr(q, day_from_now(8, exp));
	dbq_int(q, m.company_id);
	run(q);
	tick_at(86400);
	tick_at(86400 + 60);
	assert_int_equal(one_int(T_MSG_COUNT, m.company_id,
	    "Your business licence expires in 7 days"), 1);
	company_status(m.company_id, st, sizeof(st));
	assert_string_equal(st, "verified");
	/* The last valid day is today: still verified today, unverified
	 * tomorrow. */
	q = stmt(T_SET_EXPIRES);
	dbq_cstr(q, day_from_now(0, exp));
	dbq_int(q, m.company_id);
	run(q);
	tick_at(0);
	company_status(m.company_id, st, sizeof(st));
	assert_string_equal(st, "verified");
	tick_at(86400);
	company_status(m.company_id, st, sizeof(st));
	assert_string_equal(st, "unverified");
	tick_at(86400 + 60);
	assert_int_equal(one_int(T_MSG_COUNT, m.company_id,
	    "Qualification expired"), 1);
	member_free(&m);
}

/* The checkout page of m's cart (qty washers) for MY into r. */
static void
checkout_page(struct member *m, int qty, struct client_resp *r)
{
	const char	*skus[] = { WASHER, NULL };
	int		 qtys[] = { qty };

	shop_fill_cart(m->cl, m->email, skus, qtys);
	shop_get(m->cl, "/checkout?country=MY", r);
	assert_int_equal(r->status, 200);
}

/* 1 if method block id of html names rule, else 0 (fails when no block). */
static int
block_names(const char *html, const char *id, const char *rule)
{
	char	*b = shop_method_block(html, id);
	int	 has;

	if (b == NULL)
		fail_msg("no block %s", id);
	has = strstr(b, rule) != NULL;
	free(b);
	return has;
}

/* INST-04: the 90-day completed total at its boundary: USD 4,999.99
 * fails, exactly USD 5,000.00 passes, an order completed 91 days ago is
 * not counted; the account page shows the total. */
static void
test_INST_04_completed_total_boundary(void **state)
{
	struct member		 m;
	struct client_resp	 r;
	char			 exp[11];
	const char		*corp = "method-installment_corporate-"
	    "mallpay-corporate";

	(void)state;
	new_company("inst04", "verified", day_from_now(300, exp), &m);
	completed_order(&m, 299999, 10, 0);
	completed_order(&m, 200000, 89, 0);
	completed_order(&m, 100000, 91, 0);	/* outside the window */
	shop_get(m.cl, "/company", &r);
	assert_true(client_has(&r, "id=\"completed-90d\">USD 4,999.99<"));
	client_resp_cleanup(&r);
	checkout_page(&m, 1, &r);
	assert_true(block_names(r.body, corp, "INST-04"));
	assert_false(block_names(r.body, corp, "INST-03"));
	client_resp_cleanup(&r);
	completed_order(&m, 1, 1, 0);		/* exactly USD 5,000.00 */
	shop_get(m.cl, "/company", &r);
	assert_true(client_has(&r, "id=\"completed-90d\">USD 5,000.00<"));
	client_resp_cleanup(&r);
	checkout_page(&m, 1, &r);
	assert_false(block_names(r.body, corp, "INST-04"));
	assert_true(block_names(r.body, corp, "name=\"pay\""));
	client_resp_cleanup(&r);
	member_free(&m);
}

/* Set m's company agreements through the admin page (cod/remit "" =
 * none). */
static void
set_limits(const struct member *m, int agreement, const char *cod,
    const char *remit)
{
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 path[96];

	snprintf(path, sizeof(path), "/admin/companies/%lld/limits",
	    (long long)m->company_id);
	if (agreement)
		shop_post(admin, "/admin", path, &r, "save", "1", "agreement",
		    "1", "cod_limit", cod, "remit_quota", remit, NULL);
	else
		shop_post(admin, "/admin", path, &r, "save", "1", "cod_limit",
		    cod, "remit_quota", remit, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	client_free(admin);
}

/* COD-02: a company needs a signed long-term agreement (and verified
 * qualification) and stays within the agreement's COD limit. */
static void
test_COD_02_agreement_limit_at_checkout(void **state)
{
	struct member		 m;
	struct client_resp	 r;
	char			 exp[11];

	(void)state;
	new_company("cod02", "verified", day_from_now(300, exp), &m);
	checkout_page(&m, 1, &r);
	assert_true(block_names(r.body, "method-cod", "COD-02"));
	client_resp_cleanup(&r);
	set_limits(&m, 1, "1000.00", "");
	checkout_page(&m, 1, &r);		/* USD 729.00 */
	assert_false(block_names(r.body, "method-cod", "COD-02"));
	client_resp_cleanup(&r);
	checkout_page(&m, 2, &r);		/* USD 1,458.00 */
	assert_true(block_names(r.body, "method-cod", "COD-02"));
	assert_true(block_names(r.body, "method-cod", "USD 1,000.00"));
	client_resp_cleanup(&r);
	/* The limit is the agreement's: without the agreement, none. */
	set_limits(&m, 0, "", "");
	checkout_page(&m, 1, &r);
	assert_true(block_names(r.body, "method-cod", "long-term agreement"));
	client_resp_cleanup(&r);
	member_free(&m);
}

/* REM-02: a company pays by remittance only with a quota agreed with
 * customer service, within it. */
static void
test_REM_02_quota_at_checkout(void **state)
{
	struct member		 m;
	struct client_resp	 r;
	char			 exp[11];

	(void)state;
	new_company("rem02", "verified", day_from_now(300, exp), &m);
	checkout_page(&m, 1, &r);
	assert_true(block_names(r.body, "method-remittance", "REM-02"));
	client_resp_cleanup(&r);
	set_limits(&m, 0, "", "1000.00");
	checkout_page(&m, 1, &r);
	assert_false(block_names(r.body, "method-remittance", "REM-02"));
	assert_true(block_names(r.body, "method-remittance",
	    "value=\"remittance\""));
	client_resp_cleanup(&r);
	checkout_page(&m, 2, &r);
	assert_true(block_names(r.body, "method-remittance", "REM-02"));
	client_resp_cleanup(&r);
	member_free(&m);
}

/* A verified company with USD 6,000 completed, and a corporate
 * installment order of 2 washers placed through checkout: its id. */
static int64_t
corp_order(struct member *m, const char *tag)
{
	struct client_resp	 r;
	char			 exp[11];
	int64_t			 id;

	new_company(tag, "verified", day_from_now(300, exp), m);
	completed_order(m, 600000, 5, 0);
	checkout_page(m, 2, &r);
	client_resp_cleanup(&r);
	/* INST-CORP: the disclosure shows the 30% down payment and the plan
	 * on what is left, as the agreement will. */
	shop_place(m->cl, NULL, "MY", PAY_CORP6, NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "Down payment (30%"));
	client_resp_cleanup(&r);
	shop_place(m->cl, NULL, "MY", PAY_CORP6, PAY_CORP6, NULL, NULL, &r);
	assert_int_equal(r.status, 303);
	assert_non_null(r.location);
	assert_non_null(strstr(r.location, "/corporate"));
	id = shop_location_order(&r);
	assert_true(id > 0);
	client_resp_cleanup(&r);
	return id;
}

/* INST-CORP from application to effect: term 3-6, admin review (due date
 * on the order), the agreement with every figure signed by a member
 * (signer, time, address and SHA-256 kept; the download hashes to it),
 * the 30% down payment recorded, agreement in effect, order ready to
 * ship; the plan finances the rest. */
static void
test_INST_CORP_application_to_effect(void **state)
{
	struct member		 m;
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 path[160], apath[96], act[192], sha[65], st[33];
	char			 dsha[65], due[11], *shown;
	int64_t			 id;

	(void)state;
	id = corp_order(&m, "corp");
	snprintf(path, sizeof(path), "/orders/%lld/corporate", (long long)id);
	snprintf(apath, sizeof(apath), "/admin/orders/%lld/corporate",
	    (long long)id);
	/* INST-CORP: terms 3-6 only. */
	snprintf(act, sizeof(act), "%s/apply", path);
	shop_post(m.cl, "/company", act, &r, "term", "7", NULL);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "INST-CORP"));
	client_resp_cleanup(&r);
	/* Checkout applied with the term chosen there (6 months).
	 * C-04: the review date is stored on the application and order. */
	one_str(T_APP, id, 5, due, sizeof(due));
	assert_int_equal(strlen(due), 10);
	one_str(T_ORDER, id, 2, st, sizeof(st));
	assert_string_equal(st, due);
	/* A second application changes nothing. */
	shop_post(m.cl, "/company", act, &r, "term", "5", NULL);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	/* The admin approves: agreement issued, order awaiting signature. */
	snprintf(act, sizeof(act), "%s/decide", apath);
	shop_post(admin, "/admin", act, &r, "decision", "approve", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	one_str(T_ORDER, id, 0, st, sizeof(st));
	assert_string_equal(st, "awaiting_confirmation");
	one_str(T_APP, id, 0, sha, sizeof(sha));
	assert_int_equal(strlen(sha), 64);
	/* The page shows the agreement with its figures and hash. */
	shop_get(m.cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "Principal financed: USD 1,020.60"));
	assert_true(client_has(&r, "USD 437.40"));
	assert_true(client_has(&r, "Annual percentage rate"));
	assert_true(client_has(&r, "Late fee (INST-F1)"));
	assert_true(client_has(&r, "Early repayment (INST-F3)"));
	shown = client_between(r.body, "name=\"sha256\" value=\"", "\"");
	assert_non_null(shown);
	assert_string_equal(shown, sha);
	client_resp_cleanup(&r);
	/* The down payment cannot come before the signature. */
	snprintf(path, sizeof(path), "%s/down-payment", apath);
	shop_post(admin, "/admin", path, &r, "amount", "437.40", "reference",
	    "TRX-EARLY", NULL);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	/* A different text is not signed. */
	snprintf(path, sizeof(path), "/orders/%lld/corporate/sign",
	    (long long)id);
	shop_post(m.cl, "/company", path, &r, "sha256",
	    "0000000000000000000000000000000000000000000000000000000000000000",
	    "agree", "yes", NULL);
	assert_int_equal(r.status, 400);
	client_resp_cleanup(&r);
	shop_post(m.cl, "/company", path, &r, "sha256", shown, "agree", "yes",
	    NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	free(shown);
	one_str(T_APP, id, 4, st, sizeof(st));
	assert_string_equal(st, "signed");
	one_str(T_APP, id, 1, st, sizeof(st));
	assert_int_equal(strtoll(st, NULL, 10), m.user_id);
	one_str(T_APP, id, 2, st, sizeof(st));
	assert_true(st[0] != '\0');		/* client address */
	one_str(T_APP, id, 3, st, sizeof(st));
	assert_true(strtoll(st, NULL, 10) > 0);	/* signed at */
	/* The downloaded text hashes to the SHA-256 kept. */
	snprintf(path, sizeof(path), "/orders/%lld/agreement", (long long)id);
	shop_get(m.cl, path, &r);
	assert_int_equal(r.status, 200);
	{
		unsigned char h[crypto_hash_sha256_BYTES];

		crypto_hash_sha256(h, (const unsigned char *)r.body, r.len);
		sodium_bin2hex(dsha, sizeof(dsha), h, sizeof(h));
	}
	assert_string_equal(dsha, sha);
	assert_non_null(strstr(r.body, "Version: CORP-INST-"));
	client_resp_cleanup(&r);
	/* The down payment: less than the agreement's is refused; the
	 * right one puts the agreement in effect and the order to ship. */
	snprintf(path, sizeof(path), "%s/down-payment", apath);
	shop_post(admin, "/admin", path, &r, "amount", "400.00", "reference",
	    "TRX-1", NULL);
	assert_int_equal(r.status, 400);
	client_resp_cleanup(&r);
	shop_post(admin, "/admin", path, &r, "amount", "437.40", "reference",
	    "TRX-1", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	one_str(T_APP, id, 4, st, sizeof(st));
	assert_string_equal(st, "in_effect");
	one_str(T_ORDER, id, 0, st, sizeof(st));
	assert_string_equal(st, "pending_shipment");
	one_str(T_PLAN, id, 0, st, sizeof(st));
	assert_string_equal(st, "active");
	one_str(T_PLAN, id, 1, st, sizeof(st));
	assert_string_equal(st, "102060");	/* 1,458.00 - 437.40 */
	one_str(T_PLAN, id, 2, st, sizeof(st));
	assert_string_equal(st, "6");
	/* Recorded once: a second recording is "already recorded". */
	shop_post(admin, "/admin", path, &r, "amount", "437.40", "reference",
	    "TRX-1", NULL);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	/* A monthly repayment by bank transfer, recorded by the admin. */
	snprintf(path, sizeof(path), "%s/repayment", apath);
	shop_post(admin, "/admin", path, &r, "amount", "263.31", "reference",
	    "TRX-2", "key", "test-repay-1", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(one_int(T_MSG_COUNT, m.company_id,
	    "Installment agreement in effect"), 1);
	client_free(admin);
	member_free(&m);
}

/* INST-CORP refused by the admin with a reason: order refused, told. */
static void
test_INST_CORP_refused(void **state)
{
	struct member		 m;
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 path[128], st[33];
	int64_t			 id;

	(void)state;
	id = corp_order(&m, "corprefuse");
	snprintf(path, sizeof(path), "/admin/orders/%lld/corporate/decide",
	    (long long)id);
	shop_post(admin, "/admin", path, &r, "decision", "reject", NULL);
	assert_int_equal(r.status, 400);
	client_resp_cleanup(&r);
	shop_post(admin, "/admin", path, &r, "decision", "reject", "reason",
	    "financial statements too old", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	one_str(T_ORDER, id, 0, st, sizeof(st));
	assert_string_equal(st, "refused");
	assert_int_equal(one_int(T_MSG_COUNT, m.company_id,
	    "Corporate installment refused"), 1);
	client_free(admin);
	member_free(&m);
}

/* RULES 5 (INST-CORP): a member of another company reaches none of the
 * company's corporate pages (404), a second member of the same company
 * does (members act for the company). */
static void
test_INST_CORP_other_company_404(void **state)
{
	struct member		 m, other;
	struct client		*colleague;
	struct client_resp	 r;
	struct dbq		*q;
	char			 path[128], email[128];
	int64_t			 id;

	(void)state;
	id = corp_order(&m, "corp404");
	new_company("corp404other", "verified", NULL, &other);
	snprintf(path, sizeof(path), "/orders/%lld/corporate", (long long)id);
	shop_get(other.cl, path, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld/corporate/apply",
	    (long long)id);
	shop_post(other.cl, "/company", path, &r, "term", "3", NULL);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld/agreement", (long long)id);
	shop_get(other.cl, path, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	/* A colleague of the same company acts for it. */
	colleague = client_new();
	client_unique_email(email, sizeof(email), "colleague");
	assert_int_equal(client_register(colleague, email, "Colleague",
	    PASSWORD), 303);
	q = stmt(T_MEMBER);
	dbq_int(q, m.company_id);
	dbq_cstr(q, email);
	run(q);
	snprintf(path, sizeof(path), "/orders/%lld/corporate", (long long)id);
	shop_get(colleague, path, &r);
	assert_int_equal(r.status, 200);
	client_resp_cleanup(&r);
	client_free(colleague);
	member_free(&m);
	member_free(&other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_S1_documents_encrypted),
		cmocka_unit_test(test_INST_03_upload_wrong_type),
		cmocka_unit_test(test_INST_03_review_approve),
		cmocka_unit_test(test_INST_03_review_reject_resubmit),
		cmocka_unit_test(test_INST_03_expiry_tick),
		cmocka_unit_test(test_INST_04_completed_total_boundary),
		cmocka_unit_test(test_COD_02_agreement_limit_at_checkout),
		cmocka_unit_test(test_REM_02_quota_at_checkout),
		cmocka_unit_test(test_INST_CORP_application_to_effect),
		cmocka_unit_test(test_INST_CORP_refused),
		cmocka_unit_test(test_INST_CORP_other_company_404),
	};
	char	err[512];
	int	rc;

	shop_init();
	if (config_load(&cfg, getenv("MALLPAY_CONF"), err, sizeof(err)) == -1) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	curl_global_cleanup();
	shop_end();
	return rc;
}
