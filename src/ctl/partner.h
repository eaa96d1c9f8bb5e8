#ifndef MALLPAY_CTL_PARTNER_H
#define MALLPAY_CTL_PARTNER_H

struct ctl;

/* mallpayctl partner-sign --partner ID --method M --path P [--now TIME]
 *   [--key-version N] < body: print the X-Partner-Id, X-Timestamp and
 * X-Signature header lines a partner would send with that body (keys
 * derived from the configuration's partner_key, service/partner_auth.h).
 * Returns 0, 1 (bad key, unreadable body) or 2 (usage). */
int	ctl_partner_sign(struct ctl *, int argc, char **argv);

#endif
