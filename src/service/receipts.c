/*
 * Receipts of an order from the ledger (see receipts.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/words.h"
#include "db/my_orders.h"
#include "db/order.h"
#include "service/agreement_pdf.h"
#include "service/receipts.h"

/* The payment kinds of the ledger and their words. */
static const struct {
	const char	*kind, *words;
} kinds[] = {
	{ "down_payment", N_("Down payment") },
	{ "installment", N_("Installment") },
	{ "payoff", N_("Early repayment of the plan") },
	{ "cod_collection", N_("Cash on delivery, paid to the courier") },
	{ "remittance_receipt", N_("Post office remittance, accepted") },
	{ "pau_charge", N_("Pay After Use, charged to your card") },
	{ "transfer", N_("Company bank transfer") },
	{ "debt_payment", N_("Refused delivery charge") },
};

/* See receipts.h. */
const char *
receipt_kind_words(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return _(kinds[i].words);
	return _("Payment");
}

/* See receipts.h. */
void
receipt_set_cleanup(struct receipt_set *s)
{
	free(s->r);
	free(s->items);
	memset(s, 0, sizeof(*s));
}

/* See receipts.h. */
enum result
receipt_set_load(struct db *db, int64_t reader, int64_t order_id,
    struct receipt_set *out)
{
	int	rc;

	memset(out, 0, sizeof(*out));
	if (reader <= 0)
		return RES_NOT_FOUND;
	if ((rc = db_order_get(db, reader, order_id, &out->o)) != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	if (db_receipts_of_order(db, order_id, &out->r, &out->n) == -1 ||
	    db_order_items(db, order_id, &out->items, &out->nitems) == -1)
		return RES_ERROR;
	return RES_OK;
}

/* See receipts.h. */
const struct db_receipt *
receipt_find(const struct receipt_set *s, int64_t id)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->r[i].id == id && s->r[i].paid_minor > 0)
			return &s->r[i];
	return NULL;
}

/* See receipts.h. */
int
receipt_pdf(const struct receipt_set *s, const struct db_receipt *r,
    const char *when, const char *amt, struct buf *out)
{
	struct buf	text;
	char		title[160], status[400], head[300], foot[300];
	size_t		i;
	int		rc;

	snprintf(title, sizeof(title), _("Receipt R-%lld"), (long long)r->id);
	snprintf(status, sizeof(status), _("Order #%lld · %s · paid %s"),
	    (long long)s->o.id, words_method(pay_method_name(s->o.method)), when);
	snprintf(head, sizeof(head), _("Amount paid: %s"), amt);
	snprintf(foot, sizeof(foot), _("Receipt R-%lld of order #%lld · "
	    "mallpay"), (long long)r->id, (long long)s->o.id);
	buf_init(&text);
	buf_printf(&text, _("Paid for: %s"), receipt_kind_words(r->kind));
	buf_puts(&text, "\n");
	buf_printf(&text, _("Amount paid: %s"), amt);
	buf_puts(&text, "\n");
	buf_printf(&text, _("Date: %s"), when);
	buf_puts(&text, "\n");
	if (r->partner_ref[0] != '\0') {
		buf_printf(&text, _("Reference: %s"), r->partner_ref);
		buf_puts(&text, "\n");
	}
	buf_printf(&text, "\n%s\n", _("Products of the order:"));
	for (i = 0; i < s->nitems; i++)
		buf_printf(&text, "  %d × %s\n", s->items[i].qty,
		    s->items[i].name);
	rc = text_pdf(title, status, head, foot, buf_str(&text), out);
	buf_cleanup(&text);
	return rc;
}
