/*
 * Fixed sentences stored as codes with figures (see said.h).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/said.h"
#include "core/words.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define SAID_FIGS	3

/* How a figure is read: as stored, a payment method, a refusal reason,
 * an institution id, or text whose codes read as words. */
enum fig { F_ASIS, F_METHOD, F_REASON, F_INST, F_CODE };

struct sentence {
	const char	*name, *text;
	const char	*fig[SAID_FIGS];	/* the placeholders' names */
	enum fig	 how[SAID_FIGS];
};

static const struct sentence sentences[SAID__MAX] = {
	[SAID_PLACED] = { "placed", N_("Placed with {METHOD}."),
	    { "METHOD" }, { F_METHOD } },
	[SAID_PLACED_AT] = { "placed_at",
	    N_("Placed with {METHOD} at {INSTITUTION}."),
	    { "METHOD", "INSTITUTION" }, { F_METHOD, F_INST } },
	[SAID_SHIPPED] = { "shipped",
	    N_("Shipped with {CARRIER}, tracking number {TRACKING}."),
	    { "CARRIER", "TRACKING" }, { F_ASIS, F_ASIS } },
	[SAID_DELIVERED_COURIER] = { "delivered_courier",
	    N_("Delivered by the courier."), { NULL }, { F_ASIS } },
	[SAID_DELIVERED] = { "delivered", N_("Delivered to the shopper."),
	    { NULL }, { F_ASIS } },
	[SAID_RETURNED_UNCHARGED] = { "returned_uncharged",
	    N_("The merchant received the goods back before receipt was "
	    "confirmed; nothing was charged (PAU-05)."), { NULL }, { F_ASIS } },
	[SAID_RETURNED_REFUND] = { "returned_refund",
	    N_("The merchant received the goods back; the refund is due "
	    "between {FROM} and {BY} (COD-P7)."),
	    { "FROM", "BY" }, { F_ASIS, F_ASIS } },
	[SAID_UNPAID_CANCELLED] = { "unpaid_cancelled",
	    N_("Not paid by the agreed delivery day {DAY}: cancelled (COD-P5; "
	    "a delivery delay does not affect cash on delivery permission, "
	    "COD-P6)."), { "DAY" }, { F_ASIS } },
	[SAID_REFUSED_VALID] = { "refused_valid",
	    N_("Refused on inspection ({REASON}): cancelled at no cost to the "
	    "shopper; not counted against cash on delivery permission "
	    "(COD-P4)."), { "REASON" }, { F_REASON } },
	[SAID_REFUSED_CHARGED] = { "refused_charged",
	    N_("Refused without a valid reason: {TOTAL} (round-trip shipping "
	    "{SHIPPING} + service fee {FEE}) charged to the account (COD-F2)."),
	    { "TOTAL", "SHIPPING", "FEE" }, { F_ASIS, F_ASIS, F_ASIS } },
	[SAID_REFUSED] = { "refused", N_("Refused without a valid reason."),
	    { NULL }, { F_ASIS } },
	[SAID_RESCHEDULED] = { "rescheduled",
	    N_("Delivery rescheduled to {DAY} (COD-P5: rescheduling {N} of "
	    "{MAX})."), { "DAY", "N", "MAX" }, { F_ASIS, F_ASIS, F_ASIS } },
	[SAID_AGREED] = { "agreed", N_("Delivery agreed for {DAY} (COD-P2)."),
	    { "DAY" }, { F_ASIS } },
	[SAID_PAYMENT_REPORTED] = { "payment_reported",
	    N_("Payment reported: {AMOUNT} by {METHOD}, courier record "
	    "{RECORD} (COD-P3)."), { "AMOUNT", "METHOD", "RECORD" },
	    { F_ASIS, F_CODE, F_ASIS } },
	[SAID_SHOPPER_PAID_PHOTO] = { "shopper_paid_photo",
	    N_("The shopper reported paying the courier, with a photo of the "
	    "receipt (COD-P3)."), { NULL }, { F_ASIS } },
	[SAID_SHOPPER_PAID_RECORD] = { "shopper_paid_record",
	    N_("The shopper reported paying the courier, courier record "
	    "{RECORD} (COD-P3)."), { "RECORD" }, { F_ASIS } },
	[SAID_SETTLES_MIXED] = { "settles_mixed",
	    N_("The cart mixes currencies: the order settles in USD, each unit "
	    "price converted at the exchange rate of {DAY}."), { "DAY" },
	    { F_ASIS } },
	[SAID_SETTLES_USD] = { "settles_usd",
	    N_("The order settles in USD, the currency of its items."),
	    { NULL }, { F_ASIS } },
	[SAID_SETTLES_IN] = { "settles_in",
	    N_("The order settles in {CUR}, the currency of its items (USD "
	    "{RATE} per {CUR}, rate of {DAY})."), { "CUR", "RATE", "DAY" },
	    { F_ASIS, F_ASIS, F_ASIS } },
	[SAID_REM_UPLOADED] = { "rem_uploaded", N_("The shopper uploaded the "
	    "remittance voucher (REM-P3)."), { NULL }, { F_ASIS } },
	[SAID_REM_MATCHED] = { "rem_matched", N_("The remittance was received "
	    "in full (REM-P5)."), { NULL }, { F_ASIS } },
	[SAID_REM_READY] = { "rem_ready", N_("Paid in full: ready to ship "
	    "(REM-P5)."), { NULL }, { F_ASIS } },
	[SAID_REM_PAID_LESS] = { "rem_paid_less", N_("Less than the amount "
	    "due was received: the difference is still due (REM-P7)."),
	    { NULL }, { F_ASIS } },
	[SAID_REM_REJECTED] = { "rem_rejected", N_("The remittance voucher "
	    "was not accepted (REM-P9)."), { NULL }, { F_ASIS } },
	[SAID_REM_WINDOW_ENDED] = { "rem_window_ended", N_("No remittance "
	    "arrived within the payment window: cancelled (REM-P6)."),
	    { NULL }, { F_ASIS } },
	[SAID_REM_REFUND_DUE] = { "rem_refund_due", N_("A refund is due "
	    "(REM-P8)."), { NULL }, { F_ASIS } },
	[SAID_REM_REFUND_ACCOUNT] = { "rem_refund_account", N_("The shopper "
	    "gave the account for the refund (REM-P8)."), { NULL },
	    { F_ASIS } },
	[SAID_REM_REFUND_SENT] = { "rem_refund_sent", N_("The refund was sent "
	    "(REM-P8)."), { NULL }, { F_ASIS } },
	[SAID_REM_EXCESS_SENT] = { "rem_excess_sent", N_("The amount paid "
	    "above the amount due was refunded (REM-P7)."), { NULL },
	    { F_ASIS } },
	[SAID_INST_CC_APPROVED] = { "inst_cc_approved", N_("Approved by the "
	    "bank in real time (INST-CC)."), { NULL }, { F_ASIS } },
	[SAID_INST_PC_APPROVED] = { "inst_pc_approved", N_("Approved by the "
	    "financing partner (INST-PC)."), { NULL }, { F_ASIS } },
	[SAID_INST_PC_DECLINED] = { "inst_pc_declined", N_("Declined by the "
	    "financing partner: {REASON} (INST-PC)."), { "REASON" },
	    { F_CODE } },
	[SAID_INST_CORP_APPROVED] = { "inst_corp_approved", N_("The corporate "
	    "installment application was approved (INST-CORP)."), { NULL },
	    { F_ASIS } },
	[SAID_INST_CORP_REFUSED] = { "inst_corp_refused", N_("The corporate "
	    "installment application was refused: {REASON} (INST-CORP)."),
	    { "REASON" }, { F_ASIS } },
	[SAID_INST_CORP_DOWN] = { "inst_corp_down", N_("Down payment of "
	    "{AMOUNT} received by bank transfer {REFERENCE} (INST-CORP)."),
	    { "AMOUNT", "REFERENCE" }, { F_ASIS, F_ASIS } },
	[SAID_INST_CORP_EFFECT] = { "inst_corp_effect", N_("The agreement is "
	    "in effect and the down payment received: ready to ship "
	    "(INST-CORP)."), { NULL }, { F_ASIS } },
	[SAID_INST_CONFIRMED] = { "inst_confirmed", N_("Installment plan "
	    "confirmed and down payment paid (INST-P1)."), { NULL },
	    { F_ASIS } },
	[SAID_INST_READY] = { "inst_ready", N_("Ready to ship (INST-P1)."),
	    { NULL }, { F_ASIS } },
	[SAID_INST_TERMINATED] = { "inst_terminated", N_("The installment "
	    "agreement was terminated and the refund recorded (INST-C2)."),
	    { NULL }, { F_ASIS } },
	[SAID_PAU_AUTO_RECEIPT] = { "pau_auto_receipt", N_("Receipt confirmed "
	    "automatically after delivery (PAU-03)."), { NULL }, { F_ASIS } },
	[SAID_PAU_RETURNED] = { "pau_returned", N_("Returned before receipt "
	    "was confirmed: nothing is charged (PAU-05)."), { NULL },
	    { F_ASIS } },
	[SAID_PAU_CHARGED] = { "pau_charged", N_("{AMOUNT} charged to the card "
	    "ending {LAST4}, reference {REFERENCE} (PAU-03)."),
	    { "AMOUNT", "LAST4", "REFERENCE" }, { F_ASIS, F_ASIS, F_ASIS } },
	[SAID_PAU_CHARGE_FAILED] = { "pau_charge_failed", N_("The charge of "
	    "{AMOUNT} failed ({REASON}): the merchant was paid from the "
	    "guarantee and the debt is open (PAU-04)."), { "AMOUNT", "REASON" },
	    { F_ASIS, F_ASIS } },
	[SAID_PAU_LATE_FEE] = { "pau_late_fee", N_("The late fee on the debt "
	    "is now {AMOUNT}, at a daily rate of {RATE}% (INST-F1, PAU-04)."),
	    { "AMOUNT", "RATE" }, { F_ASIS, F_ASIS } },
	[SAID_PAU_RETRY_FAILED] = { "pau_retry_failed", N_("Charge attempt "
	    "{N} of {AMOUNT} failed ({REASON}) (PAU-04)."),
	    { "N", "AMOUNT", "REASON" }, { F_ASIS, F_ASIS, F_ASIS } },
	[SAID_PAU_PAYMENT_FAILED] = { "pau_payment_failed", N_("The shopper's "
	    "payment of {AMOUNT} failed ({REASON}) (PAU-04)."),
	    { "AMOUNT", "REASON" }, { F_ASIS, F_ASIS } },
	[SAID_PAU_DEBT_PAID] = { "pau_debt_paid", N_("The debt of {AMOUNT}, "
	    "late fee included, is paid, reference {REFERENCE} (PAU-04)."),
	    { "AMOUNT", "REFERENCE" }, { F_ASIS, F_ASIS } },
	[SAID_RECEIPT_CONFIRMED] = { "receipt_confirmed", N_("Receipt "
	    "confirmed by the shopper."), { NULL }, { F_ASIS } },
	[SAID_RECEIPT_AUTO] = { "receipt_auto", N_("Receipt confirmed "
	    "automatically."), { NULL }, { F_ASIS } },
	[SAID_ADMIN_CANCELLED] = { "admin_cancelled", N_("Cancelled by an "
	    "admin: {REASON}."), { "REASON" }, { F_ASIS } },
	[SAID_ADMIN_CANCELLED_PLAIN] = { "admin_cancelled_plain",
	    N_("Cancelled by an admin."), { NULL }, { F_ASIS } },
	[SAID_COD_REVIEW_PASSED] = { "cod_review_passed", N_("Cash on "
	    "delivery review passed (COD-P1)."), { NULL }, { F_ASIS } },
	[SAID_COD_REVIEW_NOTE] = { "cod_review_note", N_("Cash on delivery "
	    "review passed: {NOTE} (COD-P1)."), { "NOTE" }, { F_ASIS } },
	[SAID_COD_REVIEW_REJECTED] = { "cod_review_rejected", N_("Cash on "
	    "delivery review rejected: {REASON} (COD-P1)."), { "REASON" },
	    { F_ASIS } },
	[SAID_DELIVERED_PAID] = { "delivered_paid", N_("Delivered and paid "
	    "to the courier (COD-P3)."), { NULL }, { F_ASIS } },
	[SAID_COD_RETURN_REQUESTED] = { "cod_return_requested",
	    N_("After-sales return requested: {REASON} (COD-P7)."),
	    { "REASON" }, { F_ASIS } },
	[SAID_COD_REFUND_SENT] = { "cod_refund_sent", N_("The refund was sent "
	    "to the original payment account (COD-P7)."), { NULL },
	    { F_ASIS } },
	[SAID_COD_DEBT_PAID] = { "cod_debt_paid", N_("Refusal debt of {AMOUNT} "
	    "paid by card, bank key {KEY} (COD-F2)."), { "AMOUNT", "KEY" },
	    { F_ASIS, F_ASIS } },
};

