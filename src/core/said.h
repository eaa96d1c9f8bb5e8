#ifndef MALLPAY_CORE_SAID_H
#define MALLPAY_CORE_SAID_H

/*
 * Fixed sentences the services store (an order event's reason, a
 * tracking event's detail, a COD debt's description, an order's
 * settlement note), kept as a code with figures so that each
 * reader reads them in the language of the page. The stored form is
 * "{code}" followed by each figure after a tab; said_name() names the
 * code at the database boundary. Text an admin, a partner or a shopper
 * typed is stored as typed and read as typed. Pure: no clock, no
 * database; sentences read in the thread's language (core/i18n.h).
 */

#include <stddef.h>

/* Room enough for any stored sentence with its figures (a stored
 * reason holds at most 255 bytes). */
#define SAID_LEN	256

enum said {
	SAID_PLACED,		/* METHOD */
	SAID_PLACED_AT,		/* METHOD, INSTITUTION (an id) */
	SAID_SHIPPED,		/* CARRIER, TRACKING (COD-P2) */
	SAID_DELIVERED_COURIER,
	SAID_DELIVERED,
	SAID_RETURNED_UNCHARGED,	/* PAU-05 */
	SAID_RETURNED_REFUND,	/* FROM, BY (COD-P7) */
	SAID_UNPAID_CANCELLED,	/* DAY (COD-P5, COD-P6) */
	SAID_REFUSED_VALID,	/* REASON, a refusal code (COD-P4) */
	SAID_REFUSED_CHARGED,	/* TOTAL, SHIPPING, FEE (COD-F2) */
	SAID_REFUSED,
	SAID_RESCHEDULED,	/* DAY, N, MAX (COD-P5) */
	SAID_AGREED,		/* DAY (COD-P2) */
	SAID_PAYMENT_REPORTED,	/* AMOUNT, METHOD, RECORD (COD-P3) */
	SAID_SHOPPER_PAID_PHOTO,	/* COD-P3 */
	SAID_SHOPPER_PAID_RECORD,	/* RECORD (COD-P3) */
	SAID_SETTLES_MIXED,	/* DAY (C-02) */
	SAID_SETTLES_USD,	/* C-02 */
	SAID_SETTLES_IN,	/* CUR, RATE (USD per unit), DAY (C-02) */
	SAID_REM_UPLOADED,	/* REM-P3 */
	SAID_REM_MATCHED,	/* REM-P5 */
	SAID_REM_READY,		/* REM-P5 */
	SAID_REM_PAID_LESS,	/* REM-P7 */
	SAID_REM_REJECTED,	/* REM-P9 */
	SAID_REM_WINDOW_ENDED,	/* REM-P6 */
	SAID_REM_REFUND_DUE,	/* REM-P8 */
	SAID_REM_REFUND_ACCOUNT,	/* REM-P8 */
	SAID_REM_REFUND_SENT,	/* REM-P8 */
	SAID_REM_EXCESS_SENT,	/* REM-P7 */
	SAID_INST_CC_APPROVED,	/* INST-CC */
	SAID_INST_PC_APPROVED,	/* INST-PC */
	SAID_INST_PC_DECLINED,	/* REASON, the partner's (INST-PC) */
	SAID_INST_CORP_APPROVED,	/* INST-CORP */
	SAID_INST_CORP_REFUSED,	/* REASON, the admin's (INST-CORP) */
	SAID_INST_CORP_DOWN,	/* AMOUNT, REFERENCE (INST-CORP) */
	SAID_INST_CORP_EFFECT,	/* INST-CORP */
	SAID_INST_CONFIRMED,	/* INST-P1 */
	SAID_INST_READY,	/* INST-P1 */
	SAID_INST_TERMINATED,	/* INST-C2 */
	SAID_PAU_AUTO_RECEIPT,	/* PAU-03 */
	SAID_PAU_RETURNED,	/* PAU-05 */
	SAID_PAU_CHARGED,	/* AMOUNT, LAST4, REFERENCE (PAU-03) */
	SAID_PAU_CHARGE_FAILED,	/* AMOUNT, REASON (bank's; PAU-04) */
	SAID_PAU_LATE_FEE,	/* AMOUNT, RATE (% a day; INST-F1, PAU-04) */
	SAID_PAU_RETRY_FAILED,	/* N, AMOUNT, REASON (bank's; PAU-04) */
	SAID_PAU_PAYMENT_FAILED, /* AMOUNT, REASON (bank's; PAU-04) */
	SAID_PAU_DEBT_PAID,	/* AMOUNT, REFERENCE (PAU-04) */
	SAID_RECEIPT_CONFIRMED,	/* any method */
	SAID_RECEIPT_AUTO,	/* any method */
	SAID_ADMIN_CANCELLED,	/* REASON, the admin's (any method) */
	SAID_ADMIN_CANCELLED_PLAIN,	/* any method */
	SAID_COD_REVIEW_PASSED,	/* COD-P1 */
	SAID_COD_REVIEW_NOTE,	/* NOTE, the admin's (COD-P1) */
	SAID_COD_REVIEW_REJECTED,	/* REASON, the admin's (COD-P1) */
	SAID_DELIVERED_PAID,	/* COD-P3 */
	SAID_COD_RETURN_REQUESTED,	/* REASON, the shopper's (COD-P7) */
	SAID_COD_REFUND_SENT,	/* COD-P7 */
	SAID_COD_DEBT_PAID,	/* AMOUNT, KEY (COD-F2) */
	SAID__MAX
};

/* The code's name as stored ("shipped"). */
const char *said_name(enum said);

/* The stored form of sentence s with its figures (as many as s takes,
 * in the order above; NULL stands for "") into out (outsz bytes);
 * returns out. */
const char *said_store(char *out, size_t outsz, enum said s, const char *f1,
	    const char *f2, const char *f3);

/* What is stored in words into out: a stored sentence in the thread's
 * language with its figures put in (a code among them in words, an
 * institution id inst_id as inst_name); any other text through
 * words_text(), so codes standing alone read as words and typed text
 * as typed. */
void	said_text(const char *stored, const char *inst_id,
	    const char *inst_name, char *out, size_t outsz);

/* A tracking event's kind in words ("shipped" -> "Shipped",
 * "delivery_scheduled" -> "Delivery agreed"), into out. */
void	said_track_kind(const char *kind, char *out, size_t outsz);

/* The sentences whose words, in English or in the thread's language,
 * contain q (case-insensitively; at least 3 bytes, else none) into out,
 * at most max of them; returns how many. An audit search by words finds
 * the sentences stored as codes through them. */
size_t	said_matching(const char *q, enum said *out, size_t max);

#endif
