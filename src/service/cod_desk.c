/*
 * The cash-on-delivery and shipping desk's transactions and loaders
 * (service/cod_desk.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/order.h"
#include "gateway/logistics.h"
#include "service/address.h"
#include "service/cod.h"
#include "service/cod_desk.h"
#include "service/filestore.h"
#include "service/orderflow.h"

/* Commit the transaction of a step that answered r; roll back when r is
 * not RES_OK or the commit fails (then RES_ERROR). Returns the result. */
static enum result
finish(struct db *db, enum result r)
{
	if (r == RES_OK && db_commit(db) == 0)
		return RES_OK;
	db_rollback(db);
	return r == RES_OK ? RES_ERROR : r;
}

/* Copy text into msg; returns r. */
static enum result
tell(enum result r, char *msg, size_t msgsz, const char *text)
{
	snprintf(msg, msgsz, "%s", text);
	return r;
}

/* Book the shipment of order_id with the logistics company: RES_OK with
 * carrier and tracking in *res, else the refusal with msg. */
static enum result
book(struct db *db, int64_t order_id, int64_t now,
    struct logistics_result *res, char *msg, size_t msgsz)
{
	const struct logistics_gateway	*lg;
	struct logistics_booking	 bk;
	struct db_order			 o;

	if (db_order_get(db, 0, order_id, &o) != 1)
		return RES_NOT_FOUND;
	memset(&bk, 0, sizeof(bk));
	bk.order_id = order_id;
	snprintf(bk.country, sizeof(bk.country), "%s", o.country);
	snprintf(bk.idem_key, sizeof(bk.idem_key), "order-%lld",
	    (long long)order_id);
	lg = logistics_gateway_get("sandbox");
	if (lg == NULL || lg->book(&bk, now, res) == -1)
		return tell(RES_REFUSED, msg, msgsz, A_("The logistics "
		    "company cannot be reached; enter the carrier and "
		    "tracking number by hand."));
	if (!res->ok)
		return tell(RES_REFUSED, msg, msgsz, res->reason);
	return RES_OK;
}

/* The step itself, inside the open transaction. */
static enum result
run_step(struct db *db, enum cod_step step, int64_t id,
    const struct cod_step_input *in, int booked, int64_t admin_id,
    int64_t now, char *msg, size_t msgsz)
{
	enum result r = RES_ERROR;

	switch (step) {
	case COD_STEP_APPROVE:
	case COD_STEP_REJECT:
		r = cod_review(db, id, in->from, step == COD_STEP_APPROVE,
		    admin_id, in->reason, now, msg, msgsz);
		break;
	case COD_STEP_SHIP:
		r = shipping_shipped(db, id, OF_ADMIN, admin_id, in->carrier,
		    in->tracking, now, msg, msgsz);
		if (r == RES_OK && booked)
			r = shipping_book_gateway(db, id, now);
		if (r == RES_OK && in->courier_name != NULL &&
		    in->courier_name[0] != '\0' && db_ship_courier(db, id,
		    in->courier_name, in->courier_phone) == -1)
			r = RES_ERROR;
		break;
	case COD_STEP_DELIVER:
		r = shipping_delivered(db, id, OF_ADMIN, admin_id, now, msg,
		    msgsz);
		break;
	case COD_STEP_RETURN_RECEIVED:
		r = cod_return_received(db, id, OF_ADMIN, admin_id, now, msg,
		    msgsz);
		break;
	case COD_STEP_REFUND_SENT:
		r = cod_refund_sent(db, id, admin_id, now, msg, msgsz);
		break;
	}
	return r;
}

/* See cod_desk.h. */
enum result
cod_desk_step(struct db *db, enum cod_step step, int64_t order_id,
    const struct cod_step_input *in, int64_t admin_id, int64_t now,
    char *msg, size_t msgsz)
{
	struct cod_step_input	 use = *in;
	struct logistics_result	 res;
	enum result		 r;
	int			 booked = 0;

	msg[0] = '\0';
	if (step == COD_STEP_SHIP && (in->carrier == NULL ||
	    in->tracking == NULL)) {
		/* No carrier given: book with the logistics company. */
		if ((r = book(db, order_id, now, &res, msg, msgsz)) != RES_OK)
			return r;
		use.carrier = res.carrier;
		use.tracking = res.tracking;
		use.courier_name = res.courier_name;
		use.courier_phone = res.courier_phone;
		booked = 1;
	}
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	return finish(db, run_step(db, step, order_id, &use, booked,
	    admin_id, now, msg, msgsz));
}

