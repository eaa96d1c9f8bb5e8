/*
 * Post office remittance end to end against the private stack:
 * the instructions (REM-P1/P2/P4/P6), voucher uploads and their limits
 * (REM-P3, REM-P9), another shopper's order (404), each admin outcome
 * (equal REM-P5, less and more REM-P7, reject REM-P9), the statement import
 * and its re-import (REM-P5), the 30-day cancellation by `mallpayctl tick
 * --now` (REM-P6) and the refund dates (REM-P7, REM-P8).
 * Run by tests/integration/suite.sh (MALLPAY_TEST_URL, MALLPAY_CONF,
 * MALLPAY_CTL).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/db.h"
#include "db/order.h"
#include "db/remittance.h"
#include "rules/rfcode.h"
#include "service/ledger.h"
#include "service/orderflow.h"
#include "ctl.h"
#include "shop.h"

#define NEW		"shopper.new@demo.test"
#define VETERAN		"shopper.veteran@demo.test"
#define ADMIN		"admin@demo.test"
#define SKU		"HOME-VACUUM-R5"	/* USD 459.00 */

/* A minimal valid PDF, unique per call (so the duplicate flag is not hit
 * by accident). */
static size_t
pdf(char *out, size_t outsz, const char *tag)
{
	static int n;

	return (size_t)snprintf(out, outsz, "%%PDF-1.4\n%% voucher %s %d "
	    "%ld\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj "
	    "<< /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << "
	    "/Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj\n"
	    "trailer << /Root 1 0 R >>\n%%%%EOF\n", tag, ++n,
	    (long)clock_now());
}

/* One `mallpayctl tick` run on the stack (its exit status not judged:
 * the callers judge what it wrote). */
static void
run_tick(void)
{
	char	cmd[1024];
	int	st;

	snprintf(cmd, sizeof(cmd), "'%s' -c '%s' tick >/dev/null 2>&1",
	    getenv("MALLPAY_CTL"), getenv("MALLPAY_CONF"));
	st = system(cmd);
	assert_true(WIFEXITED(st));
}

/* Place a remittance order of SKU for cl (email); returns its id and
 * checks the redirect goes to the instructions (REM-P1). */
static int64_t
place(struct client *cl, const char *email)
{
	char	loc[256];
	int64_t	id;

	id = shop_place_one(cl, email, SKU, "remittance", "remittance",
	    "a remittance order", loc, sizeof(loc));
	assert_non_null(strstr(loc, "/remittance"));
	return id;
}

/* Order id's status into out (33 bytes). */
static void
status_of(int64_t id, char *out)
{
	struct db_order o;

	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	snprintf(out, 33, "%s", order_status_name(o.status));
}

/* Assert order id is in status want. */
static void
assert_status(int64_t id, const char *want)
{
	char st[33];

	status_of(id, st);
	if (strcmp(st, want) != 0)
		fail_msg("order %lld is %s, want %s", (long long)id, st, want);
}

/* libcurl body collector. */
static size_t
collect(char *p, size_t sz, size_t n, void *arg)
{
	buf_append(arg, p, sz * n);
	return sz * n;
}

/* POST a multipart form to path as cl (its session cookie): fields are
 * NULL-terminated name/value pairs; file (flen bytes, named fname) goes
 * in field ffield when not NULL. *status gets the HTTP status; body into
 * *body (may be NULL); location (if any) into loc (256 bytes, may be
 * NULL). */
static void
mp_post(struct client *cl, const char *path, const char *const *fields,
    const char *ffield, const void *file, size_t flen, const char *fname,
    long *status, struct buf *body, char *loc)
{
	CURL		*h = curl_easy_init();
	curl_mime	*mime;
	curl_mimepart	*part;
	struct buf	 url, ck, sink;
	char		*sess = client_cookie(cl, "mp_session"), *l = NULL;
	size_t		 i;
	CURLcode	 rc;

	assert_non_null(h);
	buf_init(&url);
	buf_init(&ck);
	buf_init(&sink);
	buf_printf(&url, "%s%s", client_base(), path);
	if (sess != NULL)
		buf_printf(&ck, "mp_session=%s", sess);
	mime = curl_mime_init(h);
	for (i = 0; fields != NULL && fields[i] != NULL; i += 2) {
		part = curl_mime_addpart(mime);
		curl_mime_name(part, fields[i]);
		curl_mime_data(part, fields[i + 1], CURL_ZERO_TERMINATED);
	}
	if (ffield != NULL) {
		part = curl_mime_addpart(mime);
		curl_mime_name(part, ffield);
		curl_mime_data(part, file, flen);
		curl_mime_filename(part, fname);
	}
	curl_easy_setopt(h, CURLOPT_URL, buf_str(&url));
	curl_easy_setopt(h, CURLOPT_MIMEPOST, mime);
	if (ck.len > 0)
		curl_easy_setopt(h, CURLOPT_COOKIE, buf_str(&ck));
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, body != NULL ? body : &sink);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
	rc = curl_easy_perform(h);
	*status = 0;
	if (rc == CURLE_OK)
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
	else
		print_message("curl: %s\n", curl_easy_strerror(rc));
	if (loc != NULL) {
		loc[0] = '\0';
		if (curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &l) == CURLE_OK &&
		    l != NULL)
			snprintf(loc, 256, "%s", l);
	}
	curl_mime_free(mime);
	curl_easy_cleanup(h);
	buf_cleanup(&url);
	buf_cleanup(&ck);
	buf_cleanup(&sink);
	free(sess);
}

/* Today as "YYYY-MM-DD". */
static const char *
today(char *out)
{
	mp_date d;

	assert_int_equal(mp_date_from_unix(clock_now(), &d), 0);
	return mp_date_str(d, out, 11);
}

/* Upload a voucher for order id as cl from the voucher page's form (its
 * csrf and key; key_out gets the key, 65 bytes, may be NULL; use_key
 * replays one). Returns the status; body/loc as mp_post. */
static long
upload(struct client *cl, int64_t id, const void *file, size_t flen,
    const char *fname, const char *amount, const char *tracking,
    const char *use_key, char *key_out, struct buf *body, char *loc)
{
	struct client_resp	 r;
	char			 path[80], day[11], *csrf, *key = NULL;
	long			 st;

	snprintf(path, sizeof(path), "/orders/%lld/voucher", (long long)id);
	assert_int_equal(client_get(cl, path, &r), 0);
	csrf = client_csrf(r.body != NULL ? r.body : "");
	if (r.body != NULL)
		key = client_between(r.body, "name=\"key\" value=\"", "\"");
	client_resp_cleanup(&r);
	assert_non_null(csrf);
	if (use_key == NULL && key == NULL)
		key = strdup("no-form-key-on-page");
	if (key_out != NULL)
		snprintf(key_out, 65, "%s", use_key != NULL ? use_key : key);
	{
		const char *const f[] = { "csrf", csrf, "key",
		    use_key != NULL ? use_key : key, "amount", amount, "date",
		    today(day), "tracking", tracking, NULL };

		mp_post(cl, path, f, "voucher", file, flen, fname, &st, body,
		    loc);
	}
	free(csrf);
	free(key);
	return st;
}

