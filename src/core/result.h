#ifndef MALLPAY_CORE_RESULT_H
#define MALLPAY_CORE_RESULT_H

/*
 * The outcome of a use case: one type for every service, no HTTP in it.
 * The pages layer maps it to a status in one place (page_status(),
 * pages/render.h); the words shown stay with each page.
 */
enum result {
	R_ERROR = -1,		/* database, disk or internal error: nothing
				   changed (500) */
	R_OK = 0,		/* done */
	R_INVALID,		/* the input is wrong: the message names the
				   field (400) */
	R_REFUSED,		/* valid input, but a rule, the bank or a
				   partner says no (message) (422) */
	R_NOT_FOUND,		/* no such object of this actor (404) */
	R_FORBIDDEN,		/* the actor may not do this (403) */
	R_NOT_ALLOWED,		/* the object's state does not allow it now
				   (409) */
	R_CHANGED,		/* changed meanwhile by someone else (409) */
	R_UNAVAILABLE		/* a partner could not be reached: nothing
				   changed (503) */
};

#endif
