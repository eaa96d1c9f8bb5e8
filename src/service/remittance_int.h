#ifndef MALLPAY_SERVICE_REMITTANCE_INT_H
#define MALLPAY_SERVICE_REMITTANCE_INT_H

/*
 * Post office remittance: what remittance*.c share and no other code uses
 * (the public interface is remittance.h).
 */

#include <stdint.h>

#include "core/digest.h"
#include "service/remittance.h"

struct db;
struct db_order;
struct db_rem_voucher_new;

/* Inside the caller's transaction: received `amount` for order o (locked
 * by the caller's reads; status o->status), by admin_id. vid: the pending
 * voucher it decides (0: a statement receipt without a voucher, recorded
 * as an accepted 'statement' row with tracking/date/key). Moves the order
 * (REM-P5 paid -> pending_shipment; REM-P7 partially_paid, excess refund),
 * writes the voucher event and the message, and describes it in msg.
 * Returns RES_OK, RES_NOT_ALLOWED or RES_ERROR. */
enum result rem_apply_receipt(struct db *db, const struct db_order *o,
    int64_t vid, int64_t amount, int64_t admin_id, const char *how,
    const struct db_rem_voucher_new *stmt_row, int64_t now, char *msg,
    size_t msgsz);

#endif /* MALLPAY_SERVICE_REMITTANCE_INT_H */
