/*
 * The admin console's use cases (see admin.h). Each change is one
 * transaction with its audit events (RULES C-07); every figure the rules
 * read is checked against the range RULES.md gives before it is stored.
 * Here: the settings kinds and their fields, the decision claim and the
 * order cancel; the checks in admin_fields.c, the changes of settings,
 * holidays and rates in admin_settings.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/said.h"
#include "core/words.h"
#include "db/admin.h"
#include "db/admin_settings.h"
#include "db/db.h"
#include "db/event.h"
#include "db/order.h"
#include "service/admin.h"
#include "service/admin_int.h"
#include "service/audit.h"
#include "service/orderflow.h"

static const char *const inst_methods[] = {
	"installment_card", "installment_partner", "installment_corporate",
	"credit_line", NULL
};
static const char *const fee_modes[] = { "spread", "upfront", NULL };

static const struct admin_field inst_fields[] = {
	{ "method", NA_("Method"), AF_CHOICE, 0, 0, 0, inst_methods, NULL },
	{ "min_usd_minor", NA_("Minimum amount (USD)"), AF_USD, 0, 0, 100000000,
	  NULL, "INST-05" },
	{ "low_threshold", NA_("Low threshold"), AF_BOOL, 0, 0, 1, NULL, "INST-05" },
	{ "terms", NA_("Terms (months)"), AF_TERMS, 0, 0, 0, NULL, NULL },
	{ "monthly_rate", NA_("Monthly rate (%)"), AF_RATE, 0, 0, PCT(3, 0), NULL,
	  NULL },
	{ "fee_mode", NA_("Fee mode"), AF_CHOICE, 0, 0, 0, fee_modes, "INST-M3" },
	{ "waives_future_fees", NA_("Waives future fees"), AF_BOOL, 0, 0, 1, NULL,
	  "INST-F3" },
	/* xgettext:no-c-format */
	{ "late_fee_rate", NA_("Late fee (% a day)"), AF_RATE, 0, 0, PCT(0, 10),
	  NULL, "INST-F1" },
	{ "enabled", NA_("Enabled"), AF_BOOL, 0, 0, 1, NULL, NULL },
};

static const struct admin_field region_fields[] = {
	{ "cod_supported", NA_("COD supported"), AF_BOOL, 0, 0, 1, NULL, "COD-03" },
	{ "cod_fee_percent", NA_("COD fee (%)"), AF_RATE, 0, PCT(3, 0), PCT(5, 0),
	  NULL, "COD-F1" },
	{ "cod_max_usd_minor", NA_("COD maximum (USD)"), AF_USD, 1, 0, 200000, NULL,
	  "COD-01" },
	{ "delivery_days", NA_("Delivery days"), AF_INT, 0, 1, 90, NULL, "COD-05" },
};

static const struct admin_field country_fields[] = {
	{ "region_code", NA_("Region"), AF_CODE, 0, 0, 0, NULL, NULL },
	{ "installment_high_risk", NA_("High risk for installments"), AF_BOOL, 0,
	  0, 1, NULL, "INST-08" },
	{ "remittance_limit_usd_minor", NA_("Postal limit (USD)"), AF_USD, 1, 0,
	  500000, NULL, "REM-01" },
	{ "delivery_days", NA_("Delivery days"), AF_INT, 1, 1, 90, NULL, "COD-05" },
};

static const struct admin_field category_fields[] = {
	{ "durable", NA_("Durable"), AF_BOOL, 0, 0, 1, NULL, "INST-06" },
	{ "high_value", NA_("High value"), AF_BOOL, 0, 0, 1, NULL, "COD-04" },
};

static const struct admin_field product_fields[] = {
	{ "high_value", NA_("High value"), AF_BOOL, 0, 0, 1, NULL, "COD-04" },
	{ "pre_order", NA_("Pre-order"), AF_BOOL, 0, 0, 1, NULL, "INST-07" },
	{ "customized", NA_("Customized"), AF_BOOL, 0, 0, 1, NULL, "INST-07" },
	{ "special_customs", NA_("Special customs"), AF_BOOL, 0, 0, 1, NULL,
	  "COD-06" },
	{ "pay_after_use", NA_("Pay After Use"), AF_BOOL, 0, 0, 1, NULL, "PAU-02" },
	{ "flash_sale", NA_("Flash sale"), AF_BOOL, 0, 0, 1, NULL, "REM-04" },
};

