/*
 * The finance partner gateway's sandbox (see gateway/finance.h).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/clock.h"
#include "db/sandbox.h"
#include "gateway/books.h"
#include "gateway/calls.h"
#include "gateway/finance.h"

static int64_t sbx_delay = FINANCE_SANDBOX_DELAY;

/* See finance.h. */
void
finance_sandbox_set_delay(int64_t seconds)
{
	if (seconds >= 0)
		sbx_delay = seconds;
}

/* See finance.h. */
enum finance_state
finance_sandbox_decide(int credit_score, int months, char *reason,
    size_t reasonsz)
{
	if (months != 3 && months != 6 && months != 9 && months != 12) {
		snprintf(reason, reasonsz, "term not offered");
		return FINANCE_DECLINED;
	}
	if (credit_score < 600) {
		snprintf(reason, reasonsz, "credit score below 600");
		return FINANCE_DECLINED;
	}
	reason[0] = '\0';
	return FINANCE_APPROVED;
}

/* See finance.h. */
static int
sbx_submit(struct db *db, const struct finance_request *rq, int64_t now,
    char *ref, char *err, size_t errsz)
{
	struct db_sandbox_fin a;
	unsigned char rnd[10];

	if (rq->amount_minor <= 0 || strlen(rq->currency) != 3) {
		snprintf(err, errsz, "invalid amount");
		return -1;
	}
	memset(&a, 0, sizeof(a));
	randombytes_buf(rnd, sizeof(rnd));
	memcpy(a.ref, "fin_", 4);
	sodium_bin2hex(a.ref + 4, sizeof(a.ref) - 4, rnd, sizeof(rnd));
	a.credit_score = rq->credit_score;
	a.amount_minor = rq->amount_minor;
	memcpy(a.currency, rq->currency, 4);
	a.months = rq->months;
	a.submitted_at = now;
	a.ready_at = now + sbx_delay;
	if (db_sandbox_fin_insert(db, &a) == -1) {
		snprintf(err, errsz, "the finance partner is unavailable");
		return -1;
	}
	snprintf(ref, FINANCE_REF_MAX, "%s", a.ref);
	return 0;
}

/* See finance.h. */
static int
sbx_poll(struct db *db, const char *ref, int64_t now,
    struct finance_answer *ans)
{
	struct db_sandbox_fin a;
	int rc;

	memset(ans, 0, sizeof(*ans));
	if ((rc = db_sandbox_fin_get(db, ref, &a)) == -1)
		return -1;
	if (rc == 0)
		return 1;
	if (now < a.ready_at) {
		ans->state = FINANCE_PENDING;
		return 0;
	}
	ans->state = finance_sandbox_decide(a.credit_score, a.months,
	    ans->reason, sizeof(ans->reason));
	ans->decided_at = a.ready_at;
	return 0;
}

/* collect (op PARTNER_COLLECTION) or refund (PARTNER_REFUND): the
 * partner's own books keep it under idem_key. 0, or -1 with reason. */
static int
sbx_money(enum partner_op op, const char *ref, int64_t amount_minor,
    const char *currency, const char *idem_key, char *reason,
    size_t reasonsz)
{
	if (ref == NULL || ref[0] == '\0' || amount_minor <= 0 ||
	    idem_key == NULL || idem_key[0] == '\0' || strlen(idem_key) > 64) {
		snprintf(reason, reasonsz, "invalid amount or key");
		return -1;
	}
	if (partner_books_record(PARTNER_FINANCE, idem_key, op, amount_minor,
	    currency, clock_now()) == -1) {
		snprintf(reason, reasonsz, "the finance partner is unavailable");
		return -1;
	}
	return 0;
}

/* See finance.h. */
static int
sbx_collect(const char *ref, int64_t amount_minor, const char *currency,
    const char *idem_key, char *reason, size_t reasonsz)
{
	return sbx_money(PARTNER_COLLECTION, ref, amount_minor, currency,
	    idem_key, reason, reasonsz);
}

/* See finance.h. */
static int
sbx_refund(const char *ref, int64_t amount_minor, const char *currency,
    const char *idem_key, char *reason, size_t reasonsz)
{
	return sbx_money(PARTNER_REFUND, ref, amount_minor, currency,
	    idem_key, reason, reasonsz);
}

const struct finance_gateway finance_sandbox = {
	"sandbox", sbx_submit, sbx_poll, sbx_collect, sbx_refund
};

/* See finance.h. */
const struct finance_gateway *
finance_gateway_get(const char *name)
{
	if (name != NULL && strcmp(name, finance_sandbox.name) == 0) {
		gateway_called(0);
		return &finance_sandbox;
	}
	return NULL;
}
