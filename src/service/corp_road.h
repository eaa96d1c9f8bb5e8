#ifndef MALLPAY_SERVICE_CORP_ROAD_H
#define MALLPAY_SERVICE_CORP_ROAD_H

/*
 * The corporate installment's road as members and admins read it (RULES
 * INST-CORP): approved -> agreement signed -> down payment received (an
 * admin or a bank statement line records it) -> in effect -> ready to
 * ship; then repayments by bank transfer (INST-P3). Words for its states
 * and the order page's next step in each.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/result.h"
#include "core/lifecycle.h"

struct db;
struct order_action;

/* 1 when order_id is a corporate installment's order of user_id or of
 * company_id (> 0), else 0 (also on a database error). */
int	corp_order_is_members(struct db *, int64_t order_id, int64_t user_id,
	    int64_t company_id);

/* Refine *a (order_next_action()'s answer) for corporate order
 * order_id by its application: sign the agreement, then transfer the
 * down payment (payee account and reference), then the schedule. *a
 * points at text valid until the next call on this thread. Nothing
 * changes when the order has no application or on a database error. */
void	corp_next_action(struct db *, int64_t order_id,
	    struct order_action *a);

/* One line of the mall's bank statement (mallpayctl corp-statement):
 * amount (minor units) in currency credited with the payer's reference
 * text ref (it quotes "MP-CORP-<order id>") and the bank's own
 * transaction id bank_ref. Matched to the order's corporate application:
 * signed -> the down payment (corp_record_down_payment(), checked against
 * the agreement's figure); in effect -> a transfer (corp_record_transfer(),
 * key "stmt-<bank_ref>"). The same line again changes nothing (RES_OK, msg
 * says so). Returns RES_OK, RES_NOT_FOUND (no reference, no such
 * application), RES_INVALID, RES_NOT_ALLOWED (not signed nor in effect),
 * RES_KEY_CONFLICT, RES_ERROR, msg saying what was done or why not. */
enum result corp_statement_line(struct db *, const char *ref,
	    int64_t amount, const char *currency, const char *bank_ref,
	    int64_t now, char *msg, size_t msgsz);

#endif
