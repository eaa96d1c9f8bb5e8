/*
 * The admin console's loaders (service/admin_view.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "db/admin.h"
#include "db/admin_settings.h"
#include "db/event.h"
#include "service/admin_view.h"

/* See admin_view.h. */
int
admin_orders_search(struct db *db, const struct db_admin_order_filter *f,
    size_t offset, size_t limit, struct db_admin_order **out, size_t *n,
    int64_t *total)
{
	return db_admin_order_search(db, f, offset, limit, out, n, total);
}

/* See admin_view.h. */
int
admin_order_view_load(struct db *db, int64_t id, int64_t now,
    struct admin_order_view *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_admin_order_get(db, id, &out->o)) != 1)
		return rc;
	if (db_admin_order_items(db, id, &out->items, &out->nitems) == -1 ||
	    db_event_history(db, "order", id, &out->ev, &out->nev) == -1 ||
	    order_panels_load(db, id, now, &out->panels) != 1)
		return -1;
	return 1;
}

/* See admin_view.h. */
void
admin_order_view_cleanup(struct admin_order_view *v)
{
	db_event_rows_free(v->ev, v->nev);
	free(v->items);
	v->ev = NULL;
	v->items = NULL;
	v->nev = v->nitems = 0;
}

/* The id of an audit filter's user text (email or id): 0 when empty, -1
 * when unknown. */
static int64_t
who(struct db *db, const char *s)
{
	int64_t id;

	if (s == NULL || s[0] == '\0')
		return 0;
	if (strspn(s, "0123456789") == strlen(s))
		return strtoll(s, NULL, 10);
	id = db_admin_user_id(db, s);
	return id == 0 ? -1 : id;
}

/* See admin_view.h. */
int
admin_audit_resolve(struct db *db, struct db_event_filter *f,
    const char *user, const char *admin)
{
	int64_t uid = who(db, user), aid = who(db, admin);

	if (uid != 0)
		f->user_id = uid > 0 ? uid : 0;
	if (aid != 0)
		f->admin_id = aid > 0 ? aid : 0;
	return uid < 0 || aid < 0 ? 1 : 0;
}

/* See admin_view.h. */
int
admin_audit_search(struct db *db, struct db_event_filter *f,
    const char *user, const char *admin, size_t offset, size_t limit,
    struct db_event_row **out, size_t *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	if (admin_audit_resolve(db, f, user, admin) == 1)
		return 1;
	return db_event_search(db, f, offset, limit, out, n, total);
}

/* See admin_view.h. A year back is enough to see what recent deadlines
 * skipped. */
int
admin_holidays(struct db *db, int64_t now, struct db_holiday **out,
    size_t *n)
{
	char	from[CAL_DATE_STRLEN];
	mp_date	day;

	*out = NULL;
	*n = 0;
	if (mp_date_from_unix(now - 366 * 86400, &day) == -1)
		return -1;
	mp_date_str(day, from, sizeof(from));
	return db_holiday_list(db, from, out, n);
}

/* See admin_view.h. */
int
admin_fx_rates(struct db *db, struct db_fx **out, size_t *n)
{
	return db_fx_list(db, out, n);
}

/* See admin_view.h. */
int
admin_settings_rows(struct db *db, enum db_setting_kind k,
    struct db_setting_row **out, size_t *n, size_t *ncols)
{
	*ncols = db_setting_ncols(k);
	return db_setting_list(db, k, out, n);
}

/* See admin_view.h. */
void
admin_settings_free(struct db_setting_row *v, size_t n)
{
	db_setting_rows_free(v, n);
}

/* See admin_view.h. */
void
admin_events_free(struct db_event_row *v, size_t n)
{
	db_event_rows_free(v, n);
}
