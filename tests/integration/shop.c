/*
 * Helpers of the checkout and "My Orders" integration tests (shop.h).
 */
#include <setjmp.h>
#include <sodium.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/checkout.h"
#include "db/db.h"
#include "db/order.h"
#include "db/seed.h"
#include "service/ledger.h"
#include "db/stmt.h"
#include "service/address.h"
#include "service/auth.h"
#include "service/identity.h"
#include "service/partner_auth.h"
#include "ctl.h"
#include "shop.h"

static struct config	 cfg;
static struct db	*conn;

/* See shop.h. */
void
shop_init(void)
{
	const char	*conf = getenv("MALLPAY_CONF");
	char		 err[512];

	if (conf == NULL) {
		fprintf(stderr, "MALLPAY_CONF is not set (run by "
		    "tests/integration/suite.sh)\n");
		exit(1);
	}
	if (config_load(&cfg, conf, err, sizeof(err)) == -1) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	if (sodium_init() < 0)
		exit(1);
	db_library_init();
}

/* See shop.h. */
void
shop_end(void)
{
	db_free(conn);
	conn = NULL;
	db_library_end();
}

/* See shop.h. */
struct db *
shop_db(void)
{
	char err[512];

	if (conn == NULL && (conn = db_open(&cfg, err, sizeof(err))) == NULL)
		fail_msg("db_open: %s", err);
	assert_int_equal(db_ensure(conn), 0);
	return conn;
}

/* See shop.h. */
struct client *
shop_signin(const char *email)
{
	struct client *cl = client_new();

	assert_int_equal(client_signin(cl, email, DEMO_PASSWORD), 303);
	return cl;
}

/* See shop.h. */
int64_t
shop_user_id(const char *email)
{
	int64_t id = db_seed_user_id(shop_db(), email);

	if (id <= 0)
		fail_msg("no demo user %s", email);
	return id;
}

/* See shop.h. */
void
shop_fill_cart(struct client *cl, const char *email,
    const char *const *skus, const int *qtys)
{
	struct seed_product	 p;
	struct client_resp	 r;
	char			*tok, *body, id[32], q[16];
	size_t			 i;

	assert_int_equal(db_checkout_clear_cart(shop_db(),
	    shop_user_id(email)), 0);
	for (i = 0; skus[i] != NULL; i++) {
		if (db_seed_product(shop_db(), skus[i], &p) != 0)
			fail_msg("no product %s", skus[i]);
		tok = client_csrf_of(cl, "/cart");
		assert_non_null(tok);
		snprintf(id, sizeof(id), "%lld", (long long)p.id);
		snprintf(q, sizeof(q), "%d", qtys[i]);
		body = client_form("csrf", tok, "product_id", id, "qty", q,
		    NULL);
		assert_int_equal(client_post(cl, "/cart/add", body, &r), 0);
		assert_int_equal(r.status, 303);
		client_resp_cleanup(&r);
		free(body);
		free(tok);
	}
}

/* See shop.h. */
void
shop_get(struct client *cl, const char *path, struct client_resp *r)
{
	memset(r, 0, sizeof(*r));
	assert_int_equal(client_get(cl, path, r), 0);
}

/* The value of the hidden input name in html (malloc'd) or NULL. */
static char *
hidden(const char *html, const char *name)
{
	char marker[96];

	snprintf(marker, sizeof(marker), "name=\"%s\" value=\"", name);
	return client_between(html, marker, "\"");
}

/* See shop.h. */
void
shop_place(struct client *cl, const char *query, const char *country,
    const char *pay, const char *disclosed, const char *use_key, char *key,
    struct client_resp *r)
{
	struct client_resp	 page;
	char			 path[256], *tok, *k, *body;

	snprintf(path, sizeof(path), "/checkout?country=%s%s%s", country,
	    query != NULL ? "&" : "", query != NULL ? query : "");
	shop_get(cl, path, &page);
	assert_int_equal(page.status, 200);
	tok = client_csrf(page.body);
	k = hidden(page.body, "key");
	assert_non_null(tok);
	assert_non_null(k);
	if (key != NULL)
		snprintf(key, 65, "%s", k);
	body = client_form("csrf", tok, "key", use_key != NULL ? use_key : k,
	    "country", country, "pay", pay, "disclosed",
	    disclosed != NULL ? disclosed : "", NULL);
	memset(r, 0, sizeof(*r));
	assert_int_equal(client_post(cl, "/checkout/place", body, r), 0);
	free(body);
	free(tok);
	free(k);
	client_resp_cleanup(&page);
}

/* See shop.h. */
int64_t
shop_location_order(const struct client_resp *r)
{
	const char *p;

	/* The Location may be absolute ("http://host:port/orders/N"). */
	if (r->location == NULL || (p = strstr(r->location, "/orders/")) ==
	    NULL)
		return 0;
	return strtoll(p + 8, NULL, 10);
}