/* The settings table's rows: value's type and range by name. */
static const struct admin_field platform_fields[] = {
	{ "platform_min_credit_score", NA_("Lowest credit score for installments"), AF_INT, 0, 300,
	  850, NULL, "INST-02" },
	{ "pau_min_credit_score", NA_("Pay After Use: score above"), AF_INT, 0, 300,
	  850, NULL, "PAU-01" },
	{ "credit_refresh_days", NA_("Credit score refreshed after (days)"), AF_INT,
	  0, 1, 3650, NULL, "INST-02" },
	{ "inst_min_usd_minor", NA_("Smallest installment order (USD)"), AF_USD, 0, 0, 10000000,
	  NULL, "INST-05" },
	{ "inst_low_min_usd_minor", NA_("Smallest installment order, low threshold (USD)"), AF_USD, 0, 0,
	  10000000, NULL, "INST-05" },
	{ "inst_b2b_min_completed_usd_minor",
	  NA_("Company orders completed, at least (USD)"),
	  AF_USD, 0, 0, 100000000, NULL, "INST-04" },
	{ "inst_b2b_completed_window_days", NA_("Company orders counted over (days)"), AF_INT, 0, 1,
	  365, NULL, "INST-04" },
	{ "inst_overdue_suspend_days", NA_("Suspend after overdue (days)"), AF_INT,
	  0, 1, 365, NULL, "INST-F2" },
	{ "inst_reminder_days_before", NA_("Reminder (days before)"), AF_INT, 0, 0,
	  30, NULL, "INST-P2" },
	{ "corp_down_payment_percent", NA_("Corporate down payment (%)"), AF_INT, 0,
	  0, 100, NULL, "INST-CORP" },
	{ "cod_b2c_max_usd_minor", NA_("Largest COD order (USD)"), AF_USD, 0, 0, 10000000, NULL,
	  "COD-01" },
	{ "cod_new_max_usd_minor", NA_("Largest COD order, new shoppers (USD)"), AF_USD, 0, 0,
	  10000000, NULL, "COD-07" },
	{ "cod_veteran_min_orders", NA_("COD orders to graduate"), AF_INT, 0, 0, 100,
	  NULL, "COD-07" },
	{ "cod_max_delivery_days", NA_("COD maximum delivery days"), AF_INT, 0, 1,
	  90, NULL, "COD-05" },
	{ "cod_refusals_to_suspend", NA_("Refusals before suspension"), AF_INT, 0, 1,
	  20, NULL, "COD-F2" },
	{ "cod_suspend_months", NA_("COD suspension (months)"), AF_INT, 0, 1, 60,
	  NULL, "COD-F2" },
	{ "cod_max_extensions", NA_("Delivery extensions"), AF_INT, 0, 0, 10, NULL,
	  "COD-P5" },
	{ "remittance_b2c_max_usd_minor", NA_("Largest remittance order (USD)"), AF_USD, 0, 0,
	  10000000, NULL, "REM-01" },
	{ "remittance_window_days", NA_("Remittance window (days)"), AF_INT, 0, 1,
	  365, NULL, "REM-P6" },
	{ "pau_auto_confirm_days", NA_("Auto-confirm receipt (days)"), AF_INT, 0, 1,
	  90, NULL, "PAU-03" },
	/* pau: the open debt of a failed deduction (PAU-04). */
	/* xgettext:no-c-format */
	{ "pau_late_fee_rate", NA_("Pay After Use late fee (% a day)"), AF_RATE, 0,
	  0, PCT(0, 10), NULL, "PAU-04" },
	{ "pau_retries_per_day", NA_("Pay After Use retries a day"), AF_INT, 0, 1,
	  24, NULL, "PAU-04" },
	{ "credit_line_max_usd_minor", NA_("Largest credit line (USD)"), AF_USD, 0, 0,
	  100000000, NULL, "INST-CL" },
	{ "corp_payee_name", NA_("Payee name"), AF_TEXT, 0, 2, 64, NULL,
	  "INST-CORP" },
	{ "corp_payee_bank", NA_("Payee bank"), AF_TEXT, 0, 2, 64, NULL,
	  "INST-CORP" },
	{ "corp_payee_account", NA_("Payee account number"), AF_ACCOUNT, 0, 4, 34,
	  NULL, "INST-CORP" },
};

