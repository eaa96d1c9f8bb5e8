/*
 * The admin console's search (see search.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/said.h"
#include "db/admin.h"
#include "db/event.h"
#include "db/search.h"
#include "rules/rfcode.h"
#include "service/queues.h"
#include "service/search.h"

/* See search.h. */
enum search_kind
search_classify(const char *q, char *norm, size_t normsz, const char **msg)
{
	size_t len;

	*msg = NULL;
	norm[0] = '\0';
	while (*q == ' ' || *q == '\t')
		q++;
	len = strlen(q);
	while (len > 0 && (q[len - 1] == ' ' || q[len - 1] == '\t'))
		len--;
	if (len == 0)
		return SEARCH_EMPTY;
	if (q[0] == '#' || strspn(q, "0123456789") == len) {
		if (q[0] == '#')
			q++, len--;
		if (len == 0 || len > 18 || strspn(q, "0123456789") < len) {
			*msg = A_("An order number is digits only, like 1234 "
			    "or #1234.");
			return SEARCH_BAD;
		}
		snprintf(norm, normsz, "%.*s", (int)len, q);
		return SEARCH_ORDER;
	}
	if (len > 2 && toupper((unsigned char)q[0]) == 'R' &&
	    toupper((unsigned char)q[1]) == 'F' &&
	    isdigit((unsigned char)q[2])) {
		if (rfcode_normalize(q, len, norm, normsz) == -1) {
			*msg = A_("That looks like a remittance code, but it "
			    "is not a valid one: check the letters and digits "
			    "after RF.");
			return SEARCH_BAD;
		}
		return SEARCH_RF_CODE;
	}
	snprintf(norm, normsz, "%.*s", (int)len, q);
	return memchr(q, '@', len) != NULL ? SEARCH_EMAIL : SEARCH_TEXT;
}

/* See search.h. */
const char *
search_kind_words(enum search_kind k)
{
	switch (k) {
	case SEARCH_ORDER:	return A_("order number");
	case SEARCH_RF_CODE:	return A_("remittance code");
	case SEARCH_EMAIL:	return A_("buyer email");
	case SEARCH_TEXT:	return A_("tracking number or company name");
	default:		return "";
	}
}

/* See search.h. */
const struct queue *
search_order_queue(enum pay_method method, enum order_status status)
{
	if (status == OS_RETURNED)
		return queue_find("refund_due");
	if (status == OS_AWAITING_VERIFICATION && method == PM_REMITTANCE)
		return queue_find("remittance_verify");
	if (status != OS_AWAITING_REVIEW)
		return NULL;
	if (method == PM_COD)
		return queue_find("cod_review");
	if (method == PM_INSTALLMENT_CORPORATE)
		return queue_find("corp_applications");
	if (pay_method_installment(method))
		return queue_find("installment_review");
	return NULL;
}

/* A new entry of queue qu at the end of r's entries, unless queue_id
 * names another queue (then NULL). */
static struct search_entry *
entry_add(struct search_result *r, const struct queue *qu,
    const char *queue_id)
{
	struct search_entry *e;

	if (qu == NULL || (queue_id != NULL && strcmp(qu->id, queue_id) != 0))
		return NULL;
	r->entries = xrealloc(r->entries, (r->nentries + 1) *
	    sizeof(*r->entries));
	e = &r->entries[r->nentries++];
	memset(e, 0, sizeof(*e));
	e->queue = qu;
	return e;
}

/* The queue entries of r's first n orders. */
static void
order_entries(struct search_result *r, size_t n, const char *queue_id)
{
	struct search_entry	*e;
	size_t			 i;

	for (i = 0; i < n; i++) {
		const struct db_search_order *o = &r->orders[i];

		e = entry_add(r, search_order_queue(o->method, o->status),
		    queue_id);
		if (e == NULL)
			continue;
		snprintf(e->what, sizeof(e->what), A_("Order #%lld, %s%s%s"),
		    (long long)o->id, o->email, o->company[0] ? ", " : "",
		    o->company);
		snprintf(e->href, sizeof(e->href), "/admin/orders/%lld",
		    (long long)o->id);
		e->since = o->created_at;
	}
}

