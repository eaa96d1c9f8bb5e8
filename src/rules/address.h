#ifndef MALLPAY_RULES_ADDRESS_H
#define MALLPAY_RULES_ADDRESS_H

/*
 * Delivery addresses: the pure checks of one address as typed (no
 * database). Each field gets its own message, written for the shopper and
 * shown beside the field; a valid address comes out normalised (spaces
 * trimmed, postal code in its country's written form, e.g. "sw1a1aa" ->
 * "SW1A 1AA", "1000001" -> "100-0001" in Japan).
 *
 * Postal codes follow the format of each demo country (address.c has the
 * table: MY, TH, ID, ES, IT, DE, FR 5 digits; SG, VN, CN 6; PH 4; SA and
 * US 5 or 5+4; PL 99-999; JP 999-9999; CA A9A 9A9; GB outward and inward
 * code; PN and FK their one code; AE and KP none, so the field must stay
 * empty). A country outside the table (added later by an admin) gets only
 * the length check. Phone: an optional leading "+", then 7 to 15 digits;
 * spaces, hyphens, dots and parentheses between them are allowed.
 */

#include <stddef.h>

/* Longest stored value of each field, in bytes (the columns). */
#define ADDR_RECIPIENT_MAX	100
#define ADDR_LINE_MAX		120
#define ADDR_CITY_MAX		80
#define ADDR_REGION_MAX		80
#define ADDR_POSTAL_MAX		16
#define ADDR_PHONE_MAX		32

/* The fields as typed (any may be NULL: absent). */
struct addr_input {
	const char	*recipient, *line1, *line2, *city, *region;
	const char	*postal_code, *country, *phone;
};

/* The address normalised (valid when addr_check returned 0). */
struct addr_clean {
	char	recipient[ADDR_RECIPIENT_MAX + 1];
	char	line1[ADDR_LINE_MAX + 1];
	char	line2[ADDR_LINE_MAX + 1];
	char	city[ADDR_CITY_MAX + 1];
	char	region[ADDR_REGION_MAX + 1];
	char	postal_code[ADDR_POSTAL_MAX + 1];
	char	country[3];
	char	phone[ADDR_PHONE_MAX + 1];
};

/* One static message per field (NULL: fine). */
struct addr_errors {
	const char	*recipient, *line1, *line2, *city, *region;
	const char	*postal_code, *country, *phone;
	char		 postal_buf[512];	/* postal_code points here */
};

/* Check in; known_country says whether the country code is one the mall
 * delivers to (the countries table, read by the caller). Returns the
 * number of fields in error (0: *out is the normalised address). */
int	addr_check(const struct addr_input *in, int known_country,
	    struct addr_clean *out, struct addr_errors *err);

/* Check postal code pc for country cc alone (the format table); on 0 the
 * written form is in out (outsz >= ADDR_POSTAL_MAX + 1), on -1 a sentence
 * for the shopper is in msg. */
int	addr_postal_check(const char *cc, const char *pc, char *out,
	    size_t outsz, char *msg, size_t msgsz);

/* Check phone number ph: 0 (the trimmed number in out) or -1. */
int	addr_phone_check(const char *ph, char *out, size_t outsz);

#endif
