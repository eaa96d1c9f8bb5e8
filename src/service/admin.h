#ifndef MALLPAY_SERVICE_ADMIN_H
#define MALLPAY_SERVICE_ADMIN_H

/*
 * The admin console's use cases: settings the rules read
 * (validated; each change one transaction with its audit event holding the
 * old and the new value), holidays, exchange rates, the admin's decision on
 * an order (bulk-safe), and the audit of sign-ins.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/admin_settings.h"

struct db;

/* How a settings column is entered and checked. */
enum admin_ftype {
	AF_BOOL,	/* checkbox: "1" or absent */
	AF_INT,		/* whole number within [min, max] */
	AF_RATE,	/* percent with up to 4 decimals within [min, max] (units of 0.0001 %) */
	AF_USD,		/* USD amount "1234.50" stored as minor units, within [min, max] minor */
	AF_TERMS,	/* comma-separated month counts */
	AF_CHOICE,	/* one of choices[] */
	AF_CODE,	/* a reference code ([A-Z0-9_], <= 16) */
	AF_TEXT,	/* words of min to max bytes, no control characters */
	AF_ACCOUNT	/* a bank account: min to max of [A-Z0-9 -] */
};

struct admin_field {
	const char	*column;	/* the table's column, also in the audit detail */
	const char	*label;
	enum admin_ftype type;
	int		 nullable;	/* empty input stores NULL */
	int64_t		 min, max;
	const char	*const *choices; /* AF_CHOICE, NULL-terminated */
	const char	*rule;		/* rule id quoted in the error, or NULL */
};

/* One kind of settings page. */
struct admin_kind {
	const char		*slug;		/* /admin/settings/<slug> */
	const char		*title;
	const char		*table;		/* for the audit detail */
	enum db_setting_kind	 kind;
	const struct admin_field *fields;	/* db_setting_ncols(kind) of them */
	const char		*help;
};

extern const struct admin_kind admin_kinds[];
extern const size_t admin_kinds_n;

/* The kind whose slug is slug, or NULL. */
const struct admin_kind *admin_kind_find(const char *slug);

/* Field i of kind k for row key: k->fields[i], except platform settings,
 * whose one field's type and range depend on the setting's name. */
const struct admin_field *admin_kind_field(const struct admin_kind *k,
	    const char *key, size_t i);

/* The stored value v of field f as the form shows it (USD minor -> "500.00",
 * bool -> "1"/"0"), into out. NULL v gives "". */
void	admin_field_display(const struct admin_field *f, const char *v,
	    char *out, size_t outsz);

/* Check one input (NULL or "" when absent) of field f against the rules
 * and the row being saved (the institution's method decides its rate
 * range). On success *stored gets the value to store (malloc'd; NULL for
 * SQL NULL) and 0 is returned; on failure 1 and a message naming the
 * allowed range in err. Pure. */
int	admin_field_check(const struct admin_kind *k, size_t i,
	    const char *const *inputs, char **stored, char *err, size_t errsz);

/* The changes below are made by admin_id at now, each audited. */

/* Save row key of kind k from the form inputs (inputs[i] for field i,
 * NULL when absent). Each field's error message goes into errs[i] (errsz
 * bytes each, "" when fine). One transaction: lock the row, validate, write,
 * and one 'setting' event per changed column with old and new value.
 * An institution's method is fixed once it has plans: a change of it is
 * refused (3, the reason in errs[0]).
 * Returns 0 saved (*changed: columns changed), 1 invalid input (nothing
 * written), 2 no such row, 3 refused, -1 database error. */
int	admin_setting_save(struct db *, int64_t admin_id, int64_t now,
	    const struct admin_kind *k,
	    const char *key, const char *const *inputs, char errs[][160],
	    int *changed);

/* A section of the platform settings page: the settings saved together. */
struct admin_section {
	const char		*slug;
	const char		*title;
	const char		*help;
	const char *const	*keys;	/* settings names, NULL-terminated */
	size_t			 nkeys;	/* <= DB_SK_MAXCOLS */
};

