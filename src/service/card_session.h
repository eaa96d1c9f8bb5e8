#ifndef MALLPAY_SERVICE_CARD_SESSION_H
#define MALLPAY_SERVICE_CARD_SESSION_H

/*
 * Cards bound at the bank's hosted card page (gateway/bank.h): the mall
 * opens a session with the bank, the shopper types the card on the bank's
 * page (3-D Secure there for a European card), and the bank's signed
 * outcome comes back on the return URL and by the server-to-server notice;
 * whichever arrives first records it, the other changes nothing. The mall
 * never receives the card number or the security code.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/config.h"
#include "core/result.h"

struct db;

/* Where the shopper goes after an outcome. */
struct card_session_end {
	int64_t	order_id;
	int64_t	session_id;	/* the mall's card session */
	int	approved;
	int	to_confirm;	/* the order now awaits the plan's
				 * confirmation and down payment */
	int	pau;		/* the Pay After Use card (no order) */
	int64_t	debt_id;	/* the COD refusal debt it paid (COD-F2), 0 */
};

/* Open a session at the bank's page for the card of user_id's order_id
 * (the card installment: INST-CC, or another card INST-P3). RES_OK with the
 * bank page's address in url (urlsz); RES_NOT_FOUND, RES_NOT_ALLOWED (no
 * card can be bound to this order now), RES_UNAVAILABLE (the bank did not
 * answer: msg), RES_ERROR. */
enum result card_session_plan_start(struct db *, const struct config *,
	    int64_t user_id, int64_t order_id, int64_t now, char *url,
	    size_t urlsz, char *msg, size_t msgsz);
/* The same for user_id's Pay After Use card (PAU-03: the bank verifies
 * it with a small review). RES_OK with url; RES_UNAVAILABLE, RES_ERROR. */
enum result card_session_pau_start(struct db *, const struct config *,
	    int64_t user_id, int64_t now, char *url, size_t urlsz, char *msg,
	    size_t msgsz);
/* The same for paying user_id's COD refusal debt debt_id (COD-F2): the
 * bank's page takes the card for the debt's amount, and the approved
 * outcome charges the debt by the card's token (cod_debt_record). RES_OK
 * with url; RES_NOT_FOUND (not the shopper's), RES_NOT_ALLOWED (paid
 * already), RES_UNAVAILABLE (msg), RES_ERROR. */
enum result card_session_debt_start(struct db *, const struct config *,
	    int64_t user_id, int64_t debt_id, int64_t now, char *url,
	    size_t urlsz, char *msg, size_t msgsz);
/* The bank's signed outcome, raw (len bytes): the return URL's query string
 * (notice 0) or the notice's body (notice 1). The signature, the session
 * the mall opened, its amount and currency are checked; the first outcome
 * of a session is recorded (the plan's card, in one transaction with the
 * session's row, locked), any later one is RES_DONE and changes nothing.
 * RES_OK / RES_DONE with *end; RES_FORBIDDEN (bad or stale signature),
 * RES_INVALID (malformed, or another amount or currency than the
 * session's), RES_NOT_FOUND (no such session), RES_ERROR. */
enum result card_session_outcome(struct db *, const struct config *,
	    int notice, const char *raw, size_t len, int64_t now,
	    struct card_session_end *end);
/* The reason the bank gave for declining user_id's card session id, in
 * words, into out ("" when it was not declined). 1, 0 none, -1 error. */
int	card_session_declined(struct db *, int64_t user_id, int64_t id,
	    char *out, size_t outsz);

#endif