/* Upload a fresh PDF with amount; expects the 303 of REM-P3. */
static void
upload_ok(struct client *cl, int64_t id, const char *amount,
    const char *tracking)
{
	char	doc[512], loc[256];
	size_t	n = pdf(doc, sizeof(doc), tracking);
	long	st = upload(cl, id, doc, n, "receipt.pdf", amount, tracking,
		    NULL, NULL, NULL, loc);

	if (st != 303)
		fail_msg("upload for order %lld: %ld", (long long)id, st);
	assert_non_null(strstr(loc, "/voucher?msg=uploaded"));
}

/* The pending voucher id of order id (0 when none). */
static int64_t
pending_voucher(int64_t id)
{
	struct db_rem_voucher v;
	int rc = db_rem_voucher_pending(shop_db(), id, &v);

	assert_int_not_equal(rc, -1);
	return rc == 1 ? v.id : 0;
}

/* The admin decides order id's pending voucher: received (NULL: reject
 * with reason). Returns the status; page body into *body if not NULL. */
static long
decide(struct client *admin, int64_t id, int64_t vid, const char *received,
    const char *reason, struct buf *body)
{
	struct client_resp	 r;
	char			 path[96], page[80], vs[24], *tok, *form;
	long			 st;

	snprintf(page, sizeof(page), "/admin/orders/%lld/voucher",
	    (long long)id);
	snprintf(path, sizeof(path), "/admin/orders/%lld/voucher/decide",
	    (long long)id);
	snprintf(vs, sizeof(vs), "%lld", (long long)vid);
	tok = client_csrf_of(admin, page);
	assert_non_null(tok);
	if (received != NULL)
		form = client_form("csrf", tok, "voucher", vs, "decision",
		    "received", "received", received, (char *)NULL);
	else
		form = client_form("csrf", tok, "voucher", vs, "decision",
		    "reject", "reason", reason, (char *)NULL);
	memset(&r, 0, sizeof(r));
	assert_int_equal(client_post(admin, path, form, &r), 0);
	st = r.status;
	if (body != NULL && r.body != NULL)
		buf_puts(body, r.body);
	client_resp_cleanup(&r);
	free(form);
	free(tok);
	return st;
}

/* 1 if cl's inbox has a message whose text contains needle. The inbox
 * is newest first, and a tick run "in the future" (REM-P6 test, also in
 * earlier runs on the same stack) dates its messages later: look through
 * the first pages. */
static int
has_message(struct client *cl, const char *needle)
{
	struct client_resp	r;
	char			path[40];
	int			found = 0, page;

	for (page = 1; page <= 20 && !found; page++) {
		snprintf(path, sizeof(path), "/messages?page=%d", page);
		assert_int_equal(client_get(cl, path, &r), 0);
		found = client_has(&r, needle);
		if (!client_has(&r, "page=") && page > 1) {
			client_resp_cleanup(&r);
			break;
		}
		client_resp_cleanup(&r);
	}
	return found;
}

/* REM-P1, P2, P4, P6: after placing, the instructions page has everything
 * for the post office form, and prints without the site's chrome. */
static void
test_REM_P1_instructions_page(void **state)
{
	struct client		*cl = shop_signin(NEW);
	struct client_resp	 r;
	struct db_order		 o;
	char			 path[80], rf[RFCODE_PRINT_MAX];
	int64_t			 id;

	(void)state;
	id = place(cl, NEW);
	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	assert_int_equal(rfcode_print(o.rf_code, strlen(o.rf_code), rf,
	    sizeof(rf)), 0);
	snprintf(path, sizeof(path), "/orders/%lld/remittance", (long long)id);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"payee-name\""));
	assert_true(client_has(&r, "id=\"payee-address\""));
	assert_true(client_has(&r, "id=\"payee-postal\""));
	assert_true(client_has(&r, "USD 459.00"));
	assert_true(client_has(&r, rf));
	assert_true(client_has(&r, "in the remarks"));
	assert_true(client_has(&r, "REM-P2"));
	assert_true(client_has(&r, o.payment_due));		/* REM-P6 */
	assert_true(client_has(&r, "7-15 business days"));	/* REM-P4, MY */
	assert_true(client_has(&r, "/static/remittance.css"));
	assert_true(client_has(&r, "Awaiting remittance"));
	client_resp_cleanup(&r);
	/* The print stylesheet hides the site's header. */
	shop_get(cl, "/static/remittance.css", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "@media print"));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* REM-P3, REM-P5: upload, double submit, the queue, the file through the
 * authorizing handler, "equal" -> paid -> pending shipment, a second
 * decision refused with who decided. */
