/*
 * The admin's manual review of real-name authentication (INST-01):
 *   GET  /admin/queues/identity          the queue (default: in review)
 *   GET  /admin/identity/:id             one check, its document, the decision
 *   GET  /admin/identity/:id/document    the document photo
 *   POST /admin/identity/:id/decide      approve, or reject with a reason
 * Each handler parses its fields, makes one service call
 * (service/identity.h) and renders.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "http/ctx.h"
#include "pages/admin_queue.h"
#include "pages/doc_pictures.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/filestore.h"
#include "service/identity.h"
#include "view/view.h"

const struct field_spec page_admin_identity_queue_fields[] = {
	{ "status", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "page", FIELD_INT, 0, 0, 1, 1000000 },
	{ "sort", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "msg", FIELD_TOKEN, 0, 32, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_identity_decide_fields[] = {
	{ "decision", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "reason", FIELD_TEXT, 0, 250, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* A check's status in words for the admin. */
static const char *
status_words(enum identity_status st)
{
	switch (st) {
	case IDC_REVIEW:
		return A_("Waiting for review");
	case IDC_VERIFIED:
		return A_("Verified");
	case IDC_MISMATCH:
		return A_("Did not match");
	default:
		return A_("Rejected");
	}
}

/* A status filter's choice (a status's stored name, or "all") in words
 * into out. */
static void
status_choice_words(const char *code, char *out, size_t outsz)
{
	enum identity_status st;

	snprintf(out, outsz, "%s", identity_status_parse(code, &st) == 0 ?
	    status_words(st) : A_("All"));
}

/* The queue's status filter from its ?status= word into *st: 0 one
 * status, -1 every status ("all"). A missing or unknown word is the
 * manual review. */
static int
status_filter(const char *word, enum identity_status *st)
{
	if (word != NULL && strcmp(word, "all") == 0)
		return -1;
	if (identity_status_parse(word, st) == -1)
		*st = IDC_REVIEW;
	return 0;
}

/* GET /admin/queues/identity: checks the identity service sent for a
 * manual review, oldest first (or another status by the filter). */
int
page_admin_identity_queue(struct ctx *c)
{
	static const char *const cols[] = { NA_("Shopper"), NA_("Legal name"),
	    NA_("Date of birth"), NA_("Document"), NA_("Status") };
	static const char *const st[] = { "review", "verified", "mismatch",
	    "rejected", "all", NULL };
	static const struct aq_filter filters[] = { { "status", NA_("Status"),
	    st, status_choice_words } };
	static const struct aq_sort sorts[] = { { "oldest",
	    NA_("Oldest first") } };
	static const struct page_notice notices[] = { { "decided",
	    NA_("The decision is recorded and the shopper is told.") },
	    { NULL, NULL } };
	struct db_identity	*rows = NULL;
	enum identity_status	 st_one;
	int			 one;
	struct aq_list		 l;
	struct aq_row		*r;
	size_t			 i, n = 0;
	int64_t			 total = 0;
	int			 rc;

	memset(&l, 0, sizeof(l));
	l.title = NA_("Identity checks awaiting manual review");
	l.path = "/admin/queues/identity";
	l.queue_id = "identity_review";
	l.intro = NA_("Real-name authentication (INST-01) that the identity "
	    "service could not decide, oldest first; review within 1 business "
	    "day. Open one to see the document and approve or reject it.");
	l.filters = filters;
	l.nfilters = 1;
	one = status_filter(ctx_str(c, "status"), &st_one) == 0;
	l.values[0] = one ? identity_status_name(st_one) : "all";
	l.sorts = sorts;
	l.nsorts = 1;
	l.sort = "oldest";
	l.columns = cols;
	l.ncols = 5;
	l.thumbs = 1;
	l.page = aq_page_arg(c);
	l.notice = page_notice(notices, ctx_str(c, "msg"));
	if (identity_review_list(c->db, one ? &st_one : NULL, l.page, &rows,
	    &n, &total) != RES_OK)
		return page_error(c, 500, NULL);
	l.total = total;
	for (i = 0; i < n; i++) {
		r = aq_row_add(&l);
		r->id = rows[i].id;
		snprintf(r->href, sizeof(r->href), "/admin/identity/%lld",
		    (long long)rows[i].id);
		r->created_at = rows[i].submitted_at;
		r->thumb_file = rows[i].photo_pages > 0 ? rows[i].file_id : 0;
		if (rows[i].status == IDC_REVIEW)
			r->promised_at = rows[i].submitted_at +
			    IDENTITY_REVIEW_DAYS * 86400;
		snprintf(r->cells[0], sizeof(r->cells[0]), "%s",
		    rows[i].user_email);
		snprintf(r->cells[1], sizeof(r->cells[1]), "%s",
		    rows[i].legal_name);
		snprintf(r->cells[2], sizeof(r->cells[2]), "%s",
		    rows[i].birth_date[0] != '\0' ? rows[i].birth_date : "-");
		if (rows[i].id_last4[0] != '\0')
			snprintf(r->cells[3], sizeof(r->cells[3]),
			    A_("%s ending in %s"),
			    A_(identity_type_words(rows[i].id_type)),
			    rows[i].id_last4);
		else
			snprintf(r->cells[3], sizeof(r->cells[3]), "%s",
			    A_(identity_type_words(rows[i].id_type)));
		snprintf(r->cells[4], sizeof(r->cells[4]), "%s",
		    status_words(rows[i].status));
	}
	free(rows);
	rc = admin_queue_render(c, &l);
	aq_list_cleanup(&l);
	return rc;
}

