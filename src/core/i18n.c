/*
 * Languages and translations (core/i18n.h): glibc's gettext with one locale
 * object per language, switched per thread with uselocale().
 *
 * gettext finds a catalogue by the name of the thread's LC_MESSAGES locale
 * (zh_CN.UTF-8 -> <dir>/zh_CN/LC_MESSAGES/mallpay.mo, ar_SA.UTF-8 -> ar, ...),
 * so each language needs a locale of that name. A machine with the locales
 * installed (locale-gen) has them; otherwise the build makes the LC_MESSAGES
 * part of each under <dir>/glibc (see mk/i18n.mk) and LOCPATH points there.
 * Only LC_MESSAGES is taken from the language: numbers, money and dates keep
 * the "C" locale (the view formats them for people, view/fmt.h).
 */

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/i18n.h"

/* glibc's newlocale keeps the list it parses from LOCPATH (never freed:
 * once per language, at start); LeakSanitizer is told so. */
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#define LOCPATH_LEAK_BEGIN()	__lsan_disable()
#define LOCPATH_LEAK_END()	__lsan_enable()
#else
#define LOCPATH_LEAK_BEGIN()	do { } while (0)
#define LOCPATH_LEAK_END()	do { } while (0)
#endif

#define DOMAIN	"mallpay"

#ifndef MALLPAY_LOCALE_DIR
#define MALLPAY_LOCALE_DIR	"/usr/local/share/locale"
#endif

struct lang_info {
	const char	*tag;		/* BCP 47 */
	const char	*catalog;	/* po/<catalog>.po */
	const char	*locale;	/* the glibc locale that names it */
	const char	*native;
	const char	*dir;
};

static const struct lang_info langs[LANG_COUNT] = {
	[LANG_EN] = { "en", "en", NULL, "English", "ltr" },
	[LANG_ZH] = { "zh-CN", "zh_CN", "zh_CN.UTF-8", "中文", "ltr" },
	[LANG_AR] = { "ar", "ar", "ar_SA.UTF-8", "العربية", "rtl" },
	[LANG_MS] = { "ms", "ms", "ms_MY.UTF-8", "Bahasa Melayu", "ltr" },
};

/* Set by i18n_init before threads start, read-only afterwards. */
static locale_t locs[LANG_COUNT];
static __thread enum lang current = LANG_EN;

/* See i18n.h: one column of langs[] each, English's for an unknown l. */
#define LANG_COLUMN(fn, column) const char *fn(enum lang l) \
	{ return langs[l < LANG_COUNT ? l : LANG_EN].column; }
LANG_COLUMN(i18n_tag, tag)
LANG_COLUMN(i18n_catalog, catalog)
LANG_COLUMN(i18n_native_name, native)
LANG_COLUMN(i18n_dir, dir)
#undef LANG_COLUMN

/* See i18n.h. The primary subtag decides; Chinese only in Simplified
 * script or a mainland/Singapore region (Traditional is not spoken). */
int
i18n_parse_tag(const char *tag, enum lang *out)
{
	size_t n;
	const char *rest;

	if (tag == NULL)
		return -1;
	n = strcspn(tag, "-_");
	rest = tag + n;
	if (*rest != '\0')
		rest++;
	if (n == 2 && strncasecmp(tag, "en", 2) == 0)
		*out = LANG_EN;
	else if (n == 2 && strncasecmp(tag, "ar", 2) == 0)
		*out = LANG_AR;
	else if (n == 2 && strncasecmp(tag, "ms", 2) == 0)
		*out = LANG_MS;
	else if (n == 2 && strncasecmp(tag, "zh", 2) == 0) {
		if (strncasecmp(rest, "Hant", 4) == 0 ||
		    strncasecmp(rest, "TW", 2) == 0 ||
		    strncasecmp(rest, "HK", 2) == 0 ||
		    strncasecmp(rest, "MO", 2) == 0)
			return -1;
		*out = LANG_ZH;
	} else
		return -1;
	return 0;
}

/* See i18n.h. */
int
i18n_pick(const char *tag, int *lang)
{
	enum lang l;

	if (i18n_parse_tag(tag, &l) == -1)
		return -1;
	*lang = (int)l;
	return 0;
}

