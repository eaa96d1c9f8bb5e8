/*
 * The typed getters of the eligibility facts parser (see facts_json.h):
 * each reads one JSON value and names the field in its error message.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "core/calendar.h"
#include "core/money.h"
#include "ctl/facts_json.h"

/* See facts_json.h. */
int
fj_err(struct pctx *p, const char *path, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	if (p->errsz == 0)
		return -1;
	n = snprintf(p->err, p->errsz, "%s: ", path);
	if (n < 0 || (size_t)n >= p->errsz)
		return -1;
	va_start(ap, fmt);
	vsnprintf(p->err + n, p->errsz - n, fmt, ap);
	va_end(ap);
	return -1;
}

/* See facts_json.h. */
const char *
fj_pathf(char *out, size_t outsz, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(out, outsz, fmt, ap);
	va_end(ap);
	return out;
}

/*
 * Join parent path and key into out ("order" + "items" -> "order.items";
 * "" + "now" -> "now"). Truncates silently: only used for messages.
 */
const char *
fj_join(char *out, size_t outsz, const char *parent, const char *key)
{
	return fj_pathf(out, outsz, "%s%s%s", parent, parent[0] ? "." : "",
	    key);
}

/*
 * Refuse any key of obj not in allowed (NULL-terminated).
 */
int
fj_check_keys(struct pctx *p, json_t *obj, const char *path,
    const char *const *allowed)
{
	const char	*key;
	json_t		*val;
	char		 fp[PATH_MAX_LEN];
	size_t		 i;
	int		 ok;

	json_object_foreach(obj, key, val) {
		(void)val;
		ok = 0;
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(key, allowed[i]) == 0)
				ok = 1;
		if (!ok)
			return fj_err(p, fj_join(fp, sizeof(fp), path, key),
			    "unknown field");
	}
	return 0;
}

/*
 * *out = obj[key]. Returns 1 when present and not null, 0 when absent or
 * null (an error if required: "missing"), -1 on error.
 */
int
fj_get(struct pctx *p, json_t *obj, const char *path, const char *key,
    int required, json_t **out)
{
	char	 fp[PATH_MAX_LEN];

	*out = json_object_get(obj, key);
	if (*out == NULL || json_is_null(*out)) {
		if (required)
			return fj_err(p, fj_join(fp, sizeof(fp), path, key),
			    *out == NULL ? "missing" : "must not be null");
		return 0;
	}
	return 1;
}

/*
 * A present field: like fj_get() but absent is an error and null is
 * allowed (returns 0 for null).
 */
int
fj_get_nullable(struct pctx *p, json_t *obj, const char *path,
    const char *key, json_t **out)
{
	char	 fp[PATH_MAX_LEN];

	*out = json_object_get(obj, key);
	if (*out == NULL)
		return fj_err(p, fj_join(fp, sizeof(fp), path, key), "missing");
	return json_is_null(*out) ? 0 : 1;
}

/*
 * An object field; absent/null handled as in fj_get().
 */
int
fj_get_object(struct pctx *p, json_t *obj, const char *path, const char *key,
    int required, json_t **out)
{
	char	 fp[PATH_MAX_LEN];
	int	 rc;

	if ((rc = fj_get(p, obj, path, key, required, out)) != 1)
		return rc;
	if (!json_is_object(*out))
		return fj_err(p, fj_join(fp, sizeof(fp), path, key),
		    "expected an object");
	return 1;
}

/*
 * A required boolean field into *out.
 */
int
fj_get_bool(struct pctx *p, json_t *obj, const char *path, const char *key,
    int *out)
{
	json_t	*v;
	char	 fp[PATH_MAX_LEN];

	if (fj_get(p, obj, path, key, 1, &v) == -1)
		return -1;
	if (!json_is_boolean(v))
		return fj_err(p, fj_join(fp, sizeof(fp), path, key),
		    "expected true or false");
	*out = json_is_true(v);
	return 0;
}

/*
 * An optional boolean field: *out untouched when absent.
 */
int
fj_opt_bool(struct pctx *p, json_t *obj, const char *path, const char *key,
    int *out)
{
	if (json_object_get(obj, key) == NULL)
		return 0;
	return fj_get_bool(p, obj, path, key, out);
}

/*
 * An integer JSON value v in [min, max] into *out; fp names it.
 */
int
fj_int_value(struct pctx *p, json_t *v, const char *fp, int64_t min,
    int64_t max, int64_t *out)
{
	json_int_t	 i;

	if (!json_is_integer(v))
		return fj_err(p, fp, "expected a whole number");
	i = json_integer_value(v);
	if (i < min || i > max)
		return fj_err(p, fp, "expected a whole number from %lld to "
		    "%lld", (long long)min, (long long)max);
	*out = i;
	return 0;
}

