/*
 * The generic admin queue page (see admin_queue.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "http/ctx.h"
#include "pages/admin_queue.h"
#include "pages/render.h"
#include "service/admin.h"
#include "service/admin_view.h"
#include "view/view.h"

/* See admin_queue.h. */
int64_t
aq_page_arg(struct ctx *c)
{
	int64_t p = ctx_int(c, "page", 1);

	return p < 1 ? 1 : p;
}

/* See admin_queue.h. */
struct aq_row *
aq_row_add(struct aq_list *l)
{
	if (l->nrows == l->caprows) {
		l->caprows = l->caprows ? l->caprows * 2 : 32;
		l->rows = xrealloc(l->rows, l->caprows * sizeof(*l->rows));
	}
	memset(&l->rows[l->nrows], 0, sizeof(*l->rows));
	return &l->rows[l->nrows++];
}

/* See admin_queue.h. */
void
aq_list_cleanup(struct aq_list *l)
{
	free(l->rows);
	l->rows = NULL;
	l->nrows = l->caprows = 0;
}

/* See admin_queue.h. */
void
aq_age(int64_t now, int64_t since, char *out, size_t outsz)
{
	int64_t d = now - since;

	if (since <= 0) {
		snprintf(out, outsz, "-");
		return;
	}
	if (d < 0)
		d = 0;
	if (d >= 86400)
		snprintf(out, outsz, A_("%lld d %lld h"), (long long)(d / 86400),
		    (long long)(d % 86400 / 3600));
	else if (d >= 3600)
		snprintf(out, outsz, A_("%lld h %lld min"), (long long)(d / 3600),
		    (long long)(d % 3600 / 60));
	else
		snprintf(out, outsz, A_("%lld min"), (long long)(d / 60));
}

/* See admin_queue.h. */
void
aq_day(int64_t end, char *out, size_t outsz)
{
	time_t		tt = (time_t)(end - 1);
	struct tm	tm;

	if (end <= 0 || gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, outsz, "%Y-%m-%d", &tm) == 0)
		snprintf(out, outsz, "-");
}

/* See admin_queue.h. */
void
aq_url_encode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char ch;

	for (; *s != '\0'; s++) {
		ch = (unsigned char)*s;
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ||
		    ch == '.' || ch == '~')
			buf_printf(b, "%c", ch);
		else
			buf_printf(b, "%%%c%c", hex[ch >> 4], hex[ch & 15]);
	}
}

/* The list's URL with its filters, sort (sort_override if not NULL) and
 * page into b. */
static void
list_url(struct buf *b, const struct aq_list *l, const char *sort,
    int64_t page)
{
	size_t i;

	buf_reset(b);
	buf_printf(b, "%s?", l->path);
	for (i = 0; i < l->nfilters && i < AQ_MAXCOLS; i++) {
		if (l->values[i] == NULL || l->values[i][0] == '\0')
			continue;
		buf_printf(b, "%s=", l->filters[i].name);
		aq_url_encode(b, l->values[i]);
		buf_puts(b, "&");
	}
	if (sort != NULL && sort[0] != '\0') {
		buf_puts(b, "sort=");
		aq_url_encode(b, sort);
		buf_puts(b, "&");
	}
	buf_printf(b, "page=%lld", (long long)page);
}

/* The filter form of l into d: one FILTER section each, a TEXT box or a
 * SELECT of its choices (in words where the filter has them) with the
 * current value selected. */
static void
set_filters(struct view_dict *d, const struct aq_list *l)
{
	struct view_dict	*s, *r, *x;
	char			 w[96];
	size_t			 i, j;

	for (i = 0; i < l->nfilters && i < AQ_MAXCOLS; i++) {
		s = view_add(d, "FILTER");
		view_set(s, "NAME", l->filters[i].name);
		view_set(s, "LABEL", A_(l->filters[i].label));
		if (l->filters[i].choices == NULL) {
			x = view_add(s, "TEXT");
			view_set(x, "VALUE", l->values[i] ? l->values[i] : "");
			continue;
		}
		x = view_add(s, "SELECT");
		for (j = 0; l->filters[i].choices[j] != NULL; j++) {
			r = view_add(x, "OPTION");
			view_set(r, "VALUE", l->filters[i].choices[j]);
			if (l->filters[i].words != NULL)
				l->filters[i].words(l->filters[i].choices[j],
				    w, sizeof(w));
			else
				snprintf(w, sizeof(w), "%s",
				    l->filters[i].choices[j]);
			view_set(r, "WORDS", w);
			if (l->values[i] != NULL &&
			    strcmp(l->values[i], l->filters[i].choices[j]) == 0)
				view_show(r, "SELECTED");
		}
	}
}