static void
test_REM_P5_upload_and_equal_amount(void **state)
{
	struct client		*cl = shop_signin(NEW), *admin;
	struct client		*other = shop_signin(VETERAN);
	struct client_resp	 r;
	struct db_rem_voucher	*v;
	struct buf		 body;
	char			 doc[512], key[65], loc[256], path[96];
	size_t			 n, nv;
	int64_t			 id, vid;
	long			 st;

	(void)state;
	id = place(cl, NEW);
	n = pdf(doc, sizeof(doc), "equal");
	st = upload(cl, id, doc, n, "receipt.pdf", "459.00", "po-equal-1",
	    NULL, key, NULL, loc);
	assert_int_equal(st, 303);
	assert_status(id, "awaiting_verification");
	/* A double submit (same form key) changes nothing. */
	st = upload(cl, id, doc, n, "receipt.pdf", "459.00", "po-equal-1",
	    key, NULL, NULL, loc);
	assert_int_equal(st, 303);
	assert_int_equal(db_rem_voucher_list(shop_db(), id, &v, &nv), 0);
	assert_int_equal(nv, 1);
	/* REM-P4: the expected window is stored and shown. */
	assert_true(v[0].expected_from[0] != '\0');
	snprintf(path, sizeof(path), "/orders/%lld/voucher?msg=uploaded",
	    (long long)id);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "Awaiting verification"));
	assert_true(client_has(&r, v[0].expected_by));
	client_resp_cleanup(&r);
	/* The order page shows the window too (REM-P4). */
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "id=\"remit-expected\""));
	assert_true(client_has(&r, v[0].expected_by));
	client_resp_cleanup(&r);
	vid = v[0].id;
	free(v);

	/* The file: never to the shopper through the admin route. */
	snprintf(path, sizeof(path), "/admin/orders/%lld/voucher/file",
	    (long long)id);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 403);
	client_resp_cleanup(&r);

	admin = shop_signin(ADMIN);
	shop_get(admin, "/admin/vouchers", &r);
	assert_int_equal(r.status, 200);
	snprintf(path, sizeof(path), "/admin/orders/%lld/voucher",
	    (long long)id);
	assert_true(client_has(&r, path));
	client_resp_cleanup(&r);
	shop_get(admin, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"expected-amount\">USD 459.00"));
	assert_true(client_has(&r, "id=\"shopper-amount\">USD 459.00"));
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/admin/orders/%lld/voucher/file?v=%lld",
	    (long long)id, (long long)vid);
	shop_get(admin, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(r.len == n && memcmp(r.body, doc, n) == 0);
	{
		char *ctype = client_header(&r, "Content-Type", "application/pdf");

		assert_non_null(ctype);
		free(ctype);
	}
	client_resp_cleanup(&r);

	buf_init(&body);
	assert_int_equal(decide(admin, id, vid, "459.00", NULL, &body), 200);
	assert_status(id, "pending_shipment");
	assert_true(has_message(cl, "it is paid and ready to ship"));
	/* REM-P5: decided once; the second gets who and when. */
	buf_reset(&body);
	assert_int_equal(decide(admin, id, vid, "459.00", NULL, &body), 409);
	assert_non_null(strstr(buf_str(&body), "already decided by "
	    ADMIN));
	assert_status(id, "pending_shipment");
	buf_cleanup(&body);
	(void)other;
	client_free(other);
	client_free(admin);
	client_free(cl);
}

/* REM-P7: paid less -> partially paid with the difference due; a new
 * voucher for the rest -> paid. */
static void
test_REM_P7_paid_less_then_rest(void **state)
{
	struct client		*cl = shop_signin(NEW), *admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 path[80];
	int64_t			 id;

	(void)state;
	id = place(cl, NEW);
	upload_ok(cl, id, "400.00", "po-less-1");
	assert_int_equal(decide(admin, id, pending_voucher(id), "400.00", NULL,
	    NULL), 200);
	assert_status(id, "partially_paid");
	assert_true(has_message(cl, "USD 59.00 is still due"));
	snprintf(path, sizeof(path), "/orders/%lld/voucher", (long long)id);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "id=\"voucher-still-due\">USD 59.00"));
	assert_true(client_has(&r, "id=\"voucher-form\""));
	client_resp_cleanup(&r);
	upload_ok(cl, id, "59.00", "po-less-2");
	assert_status(id, "awaiting_verification");
	assert_int_equal(decide(admin, id, pending_voucher(id), "59.00", NULL,
	    NULL), 200);
	assert_status(id, "pending_shipment");
	client_free(admin);
	client_free(cl);
}

/* REM-P7: paid more -> paid, an excess refund recorded; dated 15 business
 * days after completion by the tick. */
static void
test_REM_P7_paid_more_excess_refund(void **state)
{
	struct client		*cl = shop_signin(NEW), *admin = shop_signin(ADMIN);
	struct db_rem_refund	*rf;
	struct db_order		 o;
	size_t			 n;
	int64_t			 id;
	struct db		*db = shop_db();

	(void)state;
	id = place(cl, NEW);
	upload_ok(cl, id, "500.00", "po-more-1");
	assert_int_equal(decide(admin, id, pending_voucher(id), "500.00", NULL,
	    NULL), 200);
	assert_status(id, "pending_shipment");
	assert_int_equal(db_rem_refund_list(db, id, &rf, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rf[0].kind, "excess");
	assert_int_equal(rf[0].amount_minor, 4100);
	assert_string_equal(rf[0].due, "");
	free(rf);
	assert_true(has_message(cl, "the excess is returned"));
	{
		struct client_resp	r;
		char			path[64];

		snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
		shop_get(cl, path, &r);
		assert_true(client_has(&r, "Excess payment returned (REM-P7)"));
		client_resp_cleanup(&r);
	}
	/* Completed: the tick dates the refund (REM-P7). */
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(orderflow_transition(db, id, OS_PENDING_SHIPMENT,
	    OS_SHIPPED, OF_ADMIN, 0, "test", clock_now()), RES_OK);
	assert_int_equal(orderflow_transition(db, id, OS_SHIPPED, OS_DELIVERED,
	    OF_ADMIN, 0, "test", clock_now()), RES_OK);
	assert_int_equal(orderflow_transition(db, id, OS_DELIVERED,
	    OS_RECEIPT_CONFIRMED, OF_SYSTEM, 0, "test", clock_now()), RES_OK);
	assert_int_equal(orderflow_transition(db, id, OS_RECEIPT_CONFIRMED,
	    OS_COMPLETED, OF_SYSTEM, 0, "test", clock_now()), RES_OK);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(db_order_get(db, 0, id, &o), 1);
	{
		char		cmd[1024];
		int		st;
		mp_date		d, want;
		char		ws[11];

		snprintf(cmd, sizeof(cmd), "'%s' -c '%s' tick >/dev/null 2>&1",
		    getenv("MALLPAY_CTL"), getenv("MALLPAY_CONF"));
		st = system(cmd);
		assert_true(WIFEXITED(st));
		assert_int_equal(db_rem_refund_list(db, id, &rf, &n), 0);
		assert_int_equal(n, 1);
		assert_int_equal(mp_date_from_unix(o.completed_at, &d), 0);
		assert_int_equal(mp_date_add_business_days(d, 15, NULL, 0,
		    &want), 0);
		/* Holidays may push it later, never earlier. */
		assert_true(rf[0].due[0] != '\0');
		assert_true(strcmp(rf[0].due, mp_date_str(want, ws,
		    sizeof(ws))) >= 0);
		free(rf);
	}
	client_free(admin);
	client_free(cl);
}

/* REM-P9: rejected with a reason the shopper sees; they upload again. */
static void
test_REM_P9_reject_then_upload_again(void **state)
{
	struct client		*cl = shop_signin(NEW), *admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 path[80];
	int64_t			 id;

	(void)state;
	id = place(cl, NEW);
	upload_ok(cl, id, "459.00", "po-rej-1");
	assert_int_equal(decide(admin, id, pending_voucher(id), NULL,
	    "bogus", NULL), 400);
	assert_status(id, "awaiting_verification");
	assert_int_equal(decide(admin, id, pending_voucher(id), NULL,
	    "wrong_payee", NULL), 200);
	assert_status(id, "awaiting_remittance");
	assert_true(has_message(cl, "the remittance went to the wrong payee"));
	snprintf(path, sizeof(path), "/orders/%lld/voucher", (long long)id);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "the remittance went to the wrong payee"));
	assert_true(client_has(&r, "id=\"voucher-form\""));
	client_resp_cleanup(&r);
	upload_ok(cl, id, "459.00", "po-rej-2");
	assert_status(id, "awaiting_verification");
	client_free(admin);
	client_free(cl);
}

