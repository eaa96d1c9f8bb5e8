/*
 * mallpayctl seed-demo [--now TIME]: the demo data (the logins that
 * `./mallpay up` prints).
 *
 * 1. The .sql files of sql/demo in name order: regions, countries,
 *    exchange rates, holidays, institutions, categories, products
 *    (idempotent inserts).
 * 2. Companies, users and their past orders, here in C because passwords
 *    are hashed at seed time (argon2id) and order dates are relative to
 *    now. Each is inserted only when its natural key (company name, email,
 *    order idempotency key) is missing, all in one transaction: a second
 *    run changes nothing.
 *
 * Demo logins, all with the password "mallpay-demo":
 *   shopper.new@demo.test         verified, score 700, no COD history
 *   shopper.veteran@demo.test     6 completed COD orders (COD-07 ladder)
 *   shopper.lowscore@demo.test    score 540 (INST-02, PAU-01 fail)
 *   shopper.unverified@demo.test  not real-name verified (INST-01)
 *   buyer@acme.demo.test          Acme Trading Ltd: verified, long-term
 *                                 agreement, COD limit 3,000, remittance
 *                                 quota 8,000, USD 6,200 completed in 90 days
 *   buyer@newco.demo.test         NewCo Imports: unverified company,
 *                                 USD 6,200 completed in 90 days
 *   buyer2@acme.demo.test         a second member of Acme Trading Ltd
 *   admin@demo.test               admin
 *
 * 3. The verified shoppers' real-name authentication and credit consent
 *    (identity: seed_identities), through the same identity service and
 *    credit bureau sandboxes as the web: each gets an ID number whose
 *    last digit (1) means "match" and whose three digits before it are the
 *    score the bureau's sandbox gives (gateway/creditbureau.h), e.g.
 *    DEMO00-700-1 scores 700.
 */
#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/admin_role.h"
#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "ctl/ctl.h"
#include "db/admin_account.h"
#include "db/checkout.h"
#include "db/db.h"
#include "db/migrate.h"
#include "db/seed.h"
#include "service/address.h"
#include "service/company.h"
#include "service/identity.h"
#include "service/mfa.h"
#include "service/payafter.h"

#define DEMO_PASSWORD	"mallpay-demo"
/* The demo admin's TOTP secret (base32, README "Admins' sign-in code"):
 * add it to an authenticator app, or compute codes with
 * `oathtool --totp -b MALLPAYDEMOADMINTOTPSECRETKEY234`. The tests' sign-in
 * helpers know it too. */
#define DEMO_TOTP_SECRET	"MALLPAYDEMOADMINTOTPSECRETKEY234"
#define DAY		86400
#define HOUR		3600

/* Companies; qualification_expires of a verified one is set to a year
 * after now when it is created. */
static const struct demo_company {
	const char	*name;
	const char	*country;
	const char	*status;
	int		 agreement;
	int64_t		 cod_limit, remit_quota;	/* USD minor, -1 NULL */
} demo_companies[] = {
	{ "Acme Trading Ltd", "MY", "verified", 1, 300000, 800000 },
	{ "NewCo Imports", "SG", "unverified", 0, -1, -1 },
};

static const struct demo_user {
	const char	*kind;
	const char	*company;	/* name in demo_companies, or NULL */
	const char	*email;
	const char	*name;
	const char	*phone;
	int		 verified, score, cod_completed;
	int64_t		 credit_limit;
} demo_users[] = {
	{ "person", NULL, "shopper.new@demo.test", "Nadia New",
	    "+60123450001", 1, 700, 0, 500000 },
	{ "person", NULL, "shopper.veteran@demo.test", "Victor Veteran",
	    "+60123450002", 1, 760, 6, 1500000 },
	{ "person", NULL, "shopper.lowscore@demo.test", "Liam Lowscore",
	    "+60123450003", 1, 540, 0, 0 },
	{ "person", NULL, "shopper.unverified@demo.test", "Uma Unverified",
	    "+60123450004", 0, 680, 0, 0 },
	{ "company_member", "Acme Trading Ltd", "buyer@acme.demo.test",
	    "Ada Acme", "+60123450005", 1, 720, 0, 0 },
	{ "company_member", "NewCo Imports", "buyer@newco.demo.test",
	    "Ned Newco", "+6591230006", 1, 690, 0, 0 },
	/* corporate: a second member of Acme acts for it too. */
	{ "company_member", "Acme Trading Ltd", "buyer2@acme.demo.test",
	    "Bea Acme", "+60123450007", 1, 700, 0, 0 },
	{ "admin", NULL, "admin@demo.test", "Demo Admin", NULL, 1, 0, 0, 0 },
};