/* Row row of l as a ROW section of d at now: id, link, created time and
 * age, the promised day (LATE past it), the cells and the decide form. */
static void
set_row(struct view_dict *d, const struct aq_list *l,
    const struct aq_row *row, int64_t now)
{
	struct view_dict	*s, *r, *x;
	char			 tmp[64];
	size_t			 j;

	r = view_add(d, "ROW");
	view_set_int(r, "ID", (long long)row->id);
	view_set(r, "HREF", row->href);
	admin_fmt_time(row->created_at, tmp, sizeof(tmp));
	view_set(r, "CREATED", tmp);
	aq_age(now, row->created_at, tmp, sizeof(tmp));
	view_set(r, "AGE", tmp);
	if (row->promised_at > 0) {
		aq_day(row->promised_at, tmp, sizeof(tmp));
		view_set(r, "PROMISED", tmp);
		if (row->promised_at < now)
			view_show(r, "LATE");
	} else
		view_set(r, "PROMISED", "-");
	if (l->thumbs) {
		x = view_add(r, "THUMB_CELL");
		if (row->thumb_file > 0)
			view_set_int(view_add(x, "THUMB"), "FILE",
			    (long long)row->thumb_file);
		else
			view_show(x, "NO_THUMB");
	}
	for (j = 0; j < l->ncols && j < AQ_MAXCOLS; j++) {
		x = view_add(r, "CELL");
		view_set(x, "LABEL", A_(l->columns[j]));
		view_set(x, "TEXT", row->cells[j]);
	}
	if (l->decide_order_action == NULL)
		return;
	x = view_add(r, "DECIDE_CELL");
	if (row->decide_from[0] != '\0') {
		s = view_add(x, "DECIDE");
		snprintf(tmp, sizeof(tmp), "/admin/orders/%lld/%s",
		    (long long)row->id, l->decide_order_action);
		view_set(s, "ACTION", tmp);
		view_set(s, "FROM", row->decide_from);
		view_set(s, "LABEL", A_(l->decide_label));
		view_set_int(s, "ID", (long long)row->id);
	}
}

/* See admin_queue.h. */
int
aq_key_arg(struct ctx *c, int64_t *at, int64_t *id)
{
	const char	*k = ctx_str(c, "after");
	long long	 a, i;
	char		 end;
	int		 dir = 1;

	*at = *id = 0;
	if (k == NULL || k[0] == '\0') {
		k = ctx_str(c, "before");
		dir = -1;
	}
	if (k == NULL || sscanf(k, "%lld_%lld%c", &a, &i, &end) != 2 ||
	    a < 0 || i < 0)
		return 0;
	*at = a;
	*id = i;
	return dir;
}

/* See admin_queue.h. */
size_t
aq_key_page(void *rows, size_t size, size_t n, size_t per_page, int dir,
    int *has_prev, int *has_next)
{
	unsigned char	*v = rows, *t;
	size_t		 m = n > per_page ? per_page : n, i;
	int		 beyond = n > per_page;

	*has_prev = dir == -1 ? beyond : dir == 1;
	*has_next = dir == -1 ? 1 : beyond;
	if (dir != -1 || m < 2)
		return m;
	t = xmalloc(size);
	for (i = 0; i < m / 2; i++) {
		memcpy(t, v + i * size, size);
		memcpy(v + i * size, v + (m - 1 - i) * size, size);
		memcpy(v + (m - 1 - i) * size, t, size);
	}
	free(t);
	return m;
}

/* The int64_t at off of row i of rows (each size bytes). */
static int64_t
row_int(const void *rows, size_t size, size_t i, size_t off)
{
	int64_t v;

	memcpy(&v, (const unsigned char *)rows + i * size + off, sizeof(v));
	return v;
}

