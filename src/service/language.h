#ifndef MALLPAY_SERVICE_LANGUAGE_H
#define MALLPAY_SERVICE_LANGUAGE_H

#include <stdint.h>

#include "core/i18n.h"
#include "core/result.h"

struct db;

/* Set user_id's language to lang, or clear it (clear != 0: the browser's
 * languages decide again). One transaction. RES_OK, RES_NOT_FOUND (no such
 * user) or RES_ERROR. */
enum result language_set(struct db *, int64_t user_id, enum lang lang,
	    int clear);

/* The language to write to user_id in (messages, SMS texts): the
 * account's setting, else English. */
enum lang language_of_user(struct db *, int64_t user_id);
/* The same from the account's stored tag, read elsewhere ("" none). */
enum lang language_of_tag(const char *tag);

/* The language most people of a destination country read among the
 * mall's: Arabic in the Arab League's countries, Malay in Malaysia and
 * Brunei, Chinese in mainland China; -1 for the others (English). */
int	language_of_country(const char *country);

#endif