/* REM-P9: type from content: a Windows executable named .jpg is refused
 * with a message; the order does not move. */
static void
test_REM_P9_wrong_type_renamed_exe(void **state)
{
	struct client	*cl = shop_signin(NEW);
	struct buf	 body;
	char		 exe[600];
	int64_t		 id;

	(void)state;
	id = place(cl, NEW);
	memset(exe, 0, sizeof(exe));
	memcpy(exe, "MZ\x90\0\3\0\0\0\4\0\0\0\xff\xff", 15);
	memcpy(exe + 0x80, "PE\0\0L\x01", 6);
	buf_init(&body);
	assert_int_equal(upload(cl, id, exe, sizeof(exe), "receipt.jpg",
	    "459.00", "po-exe-1", NULL, NULL, &body, NULL), 400);
	assert_non_null(strstr(buf_str(&body), "REM-P9"));
	assert_non_null(strstr(buf_str(&body), "id=\"voucher-error\""));
	assert_status(id, "awaiting_remittance");
	buf_cleanup(&body);
	client_free(cl);
}

/* REM-P9: 10 MB + 1 byte refused by the app with a clear page; above
 * nginx's 11 MB, nginx's own 413 page. */
static void
test_REM_P9_upload_size_limits(void **state)
{
	struct client	*cl = shop_signin(NEW);
	struct buf	 body;
	char		*big;
	size_t		 n = 10 * 1024 * 1024 + 1, huge = 12 * 1024 * 1024;
	int64_t		 id;

	(void)state;
	id = place(cl, NEW);
	big = calloc(1, huge);
	assert_non_null(big);
	memcpy(big, "%PDF-1.4\n", 9);
	buf_init(&body);
	assert_int_equal(upload(cl, id, big, n, "big.pdf", "459.00",
	    "po-big-1", NULL, NULL, &body, NULL), 413);
	assert_non_null(strstr(buf_str(&body), "larger than 10 MB"));
	assert_status(id, "awaiting_remittance");
	/* Exactly 10 MB is accepted as far as size goes (REM-P9). */
	buf_reset(&body);
	buf_reset(&body);
	assert_int_equal(upload(cl, id, big, huge, "huge.pdf", "459.00",
	    "po-big-2", NULL, NULL, &body, NULL), 413);
	assert_non_null(strstr(buf_str(&body), "Error 413"));
	assert_status(id, "awaiting_remittance");
	buf_cleanup(&body);
	free(big);
	client_free(cl);
}

/* REM-P3 / RULES 5: another shopper's order answers 404 on every
 * remittance page, and the upload changes nothing. */
