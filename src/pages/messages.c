/*
 * The inbox: GET /messages (grouped by order, 20 a page), POST
 * /messages/:id/read and POST /messages/read (mark all shown unread ones
 * read). Marking is a POST because state never changes on GET
 * (DESIGN.md); the unread count in the header comes from render.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/words.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/inbox.h"
#include "view/view.h"

#define MESSAGES_PER_PAGE	20

const struct field_spec page_messages_fields[] = {
	{ "page", FIELD_INT, 0, 6, 1, 100000 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* A company invitation's link in body (a local path the app wrote) as
 * the message's LINK, so that it opens with a click. */
static void
message_link(struct view_dict *m, const char *body)
{
	const char	*p = body != NULL ? strstr(body,
			    "/company/invitations/") : NULL;
	size_t		 n;

	if (p == NULL)
		return;
	n = 21 + strspn(p + 21, "0123456789abcdef");
	view_setf(view_add(m, "LINK"), "HREF", "%.*s", (int)n, p);
}

/* Message m into its section s: subject (with how often its event
 * happened), body in words, link, time and whether it is unread. */
static void
message_item(struct view_dict *s, const struct db_message *m)
{
	char		 when[32], text[1024], *body;
	struct tm	 tm;
	time_t		 t;

	view_set_int(s, "ID", (long long)m->id);
	words_text(m->subject, NULL, NULL, text, sizeof(text));
	if (m->repeats > 1)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
		    " (%d tries)", m->repeats);
	view_set(s, "SUBJECT", text);
	/* The words of a code are at most 6 times as long as it. */
	body = xmalloc(strlen(m->body) * 6 + 1);
	words_text(m->body, NULL, NULL, body, strlen(m->body) * 6 + 1);
	view_set(s, "BODY", body);
	free(body);
	message_link(s, m->body);
	t = (time_t)m->last_at;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(when, sizeof(when), "-");
	view_set(s, "AT", when);
	if (m->read_at == 0)
		view_show(s, "UNREAD");
}

/* The signed-in user's inbox: its own messages and its company's. */
static struct inbox_owner
inbox_of(const struct ctx *c)
{
	return (struct inbox_owner){ c->user.user_id, c->user.company_id };
}

/* GET /messages?page=N: an order's messages together under its number
 * (the list comes grouped, inbox.h). */
int
page_messages(struct ctx *c)
{
	struct db_message	*v;
	struct view_dict	*d, *g = NULL;
	size_t			 n, i, shown;
	int64_t			 page = ctx_int(c, "page", 1);
	int			 rc, unread = 0;

	/* One row more than shown tells whether an older page exists. */
	if (inbox_list(c->db, inbox_of(c), MESSAGES_PER_PAGE + 1,
	    (size_t)(page - 1) * MESSAGES_PER_PAGE, &v, &n) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	shown = n > MESSAGES_PER_PAGE ? MESSAGES_PER_PAGE : n;
	if (n == 0)
		view_show(d, "EMPTY");
	for (i = 0; i < shown; i++) {
		if (g == NULL || v[i].order_id == 0 ||
		    v[i].order_id != v[i - 1].order_id) {
			g = view_add(d, "GROUP");
			if (v[i].order_id > 0)
				view_set_int(view_add(g, "ORDER"), "ORDER_ID",
				    (long long)v[i].order_id);
		}
		message_item(view_add(g, "MESSAGE"), &v[i]);
		unread |= v[i].read_at == 0;
	}
	if (unread)
		view_show(d, "UNREAD_ANY");
	if (page > 1)
		view_set_int(view_add(d, "PREV"), "PAGE", (long long)page - 1);
	if (n > MESSAGES_PER_PAGE)
		view_set_int(view_add(d, "NEXT"), "PAGE", (long long)page + 1);
	rc = page_render_free(c, "messages.tpl", d, "Messages", 200);
	inbox_free(v, n);
	return rc;
}

/* POST /messages/:id/read: 303 back to /messages; another user's
 * message is 404 (and stays as it was). */
int
page_message_read(struct ctx *c)
{
	int64_t	id = c->target_id;
	int	rc;

	rc = inbox_mark_read(c->db, inbox_of(c), id, c->now);
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (rc == 0)
		return page_error(c, 404, "There is no such message among "
		    "yours.");
	return page_redirect(c, "/messages");
}

/* POST /messages/read: every unread message of the user read. */
int
page_messages_read_all(struct ctx *c)
{
	if (inbox_mark_read(c->db, inbox_of(c), 0, c->now) == -1)
		return page_error(c, 500, NULL);
	return page_redirect(c, "/messages");
}
