/*
 * The settings forms' fields: each figure the rules read is checked
 * against the range RULES.md gives before it is stored (see admin.h).
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/money.h"
#include "db/admin_settings.h"
#include "rules/facts.h"
#include "service/admin.h"
#include "service/admin_int.h"

/* See admin_int.h. */
int
admin_parse_fixed(const char *s, int decimals, int64_t *out)
{
	int64_t	 v = 0;
	int	 frac = -1, digits = 0;

	while (*s == ' ')
		s++;
	for (; *s != '\0' && *s != '%' && *s != ' '; s++) {
		if (*s == '.') {
			if (frac >= 0)
				return -1;
			frac = 0;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			return -1;
		if (frac >= 0 && ++frac > decimals)
			return -1;
		if (v > INT64_MAX / 100)
			return -1;
		v = v * 10 + (*s - '0');
		digits++;
	}
	if (*s == '%')
		s++;
	while (*s == ' ')
		s++;
	if (*s != '\0' || digits == 0)
		return -1;
	for (frac = frac < 0 ? 0 : frac; frac < decimals; frac++) {
		if (v > INT64_MAX / 100)
			return -1;
		v *= 10;
	}
	*out = v;
	return 0;
}

/* Write the 4-decimal rate v (0.0001 % units) as "0.8" style text with at
 * least mindec decimals into out. */
static void
rate_str(int64_t v, int mindec, char *out, size_t outsz)
{
	char	frac[8];
	int	n = 4;

	snprintf(frac, sizeof(frac), "%04" PRId64, v % 10000);
	while (n > mindec && frac[n - 1] == '0')
		n--;
	frac[n] = '\0';
	if (n == 0)
		snprintf(out, outsz, "%" PRId64, v / 10000);
	else
		snprintf(out, outsz, "%" PRId64 ".%s", v / 10000, frac);
}

/* Write a rate bound (0.0001 % units) for a message: "0.5%". */
static void
bound_str(int64_t v, char *out, size_t outsz)
{
	size_t len;

	rate_str(v, 0, out, outsz);
	len = strlen(out);
	if (len + 1 < outsz) {
		out[len] = '%';
		out[len + 1] = '\0';
	}
}

/* See admin.h. */
void
admin_field_display(const struct admin_field *f, const char *v, char *out,
    size_t outsz)
{
	long long m;

	if (v == NULL) {
		snprintf(out, outsz, "%s", "");
		return;
	}
	if (f->type == AF_USD) {
		struct money	amt;
		char		s[MONEY_STR_MAX];

		m = strtoll(v, NULL, 10);
		if (money_set(&amt, m, "USD") == 0)
			snprintf(out, outsz, "%s", money_str(&amt, s, sizeof(s)));
		return;
	}
	snprintf(out, outsz, "%s", v);
}

/* The institution method named by a settings form (NULL or unknown: the
 * credit line, which RULES bounds loosest). */
static enum inst_method
form_inst_method(const char *method)
{
	enum inst_method m;

	if (method == NULL || inst_method_from_name(method, &m) == -1)
		return INST_CREDIT_LINE;
	return m;
}

/* The monthly-rate range of an institution's method (rules/facts.h) in
 * the form's fixed point (percent with 4 decimals), and its rule id
 * (NULL and 0%-3% where RULES sets none). */
static void
inst_rate_range(const char *method, int64_t *min, int64_t *max,
    const char **rule)
{
	enum inst_method	m = form_inst_method(method);
	struct money_rate	lo, hi;

	if (!inst_rate_bounds(m, &lo, &hi)) {
		*min = 0, *max = PCT(3, 0), *rule = NULL;
		return;
	}
	*min = lo.num * 1000000 / lo.den;
	*max = hi.num * 1000000 / hi.den;
	*rule = m == INST_CARD ? "INST-CC" : "INST-PC";
}

/* Check a terms list for method, each term as inst_term_refusal() of
 * rules/facts.h allows it, increasing; canonical "3,6,12" into out.
 * Returns 0 or -1 with err. */
static int
check_terms(const char *method, const char *in, char *out, size_t outsz,
    char *err, size_t errsz)
{
	enum inst_method m = form_inst_method(method);
	const char	*p = in, *why = NULL;
	char		*end;
	long		 t, last = 0;
	struct buf	 b;

	buf_init(&b);
	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		if (!isdigit((unsigned char)*p))
			goto bad;
		t = strtol(p, &end, 10);
		p = end;
		if (t > 36 || (why = inst_term_refusal(m, (int)t)) != NULL ||
		    t <= last)
			goto bad;
		buf_printf(&b, "%s%ld", last ? "," : "", t);
		last = t;
	}
	if (last == 0 || b.len >= outsz)
		goto bad;
	snprintf(out, outsz, "%s", buf_str(&b));
	buf_cleanup(&b);
	return 0;
bad:
	buf_cleanup(&b);
	if (why == NULL)
		why = inst_term_refusal(m, 0);
	snprintf(err, errsz, A_("%s, increasing, separated by commas (e.g. "
	    "%s)."), A_(why), m == INST_CORPORATE ? "3,6" : "3,6,12");
	return -1;
}

