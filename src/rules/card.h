#ifndef MALLPAY_RULES_CARD_H
#define MALLPAY_RULES_CARD_H

/*
 * Card numbers for credit-card installments (RULES INST-CC): the Luhn
 * check, the brand from the prefix, the length the brand allows, and the
 * last four digits (the only digits the mall keeps). Nothing here stores
 * or logs a number.
 */

#include <stddef.h>
#include <stdint.h>

/* Most digits of a card number (ISO/IEC 7812). */
#define CARD_MAX_DIGITS		19
/* Fewest digits accepted by card_digits(). */
#define CARD_MIN_DIGITS		12

enum card_brand {
	CARD_UNKNOWN = 0,
	CARD_VISA,		/* 4; 13, 16 or 19 digits */
	CARD_MASTERCARD,	/* 51-55, 2221-2720; 16 digits */
	CARD_UNIONPAY,		/* 62, 81; 16-19 digits */
};

struct card_info {
	enum card_brand	 brand;
	char		 last4[5];
	int		 ndigits;
};

/* Copy the digits of buf/len into out (at least CARD_MAX_DIGITS + 1
 * bytes), skipping spaces. Returns the number of digits, or -1 on any
 * other character or a count outside CARD_MIN_DIGITS..CARD_MAX_DIGITS. */
int	card_digits(const char *buf, size_t len, char *out, size_t outsz);

/* 1 if the digits of buf/len (spaces allowed) pass the Luhn check and
 * are a plausible count (card_digits()), else 0. */
int	card_luhn_valid(const char *buf, size_t len);

/* Brand from the prefix of buf/len (spaces allowed), regardless of the
 * length; CARD_UNKNOWN if no brand matches or buf is not a number. */
enum card_brand card_brand_of(const char *buf, size_t len);

/* 1 if ndigits is a length brand b issues, else 0. */
int	card_brand_length_ok(enum card_brand b, int ndigits);

/* "visa", "mastercard", "unionpay" or "unknown". */
const char *card_brand_str(enum card_brand b);

/* Write the last four digits of buf/len into out (5 bytes).
 * Returns -1 if buf/len is not a card number (card_digits()). */
int	card_last4(const char *buf, size_t len, char *out, size_t outsz);

/* All checks of INST-CC: digits, Luhn, a supported brand and a length
 * that brand issues. Fills *out (brand, last four, digit count) and
 * returns 0, or returns -1 with a message in err (may be NULL) that never
 * contains the number. */
int	card_check(const char *buf, size_t len, struct card_info *out,
	    char *err, size_t errsz);

/* 1 when expiry "MM/YY" (or "MM/YYYY") is the month of now or later, else
 * 0 (a card form's expiry; now is given, never read here). */
int	card_expiry_ok(const char *expiry, int64_t now);

#endif
