#ifndef MALLPAY_CORE_LOG_H
#define MALLPAY_CORE_LOG_H

/* Log a line to stderr with a level and the thread-safe timestamp.
 * Never pass card numbers, CVVs, passwords or tokens. */
void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_err(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
