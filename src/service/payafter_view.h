#ifndef MALLPAY_SERVICE_PAYAFTER_VIEW_H
#define MALLPAY_SERVICE_PAYAFTER_VIEW_H

/*
 * What the Pay After Use pages show: a shopper's card and charges with
 * the settings they run under, and the admin's guarantee ledger.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/payafter.h"
#include "service/payafter.h"

struct pau_view {
	struct pau_settings	 s;
	int			 has_card;	/* card is set */
	struct db_pau_card	 card;
	struct db_pau_charge	*v;		/* newest first */
	size_t			 n;
};

/* user_id's card and charges (free with pau_view_cleanup, also on
 * failure). Returns 0 or -1. */
int	pau_view_load(struct db *, int64_t user_id, struct pau_view *out);
void	pau_view_cleanup(struct pau_view *);

#define PAU_VIEW_CURRENCIES	16

struct pau_guarantee_view {
	struct db_pau_guarantee	*v;		/* newest first */
	size_t			 n;
	struct pau_total	 t[PAU_VIEW_CURRENCIES];	/* per currency */
	size_t			 nt;
};

/* The newest limit guarantee entries with the totals per currency (free
 * with pau_guarantee_cleanup, also on failure). Returns 0 or -1. */
int	pau_guarantee_load(struct db *, size_t limit,
	    struct pau_guarantee_view *out);
void	pau_guarantee_cleanup(struct pau_guarantee_view *);

#endif
