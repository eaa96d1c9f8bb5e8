/*
 * Integration tests of the admin console against a running stack
 * (suite.sh sets MALLPAY_TEST_URL, MALLPAY_CONF, MALLPAY_CTL):
 * - every route of the real route table under /admin refuses a shopper and
 *   a company member (403) and sends an anonymous visitor to sign in;
 * - settings validation: a 2% COD fee (COD-F1) and a 2% monthly card rate
 *   (INST-CC) are refused with the allowed range; a valid change is saved
 *   and audited with its old and new value;
 * - two admins deciding the same order: one wins, the other is told who
 *   decided it and when;
 * - the audit search finds sign-ins, failed sign-ins and decisions.
 */
#include <pthread.h>
#include <setjmp.h>
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

#include "client.h"
#include "core/buf.h"
#include "core/config.h"
#include "db/db.h"
#include "db/stmt.h"
#include "http/http.h"
#include "pages/pages.h"
#include "shop.h"

#define DEMO_PASSWORD	"mallpay-demo"
#define ADMIN_EMAIL	"admin@demo.test"
#define COMPANY_EMAIL	"buyer@acme.demo.test"
#define VETERAN_EMAIL	"shopper.veteran@demo.test"
#define TEST_PASSWORD	"correct horse battery"

static struct config cfg;

enum { T_USER_ID, T_ORDER_INSERT, T_ITEM_INSERT, T__MAX };
static const char *const stmts[T__MAX] = {
	/* T_USER_ID */
	"SELECT id FROM users WHERE email = ?",
	/* T_ORDER_INSERT: an unpaid remittance order whose payment window
	 * ended two days ago (payment_due, checkout's column) */
	"INSERT INTO orders (user_id, status, method, currency, usd_per_unit, "
	"items_total_minor, amount_due_minor, country, region_code, "
	"idempotency_key, created_at, updated_at, payment_due) "
	"SELECT ?, 'awaiting_remittance', 'remittance', 'USD', '1', 12300, "
	"12300, code, region_code, ?, ?, ?, "
	"DATE(FROM_UNIXTIME(?)) FROM countries "
	"ORDER BY code LIMIT 1",
	/* T_ITEM_INSERT: its one line, so that its amounts add up
	 * (mallpayctl check) */
	"INSERT INTO order_items (order_id, product_id, name, qty, "
	"unit_price_minor, currency) SELECT ?, id, name, 1, 12300, 'USD' "
	"FROM products ORDER BY id LIMIT 1",
};

/* A client signed in as email/password (303 expected). */
static struct client *
signed_in(const char *email, const char *password)
{
	struct client *cl = client_new();

	assert_int_equal(client_signin(cl, email, password), 303);
	return cl;
}

/* A client signed in as a freshly registered shopper. */
static struct client *
new_shopper(void)
{
	struct client	*cl = client_new();
	char		 email[128];

	client_unique_email(email, sizeof(email), "admin-walk");
	assert_int_equal(client_register(cl, email, "Walk Tester",
	    TEST_PASSWORD), 303);
	return cl;
}

/* Walk every /admin route of page_routes as cl (NULL: anonymous) and check
 * the refusal. Returns how many routes were walked. */
static size_t
walk(struct client *cl, const char *who)
{
	struct client_resp	 r;
	struct client		*anon = NULL;
	char			 path[256], *tok = NULL, *form;
	size_t			 i, n = 0;

	if (cl == NULL)
		cl = anon = client_new();
	else {
		tok = client_csrf_of(cl, "/cart");
		assert_non_null(tok);
	}
	for (i = 0; i < page_routes_n; i++) {
		const struct route *rt = &page_routes[i];

		if (strncmp(rt->pattern, "/admin", 6) != 0)
			continue;
		assert_int_equal(rt->roles & ~(unsigned)ROLE_ADMIN_ROLES,
		    ROLE_ADMIN);
		client_route_path(rt->pattern, "1", path, sizeof(path));
		if (rt->method == HTTP_GET)
			assert_int_equal(client_get(cl, path, &r), 0);
		else {
			form = client_form("csrf", tok != NULL ? tok : "x",
			    "key", "SEA", "v0", "1", "from",
			    "awaiting_remittance", "day", "2030-01-01",
			    (char *)NULL);
			assert_int_equal(client_post(cl, path, form, &r), 0);
			free(form);
		}
		if (anon != NULL) {
			if (r.status != 303 || r.location == NULL ||
			    strstr(r.location, "/signin") == NULL)
				fail_msg("%s %s %s: got %ld (%s), want 303 to "
				    "/signin", who, rt->method == HTTP_GET ?
				    "GET" : "POST", path, r.status,
				    r.location ? r.location : "no location");
		} else if (r.status != 403)
			fail_msg("%s %s %s: got %ld, want 403", who,
			    rt->method == HTTP_GET ? "GET" : "POST", path,
			    r.status);
		client_resp_cleanup(&r);
		n++;
	}
	free(tok);
	client_free(anon);
	return n;
}

