/*
 * The remittance pages' loaders (service/remittance_view.h).
 */
#include <stdlib.h>
#include <string.h>

#include "db/admin.h"
#include "db/file.h"
#include "db/order.h"
#include "db/remittance.h"
#include "service/filestore.h"
#include "service/remittance_view.h"

/* The pending voucher of order id with its file and a duplicate's other
 * order into out. Returns 0 or -1. */
static int
pending_load(struct db *db, int64_t id, struct rem_view *out)
{
	int rc;

	if ((rc = db_rem_voucher_pending(db, id, &out->pv)) == -1)
		return -1;
	out->has_pending = rc == 1;
	if (!out->has_pending)
		return 0;
	if (out->pv.file_id > 0)
		out->pv_has_file = filestore_info_get(db, out->pv.file_id,
		    &out->pv_file, NULL) == 1;
	if (out->pv.dup_of_file > 0)
		out->pv_dup_order = db_rem_voucher_order_of_file(db,
		    out->pv.dup_of_file, id);
	return 0;
}

/* See remittance_view.h. */
int
rem_view_parts(struct db *db, const struct db_order *o, unsigned parts,
    struct rem_view *out)
{
	memset(out, 0, sizeof(*out));
	out->o = *o;
	if ((parts & REMV_PENDING) && pending_load(db, o->id, out) == -1)
		return -1;
	if ((parts & REMV_VOUCHERS) &&
	    db_rem_voucher_list(db, o->id, &out->v, &out->nv) == -1)
		return -1;
	if ((parts & REMV_REFUNDS) &&
	    db_rem_refund_list(db, o->id, &out->rf, &out->nrf) == -1)
		return -1;
	if ((parts & REMV_RECEIVED) &&
	    db_rem_received_total(db, o->id, &out->received) == -1)
		return -1;
	if ((parts & REMV_PAYEE) && db_rem_payee_get(db, &out->payee) == -1)
		return -1;
	if ((parts & REMV_WINDOW) && (out->domestic =
	    db_rem_region_domestic(db, o->region_code)) == -1)
		return -1;
	return 0;
}

/* See remittance_view.h. */
int
rem_view_load(struct db *db, int64_t user_id, int64_t id, unsigned parts,
    struct rem_view *out)
{
	struct db_order	o;
	int		rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_order_get(db, user_id, id, &o)) != 1)
		return rc;
	if (user_id > 0 && o.method != PM_REMITTANCE)
		parts = 0;
	return rem_view_parts(db, &o, parts, out) == -1 ? -1 : 1;
}

/* See remittance_view.h. */
void
rem_view_cleanup(struct rem_view *v)
{
	free(v->v);
	free(v->rf);
	v->v = NULL;
	v->rf = NULL;
	v->nv = v->nrf = 0;
}

/* See remittance_view.h. */
int
rem_voucher_file(struct db *db, int64_t order_id, int64_t vid,
    int64_t *file_id)
{
	struct db_rem_voucher	v;
	int			rc;

	*file_id = 0;
	if (vid <= 0)
		rc = db_rem_voucher_pending(db, order_id, &v);
	else
		rc = db_rem_voucher_get(db, vid, 0, &v);
	if (rc != 1)
		return rc;
	if (v.order_id != order_id || v.file_id <= 0)
		return 0;
	*file_id = v.file_id;
	return 1;
}

/* See remittance_view.h. */
int
rem_voucher_queue(struct db *db, const char *currency, int dup_only,
    int key_dir, int64_t key_at, int64_t key_id, size_t limit,
    struct db_rem_queue_row **out, size_t *n, int64_t *total)
{
	struct db_queue_stats	st;

	*out = NULL;
	*n = 0;
	*total = 0;
	if (currency[0] != '\0' || dup_only) {
		if (db_rem_queue_count(db, currency, dup_only, total) == -1)
			return -1;
	} else if (db_admin_order_queue_stats(db, DB_OQ_REMITTANCE_VERIFY, 0,
	    &st) == -1)	/* the count, whatever the day */
		return -1;
	else
		*total = st.count;
	return db_rem_queue(db, currency, dup_only, key_dir, key_at, key_id,
	    limit, out, n);
}

/* See remittance_view.h. */
int
rem_unmatched_lines(struct db *db, size_t limit, struct db_rem_line **out,
    size_t *n)
{
	return db_rem_unmatched_lines(db, limit, out, n);
}
