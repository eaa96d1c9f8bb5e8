/*
 * Admin roles: names, labels and parsing (admin_role.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/admin_role.h"
#include "core/i18n.h"

const struct admin_role_info admin_role_table[ADMIN_ROLES_N] = {
	{ ADMIN_REVIEWER, "reviewer", NA_("Reviewer"), NA_("review queues "
	    "and decisions: cash on delivery, vouchers, identity, company "
	    "qualifications, corporate applications, lifting plans") },
	{ ADMIN_FINANCE, "finance", NA_("Finance"), NA_("payments, "
	    "transfers, refunds, payouts, reconciliation, the guarantee and "
	    "reports") },
	{ ADMIN_SETTINGS, "settings", NA_("Settings"), NA_("institutions, "
	    "rates, regions, holidays, exchange rates and platform "
	    "settings") },
	{ ADMIN_OWNER, "owner", NA_("Owner"), NA_("admins: invite, disable, "
	    "enable and give roles") },
};

/* See admin_role.h. */
int
admin_roles_parse(const char *list, unsigned *out)
{
	unsigned	roles = 0;
	const char	*p = list, *e;
	size_t		len, i;

	if (list == NULL || *list == '\0')
		return -1;
	if (strcmp(list, "all") == 0) {
		*out = ADMIN_ROLES_ALL;
		return 0;
	}
	for (;;) {
		e = strchr(p, ',');
		len = e != NULL ? (size_t)(e - p) : strlen(p);
		for (i = 0; i < ADMIN_ROLES_N; i++)
			if (strlen(admin_role_table[i].name) == len &&
			    strncmp(admin_role_table[i].name, p, len) == 0)
				break;
		if (i == ADMIN_ROLES_N)
			return -1;
		roles |= admin_role_table[i].bit;
		if (e == NULL)
			break;
		p = e + 1;
	}
	*out = roles;
	return 0;
}

/* roles joined with sep, each by label (1) or name (0), into out; none
 * when roles is empty. */
static const char *
join(unsigned roles, int label, const char *sep, const char *none,
    char *out, size_t outsz)
{
	size_t	i, o = 0;
	int	n;

	if (outsz == 0)
		return out;
	out[0] = '\0';
	for (i = 0; i < ADMIN_ROLES_N; i++) {
		if (!(roles & admin_role_table[i].bit))
			continue;
		n = snprintf(out + o, outsz - o, "%s%s", o > 0 ? sep : "",
		    label ? A_(admin_role_table[i].label) :
		    admin_role_table[i].name);
		if (n < 0 || (size_t)n >= outsz - o)
			break;
		o += (size_t)n;
	}
	if (o == 0)
		snprintf(out, outsz, "%s", none);
	return out;
}

/* See admin_role.h. */
const char *
admin_roles_words(unsigned roles, char *out, size_t outsz)
{
	return join(roles, 1, A_(", "), A_("no role"), out, outsz);
}

/* See admin_role.h. */
const char *
admin_roles_names(unsigned roles, char *out, size_t outsz)
{
	return join(roles, 0, ",", "none", out, outsz);
}