struct demo_line {
	const char	*sku;
	int		 qty;
};

/* A past order: who, where, how, how many days before now it completed,
 * its lines, and the road it took (states after "placed"). */
static const struct demo_order {
	const char		*email;
	const char		*key;
	const char		*method;
	const char		*country, *region;
	const char		*fee_percent;	/* COD-F1, "4" = 4 %; NULL none */
	int			 completed_days_ago;
	struct demo_line	 lines[3];
	const char		*road;
} demo_orders[] = {
	/* Victor's six COD orders (COD-07: more than 5, no violation). */
	{ "shopper.veteran@demo.test", "demo-veteran-cod-1", "cod", "MY",
	    "SEA", "4", 190, { { "HOME-AIRFRYER", 1 }, { "FOOD-OOLONG", 2 } },
	    "cod" },
	{ "shopper.veteran@demo.test", "demo-veteran-cod-2", "cod", "MY",
	    "SEA", "4", 160, { { "CONS-DIAPERS", 2 } }, "cod" },
	{ "shopper.veteran@demo.test", "demo-veteran-cod-3", "cod", "MY",
	    "SEA", "4", 130, { { "DIG-EARBUDS", 1 } }, "cod" },
	{ "shopper.veteran@demo.test", "demo-veteran-cod-4", "cod", "MY",
	    "SEA", "4", 100, { { "HOME-VACUUM-R5", 1 } }, "cod" },
	{ "shopper.veteran@demo.test", "demo-veteran-cod-5", "cod", "MY",
	    "SEA", "4", 70, { { "FOOD-COFFEE-1KG", 3 },
	    { "CONS-DETERGENT", 2 } }, "cod" },
	{ "shopper.veteran@demo.test", "demo-veteran-cod-6", "cod", "MY",
	    "SEA", "4", 40, { { "CONS-FILTERS", 2 }, { "FOOD-OOLONG", 1 } },
	    "cod" },
	/* Acme: USD 1,776.00 + 2,376.00 + 2,048.00 = 6,200.00 completed in
	 * the last 90 days (INST-04 needs 5,000). */
	{ "buyer@acme.demo.test", "demo-acme-1", "remittance", "MY", "SEA",
	    NULL, 12, { { "DIG-TABLET-11", 3 }, { "DIG-EARBUDS", 1 } },
	    "remittance" },
	{ "buyer@acme.demo.test", "demo-acme-2", "remittance", "MY", "SEA",
	    NULL, 40, { { "HOME-WASHER-8", 2 }, { "HOME-VACUUM-R5", 2 } },
	    "remittance" },
	{ "buyer@acme.demo.test", "demo-acme-3", "remittance", "MY", "SEA",
	    NULL, 75, { { "HOME-WASHER-8", 2 }, { "CONS-DIAPERS", 10 } },
	    "remittance" },
	/* corporate: NewCo bought USD 6,200.00 by remittance in
	 * the last 90 days but is not verified yet (INST-03 fails, INST-04
	 * passes): the demo of qualification -> corporate installment. */
	{ "buyer@newco.demo.test", "demo-newco-1", "remittance", "MY", "SEA",
	    NULL, 15, { { "DIG-TABLET-11", 3 }, { "DIG-EARBUDS", 1 } },
	    "remittance" },
	{ "buyer@newco.demo.test", "demo-newco-2", "remittance", "MY", "SEA",
	    NULL, 45, { { "HOME-WASHER-8", 2 }, { "HOME-VACUUM-R5", 2 } },
	    "remittance" },
	{ "buyer@newco.demo.test", "demo-newco-3", "remittance", "MY", "SEA",
	    NULL, 70, { { "HOME-WASHER-8", 2 }, { "CONS-DIAPERS", 10 } },
	    "remittance" },
};

/* The events of a completed order, as (state, actor, offset in seconds
 * from placing, reason); the order's user or the admin acts where the
 * actor is "user" or "admin". */
struct demo_step {
	const char	*state;
	const char	*actor;
	int64_t		 offset;
	const char	*reason;
};

