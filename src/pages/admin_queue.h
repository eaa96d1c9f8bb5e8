#ifndef MALLPAY_PAGES_ADMIN_QUEUE_H
#define MALLPAY_PAGES_ADMIN_QUEUE_H

/*
 * The one look of every admin queue: a filter form, sortable
 * list with the item's age and promised date (C-04, late ones marked),
 * pagination, and a per-row "decide" form that posts the state the admin
 * saw, so a second admin deciding the same item gets "already decided by
 * X at T" (service/admin.c, db_admin_decision_claim).
 *
 * A queue page fills a struct aq_list and calls admin_queue_render():
 *
 *	static const struct aq_filter filters[] = {
 *		{ NA_("Status"), ... },	// see struct aq_filter
 *	};
 *	struct aq_list l = { .title = NA_("COD review"), .path = "/admin/queues/cod", ... };
 *	l.page = aq_page_arg(c); ... fetch rows ... aq_row_add(&l) ...
 *	return admin_queue_render(c, &l);
 *
 * Titles, labels, the intro, the notice and the error are English texts
 * marked with NA_() (core/i18n.h): admin_queue_render() shows them in the
 * admin's language (domain mallpay-admin).
 *
 * The route declares AQ_FIELDS plus its filters' names (page, sort,
 * notice, error).
 */

#include <stddef.h>
#include <stdint.h>

#include "http/http.h"

#define AQ_MAXCOLS	8
#define AQ_PER_PAGE	25

struct aq_filter {
	const char		*name;		/* query parameter and field name */
	const char		*label;
	const char *const	*choices;	/* NULL-terminated values, or NULL: free text */
	/* A choice's words in the admin's language into out, or NULL: the
	 * choices are shown as they are. */
	void			(*words)(const char *code, char *out, size_t outsz);
};

struct aq_sort {
	const char	*value;
	const char	*label;
};

struct aq_row {
	int64_t		 id;
	char		 href[128];		/* the item's page */
	int64_t		 created_at;		/* age is counted from here */
	int64_t		 promised_at;		/* end of the promised day (next
						   midnight UTC) or deadline; 0: none */
	char		 cells[AQ_MAXCOLS][256];
	char		 decide_from[33];	/* state shown; "" = no decide form */
	int64_t		 thumb_file;		/* an upload whose thumbnail
						   (page 0, pages/admin_files.c)
						   the row shows; 0: none */
};

struct aq_list {
	const char		*title;
	const char		*path;		/* the list's own GET path */
	const char		*intro;		/* one sentence under the title, or NULL */
	const struct aq_filter	*filters;
	size_t			 nfilters;
	const char		*values[AQ_MAXCOLS];	/* current filter values */
	const struct aq_sort	*sorts;
	size_t			 nsorts;
	const char		*sort;		/* current sort value */
	const char *const	*columns;	/* headings of cells[] */
	size_t			 ncols;
	struct aq_row		*rows;		/* owned by the list (aq_list_cleanup) */
	size_t			 nrows, caprows;
	int64_t			 total;		/* matching items in all pages,
						   counted up to DB_COUNT_CAP
						   + 1 (more than the cap) */
	int64_t			 page;		/* 1-based */
	int			 keyset;	/* 1: pages by key: the pager's
						   links carry before= the
						   first row's key and after=
						   the last's */
	int			 has_prev, has_next;	/* keyset pages */
	char			 key_first[48], key_last[48];
	const char		*decide_order_action;	/* posts to
					 * /admin/orders/ID/this; NULL: none */
	const char		*decide_label;	/* button text, e.g. "Cancel order" */
	const char		*export_path;	/* "Export CSV" link (the list's
					 * filters appended), or NULL */
	const char		*queue_id;	/* the queue registry's id: a
					 * search box of this queue and (with
					 * no export_path) its export; NULL:
					 * none */
	const char		*notice;	/* shown as a flash, or NULL */
	const char		*error;		/* shown as an error, or NULL */
	int			 thumbs;	/* 1: a Document column of the
						   rows' thumbnails */
};