/* Every admin route refuses shoppers, company members and anonymous
 * visitors; the table is the real one, so a new route is covered. */
static void
test_admin_routes_refuse_other_roles(void **state)
{
	struct client	*shopper, *company;
	size_t		 n;

	(void)state;
	shopper = new_shopper();
	company = signed_in(COMPANY_EMAIL, DEMO_PASSWORD);
	n = walk(shopper, "shopper");
	assert_true(n >= 10);
	assert_int_equal(walk(company, "company member"), n);
	assert_int_equal(walk(NULL, "anonymous"), n);
	client_free(shopper);
	client_free(company);
}

/* An admin reaches every GET route of the console. */
static void
test_admin_get_routes_answer_admin(void **state)
{
	struct client		*admin;
	struct client_resp	 r;
	const char		*paths[] = { "/admin", "/admin/orders",
				    "/admin/settings", "/admin/holidays",
				    "/admin/fx", "/admin/audit",
				    "/admin/settings/institutions",
				    "/admin/settings/regions",
				    "/admin/settings/countries",
				    "/admin/settings/categories",
				    "/admin/settings/products",
				    "/admin/settings/platform",
				    "/admin/orders?sort=promised&method=cod" };
	size_t			 i;

	(void)state;
	admin = signed_in(ADMIN_EMAIL, DEMO_PASSWORD);
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		assert_int_equal(client_get(admin, paths[i], &r), 0);
		if (r.status != 200)
			fail_msg("admin GET %s: %ld", paths[i], r.status);
		client_resp_cleanup(&r);
	}
	/* The dashboard lists the registered queues with their figures. */
	assert_int_equal(client_get(admin, "/admin", &r), 0);
	assert_true(client_has(&r, "id=\"queue-cod_review\""));
	assert_true(client_has(&r, "id=\"queue-refund_due\""));
	assert_true(client_has(&r, "data-count="));
	client_resp_cleanup(&r);
	assert_int_equal(client_get(admin, "/admin/settings/nothing", &r), 0);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	client_free(admin);
}

/* The value attribute of the input with id="id" (malloc'd), "" when the
 * input has none, NULL when there is no such input. */
static char *
input_value(const char *html, const char *id)
{
	char	 needle[128], *v;
	const char *p, *e, *end;

	snprintf(needle, sizeof(needle), "id=\"%s\"", id);
	if ((p = strstr(html, needle)) == NULL)
		return NULL;
	end = strchr(p, '>');
	v = NULL;
	if ((e = strstr(p, "value=\"")) != NULL && e < end) {
		e += 7;
		v = strndup(e, (size_t)(strchr(e, '"') - e));
	}
	if (v == NULL)
		v = strdup("");
	return v;
}

/* 1 if the checkbox with id="id" is checked. */
static int
checked(const char *html, const char *id)
{
	char		 needle[128];
	const char	*p, *end;

	snprintf(needle, sizeof(needle), "id=\"%s\"", id);
	p = strstr(html, needle);
	assert_non_null(p);
	end = strchr(p, '>');
	p = strstr(p, " checked");
	return p != NULL && p < end;
}

