#ifndef MALLPAY_GATEWAY_FINANCE_H
#define MALLPAY_GATEWAY_FINANCE_H

/*
 * The partner finance company's boundary (INST-PC): the mall submits a
 * credit evaluation and gets an application reference at once; the answer
 * comes later (RULES: within 1-3 minutes), either by polling (mallpayctl
 * tick) or by the partner's signed callback (service/partner_auth.h), which
 * the installments feature routes to its own endpoint.
 *
 * Implementations: one `struct finance_gateway` each, chosen by name with
 * finance_gateway_get() ([gateway] finance = sandbox, the only one today).
 * A real partner plugs in as another struct whose submit() POSTs to its
 * API and whose poll() asks it for the state of the reference.
 *
 * THE SANDBOX ("sandbox"): keeps what a real partner would keep on its side
 * in the table sandbox_finance_apps (db/sandbox.c). Decision rule:
 *   approved when credit_score >= 600 and months is one of 3, 6, 9, 12;
 *   otherwise declined, reason "credit score below 600" or
 *   "term not offered".
 * The answer is ready FINANCE_SANDBOX_DELAY seconds (90) after submission,
 * measured with the `now` the caller passes (never the clock): poll()
 * before that says pending. Pass a delay to finance_sandbox_set_delay()
 * (tests: 0; the programs: mallpay.conf's [sandbox] finance_delay) to
 * change it for the process. collect() and refund() accept
 * any amount > 0 with a key, and the sandbox keeps its own books of them
 * (gateway/books.h, partner PARTNER_FINANCE: "collection" and "refund"
 * under the key); when its books cannot be written they fail
 * ("the finance partner is unavailable"). The sandbox lives in
 * src/sandbox/finance.c (it reaches db/sandbox.h).
 */

#include <stddef.h>
#include <stdint.h>

struct db;

#define FINANCE_REF_MAX		25
#define FINANCE_SANDBOX_DELAY	90

enum finance_state {
	FINANCE_PENDING,
	FINANCE_APPROVED,
	FINANCE_DECLINED
};

struct finance_request {
	int64_t		 applicant_id;	/* the mall's user id (never sent raw by a real one) */
	int		 credit_score;	/* the platform's evaluation (INST-02) */
	int64_t		 amount_minor;
	char		 currency[4];
	int		 months;
};

struct finance_answer {
	enum finance_state state;
	char		 reason[128];	/* declined: why */
	int64_t		 decided_at;	/* approved/declined: when the answer was ready */
};

struct finance_gateway {
	const char	*name;
	/* Submit an evaluation at now; ref (FINANCE_REF_MAX) gets the partner's
	 * application reference. Runs inside the caller's transaction when
	 * there is one. Returns 0, or -1 (unreachable or refused; err says). */
	int	(*submit)(struct db *, const struct finance_request *,
		    int64_t now, char *ref, char *err, size_t errsz);
	/* The state of application ref at now. Returns 0 with *ans, 1 when
	 * the reference is unknown, -1 when unreachable. */
	int	(*poll)(struct db *, const char *ref, int64_t now,
		    struct finance_answer *ans);
	/* The partner collects amount_minor in currency (an installment, a
	 * down payment, a payoff) from the buyer of application ref on its
	 * side, for the mall; idem_key (<= 64 chars) identifies it: the
	 * same key collects once. Returns 0 collected, -1 refused or
	 * unreachable (reason says). */
	int	(*collect)(const char *ref, int64_t amount_minor,
		    const char *currency, const char *idem_key, char *reason,
		    size_t reasonsz);
	/* The partner pays amount_minor back to the buyer (INST-C1/C2), as
	 * collect. */
	int	(*refund)(const char *ref, int64_t amount_minor,
		    const char *currency, const char *idem_key, char *reason,
		    size_t reasonsz);
};

/* The implementation called name ("sandbox"), or NULL when unknown. */
const struct finance_gateway *finance_gateway_get(const char *name);

/* The sandbox's delay in seconds for the applications submitted from now
 * on in this process (default FINANCE_SANDBOX_DELAY; negative ignored). */
void	finance_sandbox_set_delay(int64_t seconds);

/* The sandbox's decision rule alone, for tests and pages: fills reason and
 * returns FINANCE_APPROVED or FINANCE_DECLINED. */
enum finance_state finance_sandbox_decide(int credit_score, int months,
	    char *reason, size_t reasonsz);

extern const struct finance_gateway finance_sandbox;

#endif
