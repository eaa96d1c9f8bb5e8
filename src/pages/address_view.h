#ifndef MALLPAY_PAGES_ADDRESS_VIEW_H
#define MALLPAY_PAGES_ADDRESS_VIEW_H

/*
 * One delivery address written into a template dictionary, the same way
 * on every page that shows one (address book, checkout, order, COD
 * review): RECIPIENT, LINE1, LINE2 (section, when set), CITY, REGION
 * (section), POSTAL (section), COUNTRY_NAME, PHONE, and SUMMARY (one line).
 */

#include "service/address.h"

struct view_dict;

void	page_address(struct view_dict *d, const struct db_address *a,
	    const char *country_name);

/* The address an order ships to into section SHIP_ADDR of d (nothing for
 * an order placed before addresses existed: has 0): page_address's names
 * plus AREA (the region, its service area), DAYS (the delivery days the
 * order promised) and section COD (or NO_COD) when the area offers cash on
 * delivery (or not). */
void	page_order_address(struct view_dict *d, const struct order_address *oa,
	    int has);

#endif
