#ifndef MALLPAY_DB_MESSAGE_H
#define MALLPAY_DB_MESSAGE_H

/* messages: the in-app inbox (to a user, or to every member of a company). */

#include <stddef.h>
#include <stdint.h>

struct db;

struct db_message {
	int64_t	 id;
	char	 subject[201];
	char	*body;		/* owned: free with db_message_list_free */
	int64_t	 created_at;
	int64_t	 read_at;	/* 0: unread */
	int64_t	 order_id;	/* the order it is about, 0: none */
	int	 repeats;	/* how often its event happened (1: once) */
	int64_t	 last_at;	/* when its event last happened */
};

/* Send a message to user_id (company_id 0) or to a company (user_id 0),
 * about the order its subject or body names first ("order #N"), if any.
 * Returns the id or -1. */
int64_t	db_message_insert(struct db *, int64_t user_id, int64_t company_id,
	    const char *subject, const char *body, int64_t now);

/* Tell user_id of event topic (<= 100 chars, e.g. one installment's
 * automatic deduction) about order_id (0: none): the first time a new
 * message; again, that same message takes the new subject and body, its
 * repeats count goes up by one, it is unread again and dated now.
 * Returns 0 or -1. */
int	db_message_event(struct db *, int64_t user_id, int64_t order_id,
	    const char *topic, const char *subject, const char *body,
	    int64_t now);

/* The messages of user_id and of company_id (0: none), at most limit from
 * offset: an order's messages together (the order whose event is newest
 * first), each group newest first. Returns 0 or -1. */
int	db_message_list(struct db *, int64_t user_id, int64_t company_id,
	    size_t limit, size_t offset, struct db_message **out, size_t *n);
void	db_message_list_free(struct db_message *, size_t n);

/* How many unread messages user_id has (its own and its company's). One
 * indexed COUNT. Returns the count or -1. */
int64_t	db_message_unread(struct db *, int64_t user_id, int64_t company_id);

/* Mark message id of user_id/company_id read at now (kept if already
 * read). Returns 1, 0 when it is not theirs (nothing changed), -1 error.
 * id 0: every unread message of theirs; returns 1 or -1. */
int	db_message_mark_read(struct db *, int64_t user_id, int64_t company_id,
	    int64_t id, int64_t now);

#endif
