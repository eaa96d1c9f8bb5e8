#ifndef MALLPAY_SERVICE_ADMIN_INT_H
#define MALLPAY_SERVICE_ADMIN_INT_H

/*
 * The admin console: what admin.c, admin_fields.c and admin_settings.c
 * share and no other code uses (the public interface is admin.h).
 */

#include <stdint.h>

/* A percentage whole.hundredths in the forms' rate fixed point (percent
 * with 4 decimals). */
#define PCT(whole, hundredths)	((int64_t)(whole) * 10000 + (hundredths) * 100)

/* Parse "12", "12.5", "0.80", "1.5%" (spaces around allowed) as a fixed
 * point number with `decimals` digits after the point into *out. Returns 0,
 * or -1 when it is not such a number (sign, more decimals, too big). */
int	admin_parse_fixed(const char *s, int decimals, int64_t *out);

#endif /* MALLPAY_SERVICE_ADMIN_INT_H */
