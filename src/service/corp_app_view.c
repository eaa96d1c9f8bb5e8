/*
 * The admin's corporate installment pages' reads
 * (service/corp_app_view.h).
 */
#include <string.h>

#include "core/i18n.h"
#include "db/company.h"
#include "service/corp_app_view.h"

/* See corp_app_view.h. */
int
corp_app_queue(struct db *db, const char *status, size_t offset,
    size_t limit, struct db_corp_app **out, size_t *n, int64_t *total)
{
	return db_corp_app_queue(db, status, offset, limit, out, n, total);
}

/* See corp_app_view.h. */
void
corp_app_list_release(struct db_corp_app *v, size_t n)
{
	db_corp_app_list_free(v, n);
}

/* See corp_app_view.h. */
int
corp_app_by_id(struct db *db, int64_t id, struct db_corp_app *a)
{
	return db_corp_app_get(db, id, 0, a);
}

/* See corp_app_view.h. */
int
corp_app_company(struct db *db, int64_t id, struct db_company *co)
{
	return db_company_get(db, id, 0, 0, co);
}

/* See corp_app_view.h. */
const char *
corp_app_status_words(enum corp_app_status s)
{
	static const char *const w[CA__MAX] = {
		[CA_SUBMITTED] = N_("Waiting for review"),
		[CA_APPROVED] = N_("Approved: waiting for the signature"),
		[CA_SIGNED] = N_("Signed: waiting for the down payment"),
		[CA_IN_EFFECT] = N_("In effect"),
		[CA_REJECTED] = N_("Refused"),
		[CA_CANCELLED] = N_("Cancelled"),
	};

	return (int)s >= 0 && s < CA__MAX ? _(w[s]) : "";
}
