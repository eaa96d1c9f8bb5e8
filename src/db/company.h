#ifndef MALLPAY_DB_COMPANY_H
#define MALLPAY_DB_COMPANY_H

/*
 * Corporate buyers in the database (sql/009_corporate.sql):
 * companies and their members, qualification submissions and their
 * documents, expiry notices, and the corporate installment applications
 * with their agreements. SQL only, bound parameters only; the use cases
 * are in service/company.h. Dates are "YYYY-MM-DD" text ("" for NULL).
 */

#include <stddef.h>
#include <stdint.h>

#include "core/lifecycle.h"
#include "core/order_status.h"
#include "core/pay_method.h"
#include "db/admin.h"

struct db;

/* A company row. Limits: has_* 0 when the column is NULL. */
struct db_company {
	int64_t		 id;
	char		 name[201];
	char		 country[3];
	enum qual_status status;		/* qualification_status */
	char		 expires[11];		/* qualification_expires */
	int		 long_term_agreement;
	int		 has_cod_limit;
	int64_t		 cod_limit_usd_minor;	/* COD-02 */
	int		 has_remit_quota;
	int64_t		 remit_quota_usd_minor;	/* REM-02 */
	int64_t		 created_at;
};

/* Company id into *out (lock: SELECT ... FOR UPDATE; skip: with SKIP
 * LOCKED). Returns 1, 0 none (or locked by another with skip), -1. */
int	db_company_get(struct db *, int64_t id, int lock, int skip,
	    struct db_company *out);
/* Every company by name into *out (free()). 0 or -1. */
int	db_company_list(struct db *, struct db_company **out, size_t *n);
/* Set the status (and the expiry date when expires is not NULL; "" stores
 * NULL). 1 changed a row, 0 none, -1. */
int	db_company_set_status(struct db *, int64_t id, enum qual_status status,
	    const char *expires);
/* Set the agreements (COD-02, REM-02); -1 limits store NULL. 0 or -1. */
int	db_company_set_limits(struct db *, int64_t id, int agreement,
	    int64_t cod_limit, int64_t remit_quota);
/* Ids of the verified companies whose qualification expires on or before
 * until ("YYYY-MM-DD"), at most max, into *out (free()). 0 or -1. */
int	db_company_expiring(struct db *, const char *until, size_t max,
	    int64_t **out, size_t *n);
/* Claim the expiry notice (company, expires, kind) with INSERT IGNORE.
 * 1 claimed now, 0 sent before, -1. */
int	db_company_notice_claim(struct db *, int64_t company_id,
	    const char *expires, const char *kind, int64_t now);

/* A member of a company. */
struct db_member {
	int64_t		 id;
	char		 email[255];
	char		 name[201];
};
/* The members of company id by name (free()). 0 or -1. */
int	db_company_members(struct db *, int64_t id, struct db_member **out,
	    size_t *n);

/* A qualification submission. */
struct db_qual {
	int64_t		 id;
	int64_t		 company_id;
	char		 company_name[201];
	enum qual_status status;
	char		 licence_expires[11];
	char		 review_due[11];
	int64_t		 submitted_by, submitted_at;
	int64_t		 reviewer_id;
	char		 reviewer_email[255];
	int64_t		 decided_at;
	char		 reason[256];
	int64_t		 created_at;
	int64_t		 thumb_file_id;	/* its first document with a
					   thumbnail (file_renders), 0: none */
};
/* The latest submission of company_id (lock: FOR UPDATE). 1, 0, -1. */
int	db_qual_latest(struct db *, int64_t company_id, int lock,
	    struct db_qual *out);
/* Submission id (lock: FOR UPDATE). 1, 0, -1. */
int	db_qual_get(struct db *, int64_t id, int lock, struct db_qual *out);
/* A new draft of company_id. Returns its id or -1. */
int64_t	db_qual_insert(struct db *, int64_t company_id, int64_t now);
/* Set the licence's expiry of draft id. 0 or -1. */
int	db_qual_set_expires(struct db *, int64_t id, const char *expires,
	    int64_t now);
/* draft -> submitted by user_id with review_due. 1, 0 not a draft, -1. */
int	db_qual_submit(struct db *, int64_t id, int64_t user_id,
	    const char *review_due, int64_t now);
/* from -> to by admin_id with reason. 1, 0 not in from, -1. */
int	db_qual_move(struct db *, int64_t id, enum qual_status from,
	    enum qual_status to, int64_t admin_id, const char *reason,
	    int64_t now);
/* Submissions waiting (submitted, under_review), oldest first, offset and
 * limit, *total of all (free()). 0 or -1. */
int	db_qual_queue(struct db *, size_t offset, size_t limit,
	    struct db_qual **out, size_t *n, int64_t *total);
/* Every submission of company_id, newest first (free()). 0 or -1. */
int	db_qual_history(struct db *, int64_t company_id, struct db_qual **out,
	    size_t *n);
