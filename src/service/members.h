#ifndef MALLPAY_SERVICE_MEMBERS_H
#define MALLPAY_SERVICE_MEMBERS_H

/*
 * Company accounts (RULES.md section 5: corporate users act for their
 * company): a company has an owner and members. The owner invites members
 * by email, removes them and grants each what they may do (place orders,
 * sign agreements, upload documents). Every member sees the company's
 * orders, schedules, documents and agreements; another company's are "not
 * found" (404), a missing permission is RES_FORBIDDEN (403) with a sentence
 * naming the action.
 *
 * The owner is the member whose company_roles row says so, or, while the
 * company has none, its first member (lowest user id); a member without a
 * row has every permission (what members could always do).
 *
 * The invitation link reaches the invitee as an account message when the
 * email already has an account; the owner is also shown the link once, to
 * pass on. Delivering it by mail is the deployment's choice (a mail
 * transport reading the message table, or the owner's own mail).
 */

#include <stddef.h>
#include <stdint.h>

#include "db/company_member.h"
#include "service/company.h"

struct db;

/* What a member may do (bits). */
#define MEMBER_ORDER	0x01	/* place orders (and apply for them) */
#define MEMBER_SIGN	0x02	/* sign installment agreements */
#define MEMBER_UPLOAD	0x04	/* upload and submit documents */
#define MEMBER_ALL	(MEMBER_ORDER | MEMBER_SIGN | MEMBER_UPLOAD)

/* Days an invitation stays valid. */
#define MEMBER_INVITE_DAYS	14
/* Hex characters of an invitation token (the link's last part). */
#define MEMBER_TOKEN_HEX	64

/* One member as the members page shows it. */
struct member_info {
	int64_t		 user_id;
	char		 email[255];
	char		 name[201];
	int		 owner;
	unsigned	 perms;		/* MEMBER_* */
};

/* The role of user_id in company_id into *out. Returns 1 (a member), 0
 * (not a member of that company), -1 (database). */
int	member_role(struct db *, int64_t user_id, int64_t company_id,
	    struct member_info *out);

/* May user_id of company_id do what (one MEMBER_* bit)? RES_OK; RES_FORBIDDEN
 * with msg naming the action and the owner to ask; RES_NOT_FOUND (not a
 * member); RES_ERROR. */
enum result member_require(struct db *, int64_t user_id,
	    int64_t company_id, unsigned what, char *msg, size_t msgsz);

/* Every member of company_id with its role, by user id (free()). 0, -1. */
int	member_list(struct db *, int64_t company_id, struct member_info **out,
	    size_t *n);

/* The user id as whom user_id (of company_id, 0 for a person) reads order
 * id: user_id for its own order, the placing member's id for an order of
 * the reader's company, 0 for any other order (404). -1 database. */
int64_t	member_order_reader(struct db *, int64_t user_id, int64_t company_id,
	    int64_t order_id);

/* How user_id (of company_id, 0 for a person) reaches order id (RULES 5:
 * corporate users act for their company). */
struct member_order {
	int64_t	reader;		/* the user id to read it as (its placer);
				   0: neither theirs nor their company's
				   (404) */
	int	placer;		/* user_id placed it: the placer's own steps
				   (their card, voucher, COD report) */
	int	may_act;	/* may cancel it and confirm its receipt: the
				   placer, or a member who may place orders */
};
/* Fill *out for order_id. Returns 0, or -1 (database). */
int	member_order_access(struct db *, int64_t user_id, int64_t company_id,
	    int64_t order_id, struct member_order *out);

/* The same for an order already read: placed by placer_id for
 * order_company_id (0: a person's). Reads only the member's permissions,
 * and only when user_id is not the placer. Returns 0, or -1 (database). */
int	member_order_of(struct db *, int64_t user_id, int64_t company_id,
	    int64_t placer_id, int64_t order_company_id,
	    struct member_order *out);

