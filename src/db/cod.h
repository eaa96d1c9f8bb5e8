#ifndef MALLPAY_DB_COD_H
#define MALLPAY_DB_COD_H

/*
 * SQL of cash on delivery and of the shared shipping road (sql/010_cod.sql):
 * shipments and tracking_events (every method), cod_orders, cod_refusals,
 * account_debts and the users' COD columns. Bound parameters only.
 * Functions returning int give 0 (or 1 found / 0 none for getters) and -1
 * on a database error, unless said otherwise.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/order_status.h"

struct db;

/* An order's shipment (COD-P2, every method). */
struct db_shipment {
	char	 carrier[65];
	char	 tracking[65];
	int64_t	 shipped_at;
	int64_t	 delivered_at;		/* 0: not yet */
	char	 courier_name[65];	/* "" until the partner names one */
	char	 courier_phone[33];
};

/* One tracking event as "My Orders" shows it. */
struct db_track {
	char	 kind[33];
	char	 detail[256];
	char	 source[16];
	int64_t	 at;
};

/* The COD side of an order. */
struct db_cod {
	int64_t	 order_id;
	char	 agreed_date[11];	/* "" none */
	int	 reschedules;
	int64_t	 paid_reported_at;	/* 0: no partner report yet */
	int64_t	 paid_amount_minor;
	char	 paid_method[8];
	char	 paid_record_id[65];
	int64_t	 shopper_paid_at;	/* 0: the shopper did not click "Paid" */
	int64_t	 shopper_file_id;
	char	 shopper_record_id[65];
	char	 return_reason[256];
};

/* A shopper's COD record (users columns). */
struct db_cod_user {
	int64_t	 id;
	char	 email[255];
	char	 name[129];
	int64_t	 completed;
	int64_t	 violations;
	int	 revoked;
	char	 suspended_until[11];	/* "" none */
	char	 language[8];		/* users.language, "" none */
};

/* One refusal at delivery. */
struct db_cod_refusal {
	int64_t	 order_id;
	char	 reason[20];
	int	 counted;
	char	 refused_on[11];
};

/* One debt on an account. */
struct db_debt {
	int64_t	 id;
	int64_t	 order_id;
	char	 kind[33];
	int64_t	 amount_minor;
	char	 currency[4];
	char	 description[256];
	int64_t	 created_at;
	int64_t	 settled_at;
};

/* One COD order awaiting review (COD-P1 queue). */
struct db_cod_review {
	int64_t	 id;
	char	 email[255];
	int64_t	 amount_due_minor, fee_minor;
	char	 currency[4];
	char	 country[3];
	char	 review_due[11];
	int64_t	 created_at;
};

/* shipments: insert or replace carrier/tracking of order_id at now. */
int	db_ship_set(struct db *, int64_t order_id, const char *carrier,
	    const char *tracking, int64_t now);
/* shipments: delivered_at = now (kept when set). */
int	db_ship_delivered(struct db *, int64_t order_id, int64_t now);
/* shipments: the courier delivering order_id (name and phone, as the
 * logistics partner gave them). 0 (also when order_id has no shipment), -1. */
int	db_ship_courier(struct db *, int64_t order_id, const char *name,
	    const char *phone);
/* The shipment of order_id: 1, 0 none, -1. */
int	db_ship_get(struct db *, int64_t order_id, struct db_shipment *out);
/* Append a tracking event (source "admin", "partner", "system", "user"). */
int	db_track_add(struct db *, int64_t order_id, const char *kind,
	    const char *detail, const char *source, int64_t now);
/* The tracking events of order_id, oldest first (*out to free()). */
int	db_track_list(struct db *, int64_t order_id, struct db_track **out,
	    size_t *n);

/* cod_orders: make sure order_id has its row (INSERT IGNORE). */
int	db_cod_ensure(struct db *, int64_t order_id);
/* The COD row of order_id (lock: FOR UPDATE). 1, 0 none, -1. */
int	db_cod_get(struct db *, int64_t order_id, int lock, struct db_cod *out);
/* Set the agreed delivery day; bump: also count one rescheduling. */
int	db_cod_set_agreed(struct db *, int64_t order_id, const char *day,
	    int bump);