/* Append the n events v to r's, up to the cap, and free v (the rows not
 * taken still own their detail). */
static void
events_append(struct search_result *r, struct db_event_row *v, size_t n)
{
	size_t take;

	take = n < SEARCH_MAX_EVENTS - r->nevents ? n :
	    SEARCH_MAX_EVENTS - r->nevents;
	r->events = xrealloc(r->events, (r->nevents + take + 1) *
	    sizeof(*r->events));
	if (take > 0)
		memcpy(r->events + r->nevents, v, take * sizeof(*v));
	r->nevents += take;
	while (take < n)
		free(v[take++].detail);
	free(v);
}

/* Append the audit trail of subject (type, id) to r, up to the cap. */
static int
add_events(struct db *db, struct search_result *r, const char *type,
    int64_t id)
{
	struct db_event_row	*v;
	size_t			 n;

	if (r->nevents >= SEARCH_MAX_EVENTS)
		return 0;
	if (db_event_history(db, type, id, &v, &n) == -1)
		return -1;
	events_append(r, v, n);
	return 0;
}

/* Append the trails of r's first orders (at most DB_EVENT_HISTORIES, of
 * the shown ones), newest first, up to the cap: one statement. */
static int
add_order_events(struct db *db, struct search_result *r, size_t shown)
{
	struct db_event_row	*v;
	int64_t			 ids[DB_EVENT_HISTORIES];
	size_t			 i, n;

	for (i = 0; i < shown && i < DB_EVENT_HISTORIES; i++)
		ids[i] = r->orders[i].id;
	if (i == 0 || r->nevents >= SEARCH_MAX_EVENTS)
		return 0;
	if (db_event_histories(db, "order", ids, i,
	    SEARCH_MAX_EVENTS - r->nevents, &v, &n) == -1)
		return -1;
	events_append(r, v, n);
	return 0;
}

/* The reviews waiting and with no queue_id the audit trail of the np
 * users (company 0) or companies p into r. */
static int
party_entries(struct db *db, struct search_result *r, int company,
    const struct db_search_party *p, size_t np, const char *queue_id)
{
	struct search_entry	*e;
	size_t			 i;
	int			 rc = 0;

	for (i = 0; i < np && rc == 0; i++) {
		if (p[i].review_id > 0 && (e = entry_add(r, queue_find(company ?
		    "qualifications" : "identity_review"), queue_id)) != NULL) {
			snprintf(e->what, sizeof(e->what), "%s", p[i].name);
			snprintf(e->href, sizeof(e->href), company ?
			    "/admin/companies/%lld/qualification" :
			    "/admin/identity/%lld", (long long)(company ?
			    p[i].id : p[i].review_id));
			e->since = p[i].review_since;
		}
		if (queue_id == NULL)
			rc = add_events(db, r, company ? "company" : "user",
			    p[i].id);
	}
	return rc;
}

/* The users (company 0) or companies whose name starts with text: their
 * reviews waiting and their audit trail into r. */
static int
parties(struct db *db, struct search_result *r, int company,
    const char *text, const char *queue_id)
{
	struct db_search_party	*p;
	size_t			 n;
	int			 rc;

	if (db_search_parties(db, company, text, SEARCH_MAX_BUYERS, &p,
	    &n) == -1)
		return -1;
	rc = party_entries(db, r, company, p, n, queue_id);
	free(p);
	return rc;
}

/* Append the n orders v to r's and free v. */
static void
orders_append(struct search_result *r, struct db_search_order *v, size_t n)
{
	r->orders = xrealloc(r->orders, (r->norders + n + 1) *
	    sizeof(*r->orders));
	if (n > 0)
		memcpy(r->orders + r->norders, v, n * sizeof(*v));
	r->norders += n;
	free(v);
}

/* For a sort newest first: -1 when (at, id) comes before (at2, id2),
 * 1 after, 0 the same. */
static int
newer_first(int64_t at, int64_t id, int64_t at2, int64_t id2)
{
	if (at != at2)
		return at < at2 ? 1 : -1;
	return id < id2 ? 1 : id > id2 ? -1 : 0;
}