/* The current SEA region row as form values v0..v3 (malloc'd). */
static void
sea_row(struct client *admin, char *v[4], char **csrf)
{
	struct client_resp r;

	assert_int_equal(client_get(admin, "/admin/settings/regions", &r), 0);
	assert_int_equal(r.status, 200);
	*csrf = client_csrf(r.body);
	assert_non_null(*csrf);
	v[0] = strdup(checked(r.body, "SEA-v0") ? "1" : "0");
	v[1] = input_value(r.body, "SEA-v1");
	v[2] = input_value(r.body, "SEA-v2");
	v[3] = input_value(r.body, "SEA-v3");
	assert_non_null(v[1]);
	assert_non_null(v[2]);
	assert_non_null(v[3]);
	client_resp_cleanup(&r);
}

/* POST the SEA region with fee as v1, the rest as in v. */
static void
post_sea(struct client *admin, const char *csrf, char *v[4], const char *fee,
    struct client_resp *r)
{
	char *form;

	form = client_form("csrf", csrf, "key", "SEA", "v0", v[0], "v1", fee,
	    "v2", v[2], "v3", v[3], (char *)NULL);
	assert_int_equal(client_post(admin, "/admin/settings/regions", form,
	    r), 0);
	free(form);
}

/* COD-F1: a 2% COD fee is refused, with the range 3%-5% next to it. */
static void
test_COD_F1_admin_refuses_2_percent_cod_fee(void **state)
{
	struct client		*admin;
	struct client_resp	 r;
	char			*v[4], *csrf, *after[4], *csrf2;
	int			 i;

	(void)state;
	admin = signed_in(ADMIN_EMAIL, DEMO_PASSWORD);
	sea_row(admin, v, &csrf);
	post_sea(admin, csrf, v, "2", &r);
	assert_int_equal(r.status, 422);
	assert_true(client_has(&r, "id=\"SEA-v1-err\""));
	assert_true(client_has(&r, "COD-F1"));
	assert_true(client_has(&r, "between 3% and 5%"));
	client_resp_cleanup(&r);
	post_sea(admin, csrf, v, "5.01", &r);
	assert_int_equal(r.status, 422);
	client_resp_cleanup(&r);
	/* Nothing was written. */
	sea_row(admin, after, &csrf2);
	assert_string_equal(after[1], v[1]);
	for (i = 0; i < 4; i++) {
		free(v[i]);
		free(after[i]);
	}
	free(csrf);
	free(csrf2);
	client_free(admin);
}

/* The COD fee line of VETERAN's checkout (a USD 459.00 cart to Malaysia,
 * SEA) as n views show it, into line[0..n-1] (malloc'd; NULL when a view
 * has none). n views reach every mallpayd worker, each with its own
 * reference-data cache. */
static void
cod_fee_lines(struct client *shopper, char **line, int n)
{
	struct client_resp	 r;
	const char		*p;
	int			 i;

	for (i = 0; i < n; i++) {
		shop_get(shopper, "/checkout?country=MY", &r);
		assert_int_equal(r.status, 200);
		p = strstr(r.body, "COD service fee (COD-F1): ");
		line[i] = p != NULL ? strndup(p, strcspn(p, ".") + 3) : NULL;
		client_resp_cleanup(&r);
	}
}

/* Every one of n lines is there and equal to want (or, want NULL, to
 * line[0]); also fails if unlike is given and line[0] equals it. Frees
 * nothing. */
static void
lines_all(char **line, int n, const char *want, const char *unlike)
{
	int i;

	for (i = 0; i < n; i++) {
		if (line[i] == NULL)
			fail_msg("view %d has no COD fee line", i);
		if (strcmp(line[i], want != NULL ? want : line[0]) != 0)
			fail_msg("view %d: \"%s\", view 0: \"%s\" (want %s): "
			    "a worker kept stale reference data", i, line[i],
			    line[0], want != NULL ? want : "the same");
	}
	if (unlike != NULL && strcmp(line[0], unlike) == 0)
		fail_msg("the fee line did not change: \"%s\"", unlike);
}

/* How many of n catalog views (over every worker) show text. */
static int
catalog_views_with(struct client *cl, const char *text, int n)
{
	struct client_resp	r;
	int			i, seen = 0;

	for (i = 0; i < n; i++) {
		assert_int_equal(client_get(cl, "/catalog", &r), 0);
		assert_int_equal(r.status, 200);
		seen += client_has(&r, text) ? 1 : 0;
		client_resp_cleanup(&r);
	}
	return seen;
}

