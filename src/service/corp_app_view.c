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
corp_app_status_words(const char *s)
{
	static const struct {
		const char *code, *words;
	} w[] = {
		{ "submitted", N_("Waiting for review") },
		{ "approved", N_("Approved: waiting for the signature") },
		{ "signed", N_("Signed: waiting for the down payment") },
		{ "in_effect", N_("In effect") },
		{ "rejected", N_("Refused") },
		{ "cancelled", N_("Cancelled") },
	};
	size_t i;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (strcmp(w[i].code, s) == 0)
			return _(w[i].words);
	return s;
}
