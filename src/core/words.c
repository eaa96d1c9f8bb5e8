/*
 * Words, not codes (see words.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/words.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

struct word {
	const char	*code, *text;
};

static const struct word methods[] = {
	{ "cod", N_("Cash on delivery") },
	{ "installment_card", N_("Installment (credit card)") },
	{ "installment_partner", N_("Installment (finance partner)") },
	{ "installment_corporate", N_("Installment (corporate)") },
	{ "credit_line", N_("Platform credit line") },
	{ "remittance", N_("Post office remittance") },
	{ "pay_after_use", N_("Pay After Use") },
};

/* The statuses whose words are not the code's with spaces (and those
 * translated: every status a shopper reads). */
static const struct word statuses[] = {
	{ "awaiting_review", N_("Awaiting review") },
	{ "awaiting_confirmation", N_("Awaiting confirmation") },
	{ "awaiting_remittance", N_("Awaiting remittance") },
	{ "awaiting_verification", N_("Awaiting verification") },
	{ "partially_paid", N_("Partially paid") },
	{ "paid_installment", N_("Paid (Installment)") },
	{ "paid", N_("Paid") },
	{ "pending_shipment", N_("Pending shipment") },
	{ "shipped", N_("Shipped") },
	{ "delivered", N_("Delivered") },
	{ "receipt_confirmed", N_("Receipt confirmed") },
	{ "completed", N_("Completed") },
	{ "cancelled", N_("Cancelled") },
	{ "refused", N_("Refused") },
	{ "return_requested", N_("Return requested") },
	{ "returned", N_("Returned") },
	{ "refunded", N_("Refunded") },
};

/* The states of what is not an order: an installment plan (plans.status),
 * one installment of its schedule, a remittance voucher, a Pay After Use
 * charge and an amount owed after a refused delivery. */
static const struct word states[] = {
	/* TRANSLATORS: the states of an installment plan. */
	{ "review", N_("under review") },
	{ "offered", N_("offered, awaiting your confirmation") },
	{ "declined", N_("declined") },
	{ "active", N_("active") },
	{ "closed", N_("repaid and closed") },
	{ "terminated", N_("ended, nothing more is due") },
	/* TRANSLATORS: the state of one installment of a schedule. */
	{ "due", N_("due") },
	{ "paid", N_("paid") },
	{ "overdue", N_("overdue") },
	{ "not_due", N_("not due") },
	{ "cancelled", N_("cancelled") },
	/* TRANSLATORS: the state of a remittance voucher. */
	{ "pending", N_("pending") },
	{ "accepted", N_("accepted") },
	{ "rejected", N_("rejected") },
	/* TRANSLATORS: a charge or an amount owed not yet paid. */
	{ "open", N_("open") },
	{ "settled", N_("settled") },
};

static const struct word reasons[] = {
	{ "damaged", N_("Damaged") },
	{ "wrong_item", N_("Wrong item") },
	{ "missing_items", N_("Missing items") },
	{ "no_valid_reason", N_("No valid reason") },
};

/* TRANSLATORS: the mall's shipping regions (sql/001), by their codes. */
static const struct word regions[] = {
	{ "CN-BONDED", N_("Domestic bonded warehouse") },
	{ "EA", N_("East Asia") },
	{ "EU", N_("Europe") },
	{ "EU-COD", N_("Europe (COD countries)") },
	{ "ME", N_("Middle East") },
	{ "NA", N_("North America") },
	{ "REMOTE", N_("Remote areas") },
	{ "SEA", N_("Southeast Asia") },
};

static const struct word brands[] = {
	{ "visa", "Visa" },
	{ "mastercard", "Mastercard" },
	{ "unionpay", "UnionPay" },
};

/* The text of code in table w (n rows), or NULL. */
static const char *
lookup(const struct word *w, size_t n, const char *code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(w[i].code, code) == 0)
			return w[i].text;
	return NULL;
}

/* See words.h. */
const char *
words_method(const char *code)
{
	const char *t;

	if (code[0] == '\0')
		return _("Not chosen yet");
	t = lookup(methods, NELEM(methods), code);
	return t != NULL ? _(t) : code;
}

/* See words.h. */
void
words_status(const char *code, char *out, size_t outsz)
{
	size_t i;

	const char *t;

	if (outsz == 0)
		return;
	if ((t = lookup(statuses, NELEM(statuses), code)) != NULL) {
		snprintf(out, outsz, "%s", _(t));
		return;
	}
	for (i = 0; code[i] != '\0' && i + 1 < outsz; i++)
		out[i] = code[i] == '_' ? ' ' : code[i];
	out[i] = '\0';
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

/* See words.h. */
const char *
words_reason(const char *code)
{
	const char *t = lookup(reasons, NELEM(reasons), code);

	return t != NULL ? _(t) : code;
}

/* See words.h. */
const char *
words_state(const char *code)
{
	const char *t = lookup(states, NELEM(states), code);

	return t != NULL ? _(t) : code;
}

/* See words.h. */
const char *
words_region(const char *code, const char *name)
{
	const char *t = code != NULL ? lookup(regions, NELEM(regions), code) :
	    NULL;

	return t != NULL ? _(t) : name;
}

/* See words.h. */
const char *
words_card_brand(const char *code)
{
	const char *t = lookup(brands, NELEM(brands), code);

	return t != NULL ? t : "card";
}

/* See words.h. */
void
words_count(char *out, size_t outsz, long long n, const char *one,
    const char *many)
{
	snprintf(out, outsz, "%lld %s", n, n == 1 ? one : many);
}

/* 1 if c may be part of a code. */
static int
code_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* The words of token tok (len bytes) into st (stsz), or NULL when it is
 * no code: a method (but "remittance", already a word), a status or
 * reason with an underscore, a card brand, the institution. */
static const char *
token_words(const char *tok, size_t len, const char *inst_id,
    const char *inst_name, char *st, size_t stsz)
{
	char		 code[40];
	const char	*t;

	if (len >= sizeof(code))
		return NULL;
	memcpy(code, tok, len);
	code[len] = '\0';
	if (inst_id != NULL && inst_name != NULL && inst_name[0] != '\0' &&
	    strcmp(code, inst_id) == 0)
		return inst_name;
	if (strcmp(code, "remittance") != 0 &&
	    (t = lookup(methods, NELEM(methods), code)) != NULL)
		return _(t);
	if ((t = lookup(brands, NELEM(brands), code)) != NULL)
		return t;
	if (strchr(code, '_') == NULL)
		return NULL;
	if ((t = lookup(reasons, NELEM(reasons), code)) != NULL)
		return _(t);
	words_status(code, st, stsz);
	return st;
}

/* See words.h. */
void
words_text(const char *in, const char *inst_id, const char *inst_name,
    char *out, size_t outsz)
{
	size_t		 o = 0, len;
	const char	*p = in, *w;
	char		 st[96];
	int		 n;

	if (outsz == 0)
		return;
	out[0] = '\0';
	while (*p != '\0' && o + 1 < outsz) {
		if (!code_char(*p)) {
			out[o++] = *p++;
			continue;
		}
		for (len = 0; code_char(p[len]); len++)
			;
		w = token_words(p, len, inst_id, inst_name, st, sizeof(st));
		n = snprintf(out + o, outsz - o, "%.*s", w != NULL ?
		    (int)strlen(w) : (int)len, w != NULL ? w : p);
		o += (size_t)n < outsz - o ? (size_t)n : outsz - o - 1;
		p += len;
	}
	out[o] = '\0';
}
