#ifndef MALLPAY_DB_PLAN_H
#define MALLPAY_DB_PLAN_H

/*
 * Installment plans in the database (sql/008_installments.sql): plans,
 * plan_installments, plan_payments, credit_records, plan_ledger. SQL only,
 * bound parameters only; the use cases are service/plans.h.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/fee_mode.h"
#include "core/lifecycle.h"
#include "core/pay_method.h"

struct db;

/* plans.status (see the migration). */
enum plan_status {
	PLAN_ST_REVIEW = 0,	/* application submitted (INST-PC pending) */
	PLAN_ST_OFFERED,	/* approved, shown, awaiting confirmation */
	PLAN_ST_DECLINED,
	PLAN_ST_ACTIVE,		/* installments running */
	PLAN_ST_CLOSED,		/* repaid in full */
	PLAN_ST_TERMINATED,	/* cancelled or returned: nothing due */
	PLAN_ST__MAX
};

/* One installment as stored. */
struct db_plan_inst {
	int		 seq;
	mp_date		 due;
	int64_t		 principal, fee, late_fee;	/* minor units */
	enum inst_status status;
	int64_t		 paid_minor;
	int64_t		 paid_at;		/* 0: not paid */
	int		 reminded;		/* INST-P2 reminder sent */
	int		 overdue;		/* computed: due, past its date */
	int32_t		 days_late;		/* computed */
	int64_t		 balance_after;		/* computed: running balance
						   of principal + fees */
};

/* One payment (or attempt, or refund) as stored. */
struct db_plan_pay {
	int64_t		 id;
	char		 kind[16];
	int		 seq;
	int64_t		 amount;
	int		 ok;
	char		 channel[17];
	char		 reference[65];
	char		 reason[256];
	int64_t		 created_at;
};

/* A plan as stored (no token: see plan_card_token()). */
struct db_plan {
	int64_t			 id, order_id, user_id, company_id;
	enum pay_method		 method;
	char			 institution_id[33];
	char			 institution_name[101];
	enum plan_status	 status;
	char			 currency[4];
	int64_t			 principal;
	int			 n;
	char			 monthly_rate[17];
	enum plan_fee_mode	 fee_mode;
	int			 waives_future_fees;
	char			 late_fee_rate[17];
	int			 down_payment_percent;
	int32_t			 apr_bp;
	int64_t			 monthly_fee, total_fee;
	mp_date			 start;
	char			 card_brand[17];
	char			 card_last4[5];
	int			 has_token;
	char			 partner_ref[33];
	char			 decline_reason[256];
	int			 has_refund;
	int64_t			 refund;
	mp_date			 refund_due;
	int64_t			 created_at, updated_at, closed_at;
	/* the user's installment_suspended flag (INST-F2) */
	int			 user_suspended;
	char			 user_email[255];
	char			 user_language[8];	/* or "" */
};


/* The terms of institution id into p (institution_id, institution_name,
 * monthly_rate, fee_mode, waives_future_fees, late_fee_rate). Returns 1,
 * 0 unknown, -1 error. */
int	db_plan_institution(struct db *, const char *id, struct db_plan *p);

/* Insert plan p (order_id, user_id, company_id, method, institution_id,
 * status, currency, principal, n, rates, fee mode, flags, apr_bp, fees,
 * start). Returns the id, 0 when the order already has a plan, -1. */
int64_t	db_plan_insert(struct db *, const struct db_plan *p, int64_t now);

/* Read the plan of order_id (user_id > 0: only that user's) / of id / of
 * partner reference ref into *p. Returns 1, 0 none, -1 error. */
int	db_plan_by_order(struct db *, int64_t user_id, int64_t order_id,
	    struct db_plan *p);
int	db_plan_by_id(struct db *, int64_t id, struct db_plan *p);
int	db_plan_by_ref(struct db *, const char *ref, struct db_plan *p);

/* Lock plan id (FOR UPDATE; skip_locked: SKIP LOCKED). 1, 0 none or
 * locked by another, -1. */
int	db_plan_lock(struct db *, int64_t id, int skip_locked);

/* UPDATE plans SET status = to WHERE id AND status = from (closed_at for
 * closed/terminated). 1, 0 not in from, -1. */
int	db_plan_set_status(struct db *, int64_t id, enum plan_status from,
	    enum plan_status to, int64_t now);