/* See shop.h. */
size_t
shop_order_count(int64_t user_id)
{
	struct db_order_row	*rows;
	size_t			 n;
	int			 more;

	assert_int_equal(db_order_list_page(shop_db(), user_id, 0, 100000,
	    &rows, &n, &more), 0);
	free(rows);
	return n;
}

/* See shop.h. */
char *
shop_method_block(const char *html, const char *id)
{
	char marker[128];

	snprintf(marker, sizeof(marker), "id=\"%s\"", id);
	return client_between(html, marker, "</div>");
}

/* See shop.h. */
void
shop_tick(int64_t at, const char *part)
{
	const char	*ctl = getenv("MALLPAY_CTL");
	const char	*conf = getenv("MALLPAY_CONF");
	struct buf	 cmd, out;
	char		 line[512], when[32];
	time_t		 tt = (time_t)at;
	struct tm	 tm;
	FILE		*p;
	size_t		 plen = strlen(part);
	int		 seen = 0;

	assert_non_null(ctl);
	assert_non_null(conf);
	gmtime_r(&tt, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_init(&cmd);
	buf_init(&out);
	buf_printf(&cmd, "'%s' -c '%s' tick --now %s 2>&1", ctl, conf, when);
	p = popen(buf_str(&cmd), "r");
	assert_non_null(p);
	while (fgets(line, sizeof(line), p) != NULL) {
		buf_puts(&out, line);
		if (strncmp(line, part, plen) == 0 && line[plen] == ':') {
			seen = 1;
			if (strstr(line, " 0 errors") == NULL)
				fail_msg("tick %s: %s", when, buf_str(&out));
		}
	}
	pclose(p);
	if (!seen)
		fail_msg("tick %s printed no %s line: %s", when, part,
		    buf_str(&out));
	buf_cleanup(&cmd);
	buf_cleanup(&out);
}

/* curl's write callback: append the n * sz bytes at d to the struct buf
 * u; returns how many bytes were taken (all of them). */
static size_t
shop_sink(char *d, size_t sz, size_t n, void *u)
{
	buf_append((struct buf *)u, d, sz * n);
	return sz * n;
}

/* See shop.h. */
long
shop_partner_post(int64_t partner_id, const char *path, const char *json,
    int64_t skew, int how, char **out)
{
	struct buf		 hb, rb, url;
	struct curl_slist	*h = NULL;
	CURL			*cu;
	char			*line, *save, *copy;
	long			 st = 0;

	buf_init(&hb);
	buf_init(&rb);
	buf_init(&url);
	assert_int_equal(partner_sign_headers(&cfg, partner_id, 1,
	    clock_now() + skew, "POST", path, json, strlen(json), &hb), 0);
	copy = strdup(buf_str(&hb));
	for (line = strtok_r(copy, "\n", &save);
	    line != NULL && how != SHOP_UNSIGNED;
	    line = strtok_r(NULL, "\n", &save)) {
		if (how == SHOP_BADSIG &&
		    strncmp(line, "X-Signature: ", 13) == 0)
			line[13] = line[13] == 'a' ? 'b' : 'a';
		h = curl_slist_append(h, line);
	}
	h = curl_slist_append(h, "Content-Type: application/json");
	buf_printf(&url, "%s%s", client_base(), path);
	cu = curl_easy_init();
	curl_easy_setopt(cu, CURLOPT_URL, buf_str(&url));
	curl_easy_setopt(cu, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(cu, CURLOPT_POSTFIELDS, json);
	curl_easy_setopt(cu, CURLOPT_WRITEFUNCTION, shop_sink);
	curl_easy_setopt(cu, CURLOPT_WRITEDATA, &rb);
	if (curl_easy_perform(cu) == CURLE_OK)
		curl_easy_getinfo(cu, CURLINFO_RESPONSE_CODE, &st);
	curl_easy_cleanup(cu);
	curl_slist_free_all(h);
	free(copy);
	if (out != NULL)
		*out = strdup(buf_str(&rb));
	buf_cleanup(&hb);
	buf_cleanup(&rb);
	buf_cleanup(&url);
	return st;
}

/* See shop.h. */
void
shop_give_address(int64_t user_id, int64_t company_id)
{
	static const struct addr_input in = { "Test Recipient",
	    "1 Jalan Test", "", "Kuala Lumpur", "", "50450", "MY",
	    "+60 12-000 0000" };
	struct db_addr_owner o;

	o.user_id = company_id > 0 ? 0 : user_id;
	o.company_id = company_id;
	assert_true(address_seed_demo(shop_db(), &o, &in, 1, clock_now()) >= 0);
}

/* See shop.h. */
void
shop_register(char *email, size_t emailsz, const char *tag,
    const char *name, const char *password)
{
	struct client *cl = client_new();

	client_unique_email(email, emailsz, tag);
	assert_int_equal(client_register(cl, email, name, password), 303);
	client_free(cl);
	shop_give_address(shop_user_id(email), 0);
}

/* See shop.h. */
void
shop_language(struct client *cl, const char *tag)
{
	struct client_resp r;

	shop_post(cl, "/account/language", "/language", &r, "lang", tag,
	    "next", "/account/language", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
}

/* See shop.h. */
void
shop_post(struct client *cl, const char *csrf_page, const char *path,
    struct client_resp *r, ...)
{
	struct buf	 b;
	va_list		 ap;
	const char	*k, *v;
	char		*tok = client_csrf_of(cl, csrf_page), *f;

	assert_non_null(tok);
	buf_init(&b);
	f = client_form("csrf", tok, NULL);
	buf_puts(&b, f);
	free(f);
	va_start(ap, r);
	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		f = client_form(k, v, NULL);
		buf_printf(&b, "&%s", f);
		free(f);
	}
	va_end(ap);
	memset(r, 0, sizeof(*r));
	assert_int_equal(client_post(cl, path, buf_str(&b), r), 0);
	buf_cleanup(&b);
	free(tok);
}

/* See shop.h. */
int64_t
shop_place_one(struct client *cl, const char *email, const char *sku,
    const char *pay, const char *disclosed, const char *what, char *loc,
    size_t locsz)
{
	struct client_resp	 r;
	int64_t			 id;

	shop_fill_cart(cl, email, (const char *const[]){ sku, NULL },
	    (const int[]){ 1 });
	shop_place(cl, NULL, "MY", pay, disclosed, NULL, NULL, &r);
	if (r.status != 303)
		fail_msg("placing %s: %ld", what, r.status);
	if (loc != NULL) {
		assert_non_null(r.location);
		snprintf(loc, locsz, "%s", r.location);
	}
	id = shop_location_order(&r);
	client_resp_cleanup(&r);
	assert_true(id > 0);
	return id;
}

/* See shop.h. */
const struct config *
shop_config(void)
{
	return &cfg;
}

/* See shop.h. */
const char *
shop_status(int64_t id)
{
	static struct db_order o;

	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	return order_status_name(o.status);
}

/* See shop.h. */
void
shop_sql(const char *sql)
{
	char cmd[4096];

	ctl_sql_cmd(&cfg, sql, cmd, sizeof(cmd));
	assert_int_equal(system(cmd), 0);
}

/* See shop.h. */
struct client *
shop_company_member(const char *tag, const char *status,
    int64_t *company_id, int64_t *user_id)
{
	struct seed_company	 co;
	struct seed_user	 u;
	char			 name[160], email[128];
	char			 hash[crypto_pwhash_STRBYTES];
	static int		 n;

	memset(&co, 0, sizeof(co));
	snprintf(name, sizeof(name), "Test %s Co %ld-%d-%lld", tag,
	    (long)getpid(), ++n, (long long)clock_now());
	co.name = name;
	co.country = "MY";
	co.qualification_status = status;
	co.cod_limit_usd_minor = -1;
	co.remittance_quota_usd_minor = -1;
	*company_id = db_seed_company_insert(shop_db(), &co, clock_now());
	assert_true(*company_id > 0);

	client_unique_email(email, sizeof(email), tag);
	assert_int_equal(auth_password_hash(DEMO_PASSWORD,
	    strlen(DEMO_PASSWORD), hash, sizeof(hash)), 0);
	memset(&u, 0, sizeof(u));
	u.kind = "company_member";
	u.company_id = *company_id;
	u.email = email;
	u.name = "Test Member";
	*user_id = db_seed_user_insert(shop_db(), &u, hash, clock_now());
	assert_true(*user_id > 0);
	shop_credit_score(email, 700);
	shop_give_address(*user_id, *company_id);
	return shop_signin(email);
}

/* See shop.h. */
struct client *
shop_installment_shopper(char *email, size_t emailsz, const char *tag,
    const char *name, const char *password, int64_t *id)
{
	struct client	*cl;
	char		 sql[160];

	shop_register(email, emailsz, tag, name, password);
	*id = shop_user_id(email);
	snprintf(sql, sizeof(sql), "UPDATE users SET phone = '+60 12 345 "
	    "6789', credit_limit_usd_minor = 1500000 WHERE id = %lld",
	    (long long)*id);
	shop_sql(sql);
	shop_credit_score(email, 700);
	cl = client_new();
	assert_int_equal(client_signin(cl, email, password), 303);
	return cl;
}

/* See shop.h. */
void
shop_credit_score(const char *email, int score)
{
	static const char sql[] = "UPDATE credit_consents SET score = ? "
	    "WHERE user_id = ? AND withdrawn_at IS NULL";
	struct dbq	*q;
	char		 number[32];

	/* The bureau's sandbox scores the three digits before the last one;
	 * the last digit 1 is "match" for the identity service. */
	snprintf(number, sizeof(number), "TEST-%03d-1", score);
	assert_int_equal(identity_seed(shop_db(), &cfg, email, "Test Shopper",
	    "1990-01-15", number, 1, clock_now()), 0);
	/* Verified before with another number: as if the bureau's refresh
	 * had given this score. */
	/* Index 90: far from the test programs' own DB_T_TEST statements. */
	q = dbq_get(shop_db(), DB_T_TEST, 90, sql);
	assert_non_null(q);
	dbq_int(q, score);
	dbq_int(q, shop_user_id(email));
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
}

/* See shop.h. */
void
shop_bank_page(struct client *cl, const char *bank_url, const char *pan,
    enum shop_3ds how, int *challenged, struct client_resp *r)
{
	struct client_resp	 g, p;
	char			*body, *code, url[600];

	if (challenged != NULL)
		*challenged = 0;
	assert_int_equal(client_get(cl, bank_url, &g), 0);
	assert_int_equal(g.status, 200);
	assert_true(client_has(&g, "bank-card-form"));
	client_resp_cleanup(&g);
	body = client_form("card_number", pan, "expiry", "12/39", "cvv", "123",
	    NULL);
	assert_int_equal(client_post(cl, bank_url, body, &p), 0);
	free(body);
	if (p.status == 200 && client_has(&p, "bank-challenge-form")) {
		if (challenged != NULL)
			*challenged = 1;
		code = client_between(p.body, "id=\"bank-code\">", "<");
		assert_non_null(code);
		client_resp_cleanup(&p);
		snprintf(url, sizeof(url), "%s/%s", bank_url,
		    how == SHOP_3DS_CANCEL ? "cancel" : "challenge");
		body = client_form("code", how == SHOP_3DS_PASS ? code :
		    "000000", NULL);
		assert_int_equal(client_post(cl, url, body, &p), 0);
		free(body);
		free(code);
	}
	if (p.status != 303 || p.location == NULL)
		fail_msg("the bank's page answered %ld, not a 303 back to the "
		    "mall: %.300s", p.status, p.body != NULL ? p.body : "");
	assert_int_equal(client_get(cl, p.location, r), 0);
	client_resp_cleanup(&p);
}

/* See shop.h. */
void
shop_card_via_bank(struct client *cl, const char *page, const char *path,
    const char *pan, enum shop_3ds how, int *challenged,
    struct client_resp *r)
{
	struct client_resp s;

	shop_post(cl, page, path, &s, NULL);
	if (s.status != 303 || s.location == NULL ||
	    strncmp(s.location, "http://", 7) != 0)
		fail_msg("POST %s answered %ld, not a 303 to the bank's page",
		    path, s.status);
	shop_bank_page(cl, s.location, pan, how, challenged, r);
	client_resp_cleanup(&s);
}

/* See shop.h. */
void
shop_bind_card(struct client *cl, int64_t order_id, const char *pan)
{
	struct client_resp	r;
	char			page[64];

	snprintf(page, sizeof(page), "/orders/%lld/card", (long long)order_id);
	shop_card_via_bank(cl, page, page, pan, SHOP_3DS_PASS, NULL, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
}

/* See shop.h. */
long
shop_bind_pau_card(struct client *cl, const char *pan, int *declined)
{
	struct client_resp	r;
	long			st;

	shop_card_via_bank(cl, "/pay-after-use", "/pay-after-use/card", pan,
	    SHOP_3DS_PASS, NULL, &r);
	st = r.status;
	if (declined != NULL)
		*declined = r.location != NULL &&
		    strstr(r.location, "?cs=") != NULL;
	client_resp_cleanup(&r);
	return st;
}

/* See shop.h. */
void
shop_ledger_post(int kind, const char *key, int64_t order, int64_t plan_id,
    int64_t at, const char *debit, const char *credit, int64_t amount,
    int commit)
{
	struct ledger_entry e;

	memset(&e, 0, sizeof(e));
	e.kind = (enum ledger_kind)kind;
	e.key = key;
	e.currency = "USD";
	e.order_id = order;
	e.plan_id = plan_id;
	e.at = at;
	e.moves[0].debit = debit;
	e.moves[0].credit = credit;
	e.moves[0].amount = amount;
	e.nmoves = 1;
	assert_int_equal(db_begin(shop_db()), 0);
	assert_int_equal(ledger_post(shop_db(), &e), 0);
	if (commit)
		assert_int_equal(db_commit(shop_db()), 0);
	else
		db_rollback(shop_db());
}
