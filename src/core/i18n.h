#ifndef MALLPAY_CORE_I18N_H
#define MALLPAY_CORE_I18N_H

#include <stddef.h>

/* The languages of the mall and the translation of its texts (GNU gettext,
 * text domain "mallpay", catalogues built from po/). English is the source:
 * its texts are the message ids, so a missing translation shows English.
 *
 * The language is the calling thread's: i18n_use() switches the thread's
 * LC_MESSAGES with uselocale(), never setlocale(), so worker threads serve
 * requests in different languages at once. Numbers and the rest of the C
 * locale stay "C" in every thread. */

enum lang {
	LANG_EN,
	LANG_ZH,	/* Simplified Chinese, catalogue zh_CN */
	LANG_AR,	/* Modern Standard Arabic, right to left */
	LANG_MS,	/* Malay (Bahasa Melayu) */
	LANG_COUNT
};

/* Find the catalogues under localedir (NULL: $MALLPAY_LOCALE_DIR, else the
 * installed locale directory) and make one locale object per language.
 * Call once before threads start. Returns 0, or -1 with a message in err
 * when a language cannot be switched to (its texts then stay English). */
int	i18n_init(const char *localedir, char *err, size_t errsz);

/* Make lang the calling thread's language; returns the previous one. */
enum lang i18n_use(enum lang lang);
/* The calling thread's language (LANG_EN until i18n_use). */
enum lang i18n_current(void);

/* The language's BCP 47 tag for lang="" and the account setting ("en",
 * "zh-CN", "ar", "ms"), its catalogue name ("en", "zh_CN", "ar", "ms"),
 * its name in itself ("English", "中文", ...) and "ltr" or "rtl". */
const char *i18n_tag(enum lang);
const char *i18n_catalog(enum lang);
const char *i18n_native_name(enum lang);
const char *i18n_dir(enum lang);

/* The language of a tag or catalogue name, case-insensitive, "-" or "_":
 * "zh", "zh-CN", "zh-Hans", "zh_CN", "ar", "ar-EG", "ms", "ms-MY", "en-GB"...
 * Returns 0 with *out set, or -1 for a language the mall does not speak. */
int	i18n_parse_tag(const char *tag, enum lang *out);

/* i18n_parse_tag() as a callback of http/accept_lang.h: *lang set to the
 * enum lang of tag. Returns 0, or -1. */
int	i18n_pick(const char *tag, int *lang);

/* The thread language's translation of msgid (msgid itself in English or
 * when the catalogue has none), and of a text with a count: one or many
 * chosen by the language's plural rule (Arabic has six forms). The result
 * is static (the catalogue's, or the argument); a printf format stays
 * one for the compiler's checks (format_arg). */
const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));
const char *i18n_ngettext(const char *one, const char *many, unsigned long n)
	    __attribute__((format_arg(1), format_arg(2)));

/* The admin console's texts have their own text domain, built from
 * po/admin/ (po/admin/LINGUAS): the console speaks English and Simplified
 * Chinese only. i18n_dgettext() is i18n_gettext() in domain (NULL: the
 * shopper domain "mallpay"); i18n_admin_speaks() says whether the console
 * speaks l; i18n_pick_admin() is i18n_pick() for those languages only. */
#define I18N_ADMIN_DOMAIN	"mallpay-admin"
const char *i18n_dgettext(const char *domain, const char *msgid)
	    __attribute__((format_arg(2)));
int	i18n_admin_speaks(enum lang l);
int	i18n_pick_admin(const char *tag, int *lang);

/* _() translates now; N_() only marks a text for extraction where it is
 * defined (a table, a constant), to be translated with _() where shown. */
#define _(s)		i18n_gettext(s)
#define N_(s)		(s)
/* A_() and NA_() are _() and N_() for the admin console's texts set from C
 * (queue titles, column labels, settings fields, notices, errors): domain
 * mallpay-admin, extracted into po/admin/ only (scripts/po.sh). */
#define A_(s)		i18n_dgettext(I18N_ADMIN_DOMAIN, (s))
#define NA_(s)		(s)
#undef ngettext		/* <libintl.h>'s, for the process locale */
#define ngettext(one, many, n)	i18n_ngettext((one), (many), (n))

#endif
