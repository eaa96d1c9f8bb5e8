/*
 * Money and times for people in the thread's language (view/fmt.h): ICU's
 * C API (unum, udat), one formatter per thread and language.
 */

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "view/fmt.h"

/* The ICU locale of each language (English is not formatted by ICU). */
static const char *const icu_locale[LANG_COUNT] = {
	[LANG_EN] = "en_US",
	[LANG_ZH] = "zh_CN",
	[LANG_AR] = "ar@numbers=latn",
	[LANG_MS] = "ms_MY",
};

struct fmt_cache {
	UNumberFormat	*num[LANG_COUNT];
	UDateFormat	*date[LANG_COUNT];
	UDateFormat	*day[LANG_COUNT];
	UNumberFormat	*pct[LANG_COUNT];
};

static pthread_key_t	cache_key;
static pthread_once_t	cache_once = PTHREAD_ONCE_INIT;

/* Close a thread's formatters when it ends. */
static void
cache_free(void *p)
{
	struct fmt_cache *c = p;
	int l;

	for (l = 0; l < LANG_COUNT; l++) {
		if (c->num[l] != NULL)
			unum_close(c->num[l]);
		if (c->date[l] != NULL)
			udat_close(c->date[l]);
		if (c->day[l] != NULL)
			udat_close(c->day[l]);
		if (c->pct[l] != NULL)
			unum_close(c->pct[l]);
	}
	free(c);
}

static void
cache_init(void)
{
	(void)pthread_key_create(&cache_key, cache_free);
}

/* The calling thread's formatters, made on first use; NULL on failure. */
static struct fmt_cache *
cache(void)
{
	struct fmt_cache *c;

	pthread_once(&cache_once, cache_init);
	if ((c = pthread_getspecific(cache_key)) == NULL &&
	    (c = calloc(1, sizeof(*c))) != NULL &&
	    pthread_setspecific(cache_key, c) != 0) {
		free(c);
		c = NULL;
	}
	return c;
}

/* See fmt.h. */
char *
fmt_isolate(const char *s, char *out, size_t outsz)
{
	if (strcmp(i18n_dir(i18n_current()), "rtl") == 0)
		snprintf(out, outsz, "\xe2\x81\xa6%s\xe2\x81\xa9", s);
	else
		snprintf(out, outsz, "%s", s);
	return out;
}

/* u (ICU's UTF-16) as UTF-8 into out, in right-to-left languages inside a
 * first-strong isolate (FSI ... PDI): ICU's Arabic forms carry their own
 * right-to-left marks and read right only in their own direction. -1 when
 * it does not fit. */
static int
put_utf8(const UChar *u, int32_t ulen, char *out, size_t outsz)
{
	char s[160];
	int32_t n;
	UErrorCode st = U_ZERO_ERROR;

	u_strToUTF8(s, sizeof(s), &n, u, ulen, &st);
	if (U_FAILURE(st) || n >= (int32_t)sizeof(s))
		return -1;
	s[n] = '\0';
	if (strcmp(i18n_dir(i18n_current()), "rtl") == 0)
		snprintf(out, outsz, "\xe2\x81\xa8%s\xe2\x81\xa9", s);
	else
		snprintf(out, outsz, "%s", s);
	return 0;
}

/* See fmt.h. English, an unknown currency or an ICU failure: the mall's
 * own form (money_display). */
char *
fmt_money(const struct money *m, char *out, size_t outsz)
{
	enum lang l = i18n_current();
	struct fmt_cache *c;
	UErrorCode st = U_ZERO_ERROR;
	UChar code[4], u[96];
	char dec[MONEY_STR_MAX];
	int32_t n;

	if (l == LANG_EN || (c = cache()) == NULL || strlen(m->cur) != 3)
		return money_display(m, out, outsz);
	if (c->num[l] == NULL)
		c->num[l] = unum_open(UNUM_CURRENCY, NULL, 0, icu_locale[l],
		    NULL, &st);
	if (U_FAILURE(st) || c->num[l] == NULL)
		return money_display(m, out, outsz);
	u_charsToUChars(m->cur, code, 3);
	code[3] = 0;
	unum_setTextAttribute(c->num[l], UNUM_CURRENCY_CODE, code, 3, &st);
	money_str(m, dec, sizeof(dec));
	n = unum_formatDecimal(c->num[l], dec, -1, u, 96, NULL, &st);
	if (U_FAILURE(st) || n >= 96 || put_utf8(u, n, out, outsz) == -1)
		return money_display(m, out, outsz);
	return out;
}

/* The language's numeric date and, with_time, 24-hour time in UTC (CLDR's
 * pattern for the skeleton yMd HH:mm: "2026/12/4 15:00", "4/12/2026
 * 15:00"; yMd alone: "2026/12/4"); NULL on failure. */