static void
test_REM_P3_other_shoppers_order_404(void **state)
{
	struct client		*cl = shop_signin(NEW), *other = shop_signin(VETERAN);
	struct client_resp	 r;
	char			 path[80], doc[512];
	const char		*day;
	char			 d[11], *csrf;
	long			 st;
	size_t			 n;
	int64_t			 id;

	(void)state;
	id = place(cl, NEW);
	snprintf(path, sizeof(path), "/orders/%lld/remittance", (long long)id);
	shop_get(other, path, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld/voucher", (long long)id);
	shop_get(other, path, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	csrf = client_csrf_of(other, "/orders");
	assert_non_null(csrf);
	n = pdf(doc, sizeof(doc), "other");
	day = today(d);
	{
		const char *const f[] = { "csrf", csrf, "key", "k-other-1",
		    "amount", "459.00", "date", day, "tracking", "PO-OTHER",
		    NULL };

		mp_post(other, path, f, "voucher", doc, n, "r.pdf", &st, NULL,
		    NULL);
	}
	assert_int_equal(st, 404);
	assert_status(id, "awaiting_remittance");
	free(csrf);
	client_free(other);
	client_free(cl);
}

/* Idempotency: the voucher form's key sent again with another amount,
 * tracking number or file is refused (409, saying so) and changes
 * nothing; with the same figures and file it is the first result. */
static void
test_REM_P3_same_key_other_figures_refused(void **state)
{
	struct client		*cl = shop_signin(NEW);
	struct db_rem_voucher	*v;
	struct buf		 body;
	char			 doc[512], doc2[512], key[65], loc[256];
	size_t			 n, n2, nv;
	int64_t			 id;
	long			 st;

	(void)state;
	id = place(cl, NEW);
	n = pdf(doc, sizeof(doc), "idem-a");
	n2 = pdf(doc2, sizeof(doc2), "idem-b");
	st = upload(cl, id, doc, n, "receipt.pdf", "459.00", "po-idem-1",
	    NULL, key, NULL, loc);
	assert_int_equal(st, 303);
	buf_init(&body);
	st = upload(cl, id, doc, n, "receipt.pdf", "400.00", "po-idem-1",
	    key, NULL, &body, loc);
	assert_int_equal(st, 409);
	assert_non_null(strstr(buf_str(&body), "already sent with another"));
	buf_reset(&body);
	st = upload(cl, id, doc, n, "receipt.pdf", "459.00", "po-idem-2",
	    key, NULL, &body, loc);
	assert_int_equal(st, 409);
	buf_reset(&body);
	st = upload(cl, id, doc2, n2, "receipt.pdf", "459.00", "po-idem-1",
	    key, NULL, &body, loc);
	assert_int_equal(st, 409);
	buf_cleanup(&body);
	/* The same form again: the first result. */
	st = upload(cl, id, doc, n, "receipt.pdf", "459.00", "po-idem-1",
	    key, NULL, NULL, loc);
	assert_int_equal(st, 303);
	assert_non_null(strstr(loc, "/voucher?msg=uploaded"));
	assert_int_equal(db_rem_voucher_list(shop_db(), id, &v, &nv), 0);
	assert_int_equal(nv, 1);
	assert_int_equal(v[0].amount_minor, 45900);
	free(v);
	assert_status(id, "awaiting_verification");
	client_free(cl);
}

/* REM-P5: the statement import matches lines whose code checks, lists the
 * rest; the same file again changes nothing; a line seen before in another
 * file is not counted twice. */
static void
test_REM_P5_statement_import_and_reimport(void **state)
{
	struct client		*cl = shop_signin(NEW), *admin = shop_signin(ADMIN);
	struct db_rem_voucher	*v;
	struct db_order		 o1, o2;
	struct buf		 csv, csv2, body;
	char			 bad[64], *csrf, d[11];
	size_t			 nv;
	int64_t			 a, b;
	long			 st;

	(void)state;
	a = place(cl, NEW);
	b = place(cl, NEW);
	upload_ok(cl, b, "459.00", "po-stmt-b");
	assert_int_equal(db_order_get(shop_db(), 0, a, &o1), 1);
	assert_int_equal(db_order_get(shop_db(), 0, b, &o2), 1);
	/* A mistyped code: one digit changed fails the check digits. */
	snprintf(bad, sizeof(bad), "%s", o1.rf_code);
	bad[strlen(bad) - 1] = bad[strlen(bad) - 1] == '9' ? '1' :
	    (char)(bad[strlen(bad) - 1] + 1);
	buf_init(&csv);
	buf_printf(&csv, "code,amount,currency,date,tracking\r\n"
	    "%s,459.00,USD,%s,ST-A-%ld\r\n"
	    "%s,459.00,USD,%s,ST-B-%ld\r\n"
	    "%s,459.00,USD,%s,ST-C-%ld\r\n"
	    "RF00 NOPE,1.00,USD,%s,ST-D-%ld\r\n", o1.rf_code, today(d),
	    (long)clock_now(), o2.rf_code, d, (long)clock_now(), bad, d,
	    (long)clock_now(), d, (long)clock_now());
	csrf = client_csrf_of(admin, "/admin/remittance/statements");
	assert_non_null(csrf);
	buf_init(&body);
	{
		const char *const f[] = { "csrf", csrf, NULL };

		mp_post(admin, "/admin/remittance/statements", f, "statement",
		    buf_str(&csv), csv.len, "statement.csv", &st, &body, NULL);
	}
	assert_int_equal(st, 200);
	assert_non_null(strstr(buf_str(&body), "id=\"import-matched\">2<"));
	assert_non_null(strstr(buf_str(&body), "id=\"import-unmatched\">2<"));
	assert_non_null(strstr(buf_str(&body), "fails its check digits"));
	/* a had no voucher: matched from the statement; b's voucher was
	 * decided with the statement's figure. */
	assert_status(a, "pending_shipment");
	assert_status(b, "pending_shipment");
	assert_int_equal(pending_voucher(b), 0);
	/* The same file again: nothing changes. */
	buf_reset(&body);
	{
		const char *const f[] = { "csrf", csrf, NULL };

		mp_post(admin, "/admin/remittance/statements", f, "statement",
		    buf_str(&csv), csv.len, "statement.csv", &st, &body, NULL);
	}
	assert_int_equal(st, 200);
	assert_non_null(strstr(buf_str(&body), "already imported"));
	assert_int_equal(db_rem_voucher_list(shop_db(), a, &v, &nv), 0);
	assert_int_equal(nv, 1);
	free(v);
	/* Another file repeating line 1: counted as imported before. */
	buf_init(&csv2);
	buf_puts(&csv2, strchr(buf_str(&csv), '\n') + 1);
	buf_puts(&csv2, "\n");
	buf_reset(&body);
	{
		const char *const f[] = { "csrf", csrf, NULL };

		mp_post(admin, "/admin/remittance/statements", f, "statement",
		    buf_str(&csv2), csv2.len, "statement2.csv", &st, &body,
		    NULL);
	}
	assert_int_equal(st, 200);
	assert_non_null(strstr(buf_str(&body), "id=\"import-matched\">0<"));
	assert_non_null(strstr(buf_str(&body), "id=\"import-duplicates\">4<"));
	assert_int_equal(db_rem_voucher_list(shop_db(), a, &v, &nv), 0);
	assert_int_equal(nv, 1);
	free(v);
	assert_true(has_message(cl, "matched from the post office statement"));
	buf_cleanup(&body);
	buf_cleanup(&csv);
	buf_cleanup(&csv2);
	free(csrf);
	client_free(admin);
	client_free(cl);
}

/* POST /admin/orders/id/remittance-refund-sent for refund rid as admin;
 * fills r (the caller cleans it). */
static void
mark_sent(struct client *admin, int64_t id, int64_t rid,
    struct client_resp *r)
{
	char	page[80], path[96], rs[24];

	snprintf(page, sizeof(page), "/admin/orders/%lld/voucher",
	    (long long)id);
	snprintf(path, sizeof(path), "/admin/orders/%lld/remittance-refund-sent",
	    (long long)id);
	snprintf(rs, sizeof(rs), "%lld", (long long)rid);
	shop_post(admin, page, path, r, "refund", rs, (char *)NULL);
}

/* REM-P5/P8 ledger: an order paid by remittance and cancelled before
 * shipment owes the merchant nothing: the sale is reversed when the tick
 * records the refund, so the shopper's receivable is back to zero and the
 * whole remittance is on refunds:payable; `mallpayctl check` agrees. */
static void
test_REM_P8_paid_then_cancelled_ledger(void **state)
{
	struct client	*cl, *admin = shop_signin(ADMIN);
	char		 email[128], acct[LEDGER_ACCT_MAX], cmd[1024];
	int64_t		 id, uid, bal = -1;

	(void)state;
	shop_register(email, sizeof(email), "remcancel", "Rory Remit",
	    DEMO_PASSWORD);
	cl = shop_signin(email);
	uid = shop_user_id(email);
	id = place(cl, email);
	upload_ok(cl, id, "459.00", "po-paid-cancel");
	assert_int_equal(decide(admin, id, pending_voucher(id), "459.00", NULL,
	    NULL), 200);
	assert_status(id, "pending_shipment");
	ledger_acct_buyer_receivable(acct, sizeof(acct), uid);
	assert_int_equal(ledger_balance(shop_db(), acct, "USD", &bal), 0);
	assert_int_equal(bal, 0);
	snprintf(cmd, sizeof(cmd), "/orders/%lld/cancel", (long long)id);
	{
		struct client_resp r;

		shop_post(cl, "/orders", cmd, &r, (char *)NULL);
		assert_int_equal(r.status, 303);
		client_resp_cleanup(&r);
	}
	assert_status(id, "cancelled");
	run_tick();
	assert_int_equal(ledger_balance(shop_db(), acct, "USD", &bal), 0);
	assert_int_equal(bal, 0);
	assert_int_equal(mallpayctl_check(), 0);
	client_free(cl);
	client_free(admin);
}

/* The cancelled order's refund-check mark (migration 026, REM-P8): set by
 * the cancellation itself, NULL otherwise; "" when the order is unknown. */
static void
refund_mark(int64_t id, char *out, size_t outsz)
{
	char	 sql[160], cmd[1024];
	FILE	*p;

	snprintf(sql, sizeof(sql), "SELECT COALESCE(cancel_refund_check, 'none')"
	    " FROM orders WHERE id = %lld", (long long)id);
	ctl_sql_cmd(shop_config(), sql, cmd, sizeof(cmd));
	out[0] = '\0';
	assert_non_null(p = popen(cmd, "r"));
	if (fgets(out, (int)outsz, p) != NULL)
		out[strcspn(out, "\n")] = '\0';
	pclose(p);
}

/* REM-P8, the job's cost: cancelling marks the order for one look; the
 * tick writes the refund of the order that received money, nothing for
 * the one that did not, and clears both marks in those transactions, so
 * the next run reads only orders cancelled since (by index, not by every
 * cancelled order ever). */
static void
test_REM_P8_refund_job_reads_only_marked_orders(void **state)
{
	struct client		*cl = shop_signin(NEW), *admin = shop_signin(ADMIN);
	struct db_rem_refund	*rf;
	struct db		*db = shop_db();
	char			 mark[32];
	size_t			 n;
	int64_t			 paid, unpaid;

	(void)state;
	paid = place(cl, NEW);
	unpaid = place(cl, NEW);
	upload_ok(cl, paid, "40.00", "po-mark-paid");
	assert_int_equal(decide(admin, paid, pending_voucher(paid), "40.00",
	    NULL, NULL), 200);
	refund_mark(paid, mark, sizeof(mark));
	assert_string_equal(mark, "none");
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(orderflow_transition(db, paid, OS_PARTIALLY_PAID,
	    OS_CANCELLED, OF_USER, 0, "test", clock_now()), RES_OK);
	assert_int_equal(orderflow_transition(db, unpaid,
	    OS_AWAITING_REMITTANCE, OS_CANCELLED, OF_USER, 0, "test",
	    clock_now()), RES_OK);
	assert_int_equal(db_commit(db), 0);
	refund_mark(paid, mark, sizeof(mark));
	assert_string_equal(mark, "1");
	refund_mark(unpaid, mark, sizeof(mark));
	assert_string_equal(mark, "1");

	run_tick();
	assert_int_equal(db_rem_refund_list(db, paid, &rf, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rf[0].kind, "cancel");
	assert_int_equal(rf[0].amount_minor, 4000);
	free(rf);
	assert_int_equal(db_rem_refund_list(db, unpaid, &rf, &n), 0);
	assert_int_equal(n, 0);
	free(rf);
	refund_mark(paid, mark, sizeof(mark));
	assert_string_equal(mark, "none");
	refund_mark(unpaid, mark, sizeof(mark));
	assert_string_equal(mark, "none");
	/* A second run finds nothing more to write. */
	run_tick();
	assert_int_equal(db_rem_refund_list(db, paid, &rf, &n), 0);
	assert_int_equal(n, 1);
	free(rf);
	assert_int_equal(mallpayctl_check(), 0);
}

/* REM-P8: a partially paid order cancelled: the tick records the refund;
 * the shopper gives the postal account on the order page (bad input
 * refused next to the field, another shopper 404); the admin cannot mark
 * it sent before, marks it sent once, a second time is "already"; the
 * shopper sees it sent and can no longer change the account. */
static void
test_REM_P8_refund_account_given_then_sent(void **state)
{
	struct client		*cl = shop_signin(NEW), *admin = shop_signin(ADMIN);
	struct client		*other = shop_signin(VETERAN);
	struct client_resp	 r;
	struct db_rem_refund	*rf;
	struct db		*db = shop_db();
	char			 opage[64], path[80], vpage[80];
	size_t			 n;
	int64_t			 id, rid;

	(void)state;
	id = place(cl, NEW);
	upload_ok(cl, id, "100.00", "po-refund-acct");
	assert_int_equal(decide(admin, id, pending_voucher(id), "100.00", NULL,
	    NULL), 200);
	assert_status(id, "partially_paid");
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(orderflow_transition(db, id, OS_PARTIALLY_PAID,
	    OS_CANCELLED, OF_USER, 0, "test", clock_now()), RES_OK);
	assert_int_equal(db_commit(db), 0);
	run_tick();
	assert_int_equal(db_rem_refund_list(db, id, &rf, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rf[0].kind, "cancel");
	assert_int_equal(rf[0].account_given_at, 0);
	rid = rf[0].id;
	free(rf);

	snprintf(opage, sizeof(opage), "/orders/%lld", (long long)id);
	snprintf(path, sizeof(path), "/orders/%lld/refund-account",
	    (long long)id);
	shop_get(cl, opage, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"refund-account-form\""));
	client_resp_cleanup(&r);

	/* The admin cannot send it anywhere yet. */
	mark_sent(admin, id, rid, &r);
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "is waiting for the shopper"));
	client_resp_cleanup(&r);

	/* Bad input: the messages next to the fields, nothing stored. */
	shop_post(cl, opage, path, &r, "holder", " ", "account", "12ab!",
	    (char *)NULL);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "id=\"refund-holder-err\""));
	assert_true(client_has(&r, "Enter the account holder"));
	assert_true(client_has(&r, "id=\"refund-account-err\""));
	assert_true(client_has(&r, "8 to 34 letters and digits"));
	client_resp_cleanup(&r);
	/* Another shopper: 404, nothing stored. */
	shop_post(other, "/orders", path, &r, "holder", "Mallory Thief",
	    "account", "GB33BUKB20201555555555", (char *)NULL);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	assert_int_equal(db_rem_refund_list(db, id, &rf, &n), 0);
	assert_int_equal(rf[0].account_given_at, 0);
	free(rf);

	/* Given, then corrected. */
	shop_post(cl, opage, path, &r, "holder", "Nur Aisyah", "account",
	    "my11 2222-3333", (char *)NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	shop_post(cl, opage, path, &r, "holder", "Nur Aisyah binti Ali",
	    "account", "my12 3456-7890", (char *)NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(db_rem_refund_list(db, id, &rf, &n), 0);
	assert_string_equal(rf[0].account_name, "Nur Aisyah binti Ali");
	assert_string_equal(rf[0].account_number, "MY1234567890");
	assert_true(rf[0].account_given_at > 0);
	assert_int_equal(rf[0].sent_at, 0);
	free(rf);
	snprintf(vpage, sizeof(vpage), "/admin/orders/%lld/voucher",
	    (long long)id);
	shop_get(admin, vpage, &r);
	assert_true(client_has(&r, "MY1234567890"));
	assert_true(client_has(&r, "Nur Aisyah binti Ali"));
	client_resp_cleanup(&r);

	/* Sent once; the second submit changes nothing. */
	mark_sent(admin, id, rid, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "marked sent"));
	client_resp_cleanup(&r);
	assert_int_equal(db_rem_refund_list(db, id, &rf, &n), 0);
	assert_true(rf[0].sent_at > 0);
	assert_string_equal(rf[0].sent_by_email, ADMIN);
	free(rf);
	mark_sent(admin, id, rid, &r);
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "already marked sent by " ADMIN));
	client_resp_cleanup(&r);

	/* The shopper sees it sent and is told; the account is final. */
	shop_get(cl, opage, &r);
	assert_true(client_has(&r, "Sent through the post office on"));
	assert_false(client_has(&r, "id=\"refund-account-form\""));
	client_resp_cleanup(&r);
	assert_true(has_message(cl, "was sent through the post office"));
	shop_post(cl, opage, path, &r, "holder", "Nur Aisyah", "account",
	    "MY99 8888 7777", (char *)NULL);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	assert_int_equal(db_rem_refund_list(db, id, &rf, &n), 0);
	assert_string_equal(rf[0].account_number, "MY1234567890");
	free(rf);
	client_free(other);
	client_free(admin);
	client_free(cl);
}