extern const struct admin_section admin_sections[];
extern const size_t admin_sections_n;

/* The section whose slug is slug, or NULL. */
const struct admin_section *admin_section_find(const char *slug);

/* Save every setting of section sec from inputs[i] (the value of
 * sec->keys[i], as the form shows it: amounts in major units) in one
 * transaction, each changed value audited as admin_setting_save does.
 * errs[i] gets key i's refusal. Returns 0 saved (*changed: settings
 * changed), 1 a value refused (nothing written), -1 error. A setting the
 * database lacks is skipped. */
int	admin_section_save(struct db *, int64_t admin_id, int64_t now,
	    const struct admin_section *sec, const char *const *inputs,
	    char errs[][160], int *changed);

/* 1 if institution id has plans (its method is fixed), 0 if not, -1. */
int	admin_institution_has_plans(struct db *, const char *id);

/* The audit detail of a settings change (reason "<table> <key>
 * <column>", detail "old: X; new: Y") with its values in the units its
 * form uses ("old: 10,000.00 USD; new: 5,000.00 USD", "0.8%", "yes"),
 * into out; any other detail is copied as is. */
void	admin_audit_detail_words(const char *reason, const char *detail,
	    char *out, size_t outsz);

/* Add or remove a holiday (C-04), audited. day "YYYY-MM-DD". Returns 0,
 * 1 already a holiday (add) / not a holiday (remove), -1 error. */
int	admin_holiday_add(struct db *, int64_t admin_id, int64_t now,
	    const char *day, const char *name);
int	admin_holiday_remove(struct db *, int64_t admin_id, int64_t now,
	    const char *day);

/* Record a new exchange rate of currency (3 letters, known to core/money)
 * taking effect on day (today or later; orders keep the rate they were
 * quoted), audited with the rate it replaces. Returns 0, 1 invalid (message
 * in err), -1 error. */
int	admin_fx_add(struct db *, int64_t admin_id, int64_t now,
	    const char *currency, const char *rate,
	    const char *day, char *err, size_t errsz);

/* The admin's decision to cancel order id that the page showed in status
 * `from` (nothing paid yet: awaiting_review, awaiting_confirmation,
 * awaiting_remittance). Bulk-safe: claims the decision (admin_decisions)
 * and moves the order in one transaction with its event. Returns 0 done;
 * 1 already decided, with "already decided by X at T" (or why it cannot
 * be decided) in msg; -1 error. */
int	admin_order_cancel(struct db *, int64_t admin_id, int64_t now,
	    int64_t order_id, const char *from,
	    const char *reason, char *msg, size_t msgsz);

/* Audit a sign-in from remote_addr (NULL unknown) at now: outcome
 * "signin" (recorded for admins only) or "signin_failed" (every account;
 * user_id 0 for an unknown email). Runs in the caller's transaction if
 * one is open. Returns 0 or -1. */
int	admin_audit_signin(struct db *, const char *remote_addr, int64_t now,
	    int64_t user_id, int is_admin, const char *email,
	    const char *outcome);

/* Claim the decision of step for (subject_type, id) as admin_id at now
 * (db_admin_decision_claim, inside the caller's transaction). Returns 0
 * when the claim is this admin's, 1 when someone decided before (msg then
 * says "<noun> #<id> was already decided by X at T (decision)."), -1 on a
 * database error. Rolls nothing back: the caller does. */
int	admin_claim(struct db *db, const char *subject_type, int64_t id,
	    const char *step, const char *decision, int64_t admin_id,
	    int64_t now, const char *noun, char *msg, size_t msgsz);

/* The decision of step for (subject_type, id) on record: 1 with msg
 * "<noun> #<id> was already decided by X at T (decision).", 0 when there
 * is none or it cannot be read (msg untouched). */
int	admin_decided(struct db *db, const char *subject_type, int64_t id,
	    const char *step, const char *noun, char *msg, size_t msgsz);

/* Format t as "YYYY-MM-DD HH:MM UTC" into out. */
void	admin_fmt_time(int64_t t, char *out, size_t outsz);

#endif
