#ifndef MALLPAY_CORE_WORDS_H
#define MALLPAY_CORE_WORDS_H

/*
 * Words, not codes: the one set of display names a shopper reads for a
 * payment method, an order status, a reason, a card brand and a count
 * ("1 day", "2 days"). Institution names are data (institutions.name);
 * words_text() takes the one it may meet. Pure functions: no clock, no
 * database; methods and statuses read in the thread's language
 * (core/i18n.h).
 */

#include <stddef.h>

/* A payment method's name ("cod" -> "Cash on delivery"; "" -> "Not chosen
 * yet"); an unknown code comes back as is. */
const char *words_method(const char *code);

/* An order status into out: "pending_shipment" -> "Pending shipment",
 * "paid_installment" -> "Paid (Installment)" as RULES names it. */
void	words_status(const char *code, char *out, size_t outsz);

/* A reason code in words, in the thread's language ("no_valid_reason" ->
 * "No valid reason", "wrong_item" -> "Wrong item"); text that is not a
 * code comes back as is. */
const char *words_reason(const char *code);

/* The state of what is not an order in words, in the thread's language:
 * an installment plan ("review", "active", "closed"...), an installment
 * ("due", "paid", "overdue", "not_due", "cancelled"), a remittance voucher
 * ("pending", "accepted", "rejected"), a charge or an amount owed
 * ("open", "settled", "paid"); an unknown code comes back as is. */
const char *words_state(const char *code);

/* A shipping region by its code ("SEA" -> "Southeast Asia") in the
 * thread's language; a region the mall does not ship to by default keeps
 * name, as its reference data has it. */
const char *words_region(const char *code, const char *name);

/* A card brand ("visa" -> "Visa", "mastercard" -> "Mastercard",
 * "unionpay" -> "UnionPay"); "" or unknown -> "card". */
const char *words_card_brand(const char *code);

/* n and the noun in its number into out: "1 day", "2 days". */
void	words_count(char *out, size_t outsz, long long n, const char *one,
	    const char *many);

/* Text in into out (outsz bytes, cut at a whole byte) with every code of
 * a method, an order status, a reason or a card brand standing as a whole
 * token replaced by its words, and inst_id (may be NULL) by inst_name. */
void	words_text(const char *in, const char *inst_id, const char *inst_name,
	    char *out, size_t outsz);

#endif
