#ifndef MALLPAY_CTL_FACTS_JSON_H
#define MALLPAY_CTL_FACTS_JSON_H

/*
 * The typed getters of the eligibility facts parser (facts_json.c), shared
 * by its parts (facts_parse.c, facts_settings.c). Each reads one JSON
 * value or object field, checks it, and on error writes a message naming
 * the field ("order.items[0].durable: expected true or false") into the
 * parser's error buffer and returns -1.
 */

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "core/calendar.h"

struct facts;
struct money;
struct money_rate;

/* Longest field path in a message. */
#define PATH_MAX_LEN	160

/* Parser state: the error message buffer. */
struct pctx {
	char	*err;
	size_t	 errsz;
};

/*
 * Write "path: message" into the error buffer; always returns -1 so that
 * callers can `return fj_err(...)`.
 */
int	fj_err(struct pctx *p, const char *path, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * printf into out for a field path; truncates silently (the paths only
 * go into messages). Returns out.
 */
const char *fj_pathf(char *out, size_t outsz, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * Join parent path and key into out ("order" + "items" -> "order.items";
 * "" + "now" -> "now"). Truncates silently: only used for messages.
 */
const char *fj_join(char *out, size_t outsz, const char *parent,
	    const char *key);

/*
 * Refuse any key of obj not in allowed (NULL-terminated).
 */
int	fj_check_keys(struct pctx *p, json_t *obj, const char *path,
	    const char *const *allowed);

/*
 * *out = obj[key]. Returns 1 when present and not null, 0 when absent or
 * null (an error if required: "missing"), -1 on error.
 */
int	fj_get(struct pctx *p, json_t *obj, const char *path, const char *key,
	    int required, json_t **out);

/*
 * A present field: like get() but absent is an error and null is
 * allowed (returns 0 for null).
 */
int	fj_get_nullable(struct pctx *p, json_t *obj, const char *path,
	    const char *key, json_t **out);

/*
 * An object field; absent/null handled as in get().
 */
int	fj_get_object(struct pctx *p, json_t *obj, const char *path,
	    const char *key, int required, json_t **out);

/*
 * A required boolean field into *out.
 */
int	fj_get_bool(struct pctx *p, json_t *obj, const char *path,
	    const char *key, int *out);

/*
 * An optional boolean field: *out untouched when absent.
 */
int	fj_opt_bool(struct pctx *p, json_t *obj, const char *path,
	    const char *key, int *out);

/*
 * An integer JSON value v in [min, max] into *out; fp names it.
 */
int	fj_int_value(struct pctx *p, json_t *v, const char *fp, int64_t min,
	    int64_t max, int64_t *out);

/*
 * An integer field in [min, max]; required or, when optional and absent,
 * *out untouched.
 */
int	fj_get_int(struct pctx *p, json_t *obj, const char *path,
	    const char *key, int required, int64_t min, int64_t max,
	    int64_t *out);

/*
 * A string JSON value v into out (outsz bytes, must fit, non-empty unless
 * allow_empty); fp names it.
 */
int	fj_str_value(struct pctx *p, json_t *v, const char *fp, char *out,
	    size_t outsz, int allow_empty);

/*
 * A required string field into out.
 */
int	fj_get_str(struct pctx *p, json_t *obj, const char *path,
	    const char *key, char *out, size_t outsz, int allow_empty);

/*
 * A money JSON value v (a decimal string) of currency cur; fp names it.
 */
int	fj_money_value(struct pctx *p, json_t *v, const char *fp,
	    const char *cur, struct money *out);

/*
 * A money field: required (absent or null refused) or optional (*out
 * untouched when absent or null). Returns 1 when read, 0 when not, -1 on
 * error.
 */
int	fj_get_money(struct pctx *p, json_t *obj, const char *path,
	    const char *key, const char *cur, int required, struct money *out);

/*
 * A money field that must be present but may be null: *has = 0 for null.
 */
int	fj_get_money_nullable(struct pctx *p, json_t *obj, const char *path,
	    const char *key, const char *cur, int *has, struct money *out);

/*
 * A date JSON value v ("YYYY-MM-DD"); fp names it.
 */
int	fj_date_value(struct pctx *p, json_t *v, const char *fp, mp_date *out);

/*
 * A percentage JSON value v ("0.80" means 0.8%) into a fraction; fp
 * names it.
 */
int	fj_percent_value(struct pctx *p, json_t *v, const char *fp,
	    struct money_rate *out);

/*
 * settings (o, an object): optional throughout; each key replaces its
 * default in f (facts_settings.c).
 */
int	fj_parse_settings(struct pctx *p, json_t *o, struct facts *f);

#endif