/* AF_INT or AF_USD field f: the whole number (USD: with at most 2
 * decimals, in cents) in within f's range as stored text into out.
 * Returns 0, or 1 with the refusal naming the range in err. */
static int
check_number(const struct admin_field *f, const char *in, char *out,
    size_t outsz, char *err, size_t errsz)
{
	const char	*rule = f->rule;
	int64_t		 v, min = f->min, max = f->max;
	size_t		 len = strlen(in);

	while (len > 0 && in[len - 1] == ' ')	/* an amount as core/money.h */
		len--;
	if (f->type == AF_INT) {
		if (admin_parse_fixed(in, 0, &v) == -1 || v < min || v > max) {
			snprintf(err, errsz, A_("%s%s%s must be a whole number "
			    "from %" PRId64 " to %" PRId64 "."), rule ? rule :
			    "", rule ? ": " : "", A_(f->label), min, max);
			return 1;
		}
	} else if (money_parse_minor(in, len, money_exponent("USD"), 0, &v,
	    NULL, 0) == -1 || v < min || v > max) {
		snprintf(err, errsz, A_("%s%s%s must be an amount in USD "
		    "from %" PRId64 ".%02" PRId64 " to %" PRId64
		    ".%02" PRId64 "."), rule ? rule : "",
		    rule ? ": " : "", A_(f->label), min / 100, min % 100,
		    max / 100, max % 100);
		return 1;
	}
	snprintf(out, outsz, "%" PRId64, v);
	return 0;
}

/* AF_RATE field f of kind k (inputs: the form, inputs[0] an institution's
 * method): the rate in, in percent, within f's range (an institution's
 * monthly rate: its method's range) as stored text into out. Returns 0,
 * or 1 with the refusal naming the bounds in err. */
static int
check_rate(const struct admin_kind *k, const struct admin_field *f,
    const char *const *inputs, const char *in, char *out, size_t outsz,
    char *err, size_t errsz)
{
	const char	*rule = f->rule;
	char		 lo[32], hi[32];
	int64_t		 v, min = f->min, max = f->max;

	if (k->kind == DB_SK_INSTITUTION &&
	    strcmp(f->column, "monthly_rate") == 0)
		inst_rate_range(inputs[0], &min, &max, &rule);
	if (admin_parse_fixed(in, 4, &v) == -1 || v < min || v > max) {
		bound_str(min, lo, sizeof(lo));
		bound_str(max, hi, sizeof(hi));
		snprintf(err, errsz, A_("%s%sthe %s must be between %s and "
		    "%s."), rule ? rule : "", rule ? ": " : "",
		    A_(f->label), lo, hi);
		return 1;
	}
	rate_str(v, strcmp(f->column, "cod_fee_percent") == 0 ? 0 : 2,
	    out, outsz);
	return 0;
}

/* AF_CHOICE or AF_CODE field f: in one of f's choices, or a code of
 * capital letters, digits and _ (at most 16), copied into out. Returns 0,
 * or 1 with the refusal in err. */
static int
check_word(const struct admin_field *f, const char *in, char *out,
    size_t outsz, char *err, size_t errsz)
{
	size_t j;

	if (f->type == AF_CHOICE) {
		for (j = 0; f->choices[j] != NULL; j++)
			if (strcmp(f->choices[j], in) == 0)
				break;
		if (f->choices[j] == NULL) {
			snprintf(err, errsz, A_("%s: choose one of the listed "
			    "values."), A_(f->label));
			return 1;
		}
	} else {
		for (j = 0; in[j] != '\0'; j++)
			if (!isupper((unsigned char)in[j]) &&
			    !isdigit((unsigned char)in[j]) && in[j] != '_')
				break;
		if (in[j] != '\0' || j > 16) {
			snprintf(err, errsz, A_("%s: a code of capital "
			    "letters, digits and _ (e.g. SEA)."), A_(f->label));
			return 1;
		}
	}
	snprintf(out, outsz, "%s", in);
	return 0;
}

/* AF_TEXT or AF_ACCOUNT field f: in of f->min to f->max bytes, with no
 * control character (an account: capital letters, digits, spaces and
 * dashes only), copied into out. Returns 0, or 1 with the refusal in
 * err. */
static int
check_text(const struct admin_field *f, const char *in, char *out,
    size_t outsz, char *err, size_t errsz)
{
	const unsigned char	*p = (const unsigned char *)in;
	size_t			 len = strlen(in);
	int			 acct = f->type == AF_ACCOUNT;

	while (len > 0 && in[len - 1] == ' ')
		len--;
	for (; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f || (acct && !isupper(*p) &&
		    !isdigit(*p) && *p != ' ' && *p != '-'))
			break;
	if (*p != '\0' || len < (size_t)f->min || len > (size_t)f->max ||
	    len >= outsz) {
		snprintf(err, errsz, acct ? A_("%s: %" PRId64 " to %" PRId64
		    " capital letters, digits, spaces or dashes.") :
		    A_("%s: %" PRId64 " to %" PRId64 " characters, on one "
		    "line."), A_(f->label), f->min, f->max);
		return 1;
	}
	snprintf(out, outsz, "%.*s", (int)len, in);
	return 0;
}