/* The partner's payment report (COD-P3/P8). */
int	db_cod_set_paid_report(struct db *, int64_t order_id,
	    int64_t amount_minor, const char *method, const char *record_id,
	    int64_t now);
/* The shopper's "Paid" (file_id 0: none; record_id NULL: none). */
int	db_cod_set_shopper_paid(struct db *, int64_t order_id,
	    int64_t file_id, const char *record_id, int64_t now);
/* The reason of an after-sales return request (COD-P7). */
int	db_cod_set_return_reason(struct db *, int64_t order_id,
	    const char *reason);

/* cod_refusals: one per order (a second insert is a duplicate: 1). */
int	db_cod_refusal_add(struct db *, int64_t user_id, int64_t order_id,
	    const char *reason, int counted, const char *day, int64_t now);
/* The days of user_id's counted refusals (COD-F2), "YYYY-MM-DD" each;
 * *out to free(). */
int	db_cod_refusal_days(struct db *, int64_t user_id, char (**out)[11],
	    size_t *n);
/* Every refusal of user_id, newest first (*out to free()). */
int	db_cod_refusal_list(struct db *, int64_t user_id,
	    struct db_cod_refusal **out, size_t *n);

/* account_debts: one per (order, kind); a second insert returns 1. */
int	db_debt_add(struct db *, int64_t user_id, int64_t order_id,
	    const char *kind, int64_t amount_minor, const char *currency,
	    const char *description, int64_t now);
/* The debts of user_id, newest first (*out to free()). */
int	db_debt_list(struct db *, int64_t user_id, struct db_debt **out,
	    size_t *n);

/* users: the COD record of user_id (lock: FOR UPDATE). 1, 0, -1. */
int	db_cod_user_get(struct db *, int64_t user_id, int lock,
	    struct db_cod_user *out);
/* users: cod_completed_orders + 1 (COD-07). */
int	db_cod_user_completed_inc(struct db *, int64_t user_id);
/* users: cod_violations + 1 (COD-F2 strike; COD-07 "no violation"). */
int	db_cod_user_violation_inc(struct db *, int64_t user_id);
/* users: cod_suspended_until = day (NULL/"" clears). */
int	db_cod_user_set_suspended(struct db *, int64_t user_id,
	    const char *day);
/* users: cod_revoked = revoked (COD-F3). */
int	db_cod_user_set_revoked(struct db *, int64_t user_id, int revoked);
/* Shoppers by COD record (violations, revoked, suspended first), at most
 * limit (*out to free()). */
int	db_cod_user_list(struct db *, size_t limit, struct db_cod_user **out,
	    size_t *n);

/* COD orders awaiting review, soonest review date first (oldest: 1 by
 * created_at), offset/limit; *total all of them. *out to free(). */
int	db_cod_review_list(struct db *, int oldest_first, size_t offset,
	    size_t limit, struct db_cod_review **out, size_t *n,
	    int64_t *total);

/* tick (COD-P5): in an open READ COMMITTED transaction, lock one COD order
 * in shipped/delivered whose agreed day is before today and which has no
 * payment report, skipping locked rows. 1 (*id, status, agreed day), 0
 * none, -1 (or an unknown status). */
int	db_cod_take_unpaid(struct db *, const char *today, int64_t *id,
	    enum order_status *status, char agreed[11]);
/* tick (COD-F2): lock one user whose recorded suspension ends on or before
 * today, skipping locked rows. 1 (*user_id, until), 0, -1. */
int	db_cod_take_suspension_end(struct db *, const char *today,
	    int64_t *user_id, char until[11]);

/* order_logistics (migration 016): book order_id with logistics partner
 * partner_id at now unless it is booked already, then read (and lock) the
 * partner it is booked with into *booked. 1, 0 no such order, -1. */
int	db_lg_book(struct db *, int64_t order_id, int64_t partner_id,
	    int64_t now, int64_t *booked);

/* The mall's logistics partner: the enabled logistics partner with the
 * lowest id (the one the logistics gateway books with). Its id, 0 none,
 * -1 error. */
int64_t	db_lg_default_partner(struct db *);

#endif