/* The "page" query field (1 when absent or invalid). */
int64_t	aq_page_arg(struct ctx *c);

/* A new zeroed row at the end of l's rows (owned by l). */
struct aq_row *aq_row_add(struct aq_list *l);

/* Free l's rows; the rest is borrowed. */
void	aq_list_cleanup(struct aq_list *l);

/* "3 d 4 h", "5 h 10 min", "2 min" from since to now into out. */
void	aq_age(int64_t now, int64_t since, char *out, size_t outsz);

struct view_dict;

/* The key of a keyset page in c's "after" or "before" field ("AT_ID": a
 * time and an id, those of the row next to the page) into *at and *id.
 * Returns 1 (after), -1 (before), or 0 (none or unreadable: the first
 * page). */
int	aq_key_arg(struct ctx *c, int64_t *at, int64_t *id);

/* A keyset page of n rows (each size bytes, up to per_page + 1, in the
 * order read outwards from the key of direction dir, aq_key_arg) turned
 * into the page: the rows past per_page are left out (the caller frees
 * what they own), a page read backwards (dir -1) is reversed into the
 * sort's order, and *has_prev / *has_next say whether a page lies before
 * and after it. Returns the rows on the page. */
size_t	aq_key_page(void *rows, size_t size, size_t n, size_t per_page,
	    int dir, int *has_prev, int *has_next);

/* aq_key_page for list l: the page's rows and l's pager (keyset, has_prev,
 * has_next, key_first and key_last from the int64_t time at at_off and id
 * at id_off of the first and last rows; page 1 when nothing lies before).
 * Returns the rows on the page. */
size_t	aq_key_rows(struct aq_list *l, void *rows, size_t size, size_t n,
	    int dir, size_t at_off, size_t id_off);

/* A list's count into d: TOTAL, PAGE, PAGES, CAP (DB_COUNT_CAP) and the
 * section EXACT, or MANY when total is past the cap (it was counted up
 * to the cap plus one only). */
void	aq_set_total(struct view_dict *d, int64_t total, int64_t page,
	    int64_t pages);

/* The promised day of a deadline end (the instant just before it) as
 * "YYYY-MM-DD" into out ("-" for 0). */
void	aq_day(int64_t end, char *out, size_t outsz);

/* Render l with templates/admin_queue.tpl in the layout. Returns the status
 * of page_render (200, or 500). */
int	admin_queue_render(struct ctx *c, const struct aq_list *l);

/* Append s percent-encoded for a query string to b. */
struct buf;
void	aq_url_encode(struct buf *b, const char *s);

/* The orders list's filter from c's fields (status, method, who, from,
 * to, sort) into *f: NULL, or the sentence saying what is wrong (f then
 * holds no filter). Used by the list and its export. */
struct db_admin_order_filter;
const char *admin_orders_filter(struct ctx *c,
	    struct db_admin_order_filter *f);

/* The audit trail's filter from c's fields (subject_type, subject_id,
 * type, from, to; user and admin are resolved by the service) into *f. */
struct db_event_filter;
void	admin_audit_filter(struct ctx *c, struct db_event_filter *f);

/* Streaming a CSV export as the response (pages/admin_search.c): begin
 * sends the head (text/csv, attachment "mallpay-<name>-<day>.csv") and
 * the rows follow through page_csv_row (an export_row_fn of
 * service/export.h, arg the struct page_csv); end gives the handler's
 * status from the export's result. */
struct page_csv {
	struct ctx	*c;
	struct buf	*line;
};
void	page_csv_begin(struct ctx *c, const char *name, struct page_csv *o);
int	page_csv_row(void *arg, const char *const *cells, size_t n,
	    unsigned numeric);
int	page_csv_end(struct page_csv *o, int rc);

#endif