/* Tracking kinds whose words are not an order status's. */
static const struct sentence kinds[] = {
	{ "delivery_scheduled", N_("Delivery agreed"), { NULL }, { F_ASIS } },
	{ "rescheduled", N_("Delivery rescheduled"), { NULL }, { F_ASIS } },
	{ "paid", N_("Paid to the courier"), { NULL }, { F_ASIS } },
	{ "shopper_paid", N_("Payment reported by the shopper"), { NULL },
	    { F_ASIS } },
};

/* See said.h. */
const char *
said_name(enum said s)
{
	return s >= 0 && s < SAID__MAX ? sentences[s].name : "";
}

/* See said.h. */
const char *
said_store(char *out, size_t outsz, enum said s, const char *f1,
    const char *f2, const char *f3)
{
	const char	*f[SAID_FIGS] = { f1, f2, f3 };
	size_t		 o, i;

	if (outsz == 0)
		return out;
	o = (size_t)snprintf(out, outsz, "{%s}", said_name(s));
	for (i = 0; i < SAID_FIGS && sentences[s].fig[i] != NULL &&
	    o < outsz; i++)
		o += (size_t)snprintf(out + o, outsz - o, "\t%s",
		    f[i] != NULL ? f[i] : "");
	return out;
}

/* The sentence stored in st (its code read up to '}'), or NULL. */
static const struct sentence *
stored_sentence(const char *st)
{
	const char	*end;
	size_t		 i, len;

	if (st[0] != '{' || (end = strchr(st, '}')) == NULL)
		return NULL;
	len = (size_t)(end - st - 1);
	for (i = 0; i < SAID__MAX; i++)
		if (strlen(sentences[i].name) == len &&
		    strncmp(st + 1, sentences[i].name, len) == 0)
			return &sentences[i];
	return NULL;
}

