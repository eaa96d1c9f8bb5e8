#ifndef MALLPAY_SERVICE_CORP_APP_VIEW_H
#define MALLPAY_SERVICE_CORP_APP_VIEW_H

/*
 * What the admin's corporate installment pages read: the applications
 * queue, one application (by order or by id) and its company.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/company.h"

/* Applications in status (NULL or "": any), oldest first, offset/limit
 * (free with corp_app_list_release; *total all of them). 0 or -1. */
int	corp_app_queue(struct db *, const char *status, size_t offset,
	    size_t limit, struct db_corp_app **out, size_t *n,
	    int64_t *total);
void	corp_app_list_release(struct db_corp_app *, size_t n);

/* Application id into *a (free with corp_app_cleanup of
 * service/company_account.h, also when none): 1, 0 none, -1. The
 * application of an order is corp_app_of_order there. */
int	corp_app_by_id(struct db *, int64_t id, struct db_corp_app *a);

/* Company id into *co: 1, 0 none, -1. */
int	corp_app_company(struct db *, int64_t id, struct db_company *co);

/* The application status s in words of the thread's language ("Waiting
 * for review", "In effect", ...); "" when out of range. */
const char *corp_app_status_words(enum corp_app_status s);

#endif
