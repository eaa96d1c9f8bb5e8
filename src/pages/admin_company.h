#ifndef MALLPAY_PAGES_ADMIN_COMPANY_H
#define MALLPAY_PAGES_ADMIN_COMPANY_H

/*
 * Helpers of the corporate admin pages shared by admin_company.c and
 * admin_corp_app.c.
 */

#include <stdint.h>

#include "service/company.h"

struct ctx;

/* The end of day "YYYY-MM-DD" (next midnight UTC) as a queue row's
 * promised time, 0 when it does not parse. */
int64_t	admin_co_day_end(const char *day);

/* The notice of a redirect's code (never text from the URL), or NULL. */
const char *admin_co_notice(const char *code);

/* Redirect to the path head, id, tail with ?msg=code. */
int	admin_co_back(struct ctx *, const char *head, int64_t id,
	    const char *tail, const char *code);

/* Answer a decision r on id: back to the path head, id, tail on success,
 * page with msg (400 bad input, 409 decided or not allowed), 404, 500.
 * Returns the status. */
int	admin_co_decided(struct ctx *, enum result r, int64_t id,
	    const char *msg,
	    int (*page)(struct ctx *, int64_t, int, const char *,
	    const char *), const char *head, const char *tail);

#endif
