#ifndef MALLPAY_RULES_RFCODE_H
#define MALLPAY_RULES_RFCODE_H

/*
 * Remittance identification codes (RULES REM-P1): ISO 11649 structured
 * creditor references, "RF" + two check digits (ISO 7064 MOD 97-10) + a
 * reference of 1 to 21 letters and digits. A mistyped character or two
 * swapped characters change the remainder, so the code no longer
 * validates.
 */

#include <stddef.h>
#include <stdint.h>

/* Longest reference part. */
#define RFCODE_REF_MAX		21
/* Electronic form ("RF18539007547034") plus the NUL. */
#define RFCODE_MAX		(4 + RFCODE_REF_MAX + 1)
/* Printed form in groups of four ("RF18 5390 0754 7034") plus the NUL. */
#define RFCODE_PRINT_MAX	(RFCODE_MAX + 6)

/* Make the code for reference ref/len (1..21 letters and digits, any
 * case; upper-cased) and write its electronic form into out (at least
 * RFCODE_MAX bytes). Returns -1 if the reference is empty, too long, has
 * another character, or out is too small. */
int	rfcode_generate(const char *ref, size_t len, char *out, size_t outsz);

/* The code of an order: the reference is the order id in decimal.
 * Returns -1 if out is too small. */
int	rfcode_from_order_id(uint64_t order_id, char *out, size_t outsz);

/* 1 if buf/len is a valid creditor reference: "RF" (any case), check
 * digits 02..98, a 1..21 character alphanumeric reference, spaces
 * ignored anywhere, and MOD 97 of the rearranged code equal to 1.
 * 0 otherwise. */
int	rfcode_valid(const char *buf, size_t len);

/* Validate buf/len and write its electronic form (upper case, no
 * spaces) into out (RFCODE_MAX bytes). Returns -1 if invalid. */
int	rfcode_normalize(const char *buf, size_t len, char *out, size_t outsz);

/* Write the printed form of a code (groups of four separated by one
 * space) into out (RFCODE_PRINT_MAX bytes). Returns -1 if the code is
 * not valid or out is too small. */
int	rfcode_print(const char *buf, size_t len, char *out, size_t outsz);

#endif
