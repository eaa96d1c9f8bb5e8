/*
 * The admin console's settings changes: the settings tables, holidays and
 * exchange rates, each one transaction with its audit events (RULES C-07).
 * See admin.h.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/money.h"
#include "db/admin_settings.h"
#include "db/db.h"
#include "db/report.h"
#include "service/admin.h"
#include "service/admin_int.h"
#include "service/audit.h"
#include "service/orderflow.h"
#include "service/plans.h"

/* The numeric subject id of a settings key (categories and products have
 * numeric ids; others 0, their key is in the event's reason). */
static int64_t
key_id(const char *key)
{
	const char *p;

	for (p = key; *p != '\0'; p++)
		if (!isdigit((unsigned char)*p))
			return 0;
	return strtoll(key, NULL, 10);
}

/* Append one 'setting' event (service/audit.c): reason "<what>", detail
 * "old: X; new: Y". Returns 0 or -1. */
static int
setting_event(struct db *db, int64_t admin_id, int64_t now,
    int64_t subject_id, const char *what,
    const char *old, const char *new)
{
	struct buf	 detail;
	int		 rc;

	buf_init(&detail);
	buf_printf(&detail, "old: %s; new: %s", old != NULL ? old : "(none)",
	    new != NULL ? new : "(none)");
	rc = audit_event_detail(db, "setting", subject_id, OF_ADMIN,
	    admin_id, NULL, "setting_changed", what, buf_str(&detail),
	    now);
	buf_cleanup(&detail);
	return rc;
}

/* 1 if two stored values (NULL = SQL NULL) are the same. */
static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* 1 if the change of row old of kind k to stored would switch the method
 * of an institution that has plans (its method is fixed then), with the
 * refusal in err; 0 when allowed; -1 on a database error. */
static int
method_locked(struct db *db, const struct admin_kind *k,
    const struct db_setting_row *old, char *const *stored, char *err,
    size_t errsz)
{
	int64_t n;

	if (k->kind != DB_SK_INSTITUTION || same(old->vals[0], stored[0]))
		return 0;
	if ((n = db_institution_plan_count(db, old->key)) == -1)
		return -1;
	if (n == 0)
		return 0;
	snprintf(err, errsz, A_("The method is fixed: %.40s has %lld plan(s) "
	    "made under it; add a new institution for another method."),
	    old->label, (long long)n);
	return 1;
}

/* Write row old of kind k (fields f) as stored, with one 'setting' event
 * per changed column, inside the caller's transaction. Returns 0, 1
 * refused (message in errs[0]), -1 error. */
static int
write_row(struct db *db, int64_t admin_id, int64_t now,
    const struct admin_kind *k, const struct admin_field *f,
    const struct db_setting_row *old, char *const *stored, char errs[][160])
{
	char	what[256];
	size_t	i, n = db_setting_ncols(k->kind);
	int	rc;

	rc = db_setting_set(db, k->kind, old->key, stored);
	if (rc == 2) {
		snprintf(errs[0], 160, "%s", A_("There is no such region."));
		return 1;
	}
	if (rc != 1 || (k->kind == DB_SK_PLATFORM && plan_setting_changed(db,
	    old->key, old->vals[0], stored[0], now) == -1))
		return -1;
	for (i = 0; i < n; i++) {
		if (same(old->vals[i], stored[i]))
			continue;
		snprintf(what, sizeof(what), "%s %s %s", k->table, old->key,
		    f[i].column);
		if (setting_event(db, admin_id, now, key_id(old->key), what,
		    old->vals[i], stored[i]) == -1)
			return -1;
	}
	return 0;
}

/* Save row key of kind k from inputs inside the caller's transaction (see
 * admin_setting_save; *changed is added to). Returns 0, 1 invalid, 2 no
 * such row, 3 the method of an institution with plans, -1 error. */
static int
save_row(struct db *db, int64_t admin_id, int64_t now,
    const struct admin_kind *k, const char *key, const char *const *inputs,
    char errs[][160], int *changed)
{
	struct admin_kind	 one;
	struct db_setting_row	 old;
	char			*stored[DB_SK_MAXCOLS] = { NULL };
	size_t			 i, n = db_setting_ncols(k->kind);
	int			 rc, bad = 0, diff = 0;

	for (i = 0; i < n; i++)
		errs[i][0] = '\0';
	/* The platform settings' type depends on the row. */
	one = *k;
	if (k->kind == DB_SK_PLATFORM)
		one.fields = admin_kind_field(k, key, 0);
	rc = db_setting_get_lock(db, k->kind, key, &old);
	if (rc != 1)
		return rc == 0 ? 2 : -1;
	for (i = 0; i < n; i++)
		if (admin_field_check(&one, i, inputs, &stored[i], errs[i],
		    160) != 0)
			bad = 1;
	for (i = 0; i < n && !bad; i++)
		if (!same(old.vals[i], stored[i]))
			diff++;
	rc = bad ? 1 : 0;
	if (!bad && diff > 0 && (rc = method_locked(db, k, &old, stored,
	    errs[0], 160)) == 1)
		rc = 3;
	else if (rc == 0 && diff > 0)
		rc = write_row(db, admin_id, now, k, one.fields, &old, stored,
		    errs);
	if (rc == 0)
		*changed += diff;
	for (i = 0; i < n; i++)
		free(stored[i]);
	db_setting_row_cleanup(&old);
	return rc;
}