/* See admin_queue.h. */
size_t
aq_key_rows(struct aq_list *l, void *rows, size_t size, size_t n, int dir,
    size_t at_off, size_t id_off)
{
	size_t m;

	m = aq_key_page(rows, size, n, AQ_PER_PAGE, dir, &l->has_prev,
	    &l->has_next);
	l->keyset = 1;
	if (dir == -1 && !l->has_prev)
		l->page = 1;
	if (m == 0)
		return 0;
	snprintf(l->key_first, sizeof(l->key_first), "%lld_%lld",
	    (long long)row_int(rows, size, 0, at_off),
	    (long long)row_int(rows, size, 0, id_off));
	snprintf(l->key_last, sizeof(l->key_last), "%lld_%lld",
	    (long long)row_int(rows, size, m - 1, at_off),
	    (long long)row_int(rows, size, m - 1, id_off));
	return m;
}

/* See admin_queue.h. */
void
aq_set_total(struct view_dict *d, int64_t total, int64_t page, int64_t pages)
{
	view_set_int(d, "TOTAL", (long long)total);
	view_set_int(d, "PAGE", (long long)page);
	view_set_int(d, "PAGES", (long long)pages);
	view_set_int(d, "CAP", DB_COUNT_CAP);
	view_show(d, total > DB_COUNT_CAP ? "MANY" : "EXACT");
}

/* The PREV and NEXT links of keyset list l into d (url a scratch
 * buffer): the page before the first row's key, the page after the
 * last's. */
static void
set_key_pages(struct view_dict *d, const struct aq_list *l, struct buf *url)
{
	if (l->has_prev) {
		list_url(url, l, l->sort, l->page > 1 ? l->page - 1 : 1);
		buf_printf(url, "&before=%s", l->key_first);
		view_set(view_add(d, "PREV"), "HREF", buf_str(url));
	}
	if (l->has_next) {
		list_url(url, l, l->sort, l->page + 1);
		buf_printf(url, "&after=%s", l->key_last);
		view_set(view_add(d, "NEXT"), "HREF", buf_str(url));
	}
}

/* See admin_queue.h. */
int
admin_queue_render(struct ctx *c, const struct aq_list *l)
{
	struct view_dict	*d, *s;
	struct buf		 url;
	size_t			 i;
	int64_t			 pages;
	int			 rc;

	d = view_dict_new();
	buf_init(&url);
	view_set(d, "TITLE", A_(l->title));
	view_set(d, "PATH", l->path);
	if (l->intro != NULL)
		view_set(view_add(d, "INTRO"), "TEXT", A_(l->intro));
	page_admin_notes(d, l->notice, l->error);
	set_filters(d, l);
	for (i = 0; i < l->nsorts; i++) {
		s = view_add(d, "SORT");
		view_set(s, "VALUE", l->sorts[i].value);
		view_set(s, "LABEL", A_(l->sorts[i].label));
		if (l->sort != NULL && strcmp(l->sort, l->sorts[i].value) == 0)
			view_show(s, "SELECTED");
	}
	for (i = 0; i < l->ncols; i++)
		view_set(view_add(d, "COLUMN"), "LABEL", A_(l->columns[i]));
	if (l->decide_order_action != NULL)
		view_show(d, "DECIDE_COL");
	if (l->thumbs)
		view_show(d, "THUMB_COL");
	if (l->export_path != NULL) {
		list_url(&url, l, l->sort, 1);
		view_setf(view_add(d, "EXPORT"), "HREF", "%s%s",
		    l->export_path, strchr(buf_str(&url), '?'));
	}
	if (l->queue_id != NULL) {
		s = view_add(d, "QUEUE_SEARCH");
		view_set(s, "QUEUE", l->queue_id);
		if (l->export_path == NULL)
			view_setf(view_add(d, "EXPORT"), "HREF",
			    "/admin/export/queues/%s", l->queue_id);
	}
	if (l->nrows == 0)
		view_show(d, "EMPTY");
	for (i = 0; i < l->nrows; i++)
		set_row(d, l, &l->rows[i], c->now);
	pages = (l->total + AQ_PER_PAGE - 1) / AQ_PER_PAGE;
	if (pages < 1)
		pages = 1;
	aq_set_total(d, l->total, l->page, pages);
	if (l->keyset) {
		set_key_pages(d, l, &url);
	} else {
		if (l->page > 1) {
			list_url(&url, l, l->sort, l->page - 1);
			view_set(view_add(d, "PREV"), "HREF", buf_str(&url));
		}
		if (l->page < pages) {
			list_url(&url, l, l->sort, l->page + 1);
			view_set(view_add(d, "NEXT"), "HREF", buf_str(&url));
		}
	}
	rc = page_render(c, "admin_queue.tpl", d, A_(l->title));
	buf_cleanup(&url);
	view_dict_free(d);
	return rc;
}