static UDateFormat *
date_format(enum lang l, int with_time)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar sk[] = { 'y', 'M', 'd', 'H', 'H', 'm', 'm', 0 };
	UChar utc[] = { 'U', 'T', 'C', 0 }, pat[64];
	UDateTimePatternGenerator *g;
	UDateFormat *f;
	int32_t n;

	if (!with_time)
		sk[3] = 0;
	if ((g = udatpg_open(icu_locale[l], &st)) == NULL || U_FAILURE(st))
		return NULL;
	n = udatpg_getBestPattern(g, sk, -1, pat, 64, &st);
	udatpg_close(g);
	if (U_FAILURE(st) || n >= 64)
		return NULL;
	f = udat_open(UDAT_PATTERN, UDAT_PATTERN, icu_locale[l], utc, 3, pat,
	    n, &st);
	if (U_FAILURE(st)) {
		if (f != NULL)
			udat_close(f);
		return NULL;
	}
	return f;
}

/* The mall's own form, isolated: "2026-12-04 15:00 UTC". */
static char *
iso_time(int64_t t, char *out, size_t outsz)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char s[40];

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(s, sizeof(s), "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(s, sizeof(s), "-");
	return fmt_isolate(s, out, outsz);
}

/* The current language's formatter of days (with_time: and times of
 * day), made once per thread; NULL in English (the mall's own form) or
 * when ICU cannot make it. */
static UDateFormat *
day_formatter(int with_time)
{
	enum lang		 l = i18n_current();
	struct fmt_cache	*c = l != LANG_EN ? cache() : NULL;
	UDateFormat		**f;

	if (c == NULL)
		return NULL;
	f = with_time ? &c->date[l] : &c->day[l];
	if (*f == NULL)
		*f = date_format(l, with_time);
	return *f;
}

/* See fmt.h. The mall's own form in English, on a failure, or when the
 * language's form does not fit out. */
char *
fmt_time(int64_t t, char *out, size_t outsz)
{
	UDateFormat *df = day_formatter(1);
	UErrorCode st = U_ZERO_ERROR;
	UChar u[96];
	char s[160];
	int32_t n;

	if (df == NULL)
		return iso_time(t, out, outsz);
	n = udat_format(df, (UDate)t * 1000.0, u, 90, NULL, &st);
	if (U_FAILURE(st) || n >= 90)
		return iso_time(t, out, outsz);
	u_strcpy(u + n, (const UChar[]){ ' ', 'U', 'T', 'C', 0 });
	if (put_utf8(u, n + 4, s, sizeof(s)) == -1 || strlen(s) >= outsz)
		return iso_time(t, out, outsz);
	memcpy(out, s, strlen(s) + 1);
	return out;
}

/* See fmt.h. The mall's own form ("2026-12-04") in English, on a failure,
 * or when the language's form does not fit out. */
char *
fmt_date(mp_date d, char *out, size_t outsz)
{
	UDateFormat *df = day_formatter(0);
	UErrorCode st = U_ZERO_ERROR;
	UChar u[64];
	char s[CAL_DATE_STRLEN], f[128];
	int64_t t;
	int32_t n;

	if (df == NULL || d < CAL_DATE_MIN || d > CAL_DATE_MAX)
		return fmt_isolate(mp_date_str(d, s, sizeof(s)), out, outsz);
	t = mp_date_to_unix(d);
	n = udat_format(df, (UDate)t * 1000.0, u, 64, NULL, &st);
	if (U_FAILURE(st) || n >= 64 || put_utf8(u, n, f, sizeof(f)) == -1 ||
	    strlen(f) >= outsz)
		return fmt_isolate(mp_date_str(d, s, sizeof(s)), out, outsz);
	memcpy(out, f, strlen(f) + 1);
	return out;
}

/* The percentage whose number is num (len bytes: digits, at most one '.')
 * in the language's form into out ("0.05%" -> "0.05%", in Arabic with its
 * marks); -1 when ICU cannot. */
static int
percent(const char *num, size_t len, char *out, size_t outsz)
{
	enum lang l = i18n_current();
	struct fmt_cache *c = cache();
	UErrorCode st = U_ZERO_ERROR;
	const char *dot = memchr(num, '.', len);
	char dec[48];
	UChar u[64];
	int32_t n;

	if (c == NULL || len + 4 > sizeof(dec))
		return -1;
	if (c->pct[l] == NULL)
		c->pct[l] = unum_open(UNUM_PERCENT, NULL, 0, icu_locale[l],
		    NULL, &st);
	if (U_FAILURE(st) || c->pct[l] == NULL)
		return -1;
	n = dot != NULL ? (int32_t)(num + len - dot - 1) : 0;
	unum_setAttribute(c->pct[l], UNUM_MIN_FRACTION_DIGITS, n);
	unum_setAttribute(c->pct[l], UNUM_MAX_FRACTION_DIGITS, n);
	/* The number of hundredths, exactly: "0.05" -> "0.05E-2". */
	snprintf(dec, sizeof(dec), "%.*sE-2", (int)len, num);
	n = unum_formatDecimal(c->pct[l], dec, -1, u, 64, NULL, &st);
	if (U_FAILURE(st) || n >= 64)
		return -1;
	return put_utf8(u, n, out, outsz);
}