/* Setters; 0 or -1. token: len bytes (nonce + secretbox). */
int	db_plan_set_card(struct db *, int64_t id, const char *brand,
	    const char *last4, const unsigned char *tok, size_t len, int64_t now);
int	db_plan_set_ref(struct db *, int64_t id, const char *ref, int64_t now);
int	db_plan_set_decline(struct db *, int64_t id, const char *reason,
	    int64_t now);
int	db_plan_set_start(struct db *, int64_t id, mp_date start,
	    int32_t apr_bp, int64_t now);
int	db_plan_set_refund(struct db *, int64_t id, int64_t refund,
	    mp_date due, int64_t now);

/* The stored token of plan id into buf (bufsz), *len its size. 1, 0 no
 * token, -1. */
int	db_plan_token(struct db *, int64_t id, unsigned char *buf,
	    size_t bufsz, size_t *len);

/* Installments. */
int	db_plan_inst_clear(struct db *, int64_t plan_id);
int	db_plan_inst_insert(struct db *, int64_t plan_id, int seq, mp_date due,
	    int64_t principal, int64_t fee);
/* The plan of order_id of user_id (> 0) into *p and its installments by
 * seq into *out (free(); NULL, 0 when none), in one statement. Returns 1,
 * 0 none, -1 error (nothing to free). */
int	db_plan_with_inst(struct db *, int64_t user_id, int64_t order_id,
	    struct db_plan *p, struct db_plan_inst **out, size_t *n);
struct db_event_row;

/* The members of a plan as its schedule shows it: the plan, its
 * installments by seq, its payments and its history (events) oldest
 * first; the arrays are free()d (the events with db_event_rows_free),
 * NULL when empty. Shared by struct db_plan_full and the service's view
 * of a plan (struct plan_view), which adds its sums. */
#define DB_PLAN_FULL_MEMBERS						\
	struct db_plan		 p;					\
	struct db_plan_inst	*inst;					\
	size_t			 ninst;					\
	struct db_plan_pay	*pay;					\
	size_t			 npay;					\
	struct db_event_row	*events;				\
	size_t			 nevents

/* A plan as its schedule shows it (DB_PLAN_FULL_MEMBERS). */
struct db_plan_full {
	DB_PLAN_FULL_MEMBERS;
};
/* The plan of order_id of user_id (> 0) with its installments, payments
 * and history into *f, in one statement. Returns 1, 0 none (*f empty),
 * -1 error (nothing to free). */
int	db_plan_full(struct db *, int64_t user_id, int64_t order_id,
	    struct db_plan_full *f);
/* All installments of plan_id by seq into *out (free()). 0 or -1. */
int	db_plan_inst_list(struct db *, int64_t plan_id,
	    struct db_plan_inst **out, size_t *n);
/* Mark seq paid with paid_minor (and its late fee) at now WHERE still
 * due. 1, 0 not due, -1. */
int	db_plan_inst_paid(struct db *, int64_t plan_id, int seq,
	    int64_t paid_minor, int64_t late_fee, int64_t now);
/* Store the late fee accrued through day. 1 changed, 0 same, -1. */
int	db_plan_inst_late(struct db *, int64_t plan_id, int seq,
	    int64_t late_fee, mp_date through);
/* Claim the reminder of seq (reminded_at NULL). 1 claimed, 0, -1. */
int	db_plan_inst_remind(struct db *, int64_t plan_id, int seq,
	    int64_t now);
/* Claim today's automatic deduction try of seq. 1 claimed, 0, -1. */
int	db_plan_inst_auto(struct db *, int64_t plan_id, int seq, mp_date day);
/* Every installment still due of plan_id becomes waived. 0 or -1. */
int	db_plan_inst_waive_rest(struct db *, int64_t plan_id);

/* Insert a payment row; returns its id, 0 when (plan_id, idem) exists,
 * -1 error. */
int64_t	db_plan_pay_insert(struct db *, int64_t plan_id, const char *kind,
	    int seq, int64_t amount, const char *currency, int ok,
	    const char *channel, const char *reference, const char *reason,
	    const char *idem, int64_t now);
/* The payments of plan_id, oldest first, into *out (free()). 0 or -1. */
int	db_plan_pay_list(struct db *, int64_t plan_id,
	    struct db_plan_pay **out, size_t *n);