/* REM-P6, REM-P8: `tick --now` after the 30th day cancels the unpaid
 * order and tells the shopper how to recover the money; a partially paid
 * one gets its refund due date; a second tick changes nothing. */
static void
test_REM_P6_cancel_after_30_days_tick_now(void **state)
{
	struct client		*cl = shop_signin(NEW), *admin = shop_signin(ADMIN);
	struct db_rem_refund	*rf;
	struct db_order		 o;
	char			 cmd[1024], when[32];
	size_t			 n;
	int64_t			 a, b;
	int			 st;

	(void)state;
	a = place(cl, NEW);
	b = place(cl, NEW);
	upload_ok(cl, b, "100.00", "po-late-b");
	assert_int_equal(decide(admin, b, pending_voucher(b), "100.00", NULL,
	    NULL), 200);
	assert_status(b, "partially_paid");
	assert_int_equal(db_order_get(shop_db(), 0, a, &o), 1);
	/* The last day of the window: nothing happens yet. */
	snprintf(cmd, sizeof(cmd), "'%s' -c '%s' tick --now %sT23:00:00Z "
	    ">/dev/null 2>&1", getenv("MALLPAY_CTL"), getenv("MALLPAY_CONF"),
	    o.payment_due);
	st = system(cmd);
	assert_true(WIFEXITED(st));
	assert_status(a, "awaiting_remittance");
	/* The day after. */
	{
		mp_date d;

		assert_int_equal(mp_date_parse(o.payment_due, 10, &d), 0);
		assert_int_equal(mp_date_add_days(d, 1, &d), 0);
		mp_date_str(d, when, sizeof(when));
	}
	snprintf(cmd, sizeof(cmd), "'%s' -c '%s' tick --now %sT01:00:00Z "
	    ">/dev/null 2>&1", getenv("MALLPAY_CTL"), getenv("MALLPAY_CONF"),
	    when);
	st = system(cmd);
	assert_true(WIFEXITED(st));
	assert_status(a, "cancelled");
	assert_status(b, "cancelled");
	assert_int_equal(db_rem_refund_list(shop_db(), b, &rf, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rf[0].kind, "cancel");
	assert_int_equal(rf[0].amount_minor, 10000);
	assert_true(rf[0].due[0] != '\0');
	free(rf);
	/* Idempotent: again changes nothing. */
	st = system(cmd);
	assert_true(WIFEXITED(st));
	assert_int_equal(db_rem_refund_list(shop_db(), b, &rf, &n), 0);
	assert_int_equal(n, 1);
	free(rf);
	client_free(cl);
	client_free(admin);
	/* The future tick purged the sessions: sign in again. */
	cl = shop_signin(NEW);
	assert_true(has_message(cl, "recover it from the post office"));
	assert_true(has_message(cl, "refunded through the post office"));
	client_free(cl);
}

/* REM-03: with expedited shipping chosen at checkout the order is urgent:
 * remittance is shown unavailable with REM-03 and placing it is refused;
 * standard shipping offers it again. */
static void
test_REM_03_expedited_shipping_refuses_remittance(void **state)
{
	struct client		*cl = shop_signin(NEW);
	struct client_resp	 r;
	char			*blk, *tok, *key, *body;
	size_t			 before;

	(void)state;
	shop_fill_cart(cl, NEW, (const char *const[]){ SKU, NULL },
	    (const int[]){ 1 });
	shop_get(cl, "/checkout?country=MY&shipping=expedited", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "name=\"shipping\" value=\"expedited\" checked"));
	blk = shop_method_block(r.body, "method-remittance");
	assert_non_null(blk);
	assert_non_null(strstr(blk, "REM-03"));
	free(blk);
	tok = client_csrf(r.body);
	key = client_between(r.body, "name=\"key\" value=\"", "\"");
	assert_non_null(tok);
	assert_non_null(key);
	client_resp_cleanup(&r);
	before = shop_order_count(shop_user_id(NEW));
	body = client_form("csrf", tok, "key", key, "country", "MY", "pay",
	    "remittance", "disclosed", "remittance", "shipping", "expedited",
	    (char *)NULL);
	memset(&r, 0, sizeof(r));
	assert_int_equal(client_post(cl, "/checkout/place", body, &r), 0);
	assert_int_not_equal(r.status, 303);
	assert_true(client_has(&r, "REM-03"));
	assert_int_equal(shop_order_count(shop_user_id(NEW)), before);
	client_resp_cleanup(&r);
	free(body);
	free(tok);
	free(key);
	/* Standard shipping: offered. */
	shop_get(cl, "/checkout?country=MY", &r);
	blk = shop_method_block(r.body, "method-remittance");
	assert_non_null(blk);
	assert_null(strstr(blk, "REM-03"));
	free(blk);
	client_resp_cleanup(&r);
	client_free(cl);
}