/* The catalog's categories are cached by every worker under
 * refdata_version: a renamed category shows on every view right after the
 * change (the triggers of sql/036), and its old name again once put
 * back. */
static void
test_catalog_categories_follow_refdata_version(void **state)
{
	struct client	*shopper;
	enum { VIEWS = 12 };

	(void)state;
	shopper = shop_signin(VETERAN_EMAIL);
	assert_int_equal(catalog_views_with(shopper, ">Luxury Goods<", VIEWS),
	    VIEWS);
	shop_sql("UPDATE categories SET name = 'Luxury Goods (renamed)' "
	    "WHERE slug = 'luxury'");
	assert_int_equal(catalog_views_with(shopper,
	    ">Luxury Goods (renamed)<", VIEWS), VIEWS);
	shop_sql("UPDATE categories SET name = 'Luxury Goods' "
	    "WHERE slug = 'luxury'");
	assert_int_equal(catalog_views_with(shopper, ">Luxury Goods<", VIEWS),
	    VIEWS);
	client_free(shopper);
}

/* A valid COD fee is saved, checkout's table holds it, and the audit trail
 * has the change with its old and new value; then it is put back. Every
 * worker's checkout shows the new fee on the next view after the change
 * and the old one after it is put back (the reference-data cache follows
 * refdata_version, sql/013). */
