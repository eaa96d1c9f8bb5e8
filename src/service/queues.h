#ifndef MALLPAY_SERVICE_QUEUES_H
#define MALLPAY_SERVICE_QUEUES_H

/*
 * The admin dashboard's queue registry. Each review queue is one
 * line of queue_table[] in src/service/queues.c:
 *
 *	{ "cod_review", "COD orders awaiting review", "/admin/queues/cod",
 *	  queue_count_cod_review, "review by (COD-P1: 1 business day)",
 *	  DB_OQ_COD_REVIEW },
 *
 * count fills a struct db_queue_stats (items, oldest created_at, items past
 * their promised date at now) and returns 0, or -1 when it cannot (a table
 * not migrated yet, a database error): the dashboard then shows the queue
 * as unavailable and carries on. A queue of orders alone names its
 * enum db_order_queue too: the dashboard reads all of those in one
 * statement (queue_figures).
 */

#include <stddef.h>
#include <stdint.h>

#include "db/admin.h"

struct db;

struct queue {
	const char	*id;		/* stable name, [a-z_] */
	const char	*title;		/* shown on the dashboard */
	const char	*path;		/* the queue's page */
	int		(*count)(struct db *, int64_t now,
			    struct db_queue_stats *out);
	const char	*promise;	/* what its promised date means (C-04) */
	enum db_order_queue order_queue;	/* DB_OQ_NONE: not one */
};

/* A queue's figures, or ok 0 when they cannot be had (see count). */
struct queue_figures {
	struct db_queue_stats	 st;
	int			 ok;
};

#define QUEUE_MAX	16	/* queue_table_n is at most this */

extern const struct queue queue_table[];
extern const size_t queue_table_n;

/* The registered queue with this id, or NULL. */
const struct queue *queue_find(const char *id);

/* The figures at now of each queue_table[i] that want[i] (not 0) asks
 * for into out[i] (out[i].ok 0 for the others): the queues of orders
 * alone from one statement over the order counters, the others by their
 * count. */
void	queue_figures(struct db *, int64_t now, const int *want,
	    struct queue_figures *out);

/* Count functions of the queues computed from orders alone. */
int	queue_count_cod_review(struct db *, int64_t, struct db_queue_stats *);
int	queue_count_installment_review(struct db *, int64_t,
	    struct db_queue_stats *);
int	queue_count_remittance_verify(struct db *, int64_t,
	    struct db_queue_stats *);
int	queue_count_refund_due(struct db *, int64_t, struct db_queue_stats *);

#endif
