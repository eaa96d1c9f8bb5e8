#ifndef MALLPAY_PAGES_REMITTANCE_PAGE_H
#define MALLPAY_PAGES_REMITTANCE_PAGE_H
/*
 * Helpers shared by the remittance pages of the shopper (remittance.c)
 * and of the admin (remittance_admin.c).
 */
#include <stddef.h>
#include <stdint.h>

/* The plain decimal of minor in cur ("123.45") into out (outsz bytes); the
 * bare number of minor units when cur is not a known currency. Returns
 * out. */
const char *rem_page_plain_amount(int64_t minor, const char *cur, char *out,
	    size_t outsz);

#endif
