#ifndef MALLPAY_SERVICE_EXPORT_H
#define MALLPAY_SERVICE_EXPORT_H

/*
 * The admin console's exports: the orders (with the order list's filters),
 * each review queue, the audit trail (with its filters), the ledger and
 * the reconciliation differences. Each is read from MariaDB row by row
 * (one unbuffered statement, db/stmt.h dbq_exec_stream) and handed on row
 * by row, so an export of any size costs one row of memory. Cells come as
 * text: amounts as plain decimals in their currency ("-12.50"), times as
 * "YYYY-MM-DD HH:MM:SS" UTC, statuses and methods in words.
 */

#include <stddef.h>
#include <stdint.h>

struct db;
struct db_admin_order_filter;
struct db_event_filter;

/* Called with the headings first, then each row: n cells, and numeric's
 * bit i set when cell i is a number (an id or an amount; the others are
 * text). Returns 0 to go on, -1 to stop (the client is gone). */
typedef int (*export_row_fn)(void *arg, const char *const *cells, size_t n,
    unsigned numeric);

/* Stream an export to fn. Each returns 0 when every row went out, 1 when
 * fn stopped it, -1 on a database error (rows may have gone out). */
int	export_orders(struct db *, const struct db_admin_order_filter *f,
	    export_row_fn fn, void *arg);
/* queue_id: an id of the queue registry (service/queues.h); -1 for an
 * unknown one before anything went out (see export_queue_known). */
int	export_queue(struct db *, const char *queue_id, int64_t now,
	    export_row_fn fn, void *arg);
/* user, admin: as admin_audit_search's (service/admin_view.h). */
int	export_audit(struct db *, struct db_event_filter *f, const char *user,
	    const char *admin, export_row_fn fn, void *arg);
int	export_ledger(struct db *, export_row_fn fn, void *arg);
int	export_recon(struct db *, export_row_fn fn, void *arg);

/* 1 if queue_id names a queue that can be exported, else 0. */
int	export_queue_known(const char *queue_id);

#endif