/* A setting another issue adds without a line above. */
static const struct admin_field platform_any_int = {
	"value", NA_("Value"), AF_INT, 0, 0, 1000000000, NULL, NULL
};
static const struct admin_field platform_any_usd = {
	"value", NA_("Value (USD)"), AF_USD, 0, 0, 1000000000, NULL, NULL
};

static const char *const sec_credit[] = { "platform_min_credit_score",
	"credit_refresh_days", "inst_min_usd_minor", "inst_low_min_usd_minor",
	"inst_overdue_suspend_days", "inst_reminder_days_before",
	"credit_line_max_usd_minor", NULL };
static const char *const sec_company[] = {
	"inst_b2b_min_completed_usd_minor", "inst_b2b_completed_window_days",
	"corp_down_payment_percent", NULL };
static const char *const sec_cod[] = { "cod_b2c_max_usd_minor",
	"cod_new_max_usd_minor", "cod_veteran_min_orders",
	"cod_max_delivery_days", "cod_refusals_to_suspend",
	"cod_suspend_months", "cod_max_extensions", NULL };
static const char *const sec_remittance[] = {
	"remittance_b2c_max_usd_minor", "remittance_window_days", NULL };
static const char *const sec_payee[] = { "corp_payee_name",
	"corp_payee_bank", "corp_payee_account", NULL };
static const char *const sec_pau[] = { "pau_min_credit_score",
	"pau_auto_confirm_days", "pau_late_fee_rate", "pau_retries_per_day",
	NULL };

/* The platform settings page's sections, one form each. */
const struct admin_section admin_sections[] = {
	{ "credit", NA_("Credit and installments"),
	  NA_("Credit score and amounts "
	  "of installment plans (INST-02, INST-05, INST-F2, INST-P2, INST-CL)."),
	  sec_credit, 7 },
	{ "company", NA_("Company installments"),
	  NA_("What a company needs for "
	  "installments and its down payment (INST-04, INST-CORP)."),
	  sec_company, 3 },
	{ "payee", NA_("Company transfers' payee"),
	  NA_("The account companies pay "
	  "their down payments and installments into by bank transfer "
	  "(INST-CORP)."), sec_payee, 3 },
	{ "cod", NA_("Cash on delivery"),
	  NA_("Order limits, delivery and refusals "
	  "(COD-01, COD-05, COD-07, COD-F2, COD-P5)."), sec_cod, 7 },
	{ "remittance", NA_("Post office remittance"),
	  NA_("Order limit and payment "
	  "window (REM-01, REM-P6)."), sec_remittance, 2 },
	{ "pay-after-use", NA_("Pay After Use"),
	  NA_("Credit score, receipt and "
	  "failed deductions (PAU-01, PAU-03, PAU-04)."), sec_pau, 4 },
};

const size_t admin_sections_n = sizeof(admin_sections) /
    sizeof(admin_sections[0]);

/* See admin.h. */
const struct admin_section *
admin_section_find(const char *slug)
{
	size_t i;

	for (i = 0; slug != NULL && i < admin_sections_n; i++)
		if (strcmp(admin_sections[i].slug, slug) == 0)
			return &admin_sections[i];
	return NULL;
}