/* Figure i of st's figures (after the code, tab-separated) into out in
 * words as s says. */
static void
figure(const struct sentence *s, const char *st, size_t i,
    const char *inst_id, const char *inst_name, char *out, size_t outsz)
{
	const char	*p = strchr(st, '}') + 1, *e;
	char		 raw[256];
	size_t		 k, len;

	out[0] = '\0';
	for (k = 0; k <= i; k++) {
		if ((p = strchr(p, '\t')) == NULL)
			return;
		p++;
	}
	len = (e = strchr(p, '\t')) != NULL ? (size_t)(e - p) : strlen(p);
	snprintf(raw, sizeof(raw), "%.*s", (int)len, p);
	switch (s->how[i]) {
	case F_METHOD:
		snprintf(out, outsz, "%s", words_method(raw));
		break;
	case F_REASON:
		snprintf(out, outsz, "%s", words_reason(raw));
		break;
	case F_INST:
		snprintf(out, outsz, "%s", inst_id != NULL && inst_name !=
		    NULL && inst_name[0] != '\0' && strcmp(raw, inst_id) == 0 ?
		    inst_name : raw);
		break;
	case F_CODE:
		words_text(raw, inst_id, inst_name, out, outsz);
		break;
	default:
		snprintf(out, outsz, "%s", raw);
	}
}