/* True when dir/<catalog>/LC_MESSAGES/mallpay.mo exists. */
static int
has_catalog(const char *dir, enum lang l)
{
	char path[512];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s/LC_MESSAGES/%s.mo", dir,
	    langs[l].catalog, DOMAIN);
	return stat(path, &st) == 0;
}

/* The LC_MESSAGES locale named for l: the system's, else the build's
 * under dir/glibc (LOCPATH is read by every newlocale call). */
static locale_t
lang_locale(const char *dir, enum lang l)
{
	locale_t loc;
	char path[512];

	if ((loc = newlocale(LC_MESSAGES_MASK, langs[l].locale, (locale_t)0)))
		return loc;
	snprintf(path, sizeof(path), "%s/glibc", dir);
	if (setenv("LOCPATH", path, 1) == -1)
		return (locale_t)0;
	LOCPATH_LEAK_BEGIN();
	loc = newlocale(LC_MESSAGES_MASK, langs[l].locale, (locale_t)0);
	LOCPATH_LEAK_END();
	unsetenv("LOCPATH");
	return loc;
}

/* See i18n.h. */
int
i18n_init(const char *localedir, char *err, size_t errsz)
{
	const char *dir = localedir;
	int l;

	if (dir == NULL || *dir == '\0')
		dir = getenv("MALLPAY_LOCALE_DIR");
	if (dir == NULL || *dir == '\0')
		dir = MALLPAY_LOCALE_DIR;
	if (bindtextdomain(DOMAIN, dir) == NULL ||
	    bind_textdomain_codeset(DOMAIN, "UTF-8") == NULL ||
	    bindtextdomain(I18N_ADMIN_DOMAIN, dir) == NULL ||
	    bind_textdomain_codeset(I18N_ADMIN_DOMAIN, "UTF-8") == NULL) {
		seterr(err, errsz, "%s: bindtextdomain: %s", dir,
		    strerror(errno));
		return -1;
	}
	for (l = LANG_EN + 1; l < LANG_COUNT; l++) {
		if (!has_catalog(dir, l)) {
			seterr(err, errsz, "%s: no catalogue for %s", dir,
			    langs[l].catalog);
			return -1;
		}
		if (locs[l] == (locale_t)0 &&
		    (locs[l] = lang_locale(dir, l)) == (locale_t)0) {
			seterr(err, errsz, "%s: no locale %s (install it, or "
			    "build %s/glibc)", langs[l].locale,
			    langs[l].locale, dir);
			return -1;
		}
	}
	return 0;
}

/* See i18n.h. A language whose locale is missing reads in English. */
enum lang
i18n_use(enum lang l)
{
	enum lang was = current;

	if (l >= LANG_COUNT)
		l = LANG_EN;
	current = l;
	uselocale(l != LANG_EN && locs[l] != (locale_t)0 ? locs[l] :
	    LC_GLOBAL_LOCALE);
	return was;
}

/* See i18n.h. */
enum lang
i18n_current(void)
{
	return current;
}

/* See i18n.h. */
const char *
i18n_gettext(const char *msgid)
{
	if (current == LANG_EN || locs[current] == (locale_t)0 ||
	    msgid == NULL || *msgid == '\0')
		return msgid;
	return dgettext(DOMAIN, msgid);
}

/* See i18n.h. */
const char *
i18n_dgettext(const char *domain, const char *msgid)
{
	if (domain == NULL)
		return i18n_gettext(msgid);
	if (current == LANG_EN || locs[current] == (locale_t)0 ||
	    msgid == NULL || *msgid == '\0')
		return msgid;
	return dgettext(domain, msgid);
}

/* See i18n.h. */
int
i18n_pick_admin(const char *tag, int *lang)
{
	enum lang l;

	if (i18n_parse_tag(tag, &l) == -1 || !i18n_admin_speaks(l))
		return -1;
	*lang = (int)l;
	return 0;
}

/* See i18n.h. */
int
i18n_admin_speaks(enum lang l)
{
	return l == LANG_EN || l == LANG_ZH;
}

/* See i18n.h. English: one for 1, many otherwise. */
const char *
i18n_ngettext(const char *one, const char *many, unsigned long n)
{
	if (current == LANG_EN || locs[current] == (locale_t)0)
		return n == 1 ? one : many;
	return dngettext(DOMAIN, one, many, n);
}
