#ifndef MALLPAY_SERVICE_INBOX_H
#define MALLPAY_SERVICE_INBOX_H

/*
 * The inbox of a user (and of the user's company): the messages the
 * mall sends, read and marked read.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/message.h"

/* The messages of user_id and of company_id (0: none), newest first, at
 * most limit from offset (free with inbox_free). Returns 0 or -1. */
int	inbox_list(struct db *, int64_t user_id, int64_t company_id,
	    size_t limit, size_t offset, struct db_message **out, size_t *n);
void	inbox_free(struct db_message *, size_t n);

/* How many messages of user_id (and company_id) are unread, or -1. */
int64_t	inbox_unread(struct db *, int64_t user_id, int64_t company_id);

/* Mark message id of user_id/company_id read at now (id 0: every unread
 * one). Returns 1, 0 when it is not theirs (nothing changed), -1. */
int	inbox_mark_read(struct db *, int64_t user_id, int64_t company_id,
	    int64_t id, int64_t now);

#endif
