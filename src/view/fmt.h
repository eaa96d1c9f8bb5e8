#ifndef MALLPAY_VIEW_FMT_H
#define MALLPAY_VIEW_FMT_H

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/money.h"

/* Money and times for people in the thread's language (core/i18n.h), by
 * ICU's number and date formats (CLDR's data, libicu): Chinese zh_CN,
 * Arabic ar with Latin digits (the digits the forms accept and the codes
 * use), Malay ms_MY. English keeps the mall's own forms ("USD 1,234.50",
 * "2026-12-04 15:00 UTC"). Only the view formats this way: money stays
 * exact minor units everywhere else, and the amount reaches ICU as its
 * exact decimal string, never as a double. In right-to-left languages the
 * result is wrapped in Unicode isolates so it keeps its order inside a
 * sentence: ICU's forms in a first-strong isolate (FSI ... PDI, they carry
 * their own right-to-left marks), the mall's own in a left-to-right one
 * (LRI ... PDI). Formatters are opened once per thread and
 * language. */

/* m for people into out (MONEY_FMT_MAX bytes are enough); returns out. */
#define MONEY_FMT_MAX	96
char	*fmt_money(const struct money *m, char *out, size_t outsz);

/* Seconds since the epoch t as a date and time in UTC for people into out
 * (64 bytes are enough); "-" when it cannot be formatted. Returns out. */
char	*fmt_time(int64_t t, char *out, size_t outsz);

/* Calendar day d for people into out (64 bytes are enough): the
 * language's numeric date ("2026/12/4", "4/12/2026"), the mall's own
 * "2026-12-04" in English. Returns out. */
char	*fmt_date(mp_date d, char *out, size_t outsz);

/* Sentence in (its figures in the mall's own forms: amounts "USD
 * 1,234.50", dates "2026-12-04", percentages "0.05%") into out with each
 * figure in the thread language's form, isolated as fmt_money() does; as
 * it is in English. A figure that does not fit out stays as it was, the
 * sentence is cut at outsz. Returns out. */
char	*fmt_figures(const char *in, char *out, size_t outsz);

/* The country of ISO 3166 code code (two letters) in the thread's
 * language into out, by ICU's display names (CLDR): "ماليزيا" for MY in
 * Arabic. English, or a code ICU does not name, keeps name, the mall's
 * own (its reference data). Returns out. */
char	*fmt_country(const char *code, const char *name, char *out,
	    size_t outsz);

/* s wrapped in Unicode isolates into out when the thread's language is
 * right to left, else s as it is. Returns out. */
char	*fmt_isolate(const char *s, char *out, size_t outsz);

#endif
