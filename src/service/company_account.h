#ifndef MALLPAY_SERVICE_COMPANY_ACCOUNT_H
#define MALLPAY_SERVICE_COMPANY_ACCOUNT_H

/*
 * What the company's pages read (pages/company.c, pages/admin_company.c):
 * the account page of a company, a document through the authorizing
 * handler (INST-S1), an order of the member's company with its corporate
 * application (RULES 5: another company's is "not found"), the admin's
 * qualification queue and review. Reads only; the changes are the use
 * cases of company.h and members.h.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/money.h"
#include "service/company.h"

struct db;

/* The account page of a company as one member sees it. */
struct company_account {
	struct db_company	 co;
	int			 hasq;		/* 1: q is the latest submission */
	struct db_qual		 q;
	struct db_doc		*docs;		/* of q */
	size_t			 ndocs;
	struct db_qual		*hist;
	size_t			 nhist;
	struct db_member	*members;
	size_t			 nmembers;
	struct db_corp_order	*orders;	/* newest 50 */
	size_t			 norders;
	struct money		 completed, completed_min;	/* INST-04 */
	int64_t			 window;	/* days */
	unsigned		 perms;		/* MEMBER_* of the reader, 0 when
						   not a member */
};

/* Load company_id's account page for user_id (0: an admin, who is no
 * member) into *out (clean up with company_account_cleanup in every case).
 * Returns 1, 0 (no such company), -1 (database). */
int	company_account_load(struct db *, int64_t user_id, int64_t company_id,
	    int64_t now, struct company_account *out);
void	company_account_cleanup(struct company_account *);

/* Document id into *out when the reader may read it: an admin (admin 1)
 * or a member of its company company_id. Returns 1, 0 (none, or another
 * company's: 404), -1. */
int	company_document(struct db *, int admin, int64_t company_id,
	    int64_t id, struct db_doc *out);

/* Order id of company_id (any company's for an admin, admin 1) into *out.
 * Returns 1, 0 (none, or another company's: 404), -1. */
int	company_order(struct db *, int admin, int64_t company_id, int64_t id,
	    struct db_corp_order *out);

/* The corporate application of order_id with its agreement into *out
 * (clean up with corp_app_cleanup in every case) and the down payment
 * percent into *percent (NULL: not wanted). Returns 1, 0 (no
 * application), -1. */
int	corp_app_of_order(struct db *, int64_t order_id, struct db_corp_app *out,
	    int64_t *percent);
void	corp_app_cleanup(struct db_corp_app *);

/* The submissions waiting for review, oldest first: limit of them from
 * offset into *out (free()), *n, and how many wait in all into *total.
 * Returns 0 or -1. */
int	qual_queue(struct db *, size_t offset, size_t limit,
	    struct db_qual **out, size_t *n, int64_t *total);

/* The admin's review page of a company's latest submission. */
struct qual_review {
	struct db_company	 co;
	struct db_qual		 q;		/* id 0 when there is no
						   submission */
	struct db_doc		*docs;
	size_t			 ndocs;
	int			 decided;	/* 1: by, decision, at */
	char			 by[255];
	char			 decision[33];
	int64_t			 at;
};
/* Load it for company_id (clean up with qual_review_cleanup in every
 * case). Returns 1, 0 (no such company), -1. */
int	qual_review_load(struct db *, int64_t company_id,
	    struct qual_review *out);
void	qual_review_cleanup(struct qual_review *);

/* The id of company_id's latest submission: > 0, 0 none, -1. */
int64_t	qual_latest_id(struct db *, int64_t company_id);

/* Every company, by name (free()). 0 or -1. */
int	company_list(struct db *, struct db_company **out, size_t *n);

#endif
