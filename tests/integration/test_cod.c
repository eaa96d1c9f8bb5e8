/*
 * Cash on delivery end to end against the private stack (RULES
 * section 2): the admin review (COD-P1), shipping and tracking (COD-P2),
 * the signed logistics partner endpoint (COD-P8), payment at delivery in
 * both orders of arrival (COD-P3), refusals (COD-P4, COD-F2), the third
 * strike and the end of the suspension (COD-F2), revocation (COD-F3),
 * rescheduling and the tick's cancellation (COD-P5, COD-P6), the ladder
 * (COD-07) and the after-sales return (COD-P7). Every shopper is freshly
 * registered, so the tests do not depend on each other. Run by
 * tests/integration/suite.sh.
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
#include <curl/curl.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "service/cod.h"
#include "service/partner_auth.h"
#include "ctl.h"
#include "shop.h"

#define ADMIN		"admin@demo.test"
#define EV_PATH		"/partner/logistics/events"
#define VACUUM		"HOME-VACUUM-R5"	/* USD 459.00, fee 18.36 */
#define WASHER		"HOME-WASHER-8"		/* USD 729.00 */

static struct config	 cfg;
static int		 evseq;

/* A fresh shopper signed in; its email into email (128 bytes). */
static struct client *
new_shopper(char *email, const char *tag)
{
	shop_register(email, 128, tag, "Cora Cod", DEMO_PASSWORD);
	return shop_signin(email);
}

/* Place a COD order of sku for email to Malaysia; returns its id. */
static int64_t
place_cod(struct client *cl, const char *email, const char *sku)
{
	return shop_place_one(cl, email, sku, "cod", NULL, "COD", NULL, 0);
}

/* Collect a response body. */
static size_t
sink(char *p, size_t sz, size_t n, void *arg)
{
	buf_append((struct buf *)arg, p, sz * n);
	return sz * n;
}

/* POST json to the partner endpoint signed by partner 1 at now + skew;
 * how: 0 signed, 1 unsigned, 2 wrong signature. Returns the status, the
 * body into *out (malloc'd) if out is not NULL. */
static long
send_raw(const char *json, int64_t skew, int how, char **out)
{
	return shop_partner_post(1, EV_PATH, json, skew, how, out);
}

/* Send event type for order id with extra JSON members (", ..." or "")
 * under a fresh event id (into eid, 64 bytes, if not NULL); fails the test
 * unless the answer is want. Returns the body (malloc'd). */
static char *
event(long want, const char *type, int64_t id, const char *extra, char *eid)
{
	char	 json[1024], e[64], *body = NULL;
	long	 st;

	snprintf(e, sizeof(e), "t%d-%d-%lld", (int)getpid(), ++evseq,
	    (long long)clock_now());
	if (eid != NULL)
		snprintf(eid, 64, "%s", e);
	snprintf(json, sizeof(json), "{\"event_id\":\"%s\",\"type\":\"%s\","
	    "\"order_id\":%lld%s}", e, type, (long long)id, extra);
	st = send_raw(json, 0, 0, &body);
	if (st != want)
		fail_msg("%s on #%lld: %ld, want %ld: %s", type, (long long)id,
		    st, want, body);
	return body;
}

/* event() whose body is not needed. */
static void
ev(long want, const char *type, int64_t id, const char *extra)
{
	free(event(want, type, id, extra, NULL));
}

/* POST path as the admin with the form pairs (NULL-terminated, csrf
 * added); returns the response in r. */
static void
admin_post(struct client *adm, const char *path, struct client_resp *r,
    const char *k1, const char *v1, const char *k2, const char *v2)
{
	char *tok = client_csrf_of(adm, "/admin/queues/cod"), *form;

	assert_non_null(tok);
	form = client_form("csrf", tok, k1 != NULL ? k1 : "x",
	    v1 != NULL ? v1 : "", k2 != NULL ? k2 : "y", v2 != NULL ? v2 : "",
	    NULL);
	memset(r, 0, sizeof(*r));
	assert_int_equal(client_post(adm, path, form, r), 0);
	free(form);
	free(tok);
}

/* Check that r is a refused step: the page again (409 or 422, no
 * redirect) with its reason in the element marked by id_attr; frees r. */
static void
refused_on(struct client_resp *r, const char *id_attr)
{
	if ((r->status != 409 && r->status != 422) || r->location != NULL ||
	    !client_has(r, id_attr))
		fail_msg("refusal: status %ld, location %s, no %s", r->status,
		    r->location != NULL ? r->location : "none", id_attr);
	client_resp_cleanup(r);
}

