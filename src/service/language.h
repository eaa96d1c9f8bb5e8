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

/* The language of an account's setting tag (users.language, "" when not
 * set): the setting, else English. For rows that carry it (an order's
 * buyer), so a message to them costs no query. */
enum lang language_of_tag(const char *tag);

/* The language to write to company_id's inbox in (its messages are read
 * by every member): its owner's account setting, else English (as a
 * person's: the country of a cross-border company does not say which
 * language its staff read). One query. */
enum lang language_of_company(struct db *, int64_t company_id);

/* The language a member of a company signs in: the member's account
 * setting, else the company's (language_of_company), else English. */
enum lang language_of_member(struct db *, int64_t user_id,
	    int64_t company_id);

/* The language most people of a destination country read among the
 * mall's: Arabic in the Arab League's countries, Malay in Malaysia and
 * Brunei, Chinese in mainland China; -1 for the others (English). */
int	language_of_country(const char *country);

#endif
