/*
 * All methods' verdicts for one order (C-06).
 */

#include <stddef.h>

#include "rules/cod.h"
#include "rules/creditline.h"
#include "rules/eligibility.h"
#include "rules/installment.h"
#include "rules/payafter.h"
#include "rules/remittance.h"

/*
 * Every method's verdict, appended to out; see eligibility.h.
 */
void
eligibility_check_all(const struct facts *f, struct verdict_list *out)
{
	static const struct {
		enum inst_method m;
		const char	*rule;
		const char	*what;
	} kinds[] = {
		{ INST_CARD, "INST-CC", "no bank offers credit card "
		    "installments" },
		{ INST_PARTNER, "INST-PC", "no partner finance company offers "
		    "platform-cooperative installments" },
		{ INST_CORPORATE, "INST-CORP", "no institution offers "
		    "corporate public installments" },
	};
	const struct settings_facts *s = &f->settings;
	const char	*cl_id = NULL;
	struct verdict	*v;
	size_t		 k, i, found;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		found = 0;
		for (i = 0; i < s->ninstitutions; i++) {
			if (s->institutions[i].method != kinds[k].m)
				continue;
			found++;
			v = verdict_list_add(out, inst_pay_method(kinds[k].m),
			    NULL);
			installment_check(f, &s->institutions[i], v);
		}
		if (found == 0) {
			v = verdict_list_add(out, inst_pay_method(kinds[k].m),
			    NULL);
			verdict_fail(v, kinds[k].rule, "%s", kinds[k].what);
		}
	}
	for (i = 0; i < s->ninstitutions; i++)
		if (s->institutions[i].method == INST_CREDIT_LINE) {
			cl_id = s->institutions[i].id;
			break;
		}
	creditline_check(f, cl_id, verdict_list_add(out, PM_CREDIT_LINE,
	    NULL));
	cod_check(f, verdict_list_add(out, PM_COD, NULL));
	remittance_check(f, verdict_list_add(out, PM_REMITTANCE, NULL));
	payafter_check(f, verdict_list_add(out, PM_PAY_AFTER_USE, NULL));
}
