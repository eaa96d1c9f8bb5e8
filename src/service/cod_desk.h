#ifndef MALLPAY_SERVICE_COD_DESK_H
#define MALLPAY_SERVICE_COD_DESK_H

/*
 * The cash-on-delivery and shipping desk as the pages use it: each action
 * runs in its own transaction (committed on RES_OK, rolled back otherwise)
 * around the steps of service/cod.h, and each loader returns what one page
 * shows. Nothing here knows about requests or responses.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/cod.h"
#include "db/order.h"
#include "service/address.h"
#include "service/cod.h"

struct config;
struct filestore_owner;

/* The admin's steps on one order (the desk's buttons). */
enum cod_step {
	COD_STEP_APPROVE,		/* COD-P1 review: approve */
	COD_STEP_REJECT,		/* COD-P1 review: reject (reason) */
	COD_STEP_SHIP,			/* COD-P2, every method */
	COD_STEP_DELIVER,		/* every method */
	COD_STEP_RETURN_RECEIVED,	/* COD-P7 merchant receipt */
	COD_STEP_REFUND_SENT		/* returned -> refunded */
};

/* What a step was given (NULL: not given). */
struct cod_step_input {
	enum order_status from;		/* the status the desk showed
					   (OS__MAX: none) */
	const char	*reason;
	const char	*carrier;
	const char	*tracking;
	const char	*courier_name;	/* the booked courier, or NULL */
	const char	*courier_phone;
};

/* Run step on order_id as admin_id at now, in one transaction. Shipping
 * without a carrier or tracking number books the shipment with the
 * logistics company first (RES_NOT_FOUND without the order; RES_REFUSED
 * with the reason in msg when it cannot be reached or refuses). Returns
 * RES_OK (committed) with msg for people, or the step's refusal (rolled
 * back). */
enum result cod_desk_step(struct db *, enum cod_step step,
	    int64_t order_id, const struct cod_step_input *in,
	    int64_t admin_id, int64_t now, char *msg, size_t msgsz);

/* cod_set_revoked() in its own transaction (COD-F3). */
enum result cod_desk_revoke(struct db *, int64_t user_id, int revoke,
	    int64_t admin_id, const char *reason, int64_t now, char *msg,
	    size_t msgsz);

/* cod_return_request() in its own transaction (COD-P7). */
enum result cod_return_submit(struct db *, int64_t user_id,
	    int64_t order_id, const char *reason, int64_t now, char *msg,
	    size_t msgsz);

/* The shopper's "Paid" (COD-P3) as the form sent it. */
struct cod_paid_input {
	const void	*voucher;	/* the photo, NULL or len 0: none */
	size_t		 len;
	const char	*voucher_err;	/* the upload was refused: why */
	const char	*record_id;	/* NULL: none */
};

/* owner's "Paid" on their order order_id in one transaction: the voucher
 * stored (service/filestore.h) with cod_shopper_paid(). Another's order is
 * RES_NOT_FOUND; a refused upload RES_REFUSED with its message in msg. */
enum result cod_paid_submit(struct db *, const struct config *cfg,
	    const struct filestore_owner *owner, int64_t order_id,
	    const struct cod_paid_input *in, int64_t now, char *msg,
	    size_t msgsz);

/* The voucher file of user_id's COD order order_id: 1 (*file_id), 0 none,
 * -1 error. */
int	cod_voucher_file(struct db *, int64_t user_id, int64_t order_id,
	    int64_t *file_id);

/* The shipment, tracking and COD part of an order page. */
struct cod_panel {
	int			 has_ship;	/* sh is set */
	struct db_shipment	 sh;
	struct db_track		*tr;		/* oldest first */
	size_t			 ntr;
	int			 has_cod;	/* cod is set */
	struct db_cod		 cod;
};

/* Free what the panel owns (order_page_load fills it). */
void	cod_panel_cleanup(struct cod_panel *);

/* The courier's payment record of user_id's COD order (COD-P8). */
struct cod_record_view {
	struct db_order	 o;
	int		 has_cod;
	struct db_cod	 cod;
};

/* 1 loaded, 0 no such COD order of user_id, -1 error. */
int	cod_record_load(struct db *, int64_t user_id, int64_t order_id,
	    struct cod_record_view *out);

/* The admin's order desk of one order. */
struct cod_fulfil_view {
	struct db_order		 o;
	struct db_cod_user	 u;		/* the shopper */
	struct order_address	 addr;
	int			 has_addr;
	struct cod_panel	 p;
};

/* 1 loaded (free with cod_fulfil_cleanup), 0 no such order, -1 error. */
int	cod_fulfil_load(struct db *, int64_t order_id,
	    struct cod_fulfil_view *out);
void	cod_fulfil_cleanup(struct cod_fulfil_view *);

/* COD orders awaiting review (db_cod_review_list). */
int	cod_review_queue(struct db *, int oldest_first, size_t offset,
	    size_t limit, struct db_cod_review **out, size_t *n,
	    int64_t *total);

/* Shoppers by COD record, at most limit (db_cod_user_list). */
int	cod_user_list(struct db *, size_t limit, struct db_cod_user **out,
	    size_t *n);

#endif
