/* An account's language (service/language.h). */

#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/language.h"
#include "service/conn.h"
#include "service/language.h"

/* See language.h. */
enum result
language_set(struct db *db, int64_t user_id, enum lang lang, int clear)
{
	int rc;

	if (db_begin(db) == -1)
		return RES_ERROR;
	rc = db_user_set_language(db, user_id, clear ? NULL : i18n_tag(lang));
	return conn_finish(db, rc == 1 ? RES_OK :
	    rc == 0 ? RES_NOT_FOUND : RES_ERROR);
}

/* See language.h. */
enum lang
language_of_tag(const char *tag)
{
	enum lang l;

	if (tag != NULL && tag[0] != '\0' && i18n_parse_tag(tag, &l) == 0)
		return l;
	return LANG_EN;
}

/* See language.h. */
enum lang
language_of_user(struct db *db, int64_t user_id)
{
	char tag[9];

	if (db_user_language(db, user_id, tag, sizeof(tag)) == 1)
		return language_of_tag(tag);
	return LANG_EN;
}

/* See language.h. */
enum lang
language_of_company(struct db *db, int64_t company_id)
{
	char tag[9];

	if (db_company_language(db, company_id, tag, sizeof(tag)) != 1)
		return LANG_EN;
	return language_of_tag(tag);
}

/* See language.h. */
enum lang
language_of_member(struct db *db, int64_t user_id, int64_t company_id)
{
	char tag[9];

	if (db_user_language(db, user_id, tag, sizeof(tag)) == 1 &&
	    tag[0] != '\0')
		return language_of_tag(tag);
	return language_of_company(db, company_id);
}

/* See language.h. */
int
language_of_country(const char *country)
{
	static const char arab[] =
	    "AE BH DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE DJ";
	const char *p;

	if (country == NULL || strlen(country) != 2)
		return -1;
	if (strcmp(country, "CN") == 0)
		return LANG_ZH;
	if (strcmp(country, "MY") == 0 || strcmp(country, "BN") == 0)
		return LANG_MS;
	for (p = arab; *p != '\0'; p += p[2] == ' ' ? 3 : 2)
		if (p[0] == country[0] && p[1] == country[1])
			return LANG_AR;
	return -1;
}