/* See said.h. */
void
said_text(const char *stored, const char *inst_id, const char *inst_name,
    char *out, size_t outsz)
{
	const struct sentence	*s;
	const char		*t, *close;
	char			 fig[256];
	size_t			 o = 0, i, len;

	if (outsz == 0)
		return;
	if ((s = stored_sentence(stored)) == NULL) {
		words_text(stored, inst_id, inst_name, out, outsz);
		return;
	}
	for (t = _(s->text); *t != '\0' && o + 1 < outsz; ) {
		close = *t == '{' ? strchr(t, '}') : NULL;
		len = close != NULL ? (size_t)(close - t - 1) : 0;
		for (i = 0; close != NULL && i < SAID_FIGS &&
		    s->fig[i] != NULL; i++)
			if (strlen(s->fig[i]) == len &&
			    strncmp(t + 1, s->fig[i], len) == 0)
				break;
		if (close == NULL || i == SAID_FIGS || s->fig[i] == NULL) {
			out[o++] = *t++;
			continue;
		}
		figure(s, stored, i, inst_id, inst_name, fig, sizeof(fig));
		o += (size_t)snprintf(out + o, outsz - o, "%s", fig);
		if (o >= outsz)
			o = outsz - 1;
		t = close + 1;
	}
	out[o] = '\0';
}

/* See said.h. */
void
said_track_kind(const char *kind, char *out, size_t outsz)
{
	size_t i;

	for (i = 0; i < NELEM(kinds); i++)
		if (strcmp(kinds[i].name, kind) == 0) {
			snprintf(out, outsz, "%s", _(kinds[i].text));
			return;
		}
	words_status(kind, out, outsz);
}

/* Whether hay contains needle, ASCII letters case-insensitively (other
 * bytes, UTF-8 among them, as they are). */
static int
has_words(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

/* See said.h. */
size_t
said_matching(const char *q, enum said *out, size_t max)
{
	size_t	i, n = 0;

	if (q == NULL || strlen(q) < 3)
		return 0;
	for (i = 0; i < SAID__MAX && n < max; i++)
		if (has_words(sentences[i].text, q) ||
		    has_words(_(sentences[i].text), q))
			out[n++] = (enum said)i;
	return n;
}