/*
 * An integer field in [min, max]; required or, when optional and absent,
 * *out untouched.
 */
int
fj_get_int(struct pctx *p, json_t *obj, const char *path, const char *key,
    int required, int64_t min, int64_t max, int64_t *out)
{
	json_t	*v;
	char	 fp[PATH_MAX_LEN];
	int	 rc;

	if ((rc = fj_get(p, obj, path, key, required, &v)) != 1)
		return rc == -1 ? -1 : 0;
	return fj_int_value(p, v, fj_join(fp, sizeof(fp), path, key), min, max,
	    out);
}

/*
 * A string JSON value v into out (outsz bytes, must fit, non-empty unless
 * allow_empty); fp names it.
 */
int
fj_str_value(struct pctx *p, json_t *v, const char *fp, char *out,
    size_t outsz, int allow_empty)
{
	size_t	 len;

	if (!json_is_string(v))
		return fj_err(p, fp, "expected a string");
	len = json_string_length(v);
	if (len == 0 && !allow_empty)
		return fj_err(p, fp, "must not be empty");
	if (len >= outsz)
		return fj_err(p, fp, "longer than %zu characters", outsz - 1);
	if (memchr(json_string_value(v), '\0', len) != NULL)
		return fj_err(p, fp, "contains a NUL character");
	memcpy(out, json_string_value(v), len);
	out[len] = '\0';
	return 0;
}

/*
 * A required string field into out.
 */
int
fj_get_str(struct pctx *p, json_t *obj, const char *path, const char *key,
    char *out, size_t outsz, int allow_empty)
{
	json_t	*v;
	char	 fp[PATH_MAX_LEN];

	if (fj_get(p, obj, path, key, 1, &v) == -1)
		return -1;
	return fj_str_value(p, v, fj_join(fp, sizeof(fp), path, key), out,
	    outsz, allow_empty);
}

/*
 * A money JSON value v (a decimal string) of currency cur; fp names it.
 */
int
fj_money_value(struct pctx *p, json_t *v, const char *fp, const char *cur,
    struct money *out)
{
	char	 e[128];

	if (!json_is_string(v))
		return fj_err(p, fp, "expected a decimal string such as "
		    "\"500.00\"");
	if (money_parse(json_string_value(v), json_string_length(v), cur,
	    out, e, sizeof(e)) == -1)
		return fj_err(p, fp, "%s", e);
	return 0;
}

/*
 * A money field: required (absent or null refused) or optional (*out
 * untouched when absent or null). Returns 1 when read, 0 when not, -1 on
 * error.
 */
int
fj_get_money(struct pctx *p, json_t *obj, const char *path, const char *key,
    const char *cur, int required, struct money *out)
{
	json_t	*v;
	char	 fp[PATH_MAX_LEN];
	int	 rc;

	if ((rc = fj_get(p, obj, path, key, required, &v)) != 1)
		return rc;
	if (fj_money_value(p, v, fj_join(fp, sizeof(fp), path, key), cur,
	    out) == -1)
		return -1;
	return 1;
}

/*
 * A money field that must be present but may be null: *has = 0 for null.
 */
int
fj_get_money_nullable(struct pctx *p, json_t *obj, const char *path,
    const char *key, const char *cur, int *has, struct money *out)
{
	json_t	*v;
	char	 fp[PATH_MAX_LEN];
	int	 rc;

	if ((rc = fj_get_nullable(p, obj, path, key, &v)) == -1)
		return -1;
	*has = rc;
	if (rc == 0)
		return 0;
	return fj_money_value(p, v, fj_join(fp, sizeof(fp), path, key), cur,
	    out);
}

/*
 * A date JSON value v ("YYYY-MM-DD"); fp names it.
 */
int
fj_date_value(struct pctx *p, json_t *v, const char *fp, mp_date *out)
{
	if (!json_is_string(v) || mp_date_parse(json_string_value(v),
	    json_string_length(v), out) == -1)
		return fj_err(p, fp, "expected a date \"YYYY-MM-DD\"");
	return 0;
}

/*
 * A percentage JSON value v ("0.80" means 0.8%) into a fraction; fp
 * names it.
 */
int
fj_percent_value(struct pctx *p, json_t *v, const char *fp,
    struct money_rate *out)
{
	char	 e[128];

	if (!json_is_string(v))
		return fj_err(p, fp, "expected a decimal string such as "
		    "\"0.80\" (percent)");
	if (money_rate_parse_percent(json_string_value(v),
	    json_string_length(v), out, e, sizeof(e)) == -1)
		return fj_err(p, fp, "%s", e);
	return 0;
}
