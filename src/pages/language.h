#ifndef MALLPAY_PAGES_LANGUAGE_H
#define MALLPAY_PAGES_LANGUAGE_H

#include "core/i18n.h"
#include "http/http.h"
#include "view/view.h"

/* The guest's language cookie (the switcher of every page sets it). */
#define LANG_COOKIE	"mp_lang"

/* The language of a request: the account's setting (account), else the
 * cookie a guest's switcher set (cookie), else the first of Accept-Language
 * (accept) the mall speaks, else, when the header names none of them, the
 * destination country's (country: the account's default address), else
 * English (also without the header: a script, not a browser). Any may be
 * NULL or "". */
enum lang lang_choose(const char *account, const char *cookie,
	    const char *accept, const char *country);

/* The language of an admin console page, which speaks English and
 * Simplified Chinese only: the account's setting if it is one of those,
 * else the first of them in Accept-Language, else English. */
enum lang lang_choose_admin(const char *account, const char *accept);

/* The language a page at path is shown in when l is chosen: the admin
 * console (/admin, /console) ships in English and Simplified Chinese only,
 * so it shows English for the other languages (and its <html lang> says
 * so); every other page in l. path may be NULL. */
enum lang lang_for_path(enum lang l, const char *path);

/* Choose c's language (lang_choose; lang_choose_admin under /admin;
 * lang_for_path) and make it the thread's
 * (i18n_use). dispatch calls it once the session is known. */
void	page_language(struct ctx *c);

/* Fill the layout's <html lang dir> and the language switcher (every page:
 * a form of buttons, no script needed). */
void	page_language_layout(struct ctx *c, struct view_dict *layout);

extern const struct field_spec page_language_fields[];
int	page_language_post(struct ctx *);	/* POST /language */
int	page_account_language(struct ctx *);	/* GET /account/language */

#endif