const struct admin_kind admin_kinds[] = {
	{ "institutions", NA_("Banks and partners"), "institutions",
	  DB_SK_INSTITUTION, inst_fields,
	  NA_("Card banks charge 0.5%-1.5% a month (INST-CC), finance partners "
	  "0.6%-1.8% (INST-PC).") },
	{ "regions", NA_("Regions"), "regions", DB_SK_REGION, region_fields,
	  NA_("COD fee 3%-5% of the order (COD-F1); the COD maximum may only be "
	  "lower than USD 2,000 (COD-01).") },
	{ "countries", NA_("Countries"), "countries", DB_SK_COUNTRY, country_fields,
	  NA_("High-risk countries get no installments (INST-08); the postal limit "
	  "may only be lower than USD 5,000 (REM-01).") },
	{ "categories", NA_("Categories"), "categories", DB_SK_CATEGORY,
	  category_fields, NA_("Durable categories allow installments (INST-06).") },
	{ "products", NA_("Products"), "products", DB_SK_PRODUCT, product_fields,
	  NA_("Flags that the payment rules read for each product.") },
	{ "platform", NA_("Platform settings"), "settings", DB_SK_PLATFORM,
	  &platform_any_int, NA_("The platform's defaults of the rules.") },
};

const size_t admin_kinds_n = sizeof(admin_kinds) / sizeof(admin_kinds[0]);

/* See admin.h. */
const struct admin_kind *
admin_kind_find(const char *slug)
{
	size_t i;

	for (i = 0; i < admin_kinds_n; i++)
		if (strcmp(admin_kinds[i].slug, slug) == 0)
			return &admin_kinds[i];
	return NULL;
}

/* See admin.h. */
const struct admin_field *
admin_kind_field(const struct admin_kind *k, const char *key, size_t i)
{
	size_t j, len;

	if (k->kind != DB_SK_PLATFORM)
		return &k->fields[i];
	for (j = 0; j < sizeof(platform_fields) / sizeof(platform_fields[0]);
	    j++)
		if (strcmp(platform_fields[j].column, key) == 0)
			return &platform_fields[j];
	len = strlen(key);
	if (len > 10 && strcmp(key + len - 10, "_usd_minor") == 0)
		return &platform_any_usd;
	return &platform_any_int;
}