/* 1 if c is an ASCII letter or digit. */
static int
alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* The length of the mall's amount at s ("1,234.50": digits, groups of
 * three after commas, decimals), its plain decimal into dec; 0 if none. */
static size_t
amount_at(const char *s, char *dec, size_t decsz)
{
	size_t i = 0, o = 0;

	while ((s[i] >= '0' && s[i] <= '9') || (s[i] == ',' && i > 0 &&
	    s[i + 1] >= '0' && s[i + 1] <= '9') || (s[i] == '.' && i > 0 &&
	    s[i + 1] >= '0' && s[i + 1] <= '9')) {
		if (s[i] != ',' && o + 1 < decsz)
			dec[o++] = s[i];
		i++;
	}
	dec[o] = '\0';
	return i;
}

/* The figure of the mall's own form at in[i] (an amount "USD 1,234.50", a
 * date "2026-12-04", a percentage "0.05%") in the thread language's form
 * into f (fsz bytes), with its length in the source in *len; -1 when none
 * starts there. */
static int
figure_at(const char *in, size_t i, char *f, size_t fsz, size_t *len)
{
	const char *s = in + i;
	struct money m;
	char cur[4], dec[48];
	mp_date d;
	size_t n;

	if (i > 0 && (alnum(in[i - 1]) || in[i - 1] == '.' ||
	    in[i - 1] == '-'))
		return -1;
	if (s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
	    s[2] >= 'A' && s[2] <= 'Z' && s[3] == ' ' &&
	    (n = amount_at(s + 4, dec, sizeof(dec))) > 0 &&
	    !alnum(s[4 + n])) {
		memcpy(cur, s, 3);
		cur[3] = '\0';
		if (money_parse(dec, strlen(dec), cur, &m, NULL, 0) == -1)
			return -1;
		fmt_money(&m, f, fsz);
		*len = 4 + n;
		return 0;
	}
	if (strlen(s) >= 10 && mp_date_parse(s, 10, &d) == 0 &&
	    !alnum(s[10])) {
		fmt_date(d, f, fsz);
		*len = 10;
		return 0;
	}
	if ((n = amount_at(s, dec, sizeof(dec))) > 0 && s[n] == '%' &&
	    strchr(dec, ',') == NULL && n == strlen(dec) &&
	    percent(s, n, f, fsz) == 0) {
		*len = n + 1;
		return 0;
	}
	return -1;
}

/* See fmt.h. */
char *
fmt_figures(const char *in, char *out, size_t outsz)
{
	size_t i = 0, o = 0, len, k;
	char f[MONEY_FMT_MAX];

	if (outsz == 0)
		return out;
	if (i18n_current() == LANG_EN) {
		snprintf(out, outsz, "%s", in);
		return out;
	}
	while (in[i] != '\0' && o + 1 < outsz) {
		if (figure_at(in, i, f, sizeof(f), &len) == 0 &&
		    (k = strlen(f)) < outsz - o) {
			memcpy(out + o, f, k);
			o += k;
			i += len;
		} else
			out[o++] = in[i++];
	}
	out[o] = '\0';
	return out;
}

/* See fmt.h. */
char *
fmt_country(const char *code, const char *name, char *out, size_t outsz)
{
	enum lang	l = i18n_current();
	char		loc[8];
	UChar		u[128];
	int32_t		n, len;
	UErrorCode	st = U_ZERO_ERROR;

	snprintf(out, outsz, "%s", name != NULL ? name : "");
	if (l == LANG_EN || code == NULL || strlen(code) != 2)
		return out;
	/* "und_MY": the country alone, in the display language. */
	snprintf(loc, sizeof(loc), "und_%c%c", code[0], code[1]);
	n = uloc_getDisplayCountry(loc, icu_locale[l], u, 128, &st);
	/* ICU answers the code itself for a country it does not know. */
	if (U_FAILURE(st) || n <= 0 || n >= 128 || (n == 2 &&
	    u[0] == (UChar)code[0] && u[1] == (UChar)code[1]))
		return out;
	st = U_ZERO_ERROR;
	u_strToUTF8(out, (int32_t)outsz, &len, u, n, &st);
	if (U_FAILURE(st) || len >= (int32_t)outsz)
		snprintf(out, outsz, "%s", name != NULL ? name : "");
	return out;
}
