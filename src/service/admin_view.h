#ifndef MALLPAY_SERVICE_ADMIN_VIEW_H
#define MALLPAY_SERVICE_ADMIN_VIEW_H

/*
 * What the admin console's pages show, one loader per page: the orders
 * browser, one order with its lines and history, the audit search, the
 * holidays, the exchange rates and the settings tables.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/admin.h"
#include "db/admin_settings.h"
#include "db/event.h"
#include "service/order_panels.h"

/* Orders matching f, offset/limit, newest first (*out to free();
 * *total all that match). Returns 0 or -1. */
int	admin_orders_search(struct db *, const struct db_admin_order_filter *f,
	    size_t offset, size_t limit, struct db_admin_order **out,
	    size_t *n, int64_t *total);

/* One order with its lines and its full history. */
struct admin_order_view {
	struct db_admin_order		 o;
	struct db_admin_order_item	*items;
	size_t				 nitems;
	struct db_event_row		*ev;	/* oldest first */
	size_t				 nev;
	struct order_panels		 panels; /* as the shopper's page */
};

/* Order id at now: 1 (free with admin_order_view_cleanup, also on
 * failure), 0 no such order, -1. */
int	admin_order_view_load(struct db *, int64_t id, int64_t now,
	    struct admin_order_view *out);
void	admin_order_view_cleanup(struct admin_order_view *);

/* Search the audit trail with f, where user and admin (may be NULL or "")
 * are an email or an id refining f->user_id and f->admin_id. Returns 0
 * with the page of events in *out (free with admin_events_free), 1 when
 * user or admin names nobody (nothing can match: *n is 0), -1. */
int	admin_audit_search(struct db *, struct db_event_filter *f,
	    const char *user, const char *admin, size_t offset, size_t limit,
	    struct db_event_row **out, size_t *n, int64_t *total);

/* The holidays from a year before now on (*out to free()). 0 or -1. */
int	admin_holidays(struct db *, int64_t now, struct db_holiday **out,
	    size_t *n);

/* Every exchange rate (*out to free()). 0 or -1. */
int	admin_fx_rates(struct db *, struct db_fx **out, size_t *n);

/* The rows of settings table k (free with admin_settings_free), each
 * with *ncols values. 0 or -1. */
int	admin_settings_rows(struct db *, enum db_setting_kind k,
	    struct db_setting_row **out, size_t *n, size_t *ncols);
void	admin_settings_free(struct db_setting_row *, size_t n);

/* Refine f->user_id and f->admin_id from user and admin (an email or an
 * id; "" leaves them): 0, or 1 when one names nobody (nothing can
 * match). */
int	admin_audit_resolve(struct db *, struct db_event_filter *f,
	    const char *user, const char *admin);

/* Free n events of admin_audit_search (takes NULL). */
void	admin_events_free(struct db_event_row *, size_t n);

#endif