/* Order id's review page (as the admin adm) flags its voucher as the
 * same file as order other's, naming it. */
static void
flags_other(struct client *adm, int64_t id, int64_t other)
{
	struct client_resp	r;
	char			path[80], want[80];

	snprintf(path, sizeof(path), "/admin/orders/%lld/voucher",
	    (long long)id);
	snprintf(want, sizeof(want), "uploaded for order <a href=\"/admin/"
	    "orders/%lld/voucher\">", (long long)other);
	shop_get(adm, path, &r);
	assert_int_equal(r.status, 200);
	if (!client_has(&r, "id=\"dup-flag\"") || !client_has(&r, want))
		fail_msg("order #%lld's review page does not flag the copy on "
		    "#%lld", (long long)id, (long long)other);
	client_resp_cleanup(&r);
}

/* REM-P3: the same voucher file sent for two orders is flagged on BOTH
 * orders' review pages, each naming the other order. */
static void
test_REM_P3_duplicate_voucher_flagged_on_both_orders(void **state)
{
	struct client		*cl = shop_signin(NEW), *adm = shop_signin(ADMIN);
	char			 doc[512], loc[256];
	size_t			 n;
	int64_t			 a, b;

	(void)state;
	a = place(cl, NEW);
	b = place(cl, NEW);
	n = pdf(doc, sizeof(doc), "shared");
	assert_int_equal(upload(cl, a, doc, n, "receipt.pdf", "459.00",
	    "DUPA1", NULL, NULL, NULL, loc), 303);
	assert_int_equal(upload(cl, b, doc, n, "receipt.pdf", "459.00",
	    "DUPB1", NULL, NULL, NULL, loc), 303);
	/* Each review page flags the file and names the other order. */
	flags_other(adm, b, a);
	flags_other(adm, a, b);
	client_free(adm);
	client_free(cl);
}

