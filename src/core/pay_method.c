/*
 * Payment methods and their names (see pay_method.h).
 */
#include <string.h>

#include "core/pay_method.h"

static const char *const names[PM__MAX] = {
	"installment_card",
	"installment_partner",
	"installment_corporate",
	"credit_line",
	"cod",
	"remittance",
	"pay_after_use",
};

/* See pay_method.h. */
const char *
pay_method_name(enum pay_method m)
{
	if ((int)m < 0 || m >= PM__MAX)
		return NULL;
	return names[m];
}

/* See pay_method.h. */
int
pay_method_installment(enum pay_method m)
{
	return m == PM_INSTALLMENT_CARD || m == PM_INSTALLMENT_PARTNER ||
	    m == PM_INSTALLMENT_CORPORATE;
}

/* See pay_method.h. */
int
pay_method_parse(const char *s, enum pay_method *out)
{
	int	i;

	if (s == NULL)
		return -1;
	for (i = 0; i < PM__MAX; i++)
		if (strcmp(names[i], s) == 0) {
			*out = (enum pay_method)i;
			return 0;
		}
	return -1;
}
