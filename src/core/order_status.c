/*
 * Order statuses and their stored names (see order_status.h).
 */
#include <string.h>

#include "core/order_status.h"

static const char *const names[OS__MAX] = {
	"awaiting_review", "awaiting_confirmation", "awaiting_remittance",
	"awaiting_verification", "partially_paid", "paid_installment", "paid",
	"pending_shipment", "shipped", "delivered", "receipt_confirmed",
	"completed", "cancelled", "refused", "return_requested", "returned",
	"refunded",
};

/* See order_status.h. */
const char *
order_status_name(enum order_status s)
{
	if ((int)s < 0 || s >= OS__MAX)
		return NULL;
	return names[s];
}

/* See order_status.h. */
int
order_status_parse(const char *s, enum order_status *out)
{
	int	i;

	if (s == NULL)
		return -1;
	for (i = 0; i < OS__MAX; i++)
		if (strcmp(names[i], s) == 0) {
			*out = (enum order_status)i;
			return 0;
		}
	return -1;
}