/* The admin approves COD order id (COD-P1). */
static void
approve(struct client *adm, int64_t id)
{
	struct client_resp	r;
	char			path[96];

	snprintf(path, sizeof(path), "/admin/orders/%lld/cod-approve",
	    (long long)id);
	admin_post(adm, path, &r, "from", "awaiting_review", NULL, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_string_equal(shop_status(id), "pending_shipment");
}

/* A new shopper's COD order approved and shipped by the partner. */
static int64_t
shipped_order(struct client *adm, struct client **cl, char *email,
    const char *tag)
{
	int64_t id;

	*cl = new_shopper(email, tag);
	id = place_cod(*cl, email, VACUUM);
	approve(adm, id);
	ev(200, "shipped", id, ",\"carrier\":\"Demo Express\","
	    "\"tracking\":\"DX0000000001\"");
	assert_string_equal(shop_status(id), "shipped");
	return id;
}

/* 1 if user_id has a message whose subject or body contains s. */
static int
has_message(int64_t user_id, const char *s)
{
	struct db_message	*m;
	size_t			 n, i;
	int			 found = 0;

	assert_int_equal(db_message_list(shop_db(), user_id, 0, 100, 0, &m,
	    &n), 0);
	for (i = 0; i < n; i++)
		if (strstr(m[i].subject, s) != NULL ||
		    strstr(m[i].body, s) != NULL)
			found = 1;
	db_message_list_free(m, n);
	return found;
}

/* Fill email's cart with one of sku (none when sku is NULL: the cart as
 * it is), render /checkout?country=MY as cl and return its COD method
 * block (malloc'd; the test fails when the page has none). */
static char *
cod_block(struct client *cl, const char *email, const char *sku)
{
	struct client_resp	 r;
	char			*blk;

	if (sku != NULL)
		shop_fill_cart(cl, email, (const char *const[]){ sku, NULL },
		    (const int[]){ 1 });
	shop_get(cl, "/checkout?country=MY", &r);
	blk = shop_method_block(r.body, "method-cod");
	assert_non_null(blk);
	client_resp_cleanup(&r);
	return blk;
}

/* GET path as cl and check it contains s (and status 200). */
static void
page_has(struct client *cl, const char *path, const char *s)
{
	struct client_resp r;

	shop_get(cl, path, &r);
	if (r.status != 200 || !client_has(&r, s))
		fail_msg("%s: status %ld, no \"%s\"", path, r.status, s);
	client_resp_cleanup(&r);
}

/* COD-P1: the queue lists the new order with its review date; approve
 * moves it to pending shipment and tells the shopper; a second decision
 * gets 409 "already decided by <admin>"; reject needs a reason and tells the shopper. */
static void
test_COD_P1_admin_review_approve_reject(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct client_resp	 r;
	char			 email[128], path[96], want[64];
	int64_t			 a, b, uid;

	(void)state;
	cl = new_shopper(email, "p1");
	uid = shop_user_id(email);
	a = place_cod(cl, email, VACUUM);
	b = place_cod(cl, email, VACUUM);
	assert_string_equal(shop_status(a), "awaiting_review");
	snprintf(want, sizeof(want), "/admin/orders/%lld/fulfil",
	    (long long)a);
	page_has(adm, "/admin/queues/cod?sort=oldest&page=1", "COD orders to "
	    "review");
	page_has(adm, want, "Approve for cash on delivery");
	approve(adm, a);
	assert_true(has_message(uid, "accepted for cash on delivery"));
	/* The same decision again: already decided by the admin. */
	snprintf(path, sizeof(path), "/admin/orders/%lld/cod-approve",
	    (long long)a);
	admin_post(adm, path, &r, "from", "awaiting_review", "back", "desk");
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	page_has(adm, want, "pending_shipment");
	admin_post(adm, path, &r, "from", "awaiting_review", "back", "desk");
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "already decided by " ADMIN));
	client_resp_cleanup(&r);
	/* Reject without a reason: refused, nothing changes. */
	snprintf(path, sizeof(path), "/admin/orders/%lld/cod-reject",
	    (long long)b);
	admin_post(adm, path, &r, "from", "awaiting_review", NULL, NULL);
	refused_on(&r, "id=\"desk-error\"");
	assert_string_equal(shop_status(b), "awaiting_review");
	admin_post(adm, path, &r, "from", "awaiting_review", "reason",
	    "address outside the service area");
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_string_equal(shop_status(b), "refused");
	assert_true(has_message(uid, "address outside the service area"));
	/* A shopper cannot reach the admin's queue. */
	shop_get(cl, "/admin/queues/cod", &r);
	assert_int_equal(r.status, 403);
	client_resp_cleanup(&r);
	client_free(cl);
	client_free(adm);
}

/* COD-P2: marked shipped by the admin with carrier and tracking number
 * (every method's road); "My Orders" shows them and the tracking events;
 * the partner's delivery_scheduled shows the agreed day. */
static void
test_COD_P2_admin_ships_tracking_shown(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct client_resp	 r;
	struct db_shipment	 sh;
	char			 email[128], path[96], day[11], extra[64];
	mp_date			 d;
	int64_t			 id;

	(void)state;
	cl = new_shopper(email, "p2");
	id = place_cod(cl, email, VACUUM);
	snprintf(path, sizeof(path), "/admin/orders/%lld/ship", (long long)id);
	/* Not reviewed yet: shipping is refused, nothing changes. */
	admin_post(adm, path, &r, "carrier", "Acme Post", "tracking", "AP123");
	refused_on(&r, "id=\"desk-error\"");
	assert_string_equal(shop_status(id), "awaiting_review");
	approve(adm, id);
	admin_post(adm, path, &r, "carrier", "Acme Post", "tracking", "AP123");
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_string_equal(shop_status(id), "shipped");
	assert_int_equal(db_ship_get(shop_db(), id, &sh), 1);
	assert_string_equal(sh.carrier, "Acme Post");
	assert_string_equal(sh.tracking, "AP123");
	mp_date_from_unix(clock_now(), &d);
	mp_date_add_days(d, 2, &d);
	mp_date_str(d, day, sizeof(day));
	snprintf(extra, sizeof(extra), ",\"date\":\"%s\"", day);
	ev(200, "delivery_scheduled", id, extra);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	page_has(cl, path, "AP123");
	page_has(cl, path, "id=\"tracking\"");
	page_has(cl, path, "Delivery agreed for");
	page_has(cl, path, day);
	client_free(cl);
	client_free(adm);
}

/* COD-P8: the courier named by the logistics partner (its delivery
 * scheduled event, or its answer when the mall books the shipment) is on
 * the shopper's order page under "Logistics details" with their phone;
 * a phone without a name is refused (400) and changes nothing. */
static void
test_COD_P8_courier_contact_in_logistics_details(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct client_resp	 r;
	char			 email[128], path[96], day[11], extra[256];
	char			*body;
	mp_date			 d;
	int64_t			 id, id2;

	(void)state;
	id = shipped_order(adm, &cl, email, "courier");
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	page_has(cl, path, "Logistics details");
	page_has(cl, path, "id=\"courier-pending\"");
	mp_date_from_unix(clock_now(), &d);
	mp_date_add_days(d, 2, &d);
	mp_date_str(d, day, sizeof(day));
	snprintf(extra, sizeof(extra), ",\"date\":\"%s\",\"courier_phone\":"
	    "\"+60 3-2142 8800\"", day);
	body = event(400, "delivery_scheduled", id, extra, NULL);
	assert_non_null(strstr(body, "courier_name"));
	free(body);
	snprintf(extra, sizeof(extra), ",\"date\":\"%s\",\"courier_name\":"
	    "\"Aina Rahman\",\"courier_phone\":\"+60 3-2142 8800\"", day);
	ev(200, "delivery_scheduled", id, extra);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"logistics-details\""));
	assert_true(client_has(&r, "<dd id=\"courier-name\">Aina Rahman</dd>"));
	assert_true(client_has(&r, "href=\"tel:+60321428800\">+60 3-2142 "
	    "8800</a>"));
	client_resp_cleanup(&r);
	/* Booked by the mall: the sandbox carrier names the courier. */
	id2 = place_cod(cl, email, VACUUM);
	approve(adm, id2);
	snprintf(path, sizeof(path), "/admin/orders/%lld/ship",
	    (long long)id2);
	admin_post(adm, path, &r, NULL, NULL, NULL, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id2);
	page_has(cl, path, "<dd id=\"courier-name\">");
	page_has(cl, path, "href=\"tel:+603");
	client_free(cl);
	client_free(adm);
}

/* COD-P8: unsigned 401, wrong signature 401, stale 401, replayed 409,
 * malformed 400 naming the field; the same event id re-sent gets the first
 * answer and changes nothing. */
