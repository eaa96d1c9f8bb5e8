/*
 * The shared shipping road of every method: shipped, booked with the
 * logistics partner, delivered (see cod.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/said.h"
#include "core/i18n.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/order.h"
#include "service/cod.h"
#include "service/cod_int.h"
#include "service/language.h"
#include "service/orderflow.h"

/* The buyer's message of order o's step on the shipping road, composed
 * in the buyer's language: handed to carrier with tracking, or delivered
 * when carrier is NULL; a COD order's texts say when and how to pay
 * (COD-P2, COD-P3). 0 or -1. */
static int
road_message(struct db *db, const struct db_order *o, const char *carrier,
    const char *tracking, int64_t now)
{
	char		 subj[160], body[600];
	long long	 id = (long long)o->id;
	int		 cod = o->method == PM_COD;
	enum lang	 prev = i18n_use(language_of_tag(o->language));

	if (carrier != NULL) {
		snprintf(subj, sizeof(subj), _("Order #%lld has shipped"), id);
		snprintf(body, sizeof(body), cod ? _("Order #%lld was handed "
		    "to %s, tracking number %s. Follow it on My Orders. The "
		    "courier will agree the delivery time with you (COD-P2); "
		    "inspect the goods before you pay.") : _("Order #%lld was "
		    "handed to %s, tracking number %s. Follow it on My "
		    "Orders."), id, carrier, tracking);
	} else {
		snprintf(subj, sizeof(subj), _("Order #%lld was delivered"),
		    id);
		snprintf(body, sizeof(body), cod ? _("Order #%lld was "
		    "delivered. Inspect the goods and pay the courier, then "
		    "click \"Paid\" on the order (COD-P3).") : _("Order #%lld "
		    "was delivered. Confirm receipt once you have checked the "
		    "goods."), id);
	}
	i18n_use(prev);
	return cod_tell(db, o, subj, body, now);
}

/* See cod.h. */
enum result
shipping_shipped(struct db *db, int64_t id, enum of_actor actor,
    int64_t actor_id, const char *carrier, const char *tracking,
    int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	enum result	 r;
	char		 why[200];

	if (!cod_printable(carrier) || !cod_printable(tracking))
		return cod_say(RES_REFUSED, msg, msgsz,
		    A_("Give the carrier and the "
		    "tracking number (1-64 characters each)."));
	if ((r = cod_lock_order(db, 0, id, &o, msg, msgsz)) != RES_OK)
		return r;
	said_store(why, sizeof(why), SAID_SHIPPED, carrier, tracking, NULL);
	if ((r = cod_of_result(orderflow_transition(db, id, o.status, OS_SHIPPED,
	    actor, actor_id, why, now), id, o.status, msg, msgsz)) != RES_OK)
		return r;
	if (db_ship_set(db, id, carrier, tracking, now) == -1 ||
	    db_track_add(db, id, "shipped", why, of_actor_name(actor),
	    now) == -1)
		return RES_ERROR;
	if (o.method == PM_COD && db_cod_ensure(db, id) == -1)
		return RES_ERROR;
	if (road_message(db, &o, carrier, tracking, now) == -1)
		return RES_ERROR;
	return cod_say(RES_OK, msg, msgsz,
	    A_("Order #%lld is shipped (%s, %s)."),
	    (long long)id, carrier, tracking);
}

/* See cod.h. */
enum result
shipping_book_gateway(struct db *db, int64_t id, int64_t now)
{
	int64_t	pid, booked;

	if ((pid = db_lg_default_partner(db)) == -1)
		return RES_ERROR;
	if (pid == 0)
		return RES_OK;
	return db_lg_book(db, id, pid, now, &booked) == -1 ? RES_ERROR :
	    RES_OK;
}

/* See cod.h. */
enum result
shipping_delivered(struct db *db, int64_t id, enum of_actor actor,
    int64_t actor_id, int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	enum result	 r;
	char		 by[40], to[40];

	said_store(by, sizeof(by), SAID_DELIVERED_COURIER, NULL, NULL, NULL);
	said_store(to, sizeof(to), SAID_DELIVERED, NULL, NULL, NULL);
	if ((r = cod_lock_order(db, 0, id, &o, msg, msgsz)) != RES_OK)
		return r;
	if ((r = cod_of_result(orderflow_transition(db, id, o.status,
	    OS_DELIVERED, actor, actor_id, by, now), id, o.status,
	    msg, msgsz)) != RES_OK)
		return r;
	if (db_ship_delivered(db, id, now) == -1 ||
	    db_track_add(db, id, "delivered", to, of_actor_name(actor),
	    now) == -1)
		return RES_ERROR;
	if (road_message(db, &o, NULL, NULL, now) == -1)
		return RES_ERROR;
	return cod_say(RES_OK, msg, msgsz, A_("Order #%lld is delivered."),
	    (long long)id);
}
