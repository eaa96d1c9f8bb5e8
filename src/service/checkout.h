#ifndef MALLPAY_SERVICE_CHECKOUT_H
#define MALLPAY_SERVICE_CHECKOUT_H

/*
 * Checkout: the quote of a cart (amount to pay with its USD
 * equivalent, every method's verdict, the COD fee, the installment plans
 * per eligible institution and term with their APR) and placing the order
 * in one transaction.
 *
 * Extension points for the method engineers:
 * - checkout_next_page() maps a placed order's method to the page that
 *   continues it (card entry, partner application, corporate documents,
 *   remittance instructions): edit the table in checkout.c.
 * - The first status of each method is orderflow_first_status().
 * - Deadlines promised at placing (C-04) are computed in
 *   checkout_deadlines(); later status changes go through orderflow.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/money.h"
#include "core/result.h"
#include "rules/amount.h"
#include "rules/deadlines.h"
#include "rules/plan.h"
#include "rules/verdict.h"
#include "service/address.h"
#include "service/facts.h"

struct db;

/* One installment offer: an eligible institution and one of its terms. */
struct checkout_offer {
	enum pay_method	 method;
	char		 inst[FACTS_ID_MAX];
	char		 inst_name[101];
	int		 term;
	int		 waives_future_fees;	/* INST-F3 */
	char		 late_fee_rate[17];	/* INST-F1, % per day */
	char		 monthly_rate[17];	/* % per month */
	int32_t		 apr_bp;		/* hundredths of a percent */
	struct money	 down_payment;		/* INST-CORP, paid before the plan */
	int		 down_payment_pct;	/* 0 unless corporate */
	struct plan	 plan;			/* what is financed, as it will run */
};

struct checkout_quote {
	struct facts_live	 live;
	int			 empty;		/* the cart is empty */
	struct pay_amount	 amount;	/* C-03 + C-02 */
	int			 amount_ok;
	struct verdict_list	 verdicts;
	int			 has_cod_fee;
	struct money		 cod_fee;	/* COD-F1 */
	struct checkout_offer	*offers;	/* eligible plans */
	size_t			 noffers;
	struct checkout_dates	 dates;
	struct address_pick	 addr;		/* the delivery address; it
						   decides the country */
};

/* Quote user_id's cart for input at now into *q (the delivery address
 * picked into q->addr decides the destination country; clean up with
 * checkout_quote_cleanup, also on failure). Returns 0 (q->empty set for
 * an empty cart), or -1 with a message in err. */
int	checkout_quote(struct db *, int64_t user_id,
	    const struct checkout_input *in, int64_t now,
	    struct checkout_quote *q, char *err, size_t errsz);
void	checkout_quote_cleanup(struct checkout_quote *q);

/* The verdict of method (and institution for the installment kinds;
 * NULL/"" for the others) in q, or NULL. */
const struct verdict *checkout_find_verdict(const struct checkout_quote *q,
	    enum pay_method m, const char *inst);

/* The offer of inst and term in q, or NULL. */
const struct checkout_offer *checkout_find_offer(const struct checkout_quote *q,
	    const char *inst, int term);

/* The recommended offer of method m and institution inst in q: the one
 * with the lowest total cost (the down payment included; the shorter term
 * on a tie), or NULL when q offers no plan of theirs. */
const struct checkout_offer *checkout_best_offer(const struct checkout_quote *q,
	    enum pay_method m, const char *inst);

/* What the buyer pays in all under offer o (its plan's total cost and the
 * corporate down payment) into *out; 0 or -1 (overflow). */
int	checkout_offer_total(const struct checkout_offer *o, struct money *out);

/* Parse a method name ("cod", "installment_card", ...): 0 or -1. */
int	checkout_method_parse(const char *s, enum pay_method *out);

/* What the shopper submitted to place the order. */
struct checkout_choice {
	char		 method[32];	/* pay_method_name() */
	char		 inst[33];	/* installment kinds: institution */
	int		 term;		/* installment kinds: months */
	char		 key[65];	/* idempotency key of the form */
};

/* May user_id of company_id (0: a person, who always may) place orders
 * (RULES section 5: the owner's "place orders")? 1; 0 with msg naming
 * the action and the owner to ask; -1 (database). checkout_place() checks
 * it itself; a page asks first to refuse before reading the form. */
int	checkout_may_place(struct db *, int64_t user_id, int64_t company_id,
	    char *msg, size_t msgsz);

/* The sentence checkout_place() gives for an unknown method, institution
 * or term (RES_INVALID), for a page that finds the form's choice
 * malformed before placing. */
const char *checkout_bad_choice_words(void);

/* Place user_id's order (ONE transaction): claim the key (a replay
 * returns the existing order), re-check from fresh facts into *q, freeze
 * items, amounts, rate, verdicts and method, the delivery address (q->addr,
 * service/address.h: it decides the country), store the promised dates,
 * start the order in its first status with its creation event, spend
 * points, reserve credit (INST-CL), empty the cart. Returns
 *   RES_OK           placed: *order_id
 *   RES_DONE         the key was used with the same choices: the existing
 *                    order in *order_id
 *   RES_NOT_FOUND    the cart is empty
 *   RES_INVALID      no (known) destination, no delivery address of the
 *                    buyer's chosen, an unknown method, institution or
 *                    term, or points or credit changed meanwhile (msg)
 *   RES_NOT_ALLOWED  the rules refuse the method now (tampered form or
 *                    stale page): q has the reasons (msg)
 *   RES_KEY_CONFLICT the key placed an order with other choices (method,
 *                    destination, coupon, points)
 *   RES_FORBIDDEN    a company member the owner does not let place
 *                    orders (checkout_may_place)
 *   RES_ERROR        database error
 * On any but RES_OK nothing is written; on a refusal *q holds the fresh
 * quote for the page. Caller cleans q up in every case. */
enum result checkout_place(struct db *, int64_t user_id,
	    int64_t company_id, const struct checkout_input *in,
	    const struct checkout_choice *choice, int64_t now,
	    struct checkout_quote *q, int64_t *order_id, char *msg,
	    size_t msgsz);

/* The page that continues a placed order of method (see the table in
 * checkout.c) into out: "/orders/42" for now for every method. */
void	checkout_next_page(enum pay_method m, int64_t order_id, char *out,
	    size_t outsz);

/* Fill db's reference-data cache for the day of now (db_checkout_warm):
 * what every checkout and catalog view reads, loaded when a worker's
 * connection opens rather than by its first views. A failure is logged
 * and leaves the cache to fill as views read. */
void	checkout_warm(struct db *, int64_t now);

#endif