static void
test_COD_F1_valid_fee_saved_and_audited(void **state)
{
	struct client		*admin;
	struct client_resp	 r;
	char			*v[4], *csrf, *after[4], *csrf2;
	char			 want[128];
	const char		*fee;
	int			 i;
	enum { VIEWS = 12 };
	char			*before[VIEWS], *changed[VIEWS], *restored[VIEWS];
	struct client		*shopper;

	(void)state;
	{
		const char *skus[] = { "HOME-VACUUM-R5", NULL };
		int qtys[] = { 1 };

		shopper = shop_signin(VETERAN_EMAIL);
		shop_fill_cart(shopper, VETERAN_EMAIL, skus, qtys);
	}
	cod_fee_lines(shopper, before, VIEWS);
	lines_all(before, VIEWS, NULL, NULL);
	admin = signed_in(ADMIN_EMAIL, DEMO_PASSWORD);
	sea_row(admin, v, &csrf);
	fee = strcmp(v[1], "3.5") == 0 ? "4.5" : "3.5";
	post_sea(admin, csrf, v, fee, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	cod_fee_lines(shopper, changed, VIEWS);
	lines_all(changed, VIEWS, NULL, before[0]);
	sea_row(admin, after, &csrf2);
	assert_string_equal(after[1], fee);
	assert_int_equal(client_get(admin,
	    "/admin/audit?subject_type=setting&type=setting_changed&admin="
	    "admin%40demo.test", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "regions SEA cod_fee_percent"));
	/* in the form's units: a percentage */
	snprintf(want, sizeof(want), "old: %s%%; new: %s%%", v[1], fee);
	if (!client_has(&r, want))
		fail_msg("the audit trail lacks \"%s\"", want);
	client_resp_cleanup(&r);
	/* Put it back (also audited). */
	post_sea(admin, csrf2, v, v[1], &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	cod_fee_lines(shopper, restored, VIEWS);
	lines_all(restored, VIEWS, before[0], NULL);
	for (i = 0; i < 4; i++) {
		free(v[i]);
		free(after[i]);
	}
	for (i = 0; i < VIEWS; i++) {
		free(before[i]);
		free(changed[i]);
		free(restored[i]);
	}
	free(csrf);
	free(csrf2);
	client_free(admin);
	client_free(shopper);
}

/* INST-CC: a card bank's 2% monthly rate is refused with 0.5%-1.5%; a
 * partner's 2% with 0.6%-1.8% (INST-PC); a 9-month card term with the
 * card terms. */
static void
test_INST_CC_admin_refuses_2_percent_card_rate(void **state)
{
	struct client		*admin;
	struct client_resp	 r;
	const char		*p, *k;
	char			*csrf, *key = NULL, *form, *vals[9], id[160];
	int			 i;

	(void)state;
	admin = signed_in(ADMIN_EMAIL, DEMO_PASSWORD);
	assert_int_equal(client_get(admin, "/admin/settings/institutions",
	    &r), 0);
	assert_int_equal(r.status, 200);
	csrf = client_csrf(r.body);
	assert_non_null(csrf);
	/* The first card bank's row: its key input precedes the method. */
	p = strstr(r.body, "value=\"installment_card\" selected");
	assert_non_null(p);
	for (k = p; k > r.body; k--)
		if (strncmp(k, "name=\"key\" value=\"", 18) == 0)
			break;
	assert_true(k > r.body);
	k += 18;
	key = strndup(k, (size_t)(strchr(k, '"') - k));
	vals[0] = strdup("installment_card");
	for (i = 1; i < 9; i++) {
		snprintf(id, sizeof(id), "%s-v%d", key, i);
		if (i == 2 || i == 6 || i == 8)
			vals[i] = strdup(checked(r.body, id) ? "1" : "0");
		else if (i == 5)
			vals[i] = strdup("spread");
		else
			vals[i] = input_value(r.body, id);
		assert_non_null(vals[i]);
	}
	client_resp_cleanup(&r);
	form = client_form("csrf", csrf, "key", key, "v0", vals[0], "v1",
	    vals[1], "v2", vals[2], "v3", vals[3], "v4", "2", "v5", vals[5],
	    "v6", vals[6], "v7", vals[7], "v8", vals[8], (char *)NULL);
	assert_int_equal(client_post(admin, "/admin/settings/institutions",
	    form, &r), 0);
	free(form);
	assert_int_equal(r.status, 422);
	assert_true(client_has(&r, "INST-CC"));
	assert_true(client_has(&r, "between 0.5% and 1.5%"));
	client_resp_cleanup(&r);
	/* The same 2% as a partner's rate: refused with the partner range. */
	form = client_form("csrf", csrf, "key", key, "v0",
	    "installment_partner", "v1", vals[1], "v2", vals[2], "v3", "3,6",
	    "v4", "2", "v5", vals[5], "v6", vals[6], "v7", vals[7], "v8",
	    vals[8], (char *)NULL);
	assert_int_equal(client_post(admin, "/admin/settings/institutions",
	    form, &r), 0);
	free(form);
	assert_int_equal(r.status, 422);
	assert_true(client_has(&r, "between 0.6% and 1.8%"));
	client_resp_cleanup(&r);
	/* A 9-month card term: refused in the words of the rules module. */
	form = client_form("csrf", csrf, "key", key, "v0", vals[0], "v1",
	    vals[1], "v2", vals[2], "v3", "3,9", "v4", "1", "v5", vals[5],
	    "v6", vals[6], "v7", vals[7], "v8", vals[8], (char *)NULL);
	assert_int_equal(client_post(admin, "/admin/settings/institutions",
	    form, &r), 0);
	free(form);
	assert_int_equal(r.status, 422);
	assert_true(client_has(&r, "INST-CC: a card bank&#39;s terms are 3, 6, "
	    "12 or 24 months") || client_has(&r, "INST-CC: a card bank's terms "
	    "are 3, 6, 12 or 24 months"));
	client_resp_cleanup(&r);
	for (i = 0; i < 9; i++)
		free(vals[i]);
	free(key);
	free(csrf);
	client_free(admin);
}

/* A second admin account, made the only way there is (mallpayctl). */
static void
second_admin(char *email, size_t emailsz)
{
	const char	*ctl = getenv("MALLPAY_CTL");
	const char	*conf = getenv("MALLPAY_CONF");
	struct buf	 cmd;
	FILE		*p;

	assert_non_null(ctl);
	assert_non_null(conf);
	client_unique_email(email, emailsz, "admin2");
	buf_init(&cmd);
	buf_printf(&cmd, "'%s' -c '%s' create-admin --email '%s' --name "
	    "'Second Admin' --totp-secret '%s' >/dev/null", ctl, conf, email,
	    client_totp_secret());
	p = popen(buf_str(&cmd), "w");
	assert_non_null(p);
	fprintf(p, "%s\n", TEST_PASSWORD);
	assert_int_equal(pclose(p), 0);
	buf_cleanup(&cmd);
}

/* An unpaid order of the demo shopper, promised yesterday; its id. */
static long long
insert_order(void)
{
	struct db	*db;
	struct dbq	*q;
	char		 err[256], key[64];
	int64_t		 uid, now = (int64_t)time(NULL);
	long long	 id;

	db = db_open(&cfg, err, sizeof(err));
	if (db == NULL)
		fail_msg("db_open: %s", err);
	q = dbq_get(db, DB_T_TEST, T_USER_ID, stmts[T_USER_ID]);
	assert_non_null(q);
	dbq_cstr(q, "shopper.new@demo.test");
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	uid = dbq_col_int(q, 0);
	dbq_done(q);
	snprintf(key, sizeof(key), "test-admin-%ld-%lld", (long)getpid(),
	    (long long)now);
	q = dbq_get(db, DB_T_TEST, T_ORDER_INSERT, stmts[T_ORDER_INSERT]);
	assert_non_null(q);
	dbq_int(q, uid);
	dbq_cstr(q, key);
	dbq_int(q, now - 3 * 86400);
	dbq_int(q, now - 3 * 86400);
	dbq_int(q, now - 2 * 86400);
	assert_int_equal(dbq_exec(q), 0);
	id = (long long)dbq_insert_id(q);
	dbq_done(q);
	q = dbq_get(db, DB_T_TEST, T_ITEM_INSERT, stmts[T_ITEM_INSERT]);
	assert_non_null(q);
	dbq_int(q, id);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_affected(q), 1);
	dbq_done(q);
	db_free(db);
	return id;
}

struct decide_arg {
	struct client		*cl;
	const char		*path;
	char			*form;
	struct client_resp	 r;
};

/* Thread body: one admin's POST of the decision. */
static void *
decide(void *p)
{
	struct decide_arg *a = p;

	(void)client_post(a->cl, a->path, a->form, &a->r);
	return NULL;
}

/* Two admins with the same order open both cancel it at once: exactly one
 * wins (303); the other gets 409 "already decided by <the winner>". A
 * third try after that is refused the same way. */
static void
test_admin_concurrent_decision_one_wins(void **state)
{
	struct client		*a, *b;
	struct decide_arg	 da, db;
	struct client_resp	 r;
	pthread_t		 ta, tb;
	char			 email2[128], path[96], page[96], *ta_tok,
				*tb_tok;
	long long		 id;
	const struct client_resp *lost;

	(void)state;
	second_admin(email2, sizeof(email2));
	a = signed_in(ADMIN_EMAIL, DEMO_PASSWORD);
	b = signed_in(email2, TEST_PASSWORD);
	id = insert_order();
	snprintf(page, sizeof(page), "/admin/orders/%lld", id);
	snprintf(path, sizeof(path), "/admin/orders/%lld/cancel", id);
	/* Both have the page open, with the decide form. */
	ta_tok = client_csrf_of(a, page);
	tb_tok = client_csrf_of(b, page);
	assert_non_null(ta_tok);
	assert_non_null(tb_tok);
	assert_int_equal(client_get(a, "/admin/orders?status="
	    "awaiting_remittance&sort=promised", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "badge-late"));
	client_resp_cleanup(&r);
	memset(&da, 0, sizeof(da));
	memset(&db, 0, sizeof(db));
	da.cl = a, db.cl = b;
	da.path = db.path = path;
	da.form = client_form("csrf", ta_tok, "from", "awaiting_remittance",
	    "reason", "test: duplicate order", (char *)NULL);
	db.form = client_form("csrf", tb_tok, "from", "awaiting_remittance",
	    "reason", "test: shopper asked", (char *)NULL);
	assert_int_equal(pthread_create(&ta, NULL, decide, &da), 0);
	assert_int_equal(pthread_create(&tb, NULL, decide, &db), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	if (!((da.r.status == 303 && db.r.status == 409) ||
	    (da.r.status == 409 && db.r.status == 303)))
		fail_msg("want one 303 and one 409, got %ld and %ld",
		    da.r.status, db.r.status);
	lost = da.r.status == 409 ? &da.r : &db.r;
	assert_true(client_has(lost, "already decided by"));
	assert_true(client_has(lost, da.r.status == 409 ? email2 :
	    ADMIN_EMAIL));
	/* The order shows cancelled with one admin event in its history,
	 * its states in words. */
	assert_int_equal(client_get(a, page, &r), 0);
	assert_true(client_has(&r, "data-status=\"cancelled\""));
	assert_true(client_has(&r, "Awaiting remittance &rarr; Cancelled"));
	client_resp_cleanup(&r);
	/* A later resubmission of the winner's form is refused too. */
	assert_int_equal(client_post(a, path, da.form, &r), 0);
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "already decided by"));
	client_resp_cleanup(&r);
	/* And the audit trail finds it by subject. */
	snprintf(page, sizeof(page), "/admin/audit?subject_type=order&"
	    "subject_id=%lld&type=cancelled", id);
	assert_int_equal(client_get(a, page, &r), 0);
	assert_true(client_has(&r, "1 event(s)"));
	assert_true(client_has(&r, "Cancelled by an admin: test:"));
	client_resp_cleanup(&r);
	client_resp_cleanup(&da.r);
	client_resp_cleanup(&db.r);
	free(da.form);
	free(db.form);
	free(ta_tok);
	free(tb_tok);
	client_free(a);
	client_free(b);
}