static const struct demo_step road_cod[] = {
	{ "placed", "user", 0, "COD-P1: order submitted, eligibility passed" },
	{ "pending_shipment", "admin", 2 * HOUR,
	    "COD-P1: address and products support COD" },
	{ "shipped", "partner", 1 * DAY, "COD-P2: handed to the courier" },
	{ "delivered", "partner", 4 * DAY, "COD-P3: delivered and inspected" },
	{ "completed", "partner", 4 * DAY + HOUR,
	    "COD-P3: courier reported the payment" },
	{ NULL, NULL, 0, NULL }
};

static const struct demo_step road_remittance[] = {
	{ "placed", "user", 0, "REM-P1: remittance code issued" },
	{ "awaiting_verification", "user", 1 * DAY,
	    "REM-P3: remittance voucher uploaded" },
	{ "paid", "admin", 3 * DAY, "REM-P5: funds matched with the order" },
	{ "shipped", "partner", 4 * DAY, "handed to the courier" },
	{ "delivered", "partner", 8 * DAY, "delivered" },
	{ "completed", "user", 10 * DAY, "receipt confirmed" },
	{ NULL, NULL, 0, NULL }
};

struct seed_ctx {
	struct db	*db;
	int64_t		 now;
	int64_t		 admin_id;
	int		 created;
};

/* Run every .sql file of sql/demo in name order. Returns 0 or -1 (printed). */
static int
seed_scripts(struct seed_ctx *s, const char *sqldir)
{
	struct dirent **list = NULL;
	struct buf dir, path;
	char err[1024];
	size_t len;
	int i, n, rc = 0, nst;

	buf_init(&dir);
	buf_init(&path);
	buf_printf(&dir, "%s/demo", sqldir);
	if ((n = scandir(buf_str(&dir), &list, NULL, alphasort)) == -1) {
		fprintf(stderr, "mallpayctl: seed-demo: %s: %s\n",
		    buf_str(&dir), strerror(errno));
		buf_cleanup(&dir);
		return -1;
	}
	for (i = 0; i < n; i++) {
		len = strlen(list[i]->d_name);
		if (rc == 0 && len > 4 && list[i]->d_name[0] != '.' &&
		    strcmp(list[i]->d_name + len - 4, ".sql") == 0) {
			buf_reset(&path);
			buf_printf(&path, "%s/%s", buf_str(&dir),
			    list[i]->d_name);
			if (db_run_script(s->db, buf_str(&path), &nst, err,
			    sizeof(err)) == -1) {
				fprintf(stderr, "mallpayctl: seed-demo: %s\n",
				    err);
				rc = -1;
			} else
				printf("ran demo/%s (%d statements)\n",
				    list[i]->d_name, nst);
		}
		free(list[i]);
	}
	free(list);
	buf_cleanup(&dir);
	buf_cleanup(&path);
	return rc;
}

/* Create the demo companies that are missing. Returns 0 or -1. */
static int
seed_companies(struct seed_ctx *s)
{
	struct seed_company c;
	char expires[CAL_DATE_STRLEN];
	mp_date today, exp;
	size_t i;
	int64_t id;

	if (mp_date_from_unix(s->now, &today) == -1 ||
	    mp_date_add_days(today, 365, &exp) == -1)
		return -1;
	mp_date_str(exp, expires, sizeof(expires));
	for (i = 0; i < sizeof(demo_companies) / sizeof(demo_companies[0]);
	    i++) {
		const struct demo_company *d = &demo_companies[i];

		if ((id = db_seed_company_id(s->db, d->name)) != 0) {
			if (id < 0)
				return -1;
			continue;
		}
		memset(&c, 0, sizeof(c));
		c.name = d->name;
		c.country = d->country;
		c.qualification_status = d->status;
		c.qualification_expires = strcmp(d->status, "verified") == 0 ?
		    expires : NULL;
		c.long_term_agreement = d->agreement;
		c.cod_limit_usd_minor = d->cod_limit;
		c.remittance_quota_usd_minor = d->remit_quota;
		if (db_seed_company_insert(s->db, &c, s->now) <= 0)
			return -1;
		printf("created company %s\n", d->name);
		s->created++;
	}
	return 0;
}

/* Create the demo users that are missing, each with its own argon2id hash
 * of the demo password. Returns 0 or -1. */
