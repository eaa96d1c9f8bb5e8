#ifndef MALLPAY_CORE_RESULT_H
#define MALLPAY_CORE_RESULT_H

/*
 * The outcome of a use case: one type for every service, no HTTP in it.
 * The pages layer maps it to a status in one place (page_status(),
 * pages/render.h); the words shown stay with each page.
 */
enum result {
	RES_ERROR = -1,		/* database, disk or internal error: nothing
				   changed (500) */
	RES_OK = 0,		/* done */
	RES_INVALID,		/* the input is wrong: the message names the
				   field (400) */
	RES_REFUSED,		/* valid input, but a rule, the bank or a
				   partner says no (message) (422) */
	RES_NOT_FOUND,		/* no such object of this actor (404) */
	RES_FORBIDDEN,		/* the actor may not do this (403) */
	RES_NOT_ALLOWED,	/* the object's state does not allow it now
				   (409) */
	RES_CHANGED,		/* changed meanwhile by someone else (409) */
	RES_DONE,		/* already done: the same request again,
				   nothing changed (answered as done) */
	RES_DECIDED,		/* already decided by someone else: "by X at
				   T" in the message (409) */
	RES_KEY_CONFLICT,	/* an idempotency key used before with other
				   input: nothing changed (409) */
	RES_UNAVAILABLE		/* a partner could not be reached: nothing
				   changed (503) */
};

#endif
