#ifndef MALLPAY_CORE_PAY_METHOD_H
#define MALLPAY_CORE_PAY_METHOD_H

/*
 * The payment methods (RULES.md): a type everywhere but at the database
 * boundary and where a code is needed (URLs, partners, JSON documents),
 * which use pay_method_name() and pay_method_parse().
 */

enum pay_method {
	PM_INSTALLMENT_CARD = 0,	/* INST-CC */
	PM_INSTALLMENT_PARTNER,		/* INST-PC */
	PM_INSTALLMENT_CORPORATE,	/* INST-CORP */
	PM_CREDIT_LINE,			/* INST-CL */
	PM_COD,				/* COD */
	PM_REMITTANCE,			/* REM */
	PM_PAY_AFTER_USE,		/* PAU */
	PM__MAX
};

/* The method's name in documents ("installment_card", "cod", ...);
 * NULL if out of range. */
const char *pay_method_name(enum pay_method m);

/* 1 if m is one of the installment kinds (INST-CC, INST-PC, INST-CORP),
 * else 0. */
int	pay_method_installment(enum pay_method m);

/* The method named s into *out: 0, or -1 (out untouched) when s is NULL
 * or names no method. */
int	pay_method_parse(const char *s, enum pay_method *out);

#endif
