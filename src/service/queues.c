/*
 * The queue registry: one line per review queue (see queues.h). Later
 * issues add their line here and their count function next to their own
 * code (e.g. service/corporate.c's queue_count_qualifications over their
 * table):
 *
 *   issue 5 (remittance vouchers): replace the "remittance_verify" line's
 *     path with the voucher queue's page, or add a vouchers line;
 *   issue 6 (installments): "installment_review" path -> its queue page;
 *     add { "overdue_plans", "Overdue installment plans", "/admin/queues/overdue",
 *     queue_count_overdue_plans, "due date (INST-F1)" } once plans exist;
 *   issue 7 (corporate): add { "qualifications", "Corporate qualifications",
 *     "/admin/queues/qualifications", queue_count_qualifications,
 *     "review by (INST-CORP: 1-3 business days)" };
 *   issue 8 (COD): "cod_review" path -> its queue page.
 *
 * Until a queue has its own page, its path is the orders browser filtered
 * to the queue's state.
 */
#include <string.h>

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
	{ "cod_review", "COD orders awaiting review",
	  "/admin/queues/cod",	/* issue 8: its own queue page */
	  queue_count_cod_review, "review by (COD-P1: 1 business day)" },
	{ "installment_review", "Installment applications awaiting review",
	  "/admin/orders?status=awaiting_review&method=installment_any",
	  queue_count_installment_review,
	  "review by (INST-CORP: 1-3 business days)" },
	{ "remittance_verify", "Remittances awaiting verification",
	  "/admin/vouchers",	/* issue 5: the voucher queue */
	  queue_count_remittance_verify,
	  "funds expected by (REM-P4: 1-3 or 7-15 business days)" },
	{ "refund_due", "Orders with refunds due",
	  "/admin/orders?status=returned",
	  queue_count_refund_due, "refund by (INST-C1, COD-P7, REM-P8)" },
	/* corporate (issue 7) */
	{ "qualifications", "Corporate qualifications",
	  "/admin/queues/qualifications", queue_count_qualifications,
	  "review by (INST-CORP: 1-3 business days)" },
	{ "corp_applications", "Corporate installment applications",
	  "/admin/queues/corporate", queue_count_corp_applications,
	  "review by (INST-CORP: 1-3 business days)" },
	/* installments (issue 6) */
	{ "overdue_plans", "Overdue installment plans",
	  "/admin/plans?filter=overdue", queue_count_overdue_plans,
	  "due date (INST-F1)" },
	/* identity: real-name checks the identity service sent for review */
	{ "identity_review", "Identity checks awaiting manual review",
	  "/admin/queues/identity", queue_count_identity,
	  "review by (INST-01: 1 business day)" },
	/* Registration points (issues 5-8): add one line each above this
	 * comment; see the top of this file. */
};

const size_t queue_table_n = sizeof(queue_table) / sizeof(queue_table[0]);

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
