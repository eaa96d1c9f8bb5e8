#ifndef MALLPAY_PAGES_ADMIN_PAYOUT_H
#define MALLPAY_PAGES_ADMIN_PAYOUT_H

/*
 * The credit section of a company's admin pages (pages/admin_payout.c).
 */

#include <stdint.h>

struct ctx;
struct view_dict;

/* Fill the include {{>CREDIT}} of d (company_credit.tpl) for company id:
 * the credit it holds per currency, its last payouts and the payout form
 * with a fresh key; error (NULL none) beside field ("amount", "account",
 * "reference"; NULL: above the form). Returns 0, or -1 (database). */
int	admin_payout_include(struct ctx *, struct view_dict *d, int64_t id,
	    const char *field, const char *error);

#endif