/* See admin.h. */
int
admin_field_check(const struct admin_kind *k, size_t i,
    const char *const *inputs, char **stored, char *err, size_t errsz)
{
	const struct admin_field *f = &k->fields[i];
	const char	*in = inputs[i] != NULL ? inputs[i] : "";
	char		 tmp[96];
	int		 rc;

	*stored = NULL;
	err[0] = '\0';
	while (*in == ' ')
		in++;
	if (f->type == AF_BOOL) {
		*stored = xstrdup(in[0] != '\0' && strcmp(in, "0") != 0 ?
		    "1" : "0");
		return 0;
	}
	if (in[0] == '\0') {
		if (f->nullable)
			return 0;
		snprintf(err, errsz, A_("%s is required."), A_(f->label));
		return 1;
	}
	switch (f->type) {
	case AF_INT:
	case AF_USD:
		rc = check_number(f, in, tmp, sizeof(tmp), err, errsz);
		break;
	case AF_RATE:
		rc = check_rate(k, f, inputs, in, tmp, sizeof(tmp), err, errsz);
		break;
	case AF_TERMS:
		rc = check_terms(inputs[0], in, tmp, sizeof(tmp), err,
		    errsz) == -1 ? 1 : 0;
		break;
	case AF_CHOICE:
	case AF_CODE:
		rc = check_word(f, in, tmp, sizeof(tmp), err, errsz);
		break;
	case AF_TEXT:
	case AF_ACCOUNT:
		rc = check_text(f, in, tmp, sizeof(tmp), err, errsz);
		break;
	default:
		return 1;
	}
	if (rc != 0)
		return 1;
	*stored = xstrdup(tmp);
	return 0;
}

/* The field a settings change's reason "<table> <key> <column>" names,
 * or NULL. */
static const struct admin_field *
reason_field(const char *reason)
{
	char			 table[33], key[65], column[65];
	const struct admin_kind	*k = NULL;
	size_t			 i, n;

	if (sscanf(reason, "%32s %64s %64s", table, key, column) != 3)
		return NULL;
	for (i = 0; i < admin_kinds_n && k == NULL; i++)
		if (strcmp(admin_kinds[i].table, table) == 0)
			k = &admin_kinds[i];
	if (k == NULL)
		return NULL;
	if (k->kind == DB_SK_PLATFORM)
		return admin_kind_field(k, key, 0);
	n = db_setting_ncols(k->kind);
	for (i = 0; i < n; i++)
		if (strcmp(k->fields[i].column, column) == 0)
			return &k->fields[i];
	return NULL;
}

/* Append stored value v (len bytes) of field f to b as its form shows
 * it, with its unit. */
static void
value_words(struct buf *b, const struct admin_field *f, const char *v,
    size_t len)
{
	char	 s[96], m[MONEY_STR_MAX];

	snprintf(s, sizeof(s), "%.*s", (int)len, v);
	if (strcmp(s, "(none)") == 0 || strcmp(s, "(removed)") == 0) {
		buf_puts(b, strcmp(s, "(none)") == 0 ? A_("(none)") :
		    A_("(removed)"));
		return;
	}
	switch (f->type) {
	case AF_USD:
		money_display_minor(strtoll(s, NULL, 10), "USD", m, sizeof(m));
		buf_printf(b, "%s USD", strncmp(m, "USD ", 4) == 0 ? m + 4 : m);
		break;
	case AF_RATE:
		buf_printf(b, "%s%%", s);
		break;
	case AF_BOOL:
		buf_puts(b, strcmp(s, "1") == 0 ? A_("yes") : A_("no"));
		break;
	default:
		buf_puts(b, s);
	}
}

/* See admin.h. */
void
admin_audit_detail_words(const char *reason, const char *detail, char *out,
    size_t outsz)
{
	const struct admin_field *f = reason != NULL ? reason_field(reason) :
				    NULL;
	const char		*mid;
	struct buf		 b;

	mid = detail != NULL ? strstr(detail, "; new: ") : NULL;
	if (f == NULL || mid == NULL || strncmp(detail, "old: ", 5) != 0) {
		snprintf(out, outsz, "%s", detail != NULL ? detail : "");
		return;
	}
	buf_init(&b);
	buf_puts(&b, A_("old: "));
	value_words(&b, f, detail + 5, (size_t)(mid - detail - 5));
	buf_puts(&b, A_("; new: "));
	value_words(&b, f, mid + 7, strlen(mid + 7));
	snprintf(out, outsz, "%s", buf_str(&b));
	buf_cleanup(&b);
}
