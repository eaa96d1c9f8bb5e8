/*
 * The Pay After Use pages' loaders (service/payafter_view.h).
 */
#include <stdlib.h>
#include <string.h>

#include "db/payafter.h"
#include "service/payafter.h"
#include "service/payafter_view.h"

/* See payafter_view.h. */
int
pau_view_load(struct db *db, int64_t user_id, struct pau_view *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if (payafter_settings(db, &out->s) == -1 ||
	    (rc = db_pau_card_get(db, user_id, &out->card)) == -1 ||
	    db_pau_charges_by_user(db, user_id, &out->v, &out->n) == -1)
		return -1;
	out->has_card = rc == 1;
	return 0;
}

/* See payafter_view.h. */
void
pau_view_cleanup(struct pau_view *v)
{
	free(v->v);
	v->v = NULL;
	v->n = 0;
}

/* See payafter_view.h. */
int
pau_guarantee_load(struct db *db, size_t limit,
    struct pau_guarantee_view *out)
{
	memset(out, 0, sizeof(*out));
	if (db_pau_guarantee_list(db, limit, &out->v, &out->n) == -1)
		return -1;
	payafter_totals(out->v, out->n, out->t, PAU_VIEW_CURRENCIES,
	    &out->nt);
	return 0;
}

/* See payafter_view.h. */
void
pau_guarantee_cleanup(struct pau_guarantee_view *g)
{
	free(g->v);
	g->v = NULL;
	g->n = 0;
}
