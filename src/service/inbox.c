/*
 * The inbox (service/inbox.h).
 */
#include "db/message.h"
#include "service/inbox.h"

/* See inbox.h. */
int
inbox_list(struct db *db, struct inbox_owner who, size_t limit,
    size_t offset, struct db_message **out, size_t *n)
{
	return db_message_list(db, who.user_id, who.company_id, limit, offset,
	    out, n);
}

/* See inbox.h. */
void
inbox_free(struct db_message *v, size_t n)
{
	db_message_list_free(v, n);
}

/* See inbox.h. */
int64_t
inbox_unread(struct db *db, struct inbox_owner who)
{
	return db_message_unread(db, who.user_id, who.company_id);
}

/* See inbox.h. */
int
inbox_mark_read(struct db *db, struct inbox_owner who, int64_t id,
    int64_t now)
{
	return db_message_mark_read(db, who.user_id, who.company_id, id, now);
}