/* See cod_desk.h. */
enum result
cod_desk_revoke(struct db *db, int64_t user_id, int revoke, int64_t admin_id,
    const char *reason, int64_t now, char *msg, size_t msgsz)
{
	msg[0] = '\0';
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	return finish(db, cod_set_revoked(db, user_id, revoke, admin_id,
	    reason, now, msg, msgsz));
}

/* See cod_desk.h. */
enum result
cod_return_submit(struct db *db, int64_t user_id, int64_t order_id,
    const char *reason, int64_t now, char *msg, size_t msgsz)
{
	msg[0] = '\0';
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	return finish(db, cod_return_request(db, user_id, order_id, reason,
	    now, msg, msgsz));
}

/* See cod_desk.h. */
enum result
cod_paid_submit(struct db *db, const struct config *cfg,
    const struct filestore_owner *owner, int64_t order_id,
    const struct cod_paid_input *in, int64_t now, char *msg, size_t msgsz)
{
	struct filestore_info	 fi;
	struct db_order		 o;
	enum result		 r;
	int			 rc, stored = 0;

	msg[0] = '\0';
	if ((rc = db_order_get(db, owner->user_id, order_id, &o)) != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	if (in->voucher_err != NULL)
		return tell(RES_REFUSED, msg, msgsz, in->voucher_err);
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	memset(&fi, 0, sizeof(fi));
	if (in->voucher != NULL && in->len > 0) {
		rc = filestore_put(db, cfg, owner, in->voucher, in->len,
		    FS_VOUCHER, now, &fi, msg, msgsz);
		if (rc != 0) {
			db_rollback(db);
			return rc == -1 ? RES_ERROR : RES_REFUSED;
		}
		stored = 1;
	}
	r = finish(db, cod_shopper_paid(db, owner->user_id, order_id,
	    stored ? fi.id : 0, in->record_id, now, msg, msgsz));
	if (stored && r != RES_OK)
		filestore_discard(cfg, &fi);
	else if (stored)
		filestore_publish(cfg, &fi);
	return r;
}

/* See cod_desk.h. */
int
cod_voucher_file(struct db *db, int64_t user_id, int64_t order_id,
    int64_t *file_id)
{
	struct db_order	o;
	struct db_cod	cod;
	int		rc;

	*file_id = 0;
	if ((rc = db_order_get(db, user_id, order_id, &o)) != 1)
		return rc;
	if ((rc = db_cod_get(db, order_id, 0, &cod)) != 1)
		return rc;
	if (cod.shopper_file_id <= 0)
		return 0;
	*file_id = cod.shopper_file_id;
	return 1;
}

/* See cod_desk.h. */
void
cod_panel_cleanup(struct cod_panel *p)
{
	free(p->tr);
	p->tr = NULL;
	p->ntr = 0;
}

/* See cod_desk.h. */
int
cod_record_load(struct db *db, int64_t user_id, int64_t order_id,
    struct cod_record_view *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	rc = db_order_get(db, user_id, order_id, &out->o);
	if (rc == 0 || (rc == 1 && out->o.method != PM_COD))
		return 0;
	if (rc == -1 || (rc = db_cod_get(db, order_id, 0, &out->cod)) == -1)
		return -1;
	out->has_cod = rc == 1;
	return 1;
}

/* See cod_desk.h. */
int
cod_fulfil_load(struct db *db, int64_t order_id, struct cod_fulfil_view *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_order_get(db, 0, order_id, &out->o)) != 1)
		return rc;
	if (db_cod_user_get(db, out->o.user_id, 0, &out->u) == -1 ||
	    (out->has_addr = address_of_order(db, order_id,
	    &out->addr)) == -1 ||
	    db_track_list(db, order_id, &out->p.tr, &out->p.ntr) == -1)
		return -1;
	out->p.has_ship = db_ship_get(db, order_id, &out->p.sh) == 1;
	if (out->o.method == PM_COD)
		out->p.has_cod = db_cod_get(db, order_id, 0,
		    &out->p.cod) == 1;
	return 1;
}

/* See cod_desk.h. */
void
cod_fulfil_cleanup(struct cod_fulfil_view *v)
{
	cod_panel_cleanup(&v->p);
}

/* See cod_desk.h. */
int
cod_review_queue(struct db *db, int oldest_first, size_t offset, size_t limit,
    struct db_cod_review **out, size_t *n, int64_t *total)
{
	return db_cod_review_list(db, oldest_first, offset, limit, out, n,
	    total);
}

/* See cod_desk.h. */
int
cod_user_list(struct db *db, size_t limit, struct db_cod_user **out,
    size_t *n)
{
	return db_cod_user_list(db, limit, out, n);
}
