#ifndef MALLPAY_CORE_ADMIN_ROLE_H
#define MALLPAY_CORE_ADMIN_ROLE_H

/*
 * What an admin may do: a set of roles (bits), stored in
 * admin_accounts.roles and checked by the dispatcher against the route
 * table (http/http.h ROLE_REVIEWER ...). An admin may hold several.
 */

#include <stddef.h>

enum admin_role {
	ADMIN_REVIEWER	= 1 << 0,	/* queues and decisions */
	ADMIN_FINANCE	= 1 << 1,	/* payments, refunds, payouts, books */
	ADMIN_SETTINGS	= 1 << 2,	/* institutions, rates, calendars */
	ADMIN_OWNER	= 1 << 3	/* admins and their roles */
};
#define ADMIN_ROLES_ALL	(ADMIN_REVIEWER | ADMIN_FINANCE | ADMIN_SETTINGS | \
			 ADMIN_OWNER)
#define ADMIN_ROLES_N	4

/* One role: its bit, its name (for mallpayctl and form fields), its
 * label for people and what it lets an admin do. */
struct admin_role_info {
	unsigned	 bit;
	const char	*name;
	const char	*label;
	const char	*does;
};

/* The roles in display order (ADMIN_ROLES_N entries). */
extern const struct admin_role_info admin_role_table[ADMIN_ROLES_N];

/* Parse a comma-separated list of role names ("reviewer,finance"; "all"
 * for every role) into *out. Returns 0, or -1 on an unknown or empty name
 * (*out untouched). */
int	admin_roles_parse(const char *list, unsigned *out);

/* roles as words for people ("Reviewer, Finance"; "no role") into out
 * (outsz bytes, 64 are enough). Returns out. */
const char *admin_roles_words(unsigned roles, char *out, size_t outsz);

/* roles as names for the audit trail ("reviewer,finance"; "none") into
 * out (outsz bytes, 40 are enough). Returns out. */
const char *admin_roles_names(unsigned roles, char *out, size_t outsz);

#endif