/* The queue's figures at today ("YYYY-MM-DD"). 0 or -1. */
int	db_qual_stats(struct db *, const char *today,
	    struct db_queue_stats *out);

/* A document of a submission. */
struct db_doc {
	int64_t		 id;
	int64_t		 qualification_id;
	int64_t		 company_id;
	char		 kind[12];
	int64_t		 file_id;
	char		 mime[65];
	int64_t		 size;
	int64_t		 created_at;
	int		 pages;		/* pictures drawn from the file
					   (file_renders), 0: none */
};
/* Insert a document. Returns its id or -1. */
int64_t	db_doc_insert(struct db *, int64_t qual_id, int64_t company_id,
	    const char *kind, int64_t file_id, int64_t user_id, int64_t now);
/* The documents of submission qual_id, oldest first (free()). 0 or -1. */
int	db_doc_list(struct db *, int64_t qual_id, struct db_doc **out,
	    size_t *n);
/* Document id. 1, 0, -1. */
int	db_doc_get(struct db *, int64_t id, struct db_doc *out);

/* INST-CORP: an application with its agreement. */
struct db_corp_app {
	int64_t		 id;
	int64_t		 order_id, company_id, user_id;
	char		 company_name[201];
	int		 term;
	enum corp_app_status status;
	char		 review_due[11];
	int64_t		 submitted_at;
	int64_t		 decided_by;
	char		 decided_email[255];
	int64_t		 decided_at;
	char		 reason[256];
	int64_t		 plan_id;
	char		 version[33];
	char		*text;			/* owned: db_corp_app_cleanup */
	char		 sha256[65];
	int64_t		 signer_id;
	char		 signer_email[255];
	int64_t		 signed_at;
	char		 signer_addr[65];
	int64_t		 down_payment_minor;
	char		 down_payment_ref[65];
	int64_t		 effective_at;
	/* the order's figures */
	char		 currency[4];
	int64_t		 amount_due_minor;
	enum order_status order_status;
};
/* Free what *a owns; takes NULL. */
void	db_corp_app_cleanup(struct db_corp_app *a);
/* The application of order_id / application id (lock: FOR UPDATE).
 * 1, 0, -1. Clean up *out in every case. */
int	db_corp_app_by_order(struct db *, int64_t order_id, int lock,
	    struct db_corp_app *out);
int	db_corp_app_get(struct db *, int64_t id, int lock,
	    struct db_corp_app *out);
/* Insert a submitted application. Returns its id, 0 when the order has
 * one already, -1. */
int64_t	db_corp_app_insert(struct db *, int64_t order_id, int64_t company_id,
	    int64_t user_id, int term, const char *review_due, int64_t now);
/* submitted -> approved with the agreement and plan, or -> rejected
 * (text NULL) by admin_id. 1, 0 not submitted, -1. */
int	db_corp_app_decide(struct db *, int64_t id, enum corp_app_status to,
	    int64_t admin_id, const char *reason, int64_t plan_id,
	    const char *version, const char *text, const char *sha256,
	    int64_t now);
/* approved -> signed. 1, 0 not approved, -1. */
int	db_corp_app_sign(struct db *, int64_t id, int64_t signer_id,
	    const char *addr, int64_t now);
/* signed -> in_effect with the down payment. 1, 0 not signed, -1. */
int	db_corp_app_effect(struct db *, int64_t id, int64_t amount,
	    const char *ref, int64_t admin_id, int64_t now);
/* Any status -> cancelled. 0 or -1. */
int	db_corp_app_cancel(struct db *, int64_t id, int64_t now);
/* Applications in status (oldest first), offset, limit, *total (free with
 * db_corp_app_list_free). 0 or -1. */
int	db_corp_app_queue(struct db *, const char *status, size_t offset,
	    size_t limit, struct db_corp_app **out, size_t *n, int64_t *total);
void	db_corp_app_list_free(struct db_corp_app *, size_t n);
/* The submitted queue's figures at today. 0 or -1. */
int	db_corp_app_stats(struct db *, const char *today,
	    struct db_queue_stats *out);

/* An order as the corporate pages need it. */
struct db_corp_order {
	int64_t		 id, user_id, company_id;
	enum order_status status;
	enum pay_method	 method;
	char		 currency[4];
	int64_t		 amount_due_minor;
	int64_t		 amount_usd_minor;
	char		 institution_id[33];
	int		 term;
	char		 review_due[11];
	int64_t		 created_at;
	int64_t		 completed_at;
};
/* Order id (any owner). 1, 0, -1. */
int	db_corp_order_get(struct db *, int64_t id, struct db_corp_order *out);
/* The orders of company_id, newest first, at most limit (free()). */
int	db_corp_order_list(struct db *, int64_t company_id, size_t limit,
	    struct db_corp_order **out, size_t *n);
/* Set the term and review_due of an order still in awaiting_review.
 * 1, 0 not awaiting review, -1. */
int	db_corp_order_set_term(struct db *, int64_t id, int term,
	    const char *review_due);

#endif
