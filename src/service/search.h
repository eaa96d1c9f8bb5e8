#ifndef MALLPAY_SERVICE_SEARCH_H
#define MALLPAY_SERVICE_SEARCH_H

/*
 * The admin console's one search box: what was typed is recognised as an
 * order number ("1234" or "#1234"), a remittance code ("RF18 5390 ...",
 * any case and spacing, check digits verified), an email (holds "@": the
 * buyers whose email starts with it) or else a tracking number (exact)
 * and a company name (starts with); the answer is the matching orders,
 * the review queue entries they and the buyers or companies found are in,
 * and their audit trail. Every lookup reads an index (db/search.h).
 */

#include <stddef.h>
#include <stdint.h>

#include "db/event.h"
#include "db/search.h"

struct db;
struct queue;

enum search_kind {
	SEARCH_EMPTY,		/* nothing typed */
	SEARCH_ORDER,		/* an order number */
	SEARCH_RF_CODE,		/* a remittance code */
	SEARCH_EMAIL,		/* an email or its start */
	SEARCH_TEXT,		/* a tracking number or a company name */
	SEARCH_BAD		/* cannot be searched: see the message */
};

/* Recognise q: its kind, the text to look up into norm (normsz bytes: the
 * order number's digits, the code's electronic form, the text trimmed),
 * and for SEARCH_BAD a sentence for the admin in *msg (static). Pure. */
enum search_kind search_classify(const char *q, char *norm, size_t normsz,
	    const char **msg);

/* What a kind of search looked for, in words ("remittance code"). */
const char *search_kind_words(enum search_kind);

/* One review queue entry found. */
struct search_entry {
	const struct queue *queue;	/* its queue (service/queues.h) */
	char		 what[512];	/* "Order #12, a@b.test" */
	char		 href[128];	/* the item's page */
	int64_t		 since;		/* when it entered the queue, 0: unknown */
};

#define SEARCH_MAX_ORDERS	50
#define SEARCH_MAX_EVENTS	200
#define SEARCH_PAGE		20	/* a buyer's orders on a page */
#define SEARCH_MAX_BUYERS	10	/* buyers an email search names */

/* Where a page of a buyer's orders starts: after (dir 1) or before (-1)
 * the order (at: its created_at, id) in the newest-first order, or at
 * the newest (0). */
struct search_key {
	int		 dir;
	int64_t		 at, id;
};

struct search_result {
	enum search_kind	 kind;
	const char		*msg;		/* SEARCH_BAD's sentence */
	struct db_search_order	*orders;
	size_t			 norders;
	int			 paged;		/* 1: orders is a keyset page
						   of the buyers' orders, up to
						   SEARCH_PAGE + 1 read outwards
						   from the key (see
						   admin_search) */
	int64_t			 total;		/* the orders found; a paged
						   search's counted up to
						   DB_COUNT_CAP + 1 */
	struct search_entry	*entries;
	size_t			 nentries;
	struct db_event_row	*events;	/* newest first */
	size_t			 nevents;
};

/* Search q (see above); with queue_id not NULL only the entries of that
 * queue (a queue page's search box: no orders, no events). An email's
 * orders are those of the first SEARCH_MAX_BUYERS buyers whose email
 * starts with it (by email), a keyset page from key (NULL: the newest):
 * at most SEARCH_PAGE + 1 of them, nearest the key first (one more than
 * SEARCH_PAGE: a page lies beyond), each buyer's read by the index on
 * its orders' time, so that the cost of a page does not grow with the
 * number of orders; a queue's search looks at their newest
 * SEARCH_MAX_ORDERS. Fills *out (free with search_result_free, also
 * after an error). Returns 0, or -1 on a database error. */
int	admin_search(struct db *, const char *q, const char *queue_id,
	    const struct search_key *key, struct search_result *out);
void	search_result_free(struct search_result *);

/* The audit trail's subject for q into f: the order an order number,
 * remittance code or tracking number names (subject order #id), else the
 * first user whose email starts with it (f->user_id) or company whose
 * name does (subject company #id), else (text of 3 bytes or more) the
 * events whose reason holds q: typed, or a stored sentence whose words
 * in English or in the thread's language do (f->words, f->codes).
 * Returns 0 (f set; nothing for an empty q), 1 when nothing matches or
 * q cannot be searched (*msg says which), -1 on a database error. */
int	admin_search_subject(struct db *, const char *q,
	    struct db_event_filter *f, const char **msg);

/* The queue an order in method/status waits in, or NULL. Pure. */
const struct queue *search_order_queue(enum pay_method method,
	    enum order_status status);

#endif
