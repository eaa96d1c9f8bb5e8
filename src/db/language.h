#ifndef MALLPAY_DB_LANGUAGE_H
#define MALLPAY_DB_LANGUAGE_H

#include <stddef.h>
#include <stdint.h>

struct db;

/* Set user_id's language (users.language) to tag, or to NULL when tag is
 * NULL or "". Returns 1 when the user exists, 0 when not, -1 on error. */
int	db_user_set_language(struct db *, int64_t user_id, const char *tag);

/* user_id's language into out (outsz bytes, "" when not set). Returns 1,
 * 0 when there is no such user, -1 on error. */
int	db_user_language(struct db *, int64_t user_id, char *out, size_t outsz);

/* The language company_id is written to in: the users.language of its
 * first owner who chose one into tag (tagsz bytes, "" when none did).
 * Returns 1, 0 when there is no such company, -1 on error. */
int	db_company_language(struct db *, int64_t company_id, char *tag,
	    size_t tagsz);

#endif
