/*
 * Shared facts for the eligibility rule tests: a buyer and an order that
 * pass every rule of every method, so that each test changes one fact
 * and sees exactly the rule it is about fail.
 */
#ifndef MALLPAY_TESTS_RULES_FIXTURE_H
#define MALLPAY_TESTS_RULES_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/money.h"
#include "rules/facts.h"
#include "rules/verdict.h"

/* A date from y-m-d; the tests only pass real dates. */
static inline mp_date
fx_date(int y, int m, int d)
{
	mp_date	 out = 0;

	mp_date_from_ymd(y, m, d, &out);
	return out;
}

/* An amount of minor units in cur. */
static inline struct money
fx_money(int64_t minor, const char *cur)
{
	struct money	 m;

	memset(&m, 0, sizeof(m));
	money_set(&m, minor, cur);
	return m;
}

/* Set the order's amounts: total, coupons, points in the order currency. */
static inline void
fx_order_amounts(struct facts *f, const char *cur, const char *rate,
    int64_t total, int64_t coupons, int64_t points)
{
	memcpy(f->order.currency, cur, 4);
	snprintf(f->order.usd_per_unit, sizeof(f->order.usd_per_unit), "%s",
	    rate);
	f->order.items_total = fx_money(total, cur);
	f->order.coupons = fx_money(coupons, cur);
	f->order.points = fx_money(points, cur);
}

/*
 * A person who passes everything: real name, score 700, COD history of
 * 6 clean orders, a USD 15,000 credit line, an order of USD 600.00 of
 * one durable, ordinary, PAU-marked item shipped to MY in SEA in 5 days.
 * Call facts_cleanup() after.
 */
static inline void
fx_person(struct facts *f)
{
	struct item_facts *it;

	facts_defaults(f);
	f->now = fx_date(2026, 11, 21);
	f->buyer.type = BUYER_PERSON;
	f->buyer.real_name_verified = 1;
	f->buyer.has_credit_score = 1;
	f->buyer.credit_score = 700;
	f->buyer.cod.completed_orders = 6;
	f->buyer.has_credit_line = 1;
	f->buyer.credit_line_limit_usd = fx_money(1500000, "USD");
	f->buyer.credit_line_used_usd = fx_money(0, "USD");
	fx_order_amounts(f, "USD", "1", 60000, 0, 0);
	snprintf(f->order.shipping.country, sizeof(f->order.shipping.country),
	    "MY");
	snprintf(f->order.shipping.region, sizeof(f->order.shipping.region),
	    "SEA");
	f->order.shipping.delivery_days = 5;
	it = facts_add_item(f);
	snprintf(it->category, sizeof(it->category), "3c-digital");
	it->durable = 1;
	it->pay_after_use = 1;
}

/*
 * A company that passes everything B2B: verified qualification valid to
 * 2027-06-30, USD 6,200 of orders in 90 days, COD agreement USD 10,000,
 * remittance quota USD 8,000; same order as fx_person().
 */
static inline void
fx_company(struct facts *f)
{
	fx_person(f);
	f->buyer.type = BUYER_COMPANY;
	f->buyer.has_credit_line = 0;
	f->buyer.has_company = 1;
	f->buyer.company.qualification_verified = 1;
	f->buyer.company.has_qualification_expires = 1;
	f->buyer.company.qualification_expires = fx_date(2027, 6, 30);
	f->buyer.company.completed_orders_usd_90d = fx_money(620000, "USD");
	f->buyer.company.has_cod_agreement = 1;
	f->buyer.company.cod_agreement_limit_usd = fx_money(1000000, "USD");
	f->buyer.company.has_remittance_quota = 1;
	f->buyer.company.remittance_quota_usd = fx_money(800000, "USD");
}

/* The first institution of method m in f (the defaults hold one each). */
static inline const struct institution *
fx_inst(const struct facts *f, enum inst_method m)
{
	size_t	 i;

	for (i = 0; i < f->settings.ninstitutions; i++)
		if (f->settings.institutions[i].method == m)
			return &f->settings.institutions[i];
	return NULL;
}

/* How many reasons of v carry rule id. */
static inline size_t
fx_count(const struct verdict *v, const char *rule)
{
	size_t	 i, n = 0;

	for (i = 0; i < v->nreasons; i++)
		if (strcmp(v->reasons[i].rule, rule) == 0)
			n++;
	return n;
}

#endif
