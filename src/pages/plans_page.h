#ifndef MALLPAY_PAGES_PLANS_PAGE_H
#define MALLPAY_PAGES_PLANS_PAGE_H
/*
 * Helpers shared by the installment pages: plans.c (application,
 * confirmation, credit line), plans_schedule.c (schedule, repayments,
 * payoff) and plans_admin.c (the admin's plan pages).
 */
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "service/plans.h"

struct ctx;
struct view_dict;

/* view_set of name in d to page_money() of m in cur. */
void	plans_set_amt(struct view_dict *d, const char *name, int64_t m,
	    const char *cur);
/* view_set of name in d to day as "YYYY-MM-DD". */
void	plans_set_date(struct view_dict *d, const char *name, mp_date day);
/* A fresh random idempotency key for a form, as KEY in d. */
void	plans_set_key(struct view_dict *d);
/* The plan's disclosure lines (RULES section 1: the plan before
 * confirmation) of p into d: fee rate, fee mode, totals, APR, late-fee and
 * early-repayment rules; pl (NULL: the stored figures of p) is the plan
 * rebuilt for today's start. */
void	plans_set_disclosure(struct view_dict *d, const struct db_plan *p,
	    const struct plan *pl);
/* Redirect to /orders/:id + suffix. Returns 303. */
int	plans_to_order(struct ctx *c, int64_t id, const char *suffix);
/* INST-P3, INST-CORP: 0 when order id is not a corporate installment's,
 * else the status of the refusal answered (409: its payments are bank
 * transfers an admin records, never a shopper's route). */
int	plans_corp_refusal(struct ctx *c, int64_t id);
/* The schedule rows, totals, chart and actions of v into d (plan_schedule.tpl
 * names); owner 1 adds the shopper's pay, payoff and card forms. */
void	plans_set_schedule(struct ctx *c, struct view_dict *d,
	    const struct plan_view *v, int owner);

#endif