static int
seed_users(struct seed_ctx *s)
{
	struct seed_user u;
	char hash[crypto_pwhash_STRBYTES];
	size_t i;
	int64_t id;

	for (i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++) {
		const struct demo_user *d = &demo_users[i];

		if ((id = db_seed_user_id(s->db, d->email)) != 0) {
			if (id < 0)
				return -1;
			continue;
		}
		memset(&u, 0, sizeof(u));
		if (d->company != NULL &&
		    (u.company_id = db_seed_company_id(s->db, d->company)) <= 0)
			return -1;
		if (crypto_pwhash_str(hash, DEMO_PASSWORD,
		    strlen(DEMO_PASSWORD), crypto_pwhash_OPSLIMIT_INTERACTIVE,
		    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
			fprintf(stderr, "mallpayctl: seed-demo: out of memory "
			    "hashing\n");
			return -1;
		}
		u.kind = d->kind;
		u.email = d->email;
		u.name = d->name;
		u.phone = d->phone;
		u.cod_completed_orders = d->cod_completed;
		u.credit_limit_usd_minor = d->credit_limit;
		if ((id = db_seed_user_insert(s->db, &u, hash, s->now)) <= 0)
			return -1;
		/* The demo admin holds every role (core/admin_role.h). */
		if (strcmp(d->kind, "admin") == 0 && db_admin_account_insert(
		    s->db, id, ADMIN_ROLES_ALL, NULL, 0, 0, s->now) == -1)
			return -1;
		printf("created user %s\n", d->email);
		s->created++;
	}
	return (s->admin_id = db_seed_user_id(s->db, "admin@demo.test")) > 0 ?
	    0 : -1;
}

/* The demo admin's known TOTP secret, unless they have one. Returns 0,
 * or -1. */
static int
seed_admin_totp(struct seed_ctx *s, const struct config *cfg)
{
	unsigned char	secret[TOTP_SECRET_BYTES];
	int		rc;

	if (totp_base32_secret(DEMO_TOTP_SECRET, secret) == -1)
		return -1;
	rc = mfa_set_secret(s->db, cfg, s->admin_id, secret, s->now);
	sodium_memzero(secret, sizeof(secret));
	if (rc == 0)
		printf("demo admin's sign-in code secret: %s\n",
		    DEMO_TOTP_SECRET);
	return rc == -1 ? -1 : 0;
}

/* The demo delivery addresses: every demo shopper and company has a
 * default one (the first) in Malaysia, so that checkout to Malaysia works
 * for each of them with nothing to add. NewCo Imports (in Singapore)
 * receives at its Port Klang warehouse and has its office as a second
 * address. */
static const struct demo_address {
	const char		*email;		/* a person's, or NULL */
	const char		*company;	/* a company's, or NULL */
	struct addr_input	 a;
} demo_addresses[] = {
	{ "shopper.new@demo.test", NULL, { "Nadia New", "12 Jalan Ampang",
	    "", "Kuala Lumpur", "Wilayah Persekutuan", "50450", "MY",
	    "+60 12-345 0001" } },
	{ "shopper.veteran@demo.test", NULL, { "Victor Veteran",
	    "8 Jalan Sultan Ismail", "", "Kuala Lumpur",
	    "Wilayah Persekutuan", "50250", "MY", "+60 12-345 0002" } },
	{ "shopper.lowscore@demo.test", NULL, { "Liam Lowscore",
	    "3 Lebuh Pantai", "", "George Town", "Pulau Pinang", "10300",
	    "MY", "+60 12-345 0003" } },
	{ "shopper.unverified@demo.test", NULL, { "Uma Unverified",
	    "21 Jalan Tun Razak", "Unit 7-2", "Kuala Lumpur",
	    "Wilayah Persekutuan", "50400", "MY", "+60 12-345 0004" } },
	{ NULL, "Acme Trading Ltd", { "Acme Trading Ltd (Purchasing)",
	    "Level 5, Menara Acme", "1 Jalan Pinang", "Kuala Lumpur",
	    "Wilayah Persekutuan", "50450", "MY", "+60 3-2161 0005" } },
	{ NULL, "NewCo Imports", { "NewCo Imports (Receiving)",
	    "Lot 5, Jalan Pelabuhan Utara", "", "Port Klang", "Selangor",
	    "42000", "MY", "+60 3-3176 0006" } },
	{ NULL, "NewCo Imports", { "NewCo Imports", "10 Anson Road",
	    "#20-01 International Plaza", "Singapore", "", "079903", "SG",
	    "+65 9123 0006" } },
};

/* 1 if a and b are both NULL or the same text. */
static int
same(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

/* Give every demo owner without an address its demo addresses. Returns
 * 0 or -1. */
static int
seed_addresses(struct seed_ctx *s)
{
	const size_t		 n = sizeof(demo_addresses) /
	    sizeof(demo_addresses[0]);
	struct addr_input	 in[4];
	struct db_addr_owner	 o;
	size_t			 i, j, k;
	int			 rc;

	for (i = 0; i < n; i = j) {
		const struct demo_address *d = &demo_addresses[i];

		o.user_id = d->email != NULL ?
		    db_seed_user_id(s->db, d->email) : 0;
		o.company_id = d->company != NULL ?
		    db_seed_company_id(s->db, d->company) : 0;
		if (o.user_id < 0 || o.company_id < 0 ||
		    o.user_id + o.company_id == 0)
			return -1;
		/* The consecutive rows of the same owner, in order. */
		for (j = i, k = 0; j < n && k < 4 &&
		    same(demo_addresses[j].email, d->email) &&
		    same(demo_addresses[j].company, d->company); j++)
			in[k++] = demo_addresses[j].a;
		if ((rc = address_seed_demo(s->db, &o, in, k, s->now)) == -1)
			return -1;
		s->created += rc;
	}
	return 0;
}

/* The products of demo order d's lines (at most 3, priced in USD) into p,
 * their count into *n and the items' total into *total. 0, or -1 (said
 * on stderr when a product is missing or not in USD). */
static int
demo_lines(struct seed_ctx *s, const struct demo_order *d,
    struct seed_product p[3], size_t *n, int64_t *total)
{
	for (*n = 0; *n < 3 && d->lines[*n].sku != NULL; (*n)++) {
		if (db_seed_product(s->db, d->lines[*n].sku, &p[*n]) != 0) {
			fprintf(stderr, "mallpayctl: seed-demo: no product "
			    "%s (run the demo scripts first)\n",
			    d->lines[*n].sku);
			return -1;
		}
		if (strcmp(p[*n].currency, "USD") != 0) {
			fprintf(stderr, "mallpayctl: seed-demo: %s is not "
			    "priced in USD\n", d->lines[*n].sku);
			return -1;
		}
		*total += p[*n].price_minor * d->lines[*n].qty;
	}
	return 0;
}

/* The events of order_id (of user_id, placed at placed) along road, each
 * step's actor and offset, from state to state. 0 or -1. */
static int
road_events(struct seed_ctx *s, int64_t order_id, int64_t user_id,
    const struct demo_step *road, int64_t placed)
{
	const struct demo_step *st;
	struct seed_event e;
	const char *prev = NULL;

	for (st = road; st->state != NULL; st++) {
		memset(&e, 0, sizeof(e));
		e.subject_type = "order";
		e.subject_id = order_id;
		e.actor_type = st->actor;
		if (strcmp(st->actor, "user") == 0)
			e.actor_id = user_id;
		else if (strcmp(st->actor, "admin") == 0)
			e.actor_id = s->admin_id;
		e.at = placed + st->offset;
		e.from_state = prev;
		e.to_state = st->state;
		e.reason = st->reason;
		if (db_seed_event(s->db, &e) == -1)
			return -1;
		prev = st->state;
	}
	return 0;
}

/* Insert one past order with its lines and its events unless its
 * idempotency key is taken. Returns 0 or -1. */
static int
seed_order(struct seed_ctx *s, const struct demo_order *d)
{
	struct seed_product p[3];
	struct seed_order o;
	const struct demo_step *road, *st;
	int64_t user_id, company_id, order_id, total = 0, placed;
	size_t i, n;
	int64_t fee = 0, pct;

	if ((user_id = db_seed_user_id(s->db, d->email)) <= 0)
		return -1;
	if ((order_id = db_seed_order_id(s->db, user_id, d->key)) != 0)
		return order_id < 0 ? -1 : 0;
	company_id = 0;
	for (i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++)
		if (strcmp(demo_users[i].email, d->email) == 0 &&
		    demo_users[i].company != NULL &&
		    (company_id = db_seed_company_id(s->db,
		    demo_users[i].company)) <= 0)
			return -1;
	if (demo_lines(s, d, p, &n, &total) == -1)
		return -1;
	/* COD-F1 fee: whole percent here, rounded half up (amounts > 0). */
	if (d->fee_percent != NULL) {
		pct = strtoll(d->fee_percent, NULL, 10);
		fee = (total * pct + 50) / 100;
	}
	road = strcmp(d->road, "cod") == 0 ? road_cod : road_remittance;
	for (st = road; st[1].state != NULL; st++)
		continue;
	placed = s->now - (int64_t)d->completed_days_ago * DAY - st->offset;

	memset(&o, 0, sizeof(o));
	o.user_id = user_id;
	o.company_id = company_id;
	o.status = "completed";
	o.method = d->method;
	o.currency = "USD";
	o.usd_per_unit = "1";
	o.items_total_minor = total;
	o.amount_due_minor = total;
	o.fee_minor = fee;
	o.country = d->country;
	o.region_code = d->region;
	o.idempotency_key = d->key;
	o.created_at = placed;
	o.updated_at = placed + st->offset;
	o.completed_at = placed + st->offset;
	if ((order_id = db_seed_order_insert(s->db, &o)) <= 0)
		return -1;
	for (i = 0; i < n; i++)
		if (db_seed_item_insert(s->db, order_id, &p[i],
		    d->lines[i].qty) == -1)
			return -1;
	if (road_events(s, order_id, user_id, road, placed) == -1)
		return -1;
	printf("created order %lld (%s, %s)\n", (long long)order_id,
	    d->email, d->key);
	s->created++;
	return 0;
}

/* identity: each verified demo account's identity check and consent with
 * its score (INST-01, INST-02, PAU-01), each use case in its own
 * transaction, skipped when already there. Returns 0 or -1. */
static int
seed_identities(struct seed_ctx *s, const struct config *cfg)
{
	char	number[32];
	size_t	i;

	for (i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++) {
		const struct demo_user *d = &demo_users[i];

		if (!d->verified || strcmp(d->kind, "admin") == 0)
			continue;
		snprintf(number, sizeof(number), "DEMO%02zu-%03d-1", i,
		    d->score);
		if (identity_seed(s->db, cfg, d->email, d->name, "1990-01-15",
		    number, d->score > 0, s->now) == -1)
			return -1;
	}
	return 0;
}

/* See ctl.h: mallpayctl seed-demo [--now TIME]. */
int
ctl_seed_demo(struct ctl *c, int argc, char **argv)
{
	struct seed_ctx s;
	size_t i;
	int64_t now;
	int ai;

	for (ai = 1; ai < argc; ai++) {
		if (strcmp(argv[ai], "--now") == 0 && ai + 1 < argc) {
			if (ctl_parse_time(argv[++ai], &now) == -1) {
				fprintf(stderr, "mallpayctl: seed-demo: bad "
				    "time \"%s\"\n", argv[ai]);
				return 2;
			}
			clock_set_fixed(now);
		} else {
			fprintf(stderr, "usage: mallpayctl seed-demo "
			    "[--now YYYY-MM-DDTHH:MM:SSZ]\n");
			return 2;
		}
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "mallpayctl: libsodium failed to start\n");
		return 1;
	}
	memset(&s, 0, sizeof(s));
	s.now = clock_now();
	if ((s.db = ctl_db_open(c)) == NULL)
		return 1;
	if (seed_scripts(&s, c->sqldir) == -1)
		goto fail;
	if (db_begin(s.db) == -1)
		goto dbfail;
	if (seed_companies(&s) == -1 || seed_users(&s) == -1 ||
	    seed_addresses(&s) == -1)
		goto dbfail;
	/* checkout: the demo shoppers' points (migration 002). */
	if (db_checkout_demo_points(s.db) == -1)
		goto dbfail;
	for (i = 0; i < sizeof(demo_orders) / sizeof(demo_orders[0]); i++)
		if (seed_order(&s, &demo_orders[i]) == -1)
			goto dbfail;
	if (db_commit(s.db) == -1)
		goto dbfail;
	/* corporate: the verified Acme's documents on record. */
	if (company_seed_demo(s.db, &c->cfg, s.now) == -1)
		goto dbfail;
	if (seed_identities(&s, &c->cfg) == -1)
		goto dbfail;
	if (seed_admin_totp(&s, &c->cfg) == -1)
		goto dbfail;
	/* pau: the demo shoppers' Pay After Use card. */
	if (payafter_seed_demo(s.db, s.now) == -1)
		goto dbfail;
	if (s.created == 0)
		printf("demo accounts and orders already present: nothing "
		    "to add\n");
	else
		printf("demo data: %d rows of accounts and orders added; "
		    "password of every demo login: %s\n", s.created,
		    DEMO_PASSWORD);
	db_free(s.db);
	return 0;
dbfail:
	fprintf(stderr, "mallpayctl: seed-demo: %s\n", db_error(s.db));
	db_rollback(s.db);
fail:
	db_free(s.db);
	return 1;
}