/* INST-F2 credit record (once per plan and kind): 1 written, 0 existed. */
int	db_plan_credit_record(struct db *, int64_t user_id, int64_t plan_id,
	    const char *kind, const char *detail, int64_t now);
/* Set/clear users.installment_suspended (suspending also sets
 * bad_payment_record, INST-02). 1 changed, 0 already so, -1. */
int	db_plan_user_suspend(struct db *, int64_t user_id, int on);
/* phone (may be ""), installment_suspended and credit_score of user_id:
 * 1, 0, -1. */
int	db_plan_user_info(struct db *, int64_t user_id, char *phone,
	    size_t phonesz, int *suspended, int *score);
/* Installments of user_id's active plans due before today and unpaid, plus
 * the user's open Pay After Use debts due before today (PAU-04: overdue
 * like an installment; INST-F2's lift waits for both). */
int64_t	db_plan_user_overdue(struct db *, int64_t user_id, mp_date today);

/* Ledger entry (once per order and kind): 1 written, 0 existed, -1. */
int	db_plan_ledger(struct db *, int64_t order_id, int64_t plan_id,
	    const char *kind, const char *payer, const char *payee,
	    int64_t amount, const char *currency, int64_t now);

/* Integer setting name, def when absent. 0 or -1. */
int	db_plan_setting(struct db *, const char *name, int64_t def,
	    int64_t *out);

/* Ids of active plans whose next work day (plans.next_work_on) is on or
 * before until, into *ids (free()), by the (status, next_work_on)
 * index. 0 or -1. */
int	db_plan_work(struct db *, mp_date until, int64_t **ids, size_t *n);
/* Ids of plans in review with a partner reference. 0 or -1. */
int	db_plan_reviewing(struct db *, int64_t **ids, size_t *n);
/* Ids of plans with a refund row not sent yet (ok = 0). 0 or -1. */
int	db_plan_refunds_pending(struct db *, int64_t **ids, size_t *n);
/* Mark payment row id sent with reference. 0 or -1. */
int	db_plan_pay_done(struct db *, int64_t id, const char *reference);
/* Order ids whose plan must end: returned or refunded orders with an
 * active or closed plan (INST-C2), cancelled or refused orders with a
 * plan not terminated (INST-C1, e.g. cancelled by an admin). 0 or -1. */
int	db_plan_returned(struct db *, int64_t **ids, size_t *n);

/* Admin list: status ("" any), overdue (installment due before today),
 * suspended user; newest first, limit+1 rows from offset. 0 or -1. */
int	db_plan_list(struct db *, const char *status, int overdue,
	    int suspended, mp_date today, size_t limit, size_t offset,
	    struct db_plan **out, size_t *n);
/* Active plans with an installment due before today; *oldest the
 * earliest such due date (0 when none). -1 on error. */
int64_t	db_plan_overdue_count(struct db *, mp_date today, mp_date *oldest);

/* Credit line figures of user_id (USD minor): limit, used. 1, 0, -1. */
int	db_plan_credit_line(struct db *, int64_t user_id, int64_t *limit,
	    int64_t *used);
/* Release amount of user_id's used credit. 0 or -1. */
int	db_plan_credit_release(struct db *, int64_t user_id, int64_t amount);

/* Failed attempts (ok = 0, not refunds) recorded for installment seq of
 * plan_id: the number of bank keys of that installment already spent on
 * a known decline. Returns the count, or -1. */
int64_t	db_plan_declines(struct db *, int64_t plan_id, int seq);

/* A claimed idempotency key (sql/015_plan_requests.sql, request_keys). */
struct db_request_key {
	char	params_hash[65];	/* SHA-256 hex of the parameters */
	int	result;			/* the first answer (caller's enum) */
	char	reason[256];		/* its reason for the shopper */
};

/* The key of scope ("plan", "checkout") and owner_id into *out. Returns
 * 1 found, 0 none, -1 error. */
int	db_request_key_get(struct db *, const char *scope, int64_t owner_id,
	    const char *key, struct db_request_key *out);
/* Claim key with *k inside the caller's transaction. Returns 1, 0 when
 * the key was claimed already, -1 error. */
int	db_request_key_put(struct db *, const char *scope, int64_t owner_id,
	    const char *key, const struct db_request_key *k, int64_t now);

#endif