/* Admin sign-ins and failed attempts are in the audit trail and can be
 * searched by admin, type and date. */
static void
test_admin_audit_search_signins(void **state)
{
	struct client		*admin, *bad;
	struct client_resp	 r;
	char			 path[256], day[16];
	time_t			 now = time(NULL);
	struct tm		 tm;

	(void)state;
	bad = client_new();
	assert_int_equal(client_signin(bad, ADMIN_EMAIL, "wrong password!"),
	    401);
	client_free(bad);
	admin = signed_in(ADMIN_EMAIL, DEMO_PASSWORD);
	gmtime_r(&now, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	snprintf(path, sizeof(path), "/admin/audit?type=signin_failed&admin="
	    "admin%%40demo.test&from=%s&to=%s", day, day);
	assert_int_equal(client_get(admin, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "failed sign-in from"));
	assert_false(client_has(&r, "id=\"audit-empty\""));
	client_resp_cleanup(&r);
	assert_int_equal(client_get(admin, "/admin/audit?type=signin&admin="
	    "admin%40demo.test", &r), 0);
	assert_true(client_has(&r, "admin sign-in from"));
	client_resp_cleanup(&r);
	/* A date range before anything happened finds nothing. */
	assert_int_equal(client_get(admin, "/admin/audit?type=signin&from="
	    "2001-01-01&to=2001-01-02", &r), 0);
	assert_true(client_has(&r, "id=\"audit-empty\""));
	client_resp_cleanup(&r);
	/* An unknown email finds nothing rather than everything. */
	assert_int_equal(client_get(admin, "/admin/audit?user="
	    "nobody%40nowhere.invalid", &r), 0);
	assert_true(client_has(&r, "id=\"audit-empty\""));
	client_resp_cleanup(&r);
	client_free(admin);
}

int
main(void)
{
	const char	*conf = getenv("MALLPAY_CONF");
	char		 err[512];
	int		 rc;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_admin_routes_refuse_other_roles),
		cmocka_unit_test(test_admin_get_routes_answer_admin),
		cmocka_unit_test(test_COD_F1_admin_refuses_2_percent_cod_fee),
		cmocka_unit_test(test_COD_F1_valid_fee_saved_and_audited),
		cmocka_unit_test(test_catalog_categories_follow_refdata_version),
		cmocka_unit_test(test_INST_CC_admin_refuses_2_percent_card_rate),
		cmocka_unit_test(test_admin_concurrent_decision_one_wins),
		cmocka_unit_test(test_admin_audit_search_signins),
	};

	if (conf == NULL) {
		fprintf(stderr, "test_admin: MALLPAY_CONF is not set (run by "
		    "tests/integration/suite.sh)\n");
		return 1;
	}
	if (config_load(&cfg, conf, err, sizeof(err)) == -1) {
		fprintf(stderr, "test_admin: %s\n", err);
		return 1;
	}
	shop_init();	/* also db_library_init() */
	rc = cmocka_run_group_tests_name("integration_admin", tests, NULL,
	    NULL);
	shop_end();
	return rc;
}