static void
test_COD_P8_partner_signed_unsigned_replayed_malformed(void **state)
{
	struct client	*adm = shop_signin(ADMIN), *cl;
	char		 email[128], json[256], eid[64], *a, *b;
	int64_t		 id;
	long		 st;

	(void)state;
	id = shipped_order(adm, &cl, email, "p8");
	snprintf(json, sizeof(json), "{\"event_id\":\"u%d-%lld\",\"type\":"
	    "\"delivered\",\"order_id\":%lld}", (int)getpid(),
	    (long long)clock_now(), (long long)id);
	assert_int_equal(send_raw(json, 0, 1, NULL), 401);
	assert_int_equal(send_raw(json, 0, 2, NULL), 401);
	assert_int_equal(send_raw(json, -PARTNER_WINDOW - 60, 0, NULL), 401);
	assert_string_equal(shop_status(id), "shipped");
	/* Malformed bodies name the field. */
	st = send_raw("{\"event_id\":\"m1\",\"type\":\"delivered\"", 0, 0, &a);
	assert_int_equal(st, 400);
	assert_non_null(strstr(a, "\"field\":\"body\""));
	free(a);
	st = send_raw("{\"event_id\":\"m2\",\"type\":\"delivered\"}", 0, 0, &a);
	assert_int_equal(st, 400);
	assert_non_null(strstr(a, "\"field\":\"order_id\""));
	free(a);
	snprintf(json, sizeof(json), "{\"event_id\":\"m3\",\"type\":\"paid\","
	    "\"order_id\":%lld,\"amount\":\"1\",\"method\":\"iou\","
	    "\"record_id\":\"r\"}", (long long)id);
	st = send_raw(json, 0, 0, &a);
	assert_int_equal(st, 400);
	assert_non_null(strstr(a, "\"field\":\"method\""));
	free(a);
	/* A signed event, then the exact same request again: a replay. */
	snprintf(json, sizeof(json), "{\"event_id\":\"r%d-%lld\",\"type\":"
	    "\"delivered\",\"order_id\":%lld}", (int)getpid(),
	    (long long)clock_now(), (long long)id);
	assert_int_equal(send_raw(json, 0, 0, &a), 200);
	assert_string_equal(shop_status(id), "delivered");
	assert_int_equal(send_raw(json, 0, 0, NULL), 409);
	/* The same event id re-signed (1 s later): the first answer. */
	assert_int_equal(send_raw(json, 1, 0, &b), 200);
	assert_string_equal(a, b);
	assert_string_equal(shop_status(id), "delivered");
	free(a);
	free(b);
	/* An event the order's state forbids: 409. */
	b = event(409, "shipped", id, ",\"carrier\":\"X\",\"tracking\":\"Y\"",
	    eid);
	free(b);
	/* An unknown order: 404 naming order_id. */
	b = event(404, "delivered", 999999999, "", NULL);
	assert_non_null(strstr(b, "\"field\":\"order_id\""));
	free(b);
	client_free(cl);
	client_free(adm);
}

/* COD-P3 and COD-07: the shopper clicks "Paid" with the courier's record
 * id first, then the partner's report completes the order and counts it;
 * the amount must be what the courier collects (422 naming amount). */
static void
test_COD_P3_shopper_first_then_report_completes(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct client_resp	 r;
	struct db_cod_user	 u;
	struct db_cod		 c;
	char			 email[128], path[96], *tok, *form, *b;
	int64_t			 id, uid;

	(void)state;
	id = shipped_order(adm, &cl, email, "p3a");
	uid = shop_user_id(email);
	ev(200, "delivered", id, "");
	snprintf(path, sizeof(path), "/orders/%lld/cod/paid", (long long)id);
	tok = client_csrf_of(cl, "/orders");
	form = client_form("csrf", tok, "record_id", "PR-A1", NULL);
	assert_int_equal(client_post(cl, path, form, &r), 0);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	free(form);
	free(tok);
	assert_int_equal(db_cod_get(shop_db(), id, 0, &c), 1);
	assert_true(c.shopper_paid_at > 0);
	assert_string_equal(c.shopper_record_id, "PR-A1");
	assert_string_equal(shop_status(id), "delivered");
	/* Wrong amount: refused, naming the field. */
	b = event(422, "paid", id, ",\"amount\":\"459.00\",\"method\":\"cash\","
	    "\"record_id\":\"PR-A1\"", NULL);
	assert_non_null(strstr(b, "\"field\":\"amount\""));
	assert_non_null(strstr(b, "USD 477.36"));
	free(b);
	ev(200, "paid", id, ",\"amount\":\"477.36\",\"method\":\"cash\","
	    "\"record_id\":\"PR-A1\"");
	assert_string_equal(shop_status(id), "completed");
	assert_int_equal(db_cod_user_get(shop_db(), uid, 0, &u), 1);
	assert_int_equal(u.completed, 1);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	page_has(cl, path, "PR-A1");
	page_has(cl, path, "Completed");
	client_free(cl);
	client_free(adm);
}

/* COD-P3 the other order of arrival: the partner reports payment at the
 * door (shipped -> delivered -> completed at once), then the shopper
 * clicks "Paid" with a voucher photo; a mismatching record id is refused. */
static void
test_COD_P3_report_first_then_shopper_voucher(void **state)
{
	/* A whole 1 x 1 PNG (its chunks' CRCs right: uploads are decoded). */
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0"
	    "\0\1\b\6\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9c" "c\xf8\xcf\xc0\xf0"
	    "\x1f\0\5\0\1\xff\x89\x99\x3d\x1d\0\0\0\0IEND\xae\x42\x60\x82";
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct client_resp	 r;
	struct db_cod		 c;
	char			 email[128], path[96], *tok, *form;
	int64_t			 id;
	curl_mime		*mime;
	curl_mimepart		*part;
	CURL			*cu;
	long			 st = 0;
	char			 url[256], cookie[512], *sess;

	(void)state;
	id = shipped_order(adm, &cl, email, "p3b");
	ev(200, "paid", id, ",\"amount\":\"477.36\",\"method\":\"card\","
	    "\"record_id\":\"PR-B2\"");
	assert_string_equal(shop_status(id), "completed");
	snprintf(path, sizeof(path), "/orders/%lld/cod/paid", (long long)id);
	tok = client_csrf_of(cl, "/orders");
	form = client_form("csrf", tok, "record_id", "PR-WRONG", NULL);
	assert_int_equal(client_post(cl, path, form, &r), 0);
	refused_on(&r, "id=\"order-error\"");
	free(form);
	/* The voucher photo as multipart/form-data. */
	sess = client_cookie(cl, "mp_session");
	assert_non_null(sess);
	snprintf(cookie, sizeof(cookie), "mp_session=%s", sess);
	snprintf(url, sizeof(url), "%s%s", client_base(), path);
	cu = curl_easy_init();
	mime = curl_mime_init(cu);
	part = curl_mime_addpart(mime);
	curl_mime_name(part, "csrf");
	curl_mime_data(part, tok, CURL_ZERO_TERMINATED);
	part = curl_mime_addpart(mime);
	curl_mime_name(part, "voucher");
	curl_mime_filename(part, "voucher.png");
	curl_mime_type(part, "image/png");
	curl_mime_data(part, png, sizeof(png) - 1);
	curl_easy_setopt(cu, CURLOPT_URL, url);
	curl_easy_setopt(cu, CURLOPT_MIMEPOST, mime);
	curl_easy_setopt(cu, CURLOPT_COOKIE, cookie);
	curl_easy_setopt(cu, CURLOPT_WRITEFUNCTION, sink);
	{
		struct buf rb;

		buf_init(&rb);
		curl_easy_setopt(cu, CURLOPT_WRITEDATA, &rb);
		assert_int_equal(curl_easy_perform(cu), CURLE_OK);
		buf_cleanup(&rb);
	}
	curl_easy_getinfo(cu, CURLINFO_RESPONSE_CODE, &st);
	curl_easy_cleanup(cu);
	curl_mime_free(mime);
	free(sess);
	free(tok);
	assert_int_equal(st, 303);
	assert_int_equal(db_cod_get(shop_db(), id, 0, &c), 1);
	assert_true(c.shopper_paid_at > 0);
	assert_true(c.shopper_file_id > 0);
	snprintf(path, sizeof(path), "/orders/%lld/cod/voucher", (long long)id);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(r.len == sizeof(png) - 1);
	client_resp_cleanup(&r);
	client_free(cl);
	client_free(adm);
}