/* See admin.h. */
int
admin_setting_save(struct db *db, int64_t admin_id, int64_t now,
    const struct admin_kind *k,
    const char *key, const char *const *inputs, char errs[][160],
    int *changed)
{
	int rc;

	*changed = 0;
	if (db_begin(db) == -1)
		return -1;
	rc = save_row(db, admin_id, now, k, key, inputs, errs, changed);
	if (rc != 0 || *changed == 0) {
		db_rollback(db);
		return rc;
	}
	if (db_commit(db) == -1)
		return -1;
	log_info("admin: user %lld changed %s %s (%d columns)",
	    (long long)admin_id, k->table, key, *changed);
	return 0;
}

/* See admin.h. */
int
admin_section_save(struct db *db, int64_t admin_id, int64_t now,
    const struct admin_section *sec, const char *const *inputs,
    char errs[][160], int *changed)
{
	const struct admin_kind	*k = admin_kind_find("platform");
	const char		*one[DB_SK_MAXCOLS] = { NULL };
	size_t			 i;
	int			 rc, worst = 0;

	*changed = 0;
	if (db_begin(db) == -1)
		return -1;
	for (i = 0; i < sec->nkeys; i++) {
		one[0] = inputs[i];
		rc = save_row(db, admin_id, now, k, sec->keys[i], one, &errs[i],
		    changed);
		if (rc == -1) {
			db_rollback(db);
			return -1;
		}
		if (rc == 2) {		/* a setting this database lacks */
			errs[i][0] = '\0';
			continue;
		}
		if (rc != 0 && worst == 0)
			worst = rc;
	}
	if (worst != 0 || *changed == 0) {
		db_rollback(db);
		*changed = worst != 0 ? 0 : *changed;
		return worst;
	}
	if (db_commit(db) == -1)
		return -1;
	log_info("admin: user %lld saved the %s settings (%d changed)",
	    (long long)admin_id, sec->slug, *changed);
	return 0;
}

/* See admin.h. */
int
admin_holiday_add(struct db *db, int64_t admin_id, int64_t now,
    const char *day, const char *name)
{
	char	what[64];
	int	rc;

	if (db_begin(db) == -1)
		return -1;
	rc = db_holiday_add(db, day, name);
	if (rc != 1) {
		db_rollback(db);
		return rc == 0 ? 1 : -1;
	}
	snprintf(what, sizeof(what), "holidays %s", day);
	if (setting_event(db, admin_id, now, 0, what, NULL, name) == -1) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db) == -1 ? -1 : 0;
}

/* See admin.h. */
int
admin_holiday_remove(struct db *db, int64_t admin_id, int64_t now,
    const char *day)
{
	char	what[64], name[101];
	int	rc;

	if (db_begin(db) == -1)
		return -1;
	rc = db_holiday_remove(db, day, name);
	if (rc != 1) {
		db_rollback(db);
		return rc == 0 ? 1 : -1;
	}
	snprintf(what, sizeof(what), "holidays %s", day);
	if (setting_event(db, admin_id, now, 0, what, name,
	    "(removed)") == -1) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db) == -1 ? -1 : 0;
}

/* See admin.h. */
int
admin_fx_add(struct db *db, int64_t admin_id, int64_t now,
    const char *currency, const char *rate,
    const char *day, char *err, size_t errsz)
{
	mp_date	 d, today;
	int64_t	 v;
	char	 old[33], what[64], today_s[CAL_DATE_STRLEN], canon[40];
	int	 rc;

	if (strlen(currency) != 3 || money_exponent(currency) < 0 ||
	    strcmp(currency, "USD") == 0) {
		snprintf(err, errsz, "%s", A_("Currency: a supported ISO 4217 "
		    "code other than USD (e.g. EUR)."));
		return 1;
	}
	/* Up to 8 decimals, as the DECIMAL(18,8) column holds (C-02). */
	if (admin_parse_fixed(rate, 8, &v) == -1 || v <= 0 ||
	    v >= (int64_t)10000000000 * 100000000) {
		snprintf(err, errsz, "%s", A_("Rate: USD for one unit, a "
		    "positive number with at most 8 decimals (e.g. 1.08)."));
		return 1;
	}
	snprintf(canon, sizeof(canon), "%" PRId64 ".%08" PRId64,
	    v / 100000000, v % 100000000);
	if (mp_date_parse(day, strlen(day), &d) == -1 ||
	    mp_date_from_unix(now, &today) == -1) {
		snprintf(err, errsz, "%s", A_("Effective from: a date "
		    "YYYY-MM-DD."));
		return 1;
	}
	if (d < today) {
		snprintf(err, errsz, "%s", A_("Effective from: today or later; "
		    "orders already quoted keep their rate (C-02)."));
		return 1;
	}
	mp_date_str(today, today_s, sizeof(today_s));
	if (db_begin(db) == -1)
		return -1;
	if ((rc = db_fx_current(db, currency, day, old)) == -1)
		goto fail;
	rc = db_fx_add(db, currency, canon, day, now);
	if (rc == 0) {
		db_rollback(db);
		snprintf(err, errsz, A_("%s already has a rate from %s."),
		    currency, day);
		return 1;
	}
	if (rc == -1)
		goto fail;
	snprintf(what, sizeof(what), "fx_rates %s from %s", currency, day);
	if (setting_event(db, admin_id, now, 0, what, old[0] != '\0' ? old : NULL,
	    canon) == 0 && db_commit(db) == 0)
		return 0;
fail:
	db_rollback(db);
	return -1;
}

/* See admin.h. */
int
admin_institution_has_plans(struct db *db, const char *id)
{
	int64_t n = db_institution_plan_count(db, id);

	return n < 0 ? -1 : n > 0;
}