/* Render check *r (masked number) with status and notice/error. */
static int
review_page(struct ctx *c, int status, const struct db_identity *r,
    const char *masked, const char *error)
{
	struct view_dict	*d = view_dict_new(), *s;
	char			 when[40];

	page_admin_notes(d, NULL, error);
	view_set_int(d, "ID", (long long)r->id);
	view_set(d, "EMAIL", r->user_email);
	view_set(d, "NAME", r->legal_name);
	view_set(d, "BIRTH", r->birth_date[0] != '\0' ? r->birth_date : "-");
	view_set(d, "DOCUMENT", masked);
	view_set(d, "STATE", identity_status_name(r->status));
	view_set(d, "STATUS", status_words(r->status));
	view_set(d, "SUBMITTED", page_when(r->submitted_at, when,
	    sizeof(when)));
	if (r->file_id > 0) {
		char dl[64];
		struct doc_pictures p = { "identity", r->file_id,
		    r->photo_pages, NULL, "The document the shopper sent", dl };

		snprintf(dl, sizeof(dl), "/admin/identity/%lld/document",
		    (long long)r->id);
		doc_pictures_show(view_add(d, "PHOTO"), "PICTURES", &p);
	}
	if (r->status == IDC_REVIEW)
		view_show(d, "CAN_DECIDE");
	else if (r->decided_at > 0) {
		s = view_add(d, "DECIDED");
		view_set(s, "AT", page_when(r->decided_at, when, sizeof(when)));
		view_set(s, "REASON", r->reason);
	}
	return page_render_free(c, "identity_admin.tpl", d, "Identity check",
	    status);
}

/* GET /admin/identity/:id. */
int
page_admin_identity(struct ctx *c)
{
	struct db_identity	r;
	char			masked[IDENTITY_MASKED_MAX];

	switch (identity_review_get(c->db, c->target_id, &r, masked)) {
	case RES_OK:
		return review_page(c, 200, &r, masked, NULL);
	case RES_NOT_FOUND:
		return page_error(c, 404, "There is no such identity check.");
	default:
		return page_error(c, 500, NULL);
	}
}

/* GET /admin/identity/:id/document. */
int
page_admin_identity_document(struct ctx *c)
{
	int64_t	file_id;
	int	rc;

	switch (identity_document(c->db, c->user.user_id, 1, c->target_id,
	    &file_id)) {
	case RES_OK:
		rc = filestore_respond(c, file_id, "identity-document");
		return rc == 200 ? rc : page_error(c, rc, NULL);
	case RES_NOT_FOUND:
		return page_error(c, 404, "There is no such document.");
	default:
		return page_error(c, 500, NULL);
	}
}

/* POST /admin/identity/:id/decide: 303 to the queue, or the check's page
 * again with the message (400 no reason or no decision, 409 decided). */
int
page_admin_identity_decide(struct ctx *c)
{
	const char		*dec = ctx_str(c, "decision");
	struct db_identity	 r;
	char			 masked[IDENTITY_MASKED_MAX], msg[300];
	int			 approve;

	approve = dec != NULL && strcmp(dec, "approve") == 0;
	if (!approve && (dec == NULL || strcmp(dec, "reject") != 0)) {
		/* Neither button: nothing to decide; the page says so. */
		if (identity_review_get(c->db, c->target_id, &r, masked) !=
		    RES_OK)
			return page_error(c, 404, NULL);
		return review_page(c, 400, &r, masked, NA_("Choose approve or "
		    "reject."));
	}
	switch (identity_review_decide(c->db, c->user.user_id,
	    c->target_id, approve, ctx_str(c, "reason"), c->now, msg,
	    sizeof(msg), &r, masked)) {
	case RES_OK:
		return page_redirect(c, "/admin/queues/identity?msg=decided");
	case RES_INVALID:
		return review_page(c, 400, &r, masked, msg);
	case RES_NOT_ALLOWED:
		return review_page(c, 409, &r, masked, msg);
	case RES_NOT_FOUND:
		return page_error(c, 404, "There is no such identity check.");
	default:
		return page_error(c, 500, NULL);
	}
}