/* COD-P8: a shopper who lost the voucher looks up the courier's payment
 * record; another shopper gets 404. */
static void
test_COD_P8_lost_voucher_record_lookup(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl, *other;
	struct client_resp	 r;
	char			 email[128], e2[128], path[96];
	int64_t			 id;

	(void)state;
	id = shipped_order(adm, &cl, email, "p8b");
	snprintf(path, sizeof(path), "/orders/%lld/cod/record", (long long)id);
	page_has(cl, path, "has not reported a payment");
	ev(200, "paid", id, ",\"amount\":\"477.36\",\"method\":\"mobile\","
	    "\"record_id\":\"PR-LOST-7\"");
	page_has(cl, path, "PR-LOST-7");
	other = new_shopper(e2, "p8c");
	shop_get(other, path, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	client_free(other);
	client_free(cl);
	client_free(adm);
}

/* Refuse order id with reason; check the outcome. */
static void
refuse_kind(struct client *adm, const char *reason)
{
	struct client		*cl;
	struct db_cod_user	 u;
	struct db_debt		*d;
	size_t			 n;
	char			 email[128], extra[96];
	int64_t			 id, uid;

	id = shipped_order(adm, &cl, email, "p4");
	uid = shop_user_id(email);
	ev(200, "delivered", id, "");
	snprintf(extra, sizeof(extra), ",\"reason\":\"%s\"", reason);
	ev(200, "refused", id, extra);
	assert_string_equal(shop_status(id), "cancelled");
	assert_int_equal(db_cod_user_get(shop_db(), uid, 0, &u), 1);
	assert_int_equal(u.violations, 0);
	assert_int_equal(db_debt_list(shop_db(), uid, &d, &n), 0);
	assert_int_equal(n, 0);
	free(d);
	assert_true(has_message(uid, "no cost"));
	page_has(cl, "/account/cod", "no (COD-P4)");
	page_has(cl, "/account/cod", "id=\"cod-allowed\"");
	client_free(cl);
}

/* COD-P4: damage, wrong item, missing items: cancelled at no cost, not
 * counted, no debt. */
static void
test_COD_P4_valid_refusals_not_counted(void **state)
{
	struct client *adm = shop_signin(ADMIN);

	(void)state;
	refuse_kind(adm, "damaged");
	refuse_kind(adm, "wrong_item");
	refuse_kind(adm, "missing_items");
	client_free(adm);
}

/* COD-F2: no valid reason: round-trip shipping + service fee as a debt,
 * a strike, a violation (the ladder stops); shown on the account page. */
static void
test_COD_F2_refusal_debt_and_strike(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct db_cod_user	 u;
	struct db_debt		*d;
	size_t			 n;
	char			 email[128];
	int64_t			 id, uid;

	(void)state;
	id = shipped_order(adm, &cl, email, "f2");
	uid = shop_user_id(email);
	/* Refused at the door, before any "delivered" report. */
	ev(400, "refused", id, ",\"reason\":\"no_valid_reason\"");
	ev(200, "refused", id, ",\"reason\":\"no_valid_reason\","
	    "\"round_trip_shipping\":\"12.50\"");
	assert_string_equal(shop_status(id), "refused");
	assert_int_equal(db_debt_list(shop_db(), uid, &d, &n), 0);
	assert_int_equal(n, 1);
	/* 12.50 shipping + 18.36 fee (COD-F1 4% of 459.00). */
	assert_int_equal(d[0].amount_minor, 1250 + 1836);
	assert_string_equal(d[0].currency, "USD");
	free(d);
	assert_int_equal(db_cod_user_get(shop_db(), uid, 0, &u), 1);
	assert_int_equal(u.violations, 1);
	assert_string_equal(u.suspended_until, "");
	page_has(cl, "/account/cod", "USD 30.86");
	page_has(cl, "/account/cod", "id=\"cod-strikes\">1<");
	page_has(cl, "/account/cod", "id=\"cod-blocked\"");
	assert_true(has_message(uid, "USD 30.86"));
	client_free(cl);
	client_free(adm);
}

/* COD-F2: the third refusal without a valid reason suspends COD for 3
 * months from that refusal: checkout shows COD-08 with the end date; the
 * tick's COD work lifts the recorded suspension exactly 3 months later,
 * not a second before; `mallpayctl tick` runs it. */
static void
test_COD_F2_third_strike_suspends_tick_lifts(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct db_cod_user	 u;
	struct buf		 log;
	char			 email[128], want[11], *blk;
	mp_date			 today, end;
	int64_t			 id, uid, until_t;
	int			 i;

	(void)state;
	cl = new_shopper(email, "f2x");
	uid = shop_user_id(email);
	for (i = 0; i < 3; i++) {
		id = place_cod(cl, email, VACUUM);
		approve(adm, id);
		ev(200, "shipped", id, ",\"carrier\":\"Demo Express\","
		    "\"tracking\":\"DX1\"");
		ev(200, "refused", id, ",\"reason\":\"no_valid_reason\","
		    "\"round_trip_shipping\":\"5.00\"");
		assert_int_equal(db_cod_user_get(shop_db(), uid, 0, &u), 1);
		if (i < 2)
			assert_string_equal(u.suspended_until, "");
	}
	mp_date_from_unix(clock_now(), &today);
	mp_date_add_months(today, 3, &end);
	mp_date_str(end, want, sizeof(want));
	assert_string_equal(u.suspended_until, want);
	assert_true(has_message(uid, "suspended"));
	/* COD-08 at checkout, with the date it ends. */
	blk = cod_block(cl, email, VACUUM);
	assert_non_null(strstr(blk, "COD-08"));
	assert_non_null(strstr(blk, want));
	assert_null(strstr(blk, "name=\"pay\""));
	free(blk);
	page_has(cl, "/account/cod", "id=\"cod-suspended\"");
	/* The end, through the tick's COD work at fixed times. */
	until_t = mp_date_to_unix(end);
	buf_init(&log);
	assert_true(cod_tick(shop_db(), until_t - 1, &log) >= 0);
	assert_int_equal(db_cod_user_get(shop_db(), uid, 0, &u), 1);
	assert_string_equal(u.suspended_until, want);
	assert_true(cod_tick(shop_db(), until_t, &log) >= 1);
	assert_int_equal(db_cod_user_get(shop_db(), uid, 0, &u), 1);
	assert_string_equal(u.suspended_until, "");
	assert_true(has_message(uid, "available again"));
	/* Idempotent: nothing more to lift. */
	buf_reset(&log);
	assert_true(cod_tick(shop_db(), until_t, &log) >= 0);
	assert_null(strstr(buf_str(&log), "lifted"));
	/* `mallpayctl tick` runs the COD work (at the real now). */
	(void)mallpayctl_run(&log, "tick");
	if (strncmp(buf_str(&log), "cod: ", 5) != 0 &&
	    strstr(buf_str(&log), "\ncod: ") == NULL)
		fail_msg("tick printed no cod line: %s", buf_str(&log));
	buf_cleanup(&log);
	client_free(cl);
	client_free(adm);
}

/* COD-F3: an admin revokes COD permanently (checkout shows COD-08 naming
 * COD-F3) and reinstates it. */
static void
test_COD_F3_revoke_and_reinstate(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct client_resp	 r;
	struct db_cod_user	 u;
	char			 email[128], path[96], *blk;
	int64_t			 uid;

	(void)state;
	cl = new_shopper(email, "f3");
	uid = shop_user_id(email);
	snprintf(path, sizeof(path), "/admin/cod/users/%lld/revoke",
	    (long long)uid);
	admin_post(adm, path, &r, NULL, NULL, NULL, NULL);
	refused_on(&r, "id=\"user-error\"");
	admin_post(adm, path, &r, "reason", "false orders", NULL, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(db_cod_user_get(shop_db(), uid, 0, &u), 1);
	assert_int_equal(u.revoked, 1);
	blk = cod_block(cl, email, VACUUM);
	assert_non_null(strstr(blk, "COD-08"));
	assert_null(strstr(blk, "name=\"pay\""));
	free(blk);
	page_has(cl, "/account/cod", "id=\"cod-revoked\"");
	snprintf(path, sizeof(path), "/admin/cod/users/%lld", (long long)uid);
	page_has(adm, path, "Reinstate COD");
	snprintf(path, sizeof(path), "/admin/cod/users/%lld/reinstate",
	    (long long)uid);
	admin_post(adm, path, &r, NULL, NULL, NULL, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(db_cod_user_get(shop_db(), uid, 0, &u), 1);
	assert_int_equal(u.revoked, 0);
	blk = cod_block(cl, email, NULL);
	assert_null(strstr(blk, "COD-08"));
	free(blk);
	client_free(cl);
	client_free(adm);
}

/* COD-P5: two reschedulings are fine, a third is refused (422 naming
 * COD-P5); COD-P5/P6: unpaid after the agreed day, `mallpayctl tick`
 * cancels the order without a strike. */
static void
test_COD_P5_reschedule_limit_and_tick_cancel(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct db_cod_user	 u;
	struct db_cod		 c;
	char			 email[128], extra[64], day[11], cmd[1024];
	char			*b;
	mp_date			 d;
	int64_t			 id, uid;
	int			 i;

	(void)state;
	id = shipped_order(adm, &cl, email, "p5");
	uid = shop_user_id(email);
	mp_date_from_unix(clock_now(), &d);
	for (i = 0; i < 4; i++) {
		mp_date_add_days(d, 1, &d);
		mp_date_str(d, day, sizeof(day));
		snprintf(extra, sizeof(extra), ",\"date\":\"%s\"", day);
		if (i == 0)
			ev(200, "delivery_scheduled", id, extra);
		else if (i < 3)
			ev(200, "rescheduled", id, extra);
		else {
			b = event(422, "rescheduled", id, extra, NULL);
			assert_non_null(strstr(b, "COD-P5"));
			free(b);
		}
	}
	assert_int_equal(db_cod_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.reschedules, 2);
	/* A date in the past is refused, naming the field. */
	b = event(422, "delivery_scheduled", id, ",\"date\":\"2020-01-01\"",
	    NULL);
	assert_non_null(strstr(b, "\"field\":\"date\""));
	free(b);
	/* The agreed day passes unpaid (moved into the past by the test):
	 * the tick cancels, COD-P6 leaves the permission alone. */
	mp_date_from_unix(clock_now(), &d);
	mp_date_add_days(d, -1, &d);
	mp_date_str(d, day, sizeof(day));
	assert_int_equal(db_cod_set_agreed(shop_db(), id, day, 0), 0);
	snprintf(cmd, sizeof(cmd), "%s -c %s tick > /dev/null",
	    getenv("MALLPAY_CTL"), getenv("MALLPAY_CONF"));
	(void)system(cmd);
	assert_string_equal(shop_status(id), "cancelled");
	assert_int_equal(db_cod_user_get(shop_db(), uid, 0, &u), 1);
	assert_int_equal(u.violations, 0);
	assert_true(has_message(uid, "COD-P6"));
	page_has(cl, "/account/cod", "id=\"cod-strikes\">0<");
	page_has(cl, "/account/cod", "id=\"cod-allowed\"");
	client_free(cl);
	client_free(adm);
}

/* The delivery day d days from today into day (11 bytes) and the JSON
 * member ",\"date\":\"...\"" into extra (64 bytes). */
static void
day_in(int d, char *day, char *extra)
{
	mp_date t;

	mp_date_from_unix(clock_now(), &t);
	mp_date_add_days(t, d, &t);
	mp_date_str(t, day, 11);
	snprintf(extra, 64, ",\"date\":\"%s\"", day);
}

/* COD-P5: every change of the agreed day counts as a rescheduling,
 * whichever event carries it: delivery_scheduled events moving the day
 * count as well; the third change is refused; the day already agreed
 * again changes nothing. */
static void
test_COD_P5_every_date_change_counts(void **state)
{
	struct client	*adm = shop_signin(ADMIN), *cl;
	struct db_cod	 c;
	char		 email[128], extra[64], day[11], *b;
	int64_t		 id;

	(void)state;
	id = shipped_order(adm, &cl, email, "p5c");
	day_in(1, day, extra);
	ev(200, "delivery_scheduled", id, extra);
	day_in(2, day, extra);
	ev(200, "delivery_scheduled", id, extra);	/* change 1 */
	day_in(3, day, extra);
	ev(200, "rescheduled", id, extra);		/* change 2 */
	ev(200, "delivery_scheduled", id, extra);	/* the same day */
	assert_int_equal(db_cod_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.reschedules, 2);
	day_in(4, day, extra);
	b = event(422, "delivery_scheduled", id, extra, NULL);
	assert_non_null(strstr(b, "COD-P5"));
	free(b);
	day_in(3, day, extra);
	assert_int_equal(db_cod_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.reschedules, 2);
	assert_string_equal(c.agreed_date, day);
	client_free(cl);
	client_free(adm);
}

/* COD-P5: once the goods are delivered the agreed day no longer moves,
 * by either event; nothing changes. */
static void
test_COD_P5_no_date_change_after_delivery(void **state)
{
	struct client	*adm = shop_signin(ADMIN), *cl;
	struct db_cod	 c;
	char		 email[128], extra[64], day[11], first[11], *b;
	int64_t		 id;
	int		 i;

	(void)state;
	id = shipped_order(adm, &cl, email, "p5d");
	day_in(1, first, extra);
	ev(200, "delivery_scheduled", id, extra);
	ev(200, "delivered", id, "");
	for (i = 0; i < 6; i++) {
		day_in(2 + i, day, extra);
		b = event(409, i % 2 ? "rescheduled" : "delivery_scheduled",
		    id, extra, NULL);
		assert_non_null(strstr(b, "delivered"));
		free(b);
	}
	assert_int_equal(db_cod_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.reschedules, 0);
	assert_string_equal(c.agreed_date, first);
	assert_string_equal(shop_status(id), "delivered");
	client_free(cl);
	client_free(adm);
}

/* COD-P8 idempotency: an event id sent again with the same fields gets
 * the first answer; with other fields (another day, another type) it is
 * refused with 409 naming event_id, and nothing changes. */
static void
test_COD_P8_event_id_reused_other_fields_409(void **state)
{
	struct client	*adm = shop_signin(ADMIN), *cl;
	struct db_cod	 c;
	char		 email[128], json[512], day[11], day2[11], extra[64];
	char		 eid[64], *first, *b = NULL;
	int64_t		 id;

	(void)state;
	id = shipped_order(adm, &cl, email, "p8i");
	day_in(2, day2, extra);
	day_in(1, day, extra);
	first = event(200, "delivery_scheduled", id, extra, eid);
	/* Signed a second later: a new request, not a replayed signature. */
	snprintf(json, sizeof(json), "{\"event_id\":\"%s\",\"type\":"
	    "\"delivery_scheduled\",\"order_id\":%lld%s}", eid,
	    (long long)id, extra);
	assert_int_equal(send_raw(json, 1, 0, &b), 200);
	assert_string_equal(b, first);
	free(b);
	snprintf(json, sizeof(json), "{\"event_id\":\"%s\",\"type\":"
	    "\"delivery_scheduled\",\"order_id\":%lld,\"date\":\"%s\"}",
	    eid, (long long)id, day2);
	assert_int_equal(send_raw(json, 0, 0, &b), 409);
	assert_non_null(strstr(b, "\"field\":\"event_id\""));
	free(b);
	snprintf(json, sizeof(json), "{\"event_id\":\"%s\",\"type\":"
	    "\"delivered\",\"order_id\":%lld}", eid, (long long)id);
	assert_int_equal(send_raw(json, 0, 0, &b), 409);
	free(b);
	assert_int_equal(db_cod_get(shop_db(), id, 0, &c), 1);
	assert_string_equal(c.agreed_date, day);
	assert_int_equal(c.reschedules, 0);
	assert_string_equal(shop_status(id), "shipped");
	free(first);
	client_free(cl);
	client_free(adm);
}

/* COD-P8 partner scope: a second logistics partner, signing with its own
 * key, cannot act on an order booked with the first (shipped by it, or
 * booked by the mall through the logistics gateway): 403 and nothing
 * changes; the first partner still can. */
static void
test_COD_P8_other_partner_refused(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct client_resp	 r;
	struct db_cod		 c;
	char			 email[128], json[512], path[96], *body = NULL;
	int64_t			 id, id2;
	long			 st;

	(void)state;
	shop_sql("INSERT IGNORE INTO partners (id, name, kind, key_version, "
	    "enabled, created_at) VALUES (77, 'Rival Logistics', "
	    "'logistics', 1, 1, 0)");
	id = shipped_order(adm, &cl, email, "p8s");
	snprintf(json, sizeof(json), "{\"event_id\":\"rival-%lld-%d\","
	    "\"type\":\"paid\",\"order_id\":%lld,\"amount\":\"477.36\","
	    "\"method\":\"cash\",\"record_id\":\"RV-%lld\"}", (long long)id,
	    (int)getpid(), (long long)id, (long long)id);
	st = shop_partner_post(77, EV_PATH, json, 0, SHOP_SIGNED, &body);
	if (st != 403 || strstr(body, "another logistics partner") == NULL)
		fail_msg("rival paid: %ld %s", st, body);
	free(body);
	assert_string_equal(shop_status(id), "shipped");
	assert_int_equal(db_cod_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.paid_reported_at, 0);
	/* The first partner's own report still completes it. */
	ev(200, "paid", id, ",\"amount\":\"477.36\",\"method\":\"cash\","
	    "\"record_id\":\"PR-S1\"");
	assert_string_equal(shop_status(id), "completed");
	/* Booked by the mall through the gateway: the rival cannot deliver
	 * (nor ship again), the mall's partner can. */
	id2 = place_cod(cl, email, VACUUM);
	approve(adm, id2);
	snprintf(path, sizeof(path), "/admin/orders/%lld/ship",
	    (long long)id2);
	admin_post(adm, path, &r, NULL, NULL, NULL, NULL);
	if (r.status != 303 || strcmp(shop_status(id2), "shipped") != 0)
		fail_msg("gateway booking of #%lld: %ld", (long long)id2,
		    r.status);
	client_resp_cleanup(&r);
	snprintf(json, sizeof(json), "{\"event_id\":\"rival2-%lld-%d\","
	    "\"type\":\"delivered\",\"order_id\":%lld}", (long long)id2,
	    (int)getpid(), (long long)id2);
	assert_int_equal(shop_partner_post(77, EV_PATH, json, 0, SHOP_SIGNED,
	    NULL), 403);
	assert_string_equal(shop_status(id2), "shipped");
	ev(200, "delivered", id2, "");
	assert_string_equal(shop_status(id2), "delivered");
	client_free(cl);
	client_free(adm);
}

/* Complete one COD order of sku for the shopper through the partner. */
static void
complete_one(struct client *adm, struct client *cl, const char *email,
    const char *sku, const char *total)
{
	char	extra[128];
	int64_t	id = place_cod(cl, email, sku);

	approve(adm, id);
	ev(200, "shipped", id, ",\"carrier\":\"Demo Express\","
	    "\"tracking\":\"DX2\"");
	snprintf(extra, sizeof(extra), ",\"amount\":\"%s\",\"method\":"
	    "\"cash\",\"record_id\":\"PR-L%lld\"", total, (long long)id);
	ev(200, "paid", id, extra);
	assert_string_equal(shop_status(id), "completed");
}

/* COD-07: at 5 completed COD orders the limit is still USD 500 (one more
 * to go: a USD 729 cart is refused); the 6th lifts it to USD 2,000. */
static void
test_COD_07_ladder_at_5_and_6(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct db_cod_user	 u;
	char			 email[128], *blk;
	int64_t			 uid;
	int			 i;

	(void)state;
	cl = new_shopper(email, "l7");
	uid = shop_user_id(email);
	page_has(cl, "/account/cod", "id=\"cod-limit\">USD 500.00<");
	page_has(cl, "/account/cod", "6 more completed COD order");
	for (i = 0; i < 5; i++)
		complete_one(adm, cl, email, VACUUM, "477.36");
	assert_int_equal(db_cod_user_get(shop_db(), uid, 0, &u), 1);
	assert_int_equal(u.completed, 5);
	page_has(cl, "/account/cod", "id=\"cod-limit\">USD 500.00<");
	page_has(cl, "/account/cod", "1 more completed COD order");
	blk = cod_block(cl, email, WASHER);
	assert_non_null(strstr(blk, "COD-07"));
	free(blk);
	complete_one(adm, cl, email, VACUUM, "477.36");
	assert_int_equal(db_cod_user_get(shop_db(), uid, 0, &u), 1);
	assert_int_equal(u.completed, 6);
	page_has(cl, "/account/cod", "id=\"cod-limit\">USD 2,000.00<");
	page_has(cl, "/account/cod", "id=\"cod-at-top\"");
	blk = cod_block(cl, email, WASHER);
	assert_null(strstr(blk, "COD-07"));
	assert_non_null(strstr(blk, "name=\"pay\" value=\"cod\""));
	free(blk);
	client_free(cl);
	client_free(adm);
}

/* COD-P7: after paying, a return request; the merchant's receipt (the
 * partner's return_received) stores the refund date, 5 business days
 * later, shown on the order; the admin then sends the refund. */
static void
test_COD_P7_return_refund_due(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct client_resp	 r;
	struct db_order		 o;
	char			 email[128], path[96], *tok, *form;
	int64_t			 id;

	(void)state;
	id = shipped_order(adm, &cl, email, "p7");
	ev(200, "paid", id, ",\"amount\":\"477.36\",\"method\":\"cash\","
	    "\"record_id\":\"PR-R7\"");
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	page_has(cl, path, "Request a return");
	snprintf(path, sizeof(path), "/orders/%lld/cod/return", (long long)id);
	tok = client_csrf_of(cl, "/orders");
	form = client_form("csrf", tok, "reason", "the lid is cracked", NULL);
	assert_int_equal(client_post(cl, path, form, &r), 0);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	free(form);
	free(tok);
	assert_string_equal(shop_status(id), "return_requested");
	ev(200, "return_received", id, "");
	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	assert_int_equal(o.status, OS_RETURNED);
	assert_true(o.refund_due[0] != '\0');
	{
		mp_date		 today, want;
		char		 w[11];

		mp_date_from_unix(clock_now(), &today);
		assert_int_equal(mp_date_add_business_days(today, 5, NULL, 0,
		    &want), 0);
		mp_date_str(want, w, sizeof(w));
		/* Holidays may only push it later. */
		assert_true(strcmp(o.refund_due, w) >= 0);
	}
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	page_has(cl, path, o.refund_due);
	/* The refund line carries the price paid at delivery. */
	page_has(cl, path, "Refund of USD 459.00 by ");
	snprintf(path, sizeof(path), "/admin/orders/%lld/refund-sent",
	    (long long)id);
	admin_post(adm, path, &r, NULL, NULL, NULL, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_string_equal(shop_status(id), "refunded");
	client_free(cl);
	client_free(adm);
}

/* GET path as cl and check it does not contain s (and status 200). */
static void
page_lacks(struct client *cl, const char *path, const char *s)
{
	struct client_resp r;

	shop_get(cl, path, &r);
	if (r.status != 200 || client_has(&r, s))
		fail_msg("%s: status %ld, has \"%s\"", path, r.status, s);
	client_resp_cleanup(&r);
}

/* COD-F2 on the order page: a refused order shows the refusal charge and
 * the open debt with its pay link, not "paid to the courier" nor "you
 * pay the courier"; My Orders shows the debt too, /account/cod links to
 * the payment, which exists; once paid, no debt is shown any more. */
static void
test_COD_F2_refused_order_shows_charge_and_debt(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct client_resp	 r;
	struct db_debt		*d;
	size_t			 n;
	char			 email[128], path[64], pay[64];
	int64_t			 id;

	(void)state;
	id = shipped_order(adm, &cl, email, "f2page");
	ev(200, "refused", id, ",\"reason\":\"no_valid_reason\","
	    "\"round_trip_shipping\":\"12.50\"");
	assert_string_equal(shop_status(id), "refused");
	assert_int_equal(db_debt_list(shop_db(), shop_user_id(email), &d, &n),
	    0);
	assert_int_equal(n, 1);
	snprintf(pay, sizeof(pay), "/account/cod/debts/%lld/pay",
	    (long long)d[0].id);
	free(d);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	page_has(cl, path, "id=\"order-charge\">USD 30.86<");
	page_has(cl, path, "id=\"order-debt\">USD 30.86");
	page_has(cl, path, pay);
	page_lacks(cl, path, "Paid to the courier at delivery");
	page_lacks(cl, path, "you pay the courier");
	page_has(cl, "/orders", "Owed now USD 30.86");
	page_has(cl, "/orders", pay);
	page_has(cl, "/account/cod", pay);
	shop_get(cl, pay, &r);
	assert_int_equal(r.status, 200);
	client_resp_cleanup(&r);
	client_free(cl);
	client_free(adm);
}

/* COD-P1 on the order page: rejected in review, the shopper is not told
 * to pay the courier at delivery. */
static void
test_COD_P1_rejected_order_no_courier_payment(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct client_resp	 r;
	char			 email[128], path[96];
	int64_t			 id;

	(void)state;
	cl = new_shopper(email, "p1page");
	id = place_cod(cl, email, VACUUM);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	page_has(cl, path, "you pay the courier");
	snprintf(path, sizeof(path), "/admin/orders/%lld/cod-reject",
	    (long long)id);
	admin_post(adm, path, &r, "from", "awaiting_review", "reason",
	    "address outside the service area");
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_string_equal(shop_status(id), "refused");
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	page_lacks(cl, path, "you pay the courier");
	page_lacks(cl, path, "Paid to the courier at delivery");
	page_lacks(cl, path, "id=\"order-debt\"");
	client_free(cl);
	client_free(adm);
}

/* COD-P3/P5 on the order page: once the courier reported the payment,
 * the agreed day no longer threatens a cancellation. */
static void
test_COD_P5_completed_order_no_end_of_day_rule(void **state)
{
	struct client	*adm = shop_signin(ADMIN), *cl;
	char		 email[128], path[64], day[11], extra[64];
	int64_t		 id;

	(void)state;
	id = shipped_order(adm, &cl, email, "p5page");
	day_in(1, day, extra);
	ev(200, "delivery_scheduled", id, extra);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	page_has(cl, path, "end of that day");
	ev(200, "delivered", id, "");
	ev(200, "paid", id, ",\"amount\":\"477.36\",\"method\":\"cash\","
	    "\"record_id\":\"PR-P5PAGE\"");
	assert_string_equal(shop_status(id), "completed");
	page_has(cl, path, "id=\"cod-agreed\"");
	page_lacks(cl, path, "end of that day");
	page_has(cl, path, "Paid to the courier at delivery");
	client_free(cl);
	client_free(adm);
}

/* A link cannot put its own text on the COD pages: a crafted ?notice=,
 * ?error= (and the order page's ?cod_notice=, ?cod_error=) shows nothing,
 * nor does an unknown ?done= code; a step's own code shows its fixed
 * sentence, and a refused step shows the desk with its reason. */
static void
test_COD_notes_only_fixed_sentences(void **state)
{
	static const char crafted[] = "Call+0800-FAKE+to+confirm+your+refund";
	struct client		*adm = shop_signin(ADMIN), *cl;
	struct client_resp	 r;
	char			 email[128], path[160];
	int64_t			 id, uid;

	(void)state;
	cl = new_shopper(email, "notes");
	id = place_cod(cl, email, VACUUM);
	uid = shop_user_id(email);
	snprintf(path, sizeof(path), "/admin/queues/cod?notice=%s&error=%s",
	    crafted, crafted);
	page_lacks(adm, path, "0800-FAKE");
	snprintf(path, sizeof(path), "/admin/orders/%lld/fulfil?notice=%s&"
	    "error=%s", (long long)id, crafted, crafted);
	page_lacks(adm, path, "0800-FAKE");
	snprintf(path, sizeof(path), "/admin/orders/%lld/fulfil?done=0800-FAKE",
	    (long long)id);
	page_lacks(adm, path, "0800-FAKE");
	snprintf(path, sizeof(path), "/admin/cod/users/%lld?notice=%s&"
	    "error=%s", (long long)uid, crafted, crafted);
	page_lacks(adm, path, "0800-FAKE");
	snprintf(path, sizeof(path), "/orders/%lld?cod_notice=%s&cod_error=%s",
	    (long long)id, crafted, crafted);
	page_lacks(cl, path, "0800-FAKE");
	snprintf(path, sizeof(path), "/orders/%lld?cod_done=0800-FAKE",
	    (long long)id);
	page_lacks(cl, path, "0800-FAKE");
	/* Delivering before shipping is refused: the desk with the reason,
	 * no redirect carrying it. */
	snprintf(path, sizeof(path), "/admin/orders/%lld/deliver",
	    (long long)id);
	admin_post(adm, path, &r, NULL, NULL, NULL, NULL);
	refused_on(&r, "id=\"desk-error\"");
	/* Approved from the desk: back with the step's code and sentence. */
	snprintf(path, sizeof(path), "/admin/orders/%lld/cod-approve",
	    (long long)id);
	admin_post(adm, path, &r, "from", "awaiting_review", "back", "desk");
	assert_int_equal(r.status, 303);
	assert_non_null(r.location);
	assert_non_null(strstr(r.location, "?done=approved"));
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/admin/orders/%lld/fulfil?done=approved",
	    (long long)id);
	page_has(adm, path, "id=\"desk-notice\">The order is approved for "
	    "cash on delivery.");
	client_free(cl);
	client_free(adm);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_COD_P1_admin_review_approve_reject),
		cmocka_unit_test(test_COD_P2_admin_ships_tracking_shown),
		cmocka_unit_test(test_COD_P8_courier_contact_in_logistics_details),
		cmocka_unit_test(
		    test_COD_P8_partner_signed_unsigned_replayed_malformed),
		cmocka_unit_test(test_COD_P3_shopper_first_then_report_completes),
		cmocka_unit_test(test_COD_P3_report_first_then_shopper_voucher),
		cmocka_unit_test(test_COD_P8_lost_voucher_record_lookup),
		cmocka_unit_test(test_COD_P4_valid_refusals_not_counted),
		cmocka_unit_test(test_COD_F2_refusal_debt_and_strike),
		cmocka_unit_test(test_COD_F2_third_strike_suspends_tick_lifts),
		cmocka_unit_test(test_COD_F3_revoke_and_reinstate),
		cmocka_unit_test(test_COD_P5_reschedule_limit_and_tick_cancel),
		cmocka_unit_test(test_COD_P5_every_date_change_counts),
		cmocka_unit_test(test_COD_P5_no_date_change_after_delivery),
		cmocka_unit_test(test_COD_P8_other_partner_refused),
		cmocka_unit_test(test_COD_P8_event_id_reused_other_fields_409),
		cmocka_unit_test(test_COD_07_ladder_at_5_and_6),
		cmocka_unit_test(test_COD_P7_return_refund_due),
		cmocka_unit_test(test_COD_F2_refused_order_shows_charge_and_debt),
		cmocka_unit_test(test_COD_P1_rejected_order_no_courier_payment),
		cmocka_unit_test(test_COD_P5_completed_order_no_end_of_day_rule),
		cmocka_unit_test(test_COD_notes_only_fixed_sentences),
	};
	const char	*conf = getenv("MALLPAY_CONF");
	char		 err[512];
	int		 rc;

	shop_init();
	if (conf == NULL || config_load(&cfg, conf, err, sizeof(err)) == -1) {
		fprintf(stderr, "test_cod: cannot load MALLPAY_CONF\n");
		return 1;
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	curl_global_cleanup();
	return rc;
}
