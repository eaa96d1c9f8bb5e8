/*
 * Pay After Use (RULES PAU-03, PAU-04, PAU-05): the bound card,
 * the charge at confirmed receipt, the guarantee, the open debt's retries,
 * late fees and suspension, the return before confirmation. See
 * payafter.h. Here: the settings, the return before confirmation, the demo
 * cards and the guarantee totals; the card in payafter_card.c, the
 * deductions in payafter_charge.c, the daily work in payafter_tick.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/money.h"
#include "core/said.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "db/payafter.h"
#include "db/seed.h"
#include "service/language.h"
#include "service/orderflow.h"
#include "service/payafter.h"
#include "service/payafter_int.h"

/* Defaults when a setting row is missing (migrations 001 and 011). */
#define PAU_AUTO_CONFIRM_DAYS	10
#define PAU_RETRIES_PER_DAY	2
#define PAU_SUSPEND_DAYS	30
#define PAU_LATE_FEE_RATE	"0.05"

/* Setting name as an integer in [lo, hi] into *out, dflt when missing or
 * malformed. Returns 0 or -1 (database). */
static int
setting_int(struct db *db, const char *name, int dflt, int lo, int hi,
    int *out)
{
	char	 v[64], *end;
	long	 n;
	int	 rc;

	*out = dflt;
	if ((rc = db_pau_setting(db, name, v, sizeof(v))) == -1)
		return -1;
	if (rc == 1) {
		n = strtol(v, &end, 10);
		if (end != v && *end == '\0' && n >= lo && n <= hi)
			*out = (int)n;
		else
			log_warn("payafter: setting %s=\"%s\" ignored", name, v);
	}
	return 0;
}

/* See payafter.h. */
int
payafter_settings(struct db *db, struct pau_settings *s)
{
	char	err[128];
	int	rc;

	memset(s, 0, sizeof(*s));
	if (setting_int(db, "pau_auto_confirm_days", PAU_AUTO_CONFIRM_DAYS, 0,
	    3650, &s->auto_confirm_days) == -1 ||
	    setting_int(db, "pau_retries_per_day", PAU_RETRIES_PER_DAY, 1, 24,
	    &s->retries_per_day) == -1 ||
	    setting_int(db, "inst_overdue_suspend_days", PAU_SUSPEND_DAYS, 1,
	    3650, &s->suspend_days) == -1)
		return -1;
	if ((rc = db_pau_setting(db, "pau_late_fee_rate", s->late_rate_str,
	    sizeof(s->late_rate_str))) == -1)
		return -1;
	if (rc == 0)
		snprintf(s->late_rate_str, sizeof(s->late_rate_str), "%s",
		    PAU_LATE_FEE_RATE);
	if (money_rate_parse_percent(s->late_rate_str,
	    strlen(s->late_rate_str), &s->late_rate, err, sizeof(err)) == -1) {
		log_err("payafter: pau_late_fee_rate: %s", err);
		return -1;
	}
	return 0;
}

/* See payafter.h. */
int
payafter_may_retry(const struct db_pau_charge *c, mp_date today, int64_t now,
    int per_day)
{
	char	day[11];

	if (c->status != CH_OPEN || now < c->next_try_at)
		return 0;
	mp_date_str(today, day, sizeof(day));
	return strcmp(c->tries_day, day) != 0 || c->tries_on_day < per_day;
}

/* See payafter.h. */
enum result
payafter_return(struct db *db, int64_t user_id, int64_t order_id,
    int64_t now)
{
	struct db_order	o;
	enum result	r;
	int		rc;
	char		subj[160], body[500], st[SAID_LEN];
	enum lang	prev;

	if (user_id <= 0)
		return RES_NOT_FOUND;
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	if ((rc = db_order_get(db, user_id, order_id, &o)) != 1) {
		db_rollback(db);
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	}
	/* PAU-05: only before receipt is confirmed (no charge exists). */
	if (o.method != PM_PAY_AFTER_USE ||
	    o.status != OS_DELIVERED) {
		db_rollback(db);
		return RES_NOT_ALLOWED;
	}
	r = orderflow_transition(db, order_id, OS_DELIVERED, OS_RETURN_REQUESTED,
	    OF_USER, user_id, said_store(st, sizeof(st), SAID_PAU_RETURNED,
	    NULL, NULL, NULL), now);
	if (r != RES_OK) {
		db_rollback(db);
		return r == RES_ERROR ? RES_ERROR : RES_NOT_ALLOWED;
	}
	prev = i18n_use(language_of_tag(o.language));
	snprintf(subj, sizeof(subj), "%s", _("Return requested"));
	snprintf(body, sizeof(body), "%s", _("You are returning a Pay After "
	    "Use order before confirming receipt: nothing is charged "
	    "(PAU-05). The order closes once the goods are back."));
	i18n_use(prev);
	if (db_message_insert(db, user_id, 0, subj, body, now) < 0 ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return RES_ERROR;
	}
	return RES_OK;
}

/* See payafter.h. */
int
payafter_seed_demo(struct db *db, int64_t now)
{
	static const char *const emails[] = {
		"shopper.new@demo.test", "shopper.veteran@demo.test",
	};
	struct db_pau_card	 card;
	char			 err[256];
	size_t			 i;
	int64_t			 uid;
	int			 rc, n = 0;

	for (i = 0; i < sizeof(emails) / sizeof(emails[0]); i++) {
		if ((uid = db_seed_user_id(db, emails[i])) < 0)
			return -1;
		if (uid == 0)
			continue;
		if ((rc = db_pau_card_get(db, uid, &card)) == -1)
			return -1;
		if (rc == 1)
			continue;
		if (payafter_bind_card(db, uid, "4111111111111111", 16,
		    "12/39", "123", now, err, sizeof(err)) != RES_OK) {
			log_err("payafter: demo card of %s: %s", emails[i],
			    err);
			return -1;
		}
		n++;
	}
	return n;
}

/* See payafter.h. */
void
payafter_totals(const struct db_pau_guarantee *rows, size_t n,
    struct pau_total *out, size_t max, size_t *nout)
{
	struct pau_total	*t;
	size_t			 i, j;

	*nout = 0;
	for (i = 0; i < n; i++) {
		for (j = 0; j < *nout; j++)
			if (strcmp(out[j].currency, rows[i].currency) == 0)
				break;
		if (j == *nout) {
			if (*nout == max)
				continue;
			memset(&out[j], 0, sizeof(out[j]));
			snprintf(out[j].currency, sizeof(out[j].currency), "%s",
			    rows[i].currency);
			(*nout)++;
		}
		t = &out[j];
		if (strcmp(rows[i].kind, "payout") == 0) {
			t->payout += rows[i].amount_minor;
			t->payout_usd += rows[i].amount_usd_minor;
			t->npayout++;
		} else {
			t->recovered += rows[i].amount_minor;
			t->recovered_usd += rows[i].amount_usd_minor;
			t->nrecovered++;
		}
	}
}