/* qsort: orders newest first (by created_at, then id). */
static int
order_newest_first(const void *a, const void *b)
{
	const struct db_search_order *x = a, *y = b;

	return newer_first(x->created_at, x->id, y->created_at, y->id);
}

/* qsort: orders oldest first. */
static int
order_oldest_first(const void *a, const void *b)
{
	return order_newest_first(b, a);
}

/* The page of key of the orders of the np buyers p into r (see
 * admin_search): each buyer's limit nearest the key, merged, the nearest
 * limit kept; each buyer's orders counted up to the cap into r->total. */
static int
buyer_orders(struct db *db, struct search_result *r,
    const struct db_search_party *p, size_t np, const struct search_key *key,
    size_t limit)
{
	struct db_search_order	*v;
	size_t			 i, n;
	int64_t			 c;

	for (i = 0; i < np; i++) {
		if (db_search_user_orders(db, p[i].id, key->dir, key->at,
		    key->id, limit, &v, &n) == -1 ||
		    (c = db_search_user_order_count(db, p[i].id,
		    DB_COUNT_CAP)) < 0) {
			free(v);
			return -1;
		}
		r->total += c;
		orders_append(r, v, n);
	}
	if (r->total > DB_COUNT_CAP)
		r->total = DB_COUNT_CAP + 1;
	if (np > 1 && r->norders > 1)
		qsort(r->orders, r->norders, sizeof(*r->orders),
		    key->dir == -1 ? order_oldest_first : order_newest_first);
	if (r->norders > limit)
		r->norders = limit;
	return 0;
}

/* An email's search into r: its buyers' orders (a page from key; for a
 * queue's search, whose entries are what it shows, their newest
 * SEARCH_MAX_ORDERS), their reviews waiting and their audit trail. */
static int
email_search(struct db *db, struct search_result *r, const char *text,
    const char *queue_id, const struct search_key *key)
{
	struct db_search_party	*p;
	size_t			 n;
	int			 rc;

	if (db_search_parties(db, 0, text, SEARCH_MAX_BUYERS, &p, &n) == -1)
		return -1;
	r->paged = queue_id == NULL;
	rc = buyer_orders(db, r, p, n, key, r->paged ? SEARCH_PAGE + 1 :
	    SEARCH_MAX_ORDERS);
	if (rc == 0)
		rc = party_entries(db, r, 0, p, n, queue_id);
	free(p);
	return rc;
}

/* The orders matching text by how, appended to r's (at most
 * SEARCH_MAX_ORDERS in all). */
static int
orders(struct db *db, struct search_result *r, enum db_search_by how,
    const char *text)
{
	struct db_search_order	*v;
	size_t			 n;

	if (r->norders >= SEARCH_MAX_ORDERS)
		return 0;
	if (db_search_orders(db, how, text, SEARCH_MAX_ORDERS - r->norders,
	    &v, &n) == -1)
		return -1;
	orders_append(r, v, n);
	return 0;
}

/* qsort: events newest first. */
static int
newest_first(const void *a, const void *b)
{
	const struct db_event_row *x = a, *y = b;

	return newer_first(x->at, x->id, y->at, y->id);
}

/* The lookups of kind for text into r. */
static int
lookup(struct db *db, struct search_result *r, const char *text,
    const char *queue_id, const struct search_key *key)
{
	switch (r->kind) {
	case SEARCH_ORDER:
		return orders(db, r, DB_SB_ID, text);
	case SEARCH_RF_CODE:
		return orders(db, r, DB_SB_RF_CODE, text);
	case SEARCH_EMAIL:
		return email_search(db, r, text, queue_id, key);
	case SEARCH_TEXT:
		if (orders(db, r, DB_SB_TRACKING, text) == -1)
			return -1;
		/* a tracking number names its orders; else a company */
		if (r->norders > 0)
			return 0;
		if (orders(db, r, DB_SB_COMPANY, text) == -1)
			return -1;
		return parties(db, r, 1, text, queue_id);
	default:
		return 0;
	}
}