/* The order page of id as cl into r (200 wanted). */
static void
order_page_of(struct client *cl, int64_t id, struct client_resp *r)
{
	char path[64];

	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	shop_get(cl, path, r);
	assert_int_equal(r->status, 200);
}

/* Cancel order id as cl from its page (303 wanted). */
static void
cancel_order(struct client *cl, int64_t id)
{
	struct client_resp	r;
	char			page[64], path[80];

	snprintf(page, sizeof(page), "/orders/%lld", (long long)id);
	snprintf(path, sizeof(path), "/orders/%lld/cancel", (long long)id);
	shop_post(cl, page, path, &r, (char *)NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
}

/* REM-P6/P8 on the order page: cancelled with nothing remitted, no
 * refund is promised and no "Pay by" is left; the window shows while
 * unpaid. */
static void
test_REM_P8_cancelled_unremitted_no_refund_no_pay_by(void **state)
{
	struct client		*cl = shop_signin(NEW);
	struct client_resp	 r;
	int64_t			 id;

	(void)state;
	id = place(cl, NEW);
	order_page_of(cl, id, &r);
	assert_true(client_has(&r, "id=\"payment-due\""));
	client_resp_cleanup(&r);
	cancel_order(cl, id);
	assert_status(id, "cancelled");
	order_page_of(cl, id, &r);
	assert_false(client_has(&r, "id=\"payment-due\""));
	assert_false(client_has(&r, "Pay by"));
	assert_false(client_has(&r, "id=\"refund-due\""));
	assert_false(client_has(&r, "Refund by"));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* REM-P5/P8 on the order page: paid, no "Pay by"; then cancelled, the
 * refund line carries the amount remitted, before and after the tick
 * records the refund. */
static void
test_REM_P8_paid_no_pay_by_refund_with_amount(void **state)
{
	struct client		*cl, *admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 email[128], cmd[1024];
	int64_t			 id;
	int			 st;

	(void)state;
	shop_register(email, sizeof(email), "rempanel", "Rita Panel",
	    DEMO_PASSWORD);
	cl = shop_signin(email);
	id = place(cl, email);
	upload_ok(cl, id, "459.00", "po-panel-paid");
	assert_int_equal(decide(admin, id, pending_voucher(id), "459.00", NULL,
	    NULL), 200);
	order_page_of(cl, id, &r);
	assert_false(client_has(&r, "id=\"payment-due\""));
	assert_false(client_has(&r, "Pay by"));
	client_resp_cleanup(&r);
	cancel_order(cl, id);
	order_page_of(cl, id, &r);
	assert_true(client_has(&r, "Refund of USD 459.00 by "));
	assert_false(client_has(&r, "Pay by"));
	client_resp_cleanup(&r);
	snprintf(cmd, sizeof(cmd), "'%s' -c '%s' tick >/dev/null 2>&1",
	    getenv("MALLPAY_CTL"), getenv("MALLPAY_CONF"));
	st = system(cmd);
	assert_true(WIFEXITED(st));
	order_page_of(cl, id, &r);
	assert_true(client_has(&r, "Refund of USD 459.00 by "));
	client_resp_cleanup(&r);
	client_free(cl);
	client_free(admin);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_REM_03_expedited_shipping_refuses_remittance),
		cmocka_unit_test(test_REM_P1_instructions_page),
		cmocka_unit_test(test_REM_P5_upload_and_equal_amount),
		cmocka_unit_test(test_REM_P3_same_key_other_figures_refused),
		cmocka_unit_test(test_REM_P7_paid_less_then_rest),
		cmocka_unit_test(test_REM_P7_paid_more_excess_refund),
		cmocka_unit_test(test_REM_P9_reject_then_upload_again),
		cmocka_unit_test(test_REM_P9_wrong_type_renamed_exe),
		cmocka_unit_test(test_REM_P9_upload_size_limits),
		cmocka_unit_test(test_REM_P3_other_shoppers_order_404),
		cmocka_unit_test(test_REM_P3_duplicate_voucher_flagged_on_both_orders),
		cmocka_unit_test(test_REM_P5_statement_import_and_reimport),
		cmocka_unit_test(test_REM_P8_refund_account_given_then_sent),
		cmocka_unit_test(test_REM_P8_paid_then_cancelled_ledger),
		cmocka_unit_test(
		    test_REM_P8_cancelled_unremitted_no_refund_no_pay_by),
		cmocka_unit_test(test_REM_P8_paid_no_pay_by_refund_with_amount),
		cmocka_unit_test(test_REM_P8_refund_job_reads_only_marked_orders),
		/* Last: its future tick purges sessions. */
		cmocka_unit_test(test_REM_P6_cancel_after_30_days_tick_now),
	};
	int rc;

	shop_init();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