/* May user_id act for the company on an order placed by placer_id for
 * company_id (0: a person's order): RES_OK (the placer, or a member of
 * company_id who may place orders), RES_FORBIDDEN (a member who may not: msg
 * names the action and the owner), RES_NOT_FOUND (anyone else), RES_ERROR.
 * Reads inside the caller's transaction when it has one. */
enum result member_order_act(struct db *, int64_t user_id,
	    int64_t placer_id, int64_t company_id, char *msg, size_t msgsz);

/* The owner (owner_id of company_id) invites email with perms: a pending
 * invitation valid MEMBER_INVITE_DAYS days, its link "/company/invitations/
 * TOKEN" into link (the token is kept only as its SHA-256), an account
 * message with the link to the user of that email if one exists, an audit
 * event. One transaction. Returns RES_OK, RES_FORBIDDEN (not the owner),
 * RES_INVALID (not an email, already a member: msg), RES_ERROR. */
enum result member_invite(struct db *, int64_t owner_id,
	    int64_t company_id, const char *email, unsigned perms, int64_t now,
	    char *link, size_t linksz, char *msg, size_t msgsz);

/* The pending invitation of token for its page: 1 (company name, email
 * in *out), 2 (revoked by the owner), 0 (no such pending, unexpired
 * invitation), -1. */
int	member_invitation(struct db *, const char *token, int64_t now,
	    struct db_invite *out);

/* user_id (signed in as email, kind: 0 person, 1 member of company_id,
 * 2 admin) accepts the invitation of token: the person becomes a member of
 * the company with the invited permissions, the invitation is accepted, an
 * event and a message to the company. One transaction. Returns RES_OK
 * (*company_out the company), RES_NOT_FOUND (no such pending invitation),
 * RES_DECIDED (the owner revoked it), RES_NOT_ALLOWED (another email, a member of a company, an admin: msg),
 * RES_ERROR. */
enum result member_accept(struct db *, int64_t user_id, const char *email,
	    int kind, const char *token, int64_t now, int64_t *company_out,
	    char *msg, size_t msgsz);

/* The owner sets member_id's permissions (perms, MEMBER_*). Returns RES_OK,
 * RES_FORBIDDEN (not the owner), RES_NOT_FOUND (not a member), RES_INVALID
 * (the owner's own), RES_ERROR. */
enum result member_grant(struct db *, int64_t owner_id,
	    int64_t company_id, int64_t member_id, unsigned perms, int64_t now,
	    char *msg, size_t msgsz);

/* The owner removes member_id: a person again (their past orders stay the
 * company's), a message to them and an event. Returns as member_grant. */
enum result member_remove(struct db *, int64_t owner_id,
	    int64_t company_id, int64_t member_id, int64_t now, char *msg,
	    size_t msgsz);

/* The owner (owner_id of company_id) revokes pending invitation id of the
 * company: its link no longer works (member_invitation() 2, member_accept()
 * RES_DECIDED), an audit event. One transaction. Returns RES_OK (msg names
 * the email), RES_FORBIDDEN (not the owner: msg), RES_NOT_FOUND (no such
 * invitation of the company), RES_NOT_ALLOWED (already accepted or revoked:
 * msg), RES_ERROR. */
enum result member_revoke(struct db *, int64_t owner_id,
	    int64_t company_id, int64_t id, int64_t now, char *msg,
	    size_t msgsz);

/* What the members page shows to user_id of company_id. */
struct member_page {
	char			 company[201];
	struct member_info	 me;
	struct member_info	*members;	/* by user id */
	size_t			 nmembers;
	struct db_invite	*invites;	/* pending; the owner's page only */
	size_t			 ninvites;
};
/* Load it (clean up with member_page_cleanup in every case). Returns 1,
 * 0 (not a member of that company), -1. */
int	member_page_load(struct db *, int64_t user_id, int64_t company_id,
	    struct member_page *out);
void	member_page_cleanup(struct member_page *);

/* "place orders, sign agreements" of perms ("nothing" when none). */
void	member_perms_words(unsigned perms, char *out, size_t outsz);

#endif
