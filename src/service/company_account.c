/*
 * What the company's pages read (see company_account.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/admin.h"
#include "db/company.h"
#include "service/company_account.h"
#include "service/members.h"

/* See company_account.h. */
int
company_account_load(struct db *db, int64_t user_id, int64_t company_id,
    int64_t now, struct company_account *out)
{
	struct member_info	me;
	int			rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_company_get(db, company_id, 0, 0, &out->co)) != 1)
		return rc;
	if ((rc = member_role(db, user_id, company_id, &me)) == -1)
		return -1;
	out->perms = rc == 1 ? me.perms : 0;
	if ((out->hasq = db_qual_latest(db, company_id, 0, &out->q)) == -1 ||
	    (out->hasq == 1 && db_doc_list(db, out->q.id, &out->docs,
	    &out->ndocs) == -1) ||
	    db_qual_history(db, company_id, &out->hist, &out->nhist) == -1 ||
	    db_company_members(db, company_id, &out->members,
	    &out->nmembers) == -1 ||
	    db_corp_order_list(db, company_id, 50, &out->orders,
	    &out->norders) == -1 ||
	    company_completed_usd(db, company_id, now, &out->completed,
	    &out->window, &out->completed_min) == -1)
		return -1;
	return 1;
}

/* See company_account.h. */
void
company_account_cleanup(struct company_account *a)
{
	free(a->docs);
	free(a->hist);
	free(a->members);
	free(a->orders);
	memset(a, 0, sizeof(*a));
}

/* See company_account.h. */
int
company_document(struct db *db, int admin, int64_t company_id, int64_t id,
    struct db_doc *out)
{
	int rc;

	if (id <= 0)
		return 0;
	if ((rc = db_doc_get(db, id, out)) != 1)
		return rc;
	/* Another company's document is "not found", never "forbidden". */
	return admin || (company_id > 0 && out->company_id == company_id);
}

/* See company_account.h. */
int
company_order(struct db *db, int admin, int64_t company_id, int64_t id,
    struct db_corp_order *out)
{
	int rc;

	if (id <= 0)
		return 0;
	if ((rc = db_corp_order_get(db, id, out)) != 1)
		return rc;
	return admin || (company_id > 0 && out->company_id == company_id);
}

/* See company_account.h. */
int
corp_app_of_order(struct db *db, int64_t order_id, struct db_corp_app *out,
    int64_t *percent)
{
	int rc;

	if ((rc = db_corp_app_by_order(db, order_id, 0, out)) == -1)
		return -1;
	if (percent != NULL && company_setting_int(db,
	    "corp_down_payment_percent", 30, percent) == -1)
		return -1;
	return rc;
}

/* See company_account.h. */
void
corp_app_cleanup(struct db_corp_app *a)
{
	db_corp_app_cleanup(a);
}

/* See company_account.h. */
int
qual_queue(struct db *db, size_t offset, size_t limit, struct db_qual **out,
    size_t *n, int64_t *total)
{
	return db_qual_queue(db, offset, limit, out, n, total);
}

/* See company_account.h. */
int
qual_review_load(struct db *db, int64_t company_id, struct qual_review *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_company_get(db, company_id, 0, 0, &out->co)) != 1)
		return rc;
	if ((rc = db_qual_latest(db, company_id, 0, &out->q)) == -1 ||
	    (rc == 1 && db_doc_list(db, out->q.id, &out->docs,
	    &out->ndocs) == -1))
		return -1;
	if (rc == 0) {
		/* No submission yet: an empty one for the page. */
		memset(&out->q, 0, sizeof(out->q));
		return 1;
	}
	if ((rc = db_admin_decision_get(db, "qualification", out->q.id,
	    "review", out->by, sizeof(out->by), out->decision,
	    &out->at)) == -1)
		return -1;
	out->decided = rc == 1;
	return 1;
}

/* See company_account.h. */
void
qual_review_cleanup(struct qual_review *r)
{
	free(r->docs);
	memset(r, 0, sizeof(*r));
}

/* See company_account.h. */
int64_t
qual_latest_id(struct db *db, int64_t company_id)
{
	struct db_qual	q;
	int		rc;

	if ((rc = db_qual_latest(db, company_id, 0, &q)) != 1)
		return rc;
	return q.id;
}

/* See company_account.h. */
int
company_list(struct db *db, struct db_company **out, size_t *n)
{
	return db_company_list(db, out, n);
}
