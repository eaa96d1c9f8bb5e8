/*
 * The queue registry: one line per review queue (see queues.h). A new
 * queue adds its line to queue_table below and its count function next to
 * its own code (e.g. service/qualification.c's queue_count_qualifications over
 * its table). A queue without a page of its own points at the orders
 * browser filtered to the queue's state.
 */
#include <string.h>

#include "core/i18n.h"
#include "db/admin.h"
#include "service/queues.h"
#include "service/plans.h"
#include "service/company.h"
#include "service/identity.h"

/* See queues.h. */
int
queue_count_cod_review(struct db *db, int64_t now, struct db_queue_stats *out)
{
	return db_admin_order_queue_stats(db, DB_OQ_COD_REVIEW, now, out);
}

/* See queues.h. */
int
queue_count_installment_review(struct db *db, int64_t now,
    struct db_queue_stats *out)
{
	return db_admin_order_queue_stats(db, DB_OQ_INSTALLMENT_REVIEW, now,
	    out);
}

/* See queues.h. */
int
queue_count_remittance_verify(struct db *db, int64_t now,
    struct db_queue_stats *out)
{
	return db_admin_order_queue_stats(db, DB_OQ_REMITTANCE_VERIFY, now,
	    out);
}

/* See queues.h. */
int
queue_count_refund_due(struct db *db, int64_t now, struct db_queue_stats *out)
{
	return db_admin_order_queue_stats(db, DB_OQ_REFUND_DUE, now, out);
}

const struct queue queue_table[] = {
	{ "cod_review", NA_("COD orders awaiting review"),
	  "/admin/queues/cod",	/* its own queue page */
	  queue_count_cod_review, NA_("review by (COD-P1: 1 business day)"),
	  DB_OQ_COD_REVIEW },
	{ "installment_review", NA_("Installment applications awaiting review"),
	  "/admin/orders?status=awaiting_review&method=installment_any",
	  queue_count_installment_review,
	  NA_("review by (INST-CORP: 1-3 business days)"),
	  DB_OQ_INSTALLMENT_REVIEW },
	{ "remittance_verify", NA_("Remittances awaiting verification"),
	  "/admin/vouchers",	/* the voucher queue */
	  queue_count_remittance_verify,
	  NA_("funds expected by (REM-P4: 1-3 or 7-15 business days)"),
	  DB_OQ_REMITTANCE_VERIFY },
	{ "refund_due", NA_("Orders with refunds due"),
	  "/admin/orders?status=returned",
	  queue_count_refund_due, NA_("refund by (INST-C1, COD-P7, REM-P8)"),
	  DB_OQ_REFUND_DUE },
	/* corporate */
	{ "qualifications", NA_("Corporate qualifications"),
	  "/admin/queues/qualifications", queue_count_qualifications,
	  NA_("review by (INST-CORP: 1-3 business days)"), DB_OQ_NONE },
	{ "corp_applications", NA_("Corporate installment applications"),
	  "/admin/queues/corporate", queue_count_corp_applications,
	  NA_("review by (INST-CORP: 1-3 business days)"), DB_OQ_NONE },
	/* installments */
	{ "overdue_plans", NA_("Overdue installment plans"),
	  "/admin/plans?filter=overdue", queue_count_overdue_plans,
	  NA_("due date (INST-F1)"), DB_OQ_NONE },
	/* identity: real-name checks the identity service sent for review */
	{ "identity_review", NA_("Identity checks awaiting manual review"),
	  "/admin/queues/identity", queue_count_identity,
	  NA_("review by (INST-01: 1 business day)"), DB_OQ_NONE },
	/* A new queue: one line above this comment; see the top of this
	 * file. */
};

const size_t queue_table_n = sizeof(queue_table) / sizeof(queue_table[0]);
_Static_assert(sizeof(queue_table) / sizeof(queue_table[0]) <= QUEUE_MAX,
    "QUEUE_MAX is too small for queue_table");

/* See queues.h. */
void
queue_figures(struct db *db, int64_t now, const int *want,
    struct queue_figures *out)
{
	struct db_queue_stats	oq[DB_OQ__MAX];
	size_t			i;
	int			orders = 0, oq_ok = 0;

	memset(out, 0, queue_table_n * sizeof(*out));
	for (i = 0; i < queue_table_n; i++)
		if (want[i] && queue_table[i].order_queue != DB_OQ_NONE)
			orders = 1;
	if (orders)
		oq_ok = db_admin_order_queues(db, now, oq) == 0;
	for (i = 0; i < queue_table_n; i++) {
		if (!want[i])
			continue;
		if (queue_table[i].order_queue != DB_OQ_NONE) {
			out[i].ok = oq_ok;
			if (oq_ok)
				out[i].st = oq[queue_table[i].order_queue];
		} else
			out[i].ok = queue_table[i].count(db, now,
			    &out[i].st) == 0;
	}
}

/* See queues.h. */
const struct queue *
queue_find(const char *id)
{
	size_t i;

	for (i = 0; i < queue_table_n; i++)
		if (strcmp(queue_table[i].id, id) == 0)
			return &queue_table[i];
	return NULL;
}
