#ifndef MALLPAY_GATEWAY_LOGISTICS_H
#define MALLPAY_GATEWAY_LOGISTICS_H

/*
 * The logistics company's OUTBOUND boundary: booking a shipment (COD-P2,
 * every method's "shipped"). Its INBOUND events (delivery scheduled,
 * rescheduled, delivered and paid, refused: COD-P8) arrive on the COD
 * feature's signed partner endpoint (service/partner_auth.h).
 *
 * Implementations: `struct logistics_gateway`, by name with
 * logistics_gateway_get() ([gateway] logistics = sandbox, the only one).
 * A real carrier plugs in as another struct calling its booking API.
 *
 * THE SANDBOX ("sandbox"): no network, no state. book() answers carrier
 * "Demo Express" (partner 1 of the demo data, the one that signs the
 * inbound events) and tracking number "DX" + 10 digits derived from the
 * order id and the caller's idempotency key (the same booking gives the
 * same number), the courier who will deliver (a name and a phone number,
 * derived the same way, as a real carrier names its driver), an estimated
 * delivery of 3 days after now, or 9 days
 * (remote: COD-05) when the destination country is one of
 * LOGISTICS_SANDBOX_REMOTE. Refused: order id <= 0, country not 2
 * letters ("invalid destination").
 */

#include <stddef.h>
#include <stdint.h>

#define LOGISTICS_SANDBOX_REMOTE	"GL,FK,PN,TF"

struct logistics_booking {
	int64_t	order_id;
	char	country[3];		/* ISO 3166-1 alpha-2 destination */
	char	idem_key[65];		/* the same key books once */
};

struct logistics_result {
	int	ok;
	char	reason[128];
	char	carrier[64];
	char	tracking[32];
	char	courier_name[65];	/* "" when the carrier names none */
	char	courier_phone[33];
	int64_t	eta;			/* estimated delivery, epoch seconds */
};

struct logistics_gateway {
	const char	*name;
	/* Book the shipment at now. Returns 0 with *res (ok or refused with a
	 * reason), -1 when the carrier cannot be reached. */
	int	(*book)(const struct logistics_booking *, int64_t now,
		    struct logistics_result *res);
};

const struct logistics_gateway *logistics_gateway_get(const char *name);

extern const struct logistics_gateway logistics_sandbox;

#endif
