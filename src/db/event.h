#ifndef MALLPAY_DB_EVENT_H
#define MALLPAY_DB_EVENT_H

/*
 * The append-only audit trail (RULES C-07, table events). Shared: every use
 * case writes its event with db_event_add() inside its own transaction
 * (service/audit.c's audit_event() wraps it once it exists); the admin
 * console searches it with db_event_search().
 */

#include <stddef.h>
#include <stdint.h>

struct db;

/* One event to append. Strings are borrowed; from_state, to_state, detail
 * may be NULL (SQL NULL); reason NULL is stored as "". actor_id 0 stores
 * NULL (the system, or an unknown user on a failed sign-in). */
struct db_event {
	const char	*subject_type;	/* order application voucher plan user company setting */
	int64_t		 subject_id;
	const char	*actor_type;	/* user admin system partner */
	int64_t		 actor_id;
	int64_t		 at;
	const char	*from_state;
	const char	*to_state;
	const char	*reason;	/* <= 255 bytes (longer is cut) */
	const char	*detail;
};

/* Append e (runs in the caller's transaction if one is open, else on its
 * own). Returns 0, or -1 on a database error. */
int	db_event_add(struct db *, const struct db_event *e);

/* Search filter; zero/empty members do not filter. */
struct db_event_filter {
	char		 subject_type[17];
	int64_t		 subject_id;
	int64_t		 user_id;	/* acted as a user, or the user is the subject */
	int64_t		 admin_id;	/* acted as this admin */
	char		 type[33];	/* to_state: "signin", "signin_failed", "cancelled", "setting_changed"... */
	int64_t		 from, until;	/* at >= from and at < until (until 0: no end) */
	/* The reason's words: it contains words (case-insensitively), or
	 * it is a stored sentence (core/said.h) whose code is one of codes
	 * (names separated by '|', of [a-z_]); words "" does not filter. */
	char		 words[65];
	char		 codes[1024];
	/* A keyset page: the events after (key_dir 1: older) or before
	 * (-1: newer) the event (key_at, key_id), newest first; 0: from
	 * offset. Search only. */
	int		 key_dir;
	int64_t		 key_at, key_id;
};

/* The most events the audit page counts exactly (as DB_COUNT_CAP). */
#define DB_EVENT_COUNT_CAP	500

/* One event with its actor's email (empty for system/unknown). */
struct db_event_row {
	int64_t		 id;
	char		 subject_type[17];
	int64_t		 subject_id;
	char		 actor_type[17];
	int64_t		 actor_id;
	char		 actor_email[255];
	int64_t		 at;
	char		 from_state[33];
	char		 to_state[33];
	char		 reason[256];
	char		*detail;	/* owned (xstrdup), may be "" */
};

/* The events matching f, newest first, rows offset..offset+limit into
 * *out (*n of them; free with db_event_rows_free), and how many match
 * into *total, counted up to DB_EVENT_COUNT_CAP + 1 (more than the cap).
 * Up to limit + 1 rows come back: one more than limit says a page lies
 * beyond. A keyset page (f->key_dir; offset unused) reads them from the
 * key outwards, in that order (oldest first for key_dir -1). Returns 0,
 * or -1 (nothing to free). */
int	db_event_search(struct db *, const struct db_event_filter *f,
	    size_t offset, size_t limit, struct db_event_row **out, size_t *n,
	    int64_t *total);

/* Every event of one subject, oldest first (an order's full history).
 * Same ownership as db_event_search. Returns 0 or -1. */
int	db_event_history(struct db *, const char *subject_type,
	    int64_t subject_id, struct db_event_row **out, size_t *n);

/* The subjects one db_event_histories reads at most. */
#define DB_EVENT_HISTORIES	10

/* The events of up to DB_EVENT_HISTORIES subjects of one type (ids[0..n),
 * n >= 1), newest first, at most limit of them: one statement for a page
 * that shows several orders' trails. Same ownership as db_event_search.
 * Returns 0 or -1. */
int	db_event_histories(struct db *, const char *subject_type,
	    const int64_t *ids, size_t n, size_t limit,
	    struct db_event_row **out, size_t *nout);

/* Every event matching f, oldest first, streamed (dbq_stream_rows): fn
 * gets each row's columns as text: id, subject type, subject id, actor
 * type, actor id, actor email, at, from state, to state, reason, detail.
 * Returns 0, 1 when fn stopped, -1 on error. */
int	db_event_export(struct db *, const struct db_event_filter *f,
	    int (*fn)(void *arg, const char *const *cols, size_t ncols),
	    void *arg);

/* Free n rows from db_event_search/db_event_history; takes NULL. */
void	db_event_rows_free(struct db_event_row *, size_t n);

#endif