/* See admin.h. */
void
admin_fmt_time(int64_t t, char *out, size_t outsz)
{
	time_t		tt = (time_t)t;
	struct tm	tm;

	if (t <= 0 || gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, outsz, "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(out, outsz, "-");
}

/* "<noun> #id was already decided by <by> at <when> (<decision>)" in
 * the admin's language into msg (noun and the decision code as words). */
static void
decided_msg(char *msg, size_t msgsz, const char *noun, int64_t id,
    const char *by, const char *when, const char *decision)
{
	char w[64];

	words_status(decision, w, sizeof(w));
	snprintf(msg, msgsz, A_("%s #%lld was already decided by %s at %s "
	    "(%s)."), A_(noun), (long long)id, by, when, A_(w));
}

/* See admin.h. */
int
admin_claim(struct db *db, const char *subject_type, int64_t id,
    const char *step, const char *decision, int64_t admin_id, int64_t now,
    const char *noun, char *msg, size_t msgsz)
{
	char	by[255], got[33], when[40];
	int64_t	at = 0;
	int	rc;

	rc = db_admin_decision_claim(db, subject_type, id, step, decision,
	    admin_id, now, by, sizeof(by), got, &at);
	if (rc == 1) {
		admin_fmt_time(at, when, sizeof(when));
		decided_msg(msg, msgsz, noun, id, by, when, got);
	}
	return rc;
}

/* See admin.h. */
int
admin_decided(struct db *db, const char *subject_type, int64_t id,
    const char *step, const char *noun, char *msg, size_t msgsz)
{
	char	by[255], decision[33], when[40];
	int64_t	at = 0;

	if (db_admin_decision_get(db, subject_type, id, step, by, sizeof(by),
	    decision, &at) != 1)
		return 0;
	admin_fmt_time(at, when, sizeof(when));
	decided_msg(msg, msgsz, noun, id, by, when, decision);
	return 1;
}

/* Say who moved order_id out of `from` (its latest event) into msg:
 * "already decided by X at T", the same words a second admin gets. */
static void
changed_by(struct db *db, int64_t order_id, const char *from, char *msg,
    size_t msgsz)
{
	struct db_event_row	*ev = NULL;
	size_t			 n = 0;
	char			 when[40], w0[64], w1[64];

	if (db_event_history(db, "order", order_id, &ev, &n) == 0 &&
	    n > 0) {
		admin_fmt_time(ev[n - 1].at, when, sizeof(when));
		words_status(ev[n - 1].from_state, w0, sizeof(w0));
		words_status(ev[n - 1].to_state, w1, sizeof(w1));
		snprintf(msg, msgsz, A_("Order #%lld was already decided by "
		    "%s at %s (%s to %s)."), (long long)order_id,
		    ev[n - 1].actor_email[0] ? ev[n - 1].actor_email :
		    ev[n - 1].actor_type, when, w0, w1);
	} else {
		words_status(from, w0, sizeof(w0));
		snprintf(msg, msgsz, A_("Order #%lld is no longer %s: reload "
		    "the page."), (long long)order_id, w0);
	}
	db_event_rows_free(ev, n);
}

/* See admin.h. */
int
admin_order_cancel(struct db *db, int64_t admin_id, int64_t now,
    int64_t order_id, const char *from,
    const char *reason, char *msg, size_t msgsz)
{
	char		 why[256];
	enum pay_method	 method;
	enum order_status st;
	int		 rc;

	msg[0] = '\0';
	if (order_status_parse(from, &st) == -1 ||
	    (st != OS_AWAITING_REVIEW && st != OS_AWAITING_CONFIRMATION &&
	    st != OS_AWAITING_REMITTANCE)) {
		snprintf(msg, msgsz, "%s", A_("Only an order that is not paid "
		    "yet can be cancelled here."));
		return 1;
	}
	if (db_begin_read_committed(db) == -1)
		return -1;
	/* The order locked before the claim: concurrent decisions on it run
	 * one after the other instead of waiting on each other's claim. */
	rc = db_order_lock_method(db, order_id, &method);
	if (rc == 0) {
		db_rollback(db);
		snprintf(msg, msgsz, A_("There is no order #%lld."),
		    (long long)order_id);
		return 1;
	}
	if (rc == -1)
		goto fail;
	rc = admin_claim(db, "order", order_id, from, "cancel",
	    admin_id, now, NA_("Order"), msg, msgsz);
	if (rc == 1) {
		db_rollback(db);
		return 1;
	}
	if (rc == -1)
		goto fail;
	said_store(why, sizeof(why), reason != NULL && reason[0] != '\0' ?
	    SAID_ADMIN_CANCELLED : SAID_ADMIN_CANCELLED_PLAIN, reason, NULL,
	    NULL);
	/* The one state machine (service/orderflow.c) moves the order and
	 * writes its event. */
	switch (orderflow_transition(db, order_id, st, OS_CANCELLED,
	    OF_ADMIN, admin_id, why, now)) {
	case RES_OK:
		break;
	case RES_NOT_ALLOWED:
		db_rollback(db);
		words_status(from, why, sizeof(why));
		snprintf(msg, msgsz, A_("Order #%lld cannot be cancelled by "
		    "an admin from %s."), (long long)order_id, why);
		return 1;
	case RES_CHANGED:
		db_rollback(db);
		changed_by(db, order_id, from, msg, msgsz);
		return 1;
	default:
		goto fail;
	}
	return db_commit(db) == -1 ? -1 : 0;
fail:
	db_rollback(db);
	return -1;
}

/* See admin.h. */
int
admin_audit_signin(struct db *db, const char *remote_addr, int64_t now,
    int64_t user_id, int is_admin, const char *email, const char *outcome)
{
	char why[128], detail[300];

	if (strcmp(outcome, "signin") == 0 && !is_admin)
		return 0;
	snprintf(why, sizeof(why), "%s from %s",
	    strcmp(outcome, "signin") == 0 ? "admin sign-in" :
	    "failed sign-in", remote_addr != NULL ?
	    remote_addr : "unknown address");
	snprintf(detail, sizeof(detail), "email: %.254s", email);
	return audit_event_detail(db, "user", user_id,
	    is_admin ? OF_ADMIN : OF_USER, user_id, NULL, outcome, why, detail,
	    now);
}
