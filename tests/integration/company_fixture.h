#ifndef MALLPAY_TESTS_COMPANY_FIXTURE_H
#define MALLPAY_TESTS_COMPANY_FIXTURE_H

/*
 * Fixtures of the company account tests (test_company_members.c,
 * test_company_orders.c): a new verified company meeting INST-04 with its
 * owner signed in, members invited and accepted through the web, a
 * corporate installment approved by an admin, the tests' own statements.
 */

#include <stddef.h>
#include <stdint.h>

#include "client.h"

struct dbq;

#define ADMIN		"admin@demo.test"
#define OTHER_CO	"buyer@newco.demo.test"
#define ACME_OWNER	"buyer@acme.demo.test"
#define ACME_MEMBER	"buyer2@acme.demo.test"
#define PASSWORD	"members test password"
#define PAY_CORP3	"installment_corporate:mallpay-corporate:3"

enum { T_VERIFY, T_COMPLETED, T_LINE, T_EVENT, T_APP_SHA, T_EMAIL,
    T_REVOKED, T__MAX };

/* A company: its owner (the first member) and ids. */
struct co {
	struct client	*owner;
	int64_t		 id, owner_id;
	char		 email[128];	/* the owner's */
};

/* The tests' statement idx (T_*), prepared on the stack's database. */
struct dbq *stmt(int idx);
/* A new verified company meeting INST-04, its owner signed in. */
void	company_new(const char *tag, struct co *c);
/* The first "/company/invitations/TOKEN" in s into link, or fail. */
void	find_link(const char *s, char *link, size_t linksz);
/* The owner of c invites a newly registered person (perms: form pairs
 * such as "can_order"), who accepts: their client, email into email. */
struct client *invite_member(struct co *c, const char *tag, const char *p1,
	    const char *p2, char *email, size_t emailsz);
/* GET path as cl: the status. */
long	status_of(struct client *cl, const char *path);
/* Place a corporate installment (one washer, 3 months) as the owner and
 * apply when checkout did not: the application waits for the review.
 * Returns the order id. */
int64_t	applied_order(struct co *c);
/* applied_order(), and have an admin approve: the agreement and the
 * plan exist. Returns the order id. */
int64_t	approved_order(struct co *c);
/* The owner of c signs the agreement of approved order id; an admin
 * records its down payment (USD 218.70): the plan is in effect. */
void	sign_and_pay_down(struct co *c, int64_t id);
/* Write len bytes of a PDF to a temporary file and run pdftotext on it;
 * the text appended to out. */
struct buf;
void	pdf_text(const char *data, size_t len, struct buf *out);

#endif
