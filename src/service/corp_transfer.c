/*
 * Corporate repayments by bank transfer (see corp_transfer.h): the
 * allocation oldest first, partial payments, the company's credit, the
 * idempotency key's figures.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/money.h"
#include "db/checkout.h"
#include "db/company.h"
#include "db/corp_transfer.h"
#include "db/db.h"
#include "db/message.h"
#include "db/plan.h"
#include "service/admin.h"
#include "service/audit.h"
#include "service/corp_transfer.h"
#include "service/language.h"
#include "service/ledger.h"
#include "service/plans.h"

/* See corp_transfer.h. */
void
corp_payment_reference(int64_t order_id, char *out, size_t outsz)
{
	snprintf(out, outsz, "MP-CORP-%lld", (long long)order_id);
}

/* See corp_transfer.h. */
int
corp_payee_get(struct db *db, struct corp_payee *out)
{
	struct db_setting	*st;
	size_t			 i, n;

	memset(out, 0, sizeof(*out));
	if (db_checkout_settings(db, &st, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (strcmp(st[i].name, "corp_payee_name") == 0)
			snprintf(out->name, sizeof(out->name), "%s",
			    st[i].value);
		else if (strcmp(st[i].name, "corp_payee_bank") == 0)
			snprintf(out->bank, sizeof(out->bank), "%s",
			    st[i].value);
		else if (strcmp(st[i].name, "corp_payee_account") == 0)
			snprintf(out->account, sizeof(out->account), "%s",
			    st[i].value);
	}
	free(st);
	return 0;
}

/* See corp_transfer.h. */
int
corp_transfers_of(struct db *db, int64_t plan_id, struct db_corp_xfer **x,
    size_t *nx, struct db_corp_alloc **al, size_t *na)
{
	*al = NULL;
	*na = 0;
	if (db_corp_xfer_list(db, plan_id, x, nx) == -1)
		return -1;
	if (db_corp_alloc_list(db, plan_id, al, na) == -1) {
		free(*x);
		*x = NULL;
		*nx = 0;
		return -1;
	}
	return 0;
}

/* amount of currency cur as "USD 1,234.50" into out. */
static const char *
show(int64_t amount, const char *cur, char *out, size_t outsz)
{
	return money_display_minor(amount, cur, out, outsz);
}

/* See corp_transfer.h. */
void
corp_transfer_summary(const struct corp_transfer_result *r, char *out,
    size_t outsz)
{
	struct buf	b;
	char		a[48], c[48];
	size_t		i;

	buf_init(&b);
	buf_printf(&b, "%s:", show(r->amount, r->currency, a, sizeof(a)));
	for (i = 0; i < r->nlines; i++) {
		const struct corp_alloc_line *l = &r->lines[i];

		buf_puts(&b, i ? _(", ") : " ");
		if (l->settled)
			buf_printf(&b, _("installment %d %s (paid)"), l->seq,
			    show(l->amount, r->currency, a, sizeof(a)));
		else
			buf_printf(&b, _("installment %d %s (%s of it "
			    "remains)"), l->seq, show(l->amount, r->currency,
			    a, sizeof(a)), show(l->remaining, r->currency, c,
			    sizeof(c)));
	}
	if (r->excess > 0) {
		buf_puts(&b, r->nlines ? _("; ") : " ");
		buf_printf(&b, _("%s kept as the company's credit "
		    "(refundable)"), show(r->excess, r->currency, a,
		    sizeof(a)));
	}
	buf_puts(&b, _("."));
	snprintf(out, outsz, "%s", buf_str(&b));
	buf_cleanup(&b);
}

/* The figures a key stands for. */
static void
key_params(int64_t id, int seq, int64_t amount, const char *ref, char *out,
    size_t outsz)
{
	snprintf(out, outsz, "application=%lld amount=%lld reference=%s "
	    "installment=%d", (long long)id, (long long)amount, ref, seq);
}

/* The stored answer of transfer x into *res (a replay). 0 or -1. */
static int
load_result(struct db *db, const struct db_corp_xfer *x,
    struct corp_transfer_result *res)
{
	struct db_corp_alloc	*al;
	size_t			 i, n;

	memset(res, 0, sizeof(*res));
	res->transfer_id = x->id;
	res->amount = x->amount;
	res->allocated = x->allocated;
	res->excess = x->excess;
	res->replay = 1;
	snprintf(res->currency, sizeof(res->currency), "%s", x->currency);
	if (db_corp_alloc_list(db, x->plan_id, &al, &n) == -1)
		return -1;
	for (i = 0; i < n && res->nlines < CORP_ALLOC_MAX; i++)
		if (al[i].transfer_id == x->id) {
			res->lines[res->nlines].seq = al[i].seq;
			res->lines[res->nlines].amount = al[i].amount;
			res->lines[res->nlines].settled = al[i].settled;
			res->nlines++;
		}
	free(al);
	return 0;
}

/* The key was used before (x): the first answer when params match, else
 * a conflict saying what it was used for. */
static enum result
key_used(struct db *db, const struct db_corp_xfer *x, const char *params,
    struct corp_transfer_result *res, char *msg, size_t msgsz)
{
	char	when[40], a[48];

	if (strcmp(x->params, params) != 0) {
		admin_fmt_time(x->created_at, when, sizeof(when));
		/* TRANSLATORS: the form's key, the time, the amount and the
		 * bank's reference of the earlier transfer. */
		snprintf(msg, msgsz, A_("The key %s was already used at %s "
		    "for a transfer of %s (reference %s) on application "
		    "#%lld; a request with other figures needs a new key. "
		    "Nothing was recorded."), x->key, when, show(x->amount,
		    x->currency, a, sizeof(a)), x->reference,
		    (long long)x->application_id);
		return RES_KEY_CONFLICT;
	}
	if (load_result(db, x, res) == -1)
		return RES_ERROR;
	corp_transfer_summary(res, msg, msgsz);
	return RES_OK;
}

/* Check the request's own fields. RES_OK or RES_INVALID with msg. */
static enum result
check_input(int64_t amount, const char *ref, const char *key, char *msg,
    size_t msgsz)
{
	if (amount <= 0) {
		snprintf(msg, msgsz, "The amount received must be more than "
		    "zero.");
		return RES_INVALID;
	}
	if (ref == NULL || ref[0] == '\0' || strlen(ref) > 64) {
		snprintf(msg, msgsz, "%s", A_("Enter the bank transfer's "
		    "reference (up to 64 characters)."));
		return RES_INVALID;
	}
	if (key == NULL || key[0] == '\0' || strlen(key) > 96) {
		snprintf(msg, msgsz, "%s", A_("The form lacks its idempotency "
		    "key; reload the page. Nothing was recorded."));
		return RES_INVALID;
	}
	return RES_OK;
}

/* Allocate amount to the due installments of v oldest first inside the
 * transaction, into *res. 0, or -1. */
static int
allocate(struct db *db, const struct plan_view *v, int64_t amount,
    int64_t now, struct corp_transfer_result *res)
{
	int64_t	left = amount, owed, part;
	size_t	i;

	for (i = 0; i < v->ninst && left > 0; i++) {
		const struct db_plan_inst *it = &v->inst[i];
		struct corp_alloc_line *l;

		if (it->status != PI_DUE)
			continue;
		owed = it->principal + it->fee + it->late_fee - it->paid_minor;
		if (owed <= 0 || res->nlines == CORP_ALLOC_MAX)
			continue;
		part = left < owed ? left : owed;
		l = &res->lines[res->nlines++];
		l->seq = it->seq;
		l->amount = part;
		l->settled = part == owed;
		l->remaining = owed - part;
		if (l->settled ? db_plan_inst_paid(db, v->p.id, it->seq,
		    it->paid_minor + part, it->late_fee, now) != 1 :
		    db_corp_inst_add_paid(db, v->p.id, it->seq, part) != 1)
			return -1;
		left -= part;
	}
	res->allocated = amount - left;
	res->excess = left;
	return 0;
}

/* What is still due on v (every due installment less its part paid). */
static int64_t
still_due(const struct plan_view *v, int *open)
{
	int64_t	due = 0;
	size_t	i;

	*open = 0;
	for (i = 0; i < v->ninst; i++)
		if (v->inst[i].status == PI_DUE) {
			due += v->inst[i].principal + v->inst[i].fee +
			    v->inst[i].late_fee - v->inst[i].paid_minor;
			(*open)++;
		}
	return due;
}

/* Inside the transaction: transfer x (allocated + excess) on the ledger
 * (LK_TRANSFER): platform:cash debited, the company's receivable credited
 * with what paid installments, its credit with the excess. 0 or -1. */
static int
post_transfer(struct db *db, const struct db_corp_xfer *x, int64_t order_id)
{
	struct ledger_entry	e;
	char			key[64], recv[LEDGER_ACCT_MAX];
	char			cred[LEDGER_ACCT_MAX], memo[128];

	memset(&e, 0, sizeof(e));
	snprintf(key, sizeof(key), "corp-xfer-%lld", (long long)x->id);
	snprintf(memo, sizeof(memo), "bank transfer %.64s", x->reference);
	e.kind = LK_TRANSFER;
	e.key = key;
	e.currency = x->currency;
	e.order_id = order_id;
	e.plan_id = x->plan_id;
	e.ref_type = "corp_transfer";
	e.ref_id = x->id;
	e.memo = memo;
	e.at = x->created_at;
	e.moves[0].debit = LEDGER_PLATFORM_CASH;
	e.moves[0].credit = ledger_acct_company_receivable(recv, sizeof(recv),
	    x->company_id);
	e.moves[0].amount = x->allocated;
	e.moves[1].debit = LEDGER_PLATFORM_CASH;
	e.moves[1].credit = ledger_acct_company_credit(cred, sizeof(cred),
	    x->company_id);
	e.moves[1].amount = x->excess;
	e.nmoves = 2;
	return ledger_post(db, &e) == 0 ? 0 : -1;
}

/* See corp_transfer.h. */
int
corp_ledger_effect(struct db *db, const struct db_corp_app *a, int64_t down,
    const char *ref, int64_t now)
{
	struct ledger_entry	e;
	char			key[64], recv[LEDGER_ACCT_MAX], memo[128];

	/* plan_start() put the amount financed and the fees on the
	 * company's receivable; the down payment is owed from the same
	 * moment (the rest of the price), then received. */
	memset(&e, 0, sizeof(e));
	snprintf(key, sizeof(key), "corp%lld-start", (long long)a->id);
	e.kind = LK_PLAN_START;
	e.key = key;
	e.currency = a->currency;
	e.order_id = a->order_id;
	e.plan_id = a->plan_id;
	e.ref_type = "corp_application";
	e.ref_id = a->id;
	e.memo = "INST-CORP agreement in effect: the down payment owed";
	e.at = now;
	e.moves[0].debit = ledger_acct_company_receivable(recv, sizeof(recv),
	    a->company_id);
	e.moves[0].credit = LEDGER_MERCHANT_PAYABLE;
	e.moves[0].amount = down;
	e.nmoves = 1;
	if (ledger_post(db, &e) != 0)
		return -1;
	snprintf(key, sizeof(key), "corp%lld-down", (long long)a->id);
	snprintf(memo, sizeof(memo), "INST-CORP down payment, bank transfer "
	    "%.64s", ref);
	e.kind = LK_DOWN_PAYMENT;
	e.memo = memo;
	e.moves[0].debit = LEDGER_PLATFORM_CASH;
	e.moves[0].credit = recv;
	return ledger_post(db, &e) == 0 ? 0 : -1;
}

/* Inside the transaction: the rows, events and message of transfer x
 * allocated as res on plan v; closes the plan when nothing is left. */
static int
write_transfer(struct db *db, struct db_corp_xfer *x,
    const struct plan_view *v, int open, int64_t now,
    struct corp_transfer_result *res, char *msg, size_t msgsz)
{
	char		idem[64], why[200], body[900], a[48], sum[700];
	char		subj[160];
	size_t		i;
	int		settled = 0;
	enum lang	prev;

	x->allocated = res->allocated;
	x->excess = res->excess;
	if ((x->id = db_corp_xfer_insert(db, x)) <= 0)
		return x->id == 0 ? 1 : -1;
	res->transfer_id = x->id;
	for (i = 0; i < res->nlines; i++) {
		if (db_corp_alloc_insert(db, x->id, res->lines[i].seq,
		    res->lines[i].amount, res->lines[i].settled) == -1)
			return -1;
		settled += res->lines[i].settled;
	}
	snprintf(idem, sizeof(idem), "xfer-%lld", (long long)x->id);
	/* The event's detail (and the admin's note) in English. */
	prev = i18n_use(LANG_EN);
	corp_transfer_summary(res, msg, msgsz);
	i18n_use(prev);
	snprintf(why, sizeof(why), "INST-P3 bank transfer %.64s recorded "
	    "(%s)", x->reference, show(x->amount, x->currency, a, sizeof(a)));
	if (db_plan_pay_insert(db, v->p.id, "admin", 0, x->amount,
	    x->currency, 1, "transfer", x->reference, "", idem, now) <= 0 ||
	    post_transfer(db, x, v->p.order_id) == -1 ||
	    audit_event_detail(db, "plan", v->p.id, x->recorded_by > 0 ?
	    OF_ADMIN : OF_SYSTEM, x->recorded_by, NULL, NULL, why, msg,
	    now) == -1)
		return -1;
	if (settled == open && (db_plan_set_status(db, v->p.id,
	    PLAN_ST_ACTIVE, PLAN_ST_CLOSED, now) != 1 || audit_event(db,
	    "plan", v->p.id, OF_SYSTEM, 0, "active", "closed",
	    "repaid in full by bank transfers", now) == -1))
		return -1;
	/* Still due: the scheduler's next visit follows what was paid. */
	if (settled != open && plan_schedule(db, v->p.id, now) == -1)
		return -1;
	/* The company's message in its language. */
	prev = i18n_use(language_of_company(db, x->company_id));
	corp_transfer_summary(res, sum, sizeof(sum));
	snprintf(body, sizeof(body), _("Your bank transfer %.64s was recorded "
	    "on order #%lld: %s"), x->reference, (long long)v->p.order_id,
	    sum);
	snprintf(subj, sizeof(subj), "%s", _("Bank transfer recorded"));
	i18n_use(prev);
	return db_message_insert(db, 0, x->company_id, subj, body, now) ==
	    -1 ? -1 : 0;
}

/* Inside the transaction, application a locked: decide and record. */
static enum result
record_locked(struct db *db, const struct db_corp_app *a,
    struct db_corp_xfer *x, int64_t now, struct corp_transfer_result *res,
    char *msg, size_t msgsz)
{
	struct plan_view	v;
	int64_t			due;
	char			s1[48], s2[48];
	int			open, rc;

	if (a->status != CA_IN_EFFECT || a->plan_id <= 0) {
		snprintf(msg, msgsz, A_("The agreement of order #%lld is not "
		    "in effect: no repayment is due yet."),
		    (long long)a->order_id);
		return RES_NOT_ALLOWED;
	}
	if (db_plan_lock(db, a->plan_id, 0) != 1 ||
	    plan_load_id(db, a->plan_id, now, &v) != RES_OK) {
		plan_view_cleanup(&v);
		return RES_ERROR;
	}
	due = still_due(&v, &open);
	if (v.p.status != PLAN_ST_ACTIVE || due <= 0) {
		plan_view_cleanup(&v);
		snprintf(msg, msgsz, "%s", A_("Nothing is due on this plan: "
		    "every installment is paid. Nothing was recorded."));
		return RES_NOT_ALLOWED;
	}
	if (x->amount > due * CORP_TRANSFER_CAP_FACTOR) {
		plan_view_cleanup(&v);
		/* TRANSLATORS: the amount entered, the factor and the amount
		 * still due. */
		snprintf(msg, msgsz, A_("%s is more than %d times the %s still "
		    "due on this plan: check the amount (a typing error?). "
		    "Nothing was recorded."), show(x->amount, x->currency, s1,
		    sizeof(s1)), CORP_TRANSFER_CAP_FACTOR, show(due,
		    x->currency, s2, sizeof(s2)));
		return RES_INVALID;
	}
	x->plan_id = v.p.id;
	if (allocate(db, &v, x->amount, now, res) == -1 ||
	    (rc = write_transfer(db, x, &v, open, now, res, msg, msgsz)) == -1) {
		plan_view_cleanup(&v);
		return RES_ERROR;
	}
	plan_view_cleanup(&v);
	/* rc 1: the key was taken meanwhile (another application's). */
	return rc == 1 ? RES_KEY_CONFLICT : RES_OK;
}

/* See corp_transfer.h. */
enum result
corp_record_transfer(struct db *db, int64_t admin_id, int64_t id, int seq,
    int64_t amount, const char *ref, const char *key, int64_t now,
    struct corp_transfer_result *res, char *msg, size_t msgsz)
{
	struct db_corp_app	a;
	struct db_corp_xfer	x, old;
	enum result		r;
	int			rc;

	memset(res, 0, sizeof(*res));
	msg[0] = '\0';
	if ((r = check_input(amount, ref, key, msg, msgsz)) != RES_OK)
		return r;
	memset(&x, 0, sizeof(x));
	key_params(id, seq, amount, ref, x.params, sizeof(x.params));
	/* READ COMMITTED: once the application's lock is ours, the key's
	 * row of a transfer that held it before is seen, whatever this
	 * transaction read earlier. */
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	/* The application first: transfers of one plan queue here. */
	if ((rc = db_corp_app_get(db, id, 1, &a)) != 1) {
		db_corp_app_cleanup(&a);
		db_rollback(db);
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	}
	if ((rc = db_corp_xfer_by_key(db, key, &old)) != 0) {
		r = rc == 1 ? key_used(db, &old, x.params, res, msg, msgsz) :
		    RES_ERROR;
		db_corp_app_cleanup(&a);
		db_rollback(db);
		return r;
	}
	x.application_id = a.id;
	x.company_id = a.company_id;
	snprintf(x.key, sizeof(x.key), "%s", key);
	x.amount = amount;
	snprintf(x.currency, sizeof(x.currency), "%s", a.currency);
	snprintf(x.reference, sizeof(x.reference), "%s", ref);
	snprintf(x.source, sizeof(x.source), "%s", admin_id > 0 ? "admin" :
	    "statement");
	x.recorded_by = admin_id;
	x.created_at = now;
	snprintf(res->currency, sizeof(res->currency), "%s", a.currency);
	res->amount = amount;
	r = record_locked(db, &a, &x, now, res, msg, msgsz);
	db_corp_app_cleanup(&a);
	if (r != RES_OK || db_commit(db) == -1) {
		db_rollback(db);
		if (r == RES_KEY_CONFLICT)
			snprintf(msg, msgsz, A_("The key %s was used meanwhile "
			    "by another transfer. Nothing was recorded."), key);
		return r == RES_OK ? RES_ERROR : r;
	}
	return RES_OK;
}
