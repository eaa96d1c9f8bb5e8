/*
 * The corporate installment agreement's text (see company.h), written in
 * one language: every sentence from the catalogue of the thread's
 * language, amounts in that language's form (the caller's formatter).
 * The text is built once, at approval, in the signer's language; its
 * bytes are what is hashed, shown, downloaded and signed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/money.h"
#include "rules/apr.h"
#include "rules/plan.h"
#include "service/company.h"
#include "service/corp_transfer.h"

/* The agreement's first line, the title it is recognised by. */
#define AGREEMENT_TITLE	N_("CORPORATE INSTALLMENT AGREEMENT")

/* Clauses 7 to 11 of the corporate agreement of order_id (due dates,
 * repayment, late fee at late_fee_rate, early repayment, waives: its
 * future fees waived, cancellation) and the signature's note, into out. */
static void
agreement_terms(int64_t order_id, const char *late_fee_rate, int waives,
    struct buf *out)
{
	char	ref[40];

	buf_printf(out, "%s\n", _("7. Due dates (INST-M4): the same day of "
	    "each month following the day the agreement takes effect, "
	    "clamped to the month's last day."));
	corp_payment_reference(order_id, ref, sizeof(ref));
	buf_printf(out, _("8. Repayment (INST-P3): by bank transfer to the "
	    "mall's account quoting the reference %s; the mall records each "
	    "transfer received and applies it to the oldest installments "
	    "first, any excess held as the Company's credit (refundable)."),
	    ref);
	buf_puts(out, "\n");
	buf_printf(out, _("9. Late fee (INST-F1): %s%% of the overdue amount "
	    "per calendar day from the day after the due date until paid. "
	    "Overdue more than 30 days (INST-F2): the Company's installment "
	    "access is suspended and its credit record gets an entry."),
	    late_fee_rate);
	buf_puts(out, "\n");
	buf_printf(out, "%s\n", waives ? _("10. Early repayment (INST-F3): "
	    "the remaining principal can be settled at any time; handling "
	    "fees of months not yet begun are waived.") : _("10. Early "
	    "repayment (INST-F3): the remaining principal can be settled at "
	    "any time; handling fees of months not yet begun are not "
	    "waived."));
	buf_printf(out, "%s\n", _("11. Cancellation and return (INST-C1, "
	    "INST-C2): fees already incurred are settled first; the rest is "
	    "refunded through the original channel."));
	buf_printf(out, "\n%s\n", _("Signed electronically by a member of "
	    "the Company; the mall keeps the signer, the time, the client "
	    "address and the SHA-256 of this text."));
}

/* Clauses 1 to 6: the figures of plan p for total, down (percent of it)
 * and principal, fee mode mode at monthly_rate, APR bp, amounts written by
 * form, into out. */
static void
agreement_figures(const struct plan *p, const struct money *total,
    const struct money *down, const struct money *principal,
    int64_t percent, const char *monthly_rate, enum plan_fee_mode mode,
    int32_t bp, corp_money_form form, struct buf *out)
{
	char	a[CORP_MONEY_MAX], b[CORP_MONEY_MAX], c[CORP_MONEY_MAX];
	char	apr[16];
	int	i;

	buf_printf(out, _("1. Amount. The order's amount to pay is %s."),
	    form(total, a, sizeof(a)));
	buf_printf(out, "\n");
	buf_printf(out, _("2. Down payment (INST-CORP). The Company pays "
	    "%lld%% of it, %s, by bank transfer. The agreement takes effect "
	    "when the mall records the down payment as received; the order "
	    "ships after that."), (long long)percent,
	    form(down, b, sizeof(b)));
	buf_printf(out, "\n");
	buf_printf(out, ngettext("3. Principal financed: %s, repaid in %d "
	    "monthly installment.", "3. Principal financed: %s, repaid in %d "
	    "monthly installments.", (unsigned long)p->n),
	    form(principal, c, sizeof(c)), p->n);
	buf_printf(out, "\n");
	buf_printf(out, _("4. Handling fee (INST-M1): %s%% a month, %s a "
	    "month, %s in total, %s."), monthly_rate,
	    form(&p->monthly_fee, a, sizeof(a)),
	    form(&p->total_fee, b, sizeof(b)), mode == PLAN_FEE_UPFRONT ?
	    _("all of it due with the first installment") :
	    _("one month's fee with each installment"));
	buf_printf(out, "\n");
	buf_printf(out, _("5. Total cost of the credit: %s. Annual "
	    "percentage rate (APR, actuarial): %s%%."),
	    form(&p->total_cost, c, sizeof(c)),
	    apr_str(bp, apr, sizeof(apr)));
	buf_printf(out, "\n%s\n", _("6. Installments (INST-M2, INST-M3):"));
	for (i = 0; i < p->n; i++) {
		buf_puts(out, "   ");
		buf_printf(out, _("%d. %s principal + %s fee = %s"), i + 1,
		    form(&p->inst[i].principal, a, sizeof(a)),
		    form(&p->inst[i].fee, b, sizeof(b)),
		    form(&p->inst[i].total, c, sizeof(c)));
		buf_puts(out, "\n");
	}
}

/* m in the mall's own form ("USD 1,234.50") into out; returns out. */
static char *
mall_form(const struct money *m, char *out, size_t outsz)
{
	money_display(m, out, outsz);
	return out;
}

/* See company.h. */
int
corp_agreement_text(const char *company, int64_t order_id,
    const char *currency, int64_t amount, int64_t percent, int term,
    const char *inst_name, const char *monthly_rate,
    const char *late_fee_rate, int waives, const char *fee_mode,
    corp_money_form form, struct buf *out)
{
	struct money_rate	 r;
	struct money		 total, down, principal;
	struct plan		 p;
	enum plan_fee_mode	 mode;
	char			 err[128];
	int32_t			 bp;

	if (money_set(&total, amount, currency) == -1 ||
	    money_set(&down, corp_down_payment(amount, percent), currency) ==
	    -1 || money_sub(&total, &down, &principal) == -1 ||
	    money_rate_parse_percent(monthly_rate, strlen(monthly_rate), &r,
	    err, sizeof(err)) == -1 ||
	    plan_fee_mode_parse(fee_mode, strlen(fee_mode), &mode) == -1 ||
	    plan_build(&principal, term, &r, mode, 0, &p, err,
	    sizeof(err)) == -1 || apr_plan(&p, &bp) == -1)
		return -1;
	buf_printf(out, "%s\n", _(AGREEMENT_TITLE));
	buf_printf(out, _("Version: %s"), CORP_AGREEMENT_VERSION);
	buf_puts(out, "\n\n");
	buf_printf(out, _("Between %s (the Company) and mallpay with %s (the "
	    "Lender), for order #%lld."), company, inst_name,
	    (long long)order_id);
	buf_puts(out, "\n\n");
	agreement_figures(&p, &total, &down, &principal, percent,
	    monthly_rate, mode, bp, form != NULL ? form : mall_form, out);
	agreement_terms(order_id, late_fee_rate, waives, out);
	return 0;
}

/* See company.h. */
enum lang
corp_agreement_lang(const char *text)
{
	enum lang	prev = i18n_current(), found = LANG_EN;
	const char	*t;
	int		l;

	for (l = 0; text != NULL && l < LANG_COUNT; l++) {
		i18n_use((enum lang)l);
		t = _(AGREEMENT_TITLE);
		if (strncmp(text, t, strlen(t)) == 0 && text[strlen(t)] ==
		    '\n')
			found = (enum lang)l;
	}
	i18n_use(prev);
	return found;
}
