#ifndef MALLPAY_PAGES_CHECKOUT_VIEW_H
#define MALLPAY_PAGES_CHECKOUT_VIEW_H

/*
 * What GET /checkout and its live recompute (GET /checkout/quote) share:
 * the form's options read the same way, and the same quote filled into
 * the same templates (checkout_summary.tpl, checkout_methods.tpl), so the
 * page and the endpoint cannot disagree. checkout.c, checkout_dest.c,
 * checkout_live.c.
 */

#include <stddef.h>

#include "service/checkout.h"

struct ctx;
struct view_dict;

/* The options of the checkout form (country, coupon, points, shipping,
 * address) of c into *in; invalid fields read as absent. */
void	checkout_read_input(struct ctx *c, struct checkout_input *in);

/* The payment method's name for people. */
const char *checkout_method_title(enum pay_method m);

/* The sentence for the shopper when q has no delivery address (NULL when
 * it has one), in buf. */
const char *checkout_address_problem(const struct checkout_quote *q,
	    char *buf, size_t bufsz);

/* The destination select of q into d: the countries of the buyer's
 * addresses first, then every country with its region's labels ("COD
 * Supported" only where COD-03 and COD-05 both allow it). */
void	checkout_fill_destination(struct view_dict *d,
	    const struct checkout_quote *q);

/* The chosen destination's facts of q into d (DEST or NO_DEST). */
void	checkout_fill_dest_facts(struct view_dict *d,
	    const struct checkout_quote *q);

/* The summary of q into d (checkout_summary.tpl): destination, delivery
 * address, order lines, discounts and the amount to pay. */
void	checkout_fill_summary(struct view_dict *d,
	    const struct checkout_quote *q);

/* C-06: every method of q into list (checkout_methods.tpl, one METHOD
 * each): eligible ones selectable with their recommended plan and the
 * folded comparison, the others with their reasons. chosen: the "pay"
 * value to check (NULL: none); disclose: add the chosen plan's disclosure
 * to d. */
void	checkout_fill_methods(struct view_dict *d, struct view_dict *list,
	    const struct checkout_quote *q, const char *chosen, int disclose);

#endif