/* See search.h. The orders' own trail is read for the first ten, in one
 * statement. */
int
admin_search(struct db *db, const char *q, const char *queue_id,
    const struct search_key *key, struct search_result *out)
{
	static const struct search_key newest;
	char	norm[256];
	size_t	shown;

	memset(out, 0, sizeof(*out));
	out->kind = search_classify(q, norm, sizeof(norm), &out->msg);
	if (lookup(db, out, norm, queue_id, key != NULL ? key : &newest) == -1)
		return -1;
	if (!out->paged)
		out->total = (int64_t)out->norders;
	/* the orders on the page: a paged search's extra one is not */
	shown = out->paged && out->norders > SEARCH_PAGE ? SEARCH_PAGE :
	    out->norders;
	order_entries(out, shown, queue_id);
	if (queue_id != NULL) {
		out->norders = 0;
		return 0;
	}
	if (add_order_events(db, out, shown) == -1)
		return -1;
	if (out->nevents > 1)
		qsort(out->events, out->nevents, sizeof(*out->events),
		    newest_first);
	return 0;
}

/* See search.h. */
void
search_result_free(struct search_result *r)
{
	free(r->orders);
	free(r->entries);
	db_event_rows_free(r->events, r->nevents);
	memset(r, 0, sizeof(*r));
}

/* The audit trail's words filter for q into f: its reason contains q, or
 * is a stored sentence whose words (in English or in the thread's
 * language) contain q. */
static void
audit_words(const char *q, struct db_event_filter *f)
{
	enum said	s[SAID__MAX];
	size_t		i, n, o = 0;

	/* At most the filter's size, cut before a UTF-8 character's
	 * continuation bytes. */
	n = strlen(q);
	if (n >= sizeof(f->words)) {
		n = sizeof(f->words) - 1;
		while (n > 0 && ((unsigned char)q[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(f->words, q, n);
	f->words[n] = '\0';
	n = said_matching(q, s, SAID__MAX);
	for (i = 0; i < n && o + strlen(said_name(s[i])) + 2 <
	    sizeof(f->codes); i++)
		o += (size_t)snprintf(f->codes + o, sizeof(f->codes) - o,
		    "%s%s", o > 0 ? "|" : "", said_name(s[i]));
}

/* See search.h. */
int
admin_search_subject(struct db *db, const char *q, struct db_event_filter *f,
    const char **msg)
{
	static const enum db_search_by by[] = { [SEARCH_ORDER] = DB_SB_ID,
	    [SEARCH_RF_CODE] = DB_SB_RF_CODE, [SEARCH_TEXT] = DB_SB_TRACKING };
	struct db_search_order	*o = NULL;
	struct db_search_party	*p = NULL;
	enum search_kind	 k;
	char			 norm[256];
	size_t			 n = 0;

	if ((k = search_classify(q, norm, sizeof(norm), msg)) == SEARCH_BAD ||
	    k == SEARCH_EMPTY)
		return k == SEARCH_BAD ? 1 : 0;
	if (k != SEARCH_EMAIL &&
	    db_search_orders(db, by[k], norm, 1, &o, &n) == -1)
		return -1;
	if (n == 1) {
		snprintf(f->subject_type, sizeof(f->subject_type), "order");
		f->subject_id = o[0].id;
	}
	free(o);
	if (n == 0 && (k == SEARCH_EMAIL || k == SEARCH_TEXT)) {
		if (db_search_parties(db, k == SEARCH_TEXT, norm, 1, &p,
		    &n) == -1)
			return -1;
		if (n == 1 && k == SEARCH_EMAIL)
			f->user_id = p[0].id;
		else if (n == 1) {
			snprintf(f->subject_type, sizeof(f->subject_type),
			    "company");
			f->subject_id = p[0].id;
		}
		free(p);
	}
	if (n == 0 && k == SEARCH_TEXT && strlen(norm) >= 3) {
		audit_words(norm, f);
		return 0;
	}
	if (n == 0)
		*msg = A_("Nothing matches that search.");
	return n == 0 ? 1 : 0;
}
