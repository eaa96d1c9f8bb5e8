#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "core/clock.h"

#include "core/log.h"

/* Write one line "TIME LEVEL message" to stderr in one call, so lines
 * from several threads do not interleave. */
static void __attribute__((format(printf, 2, 0)))
log_line(const char *level, const char *fmt, va_list ap)
{
	char msg[2048], stamp[32];
	struct tm tm;
	time_t t = (time_t)clock_now();

	gmtime_r(&t, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	fprintf(stderr, "%s %s %s\n", stamp, level, msg);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("info", fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("warn", fmt, ap);
	va_end(ap);
}

void
log_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("error", fmt, ap);
	va_end(ap);
}
