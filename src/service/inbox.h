#ifndef MALLPAY_SERVICE_INBOX_H
#define MALLPAY_SERVICE_INBOX_H

/*
 * The inbox of a user (and of the user's company): the messages the
 * mall sends, read and marked read.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/message.h"

/* Whose inbox: a user's own messages and its company's (company_id 0:
 * none). */
struct inbox_owner {
	int64_t	user_id;
	int64_t	company_id;
};

/* The messages of who, newest first (an order's together), at most limit
 * from offset into *out (free with inbox_free). Returns 0 or -1. */
int	inbox_list(struct db *, struct inbox_owner who, size_t limit,
	    size_t offset, struct db_message **out, size_t *n);
void	inbox_free(struct db_message *, size_t n);

/* How many messages of who are unread, or -1. */
int64_t	inbox_unread(struct db *, struct inbox_owner who);

/* Mark message id of who read at now (id 0: every unread one). Returns 1,
 * 0 when it is not theirs (nothing changed), -1. */
int	inbox_mark_read(struct db *, struct inbox_owner who, int64_t id,
	    int64_t now);

#endif
