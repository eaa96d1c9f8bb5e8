/*
 * The shopper's "Identity and credit" page (INST-01, INST-02, PAU-01):
 *   GET  /account/identity                 the page
 *   POST /account/identity                 the real-name form (upload)
 *   GET  /account/identity/:id/document    the owner's document photo
 *   POST /account/credit-consent           accept the consent text
 *   POST /account/credit-consent/withdraw  withdraw it
 * Each handler parses its fields, makes one service call
 * (service/identity.h) and renders templates/identity_account.tpl.
 */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/filestore.h"
#include "service/identity.h"
#include "view/view.h"

const struct field_spec page_identity_post_fields[] = {
	{ "legal_name", FIELD_TEXT, 0, 400, 0, 0 },
	{ "birth_date", FIELD_TEXT, 0, 32, 0, 0 },
	{ "id_type", FIELD_TOKEN, 0, 32, 0, 0 },
	{ "id_number", FIELD_TEXT, 0, 64, 0, 0 },
	{ "photo", FIELD_FILE, 0, 0, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_credit_consent_fields[] = {
	{ "version", FIELD_TEXT, 0, 64, 0, 0 },
	{ "agree", FIELD_TOKEN, 0, 8, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_credit_withdraw_fields[] = {
	{ "confirm", FIELD_TOKEN, 0, 8, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* What the form had typed, kept on the page after an error (never the ID
 * number itself). */
struct typed_form {
	const char	*legal_name;
	const char	*birth_date;
	const char	*id_type;
};

/* The notices of the credit steps' ?msg= codes. */
static const struct page_notice credit_notices[] = {
	{ "authorized", N_("Thank you: the credit bureau's score is on "
	    "record.") },
	{ "withdrawn", N_("Your consent is withdrawn: the score is no longer "
	    "used.") },
	{ NULL, NULL }
};

/* The notice of a ?msg= after a redirect (a check's outcome by its
 * status's name, or a credit step), or NULL. */
static const char *
notice_of(const char *msg)
{
	enum identity_status st;

	if (msg == NULL)
		return NULL;
	if (identity_status_parse(msg, &st) == 0) {
		switch (st) {
		case IDC_VERIFIED:
			return N_("Your identity is verified.");
		case IDC_MISMATCH:
			return N_("The identity service could not match these "
			    "details. Check them against the document and "
			    "send the form again.");
		case IDC_REVIEW:
			return N_("The identity service asked for a manual "
			    "review: our team looks at your document within 1 "
			    "business day and sends you a message.");
		default:
			return NULL;
		}
	}
	return page_notice(credit_notices, msg);
}

/* Show section sec with MSG = msg unless msg is NULL or "". */
static void
field_msg(struct view_dict *d, const char *sec, const char *msg)
{
	if (msg != NULL && msg[0] != '\0')
		view_set(view_add(d, sec), "MSG", msg);
}

/* The identity part of the page from *v, and the form with its typed
 * values *t, errors *e (NULL: none) and the typed number's last four. */
static void
fill_identity(struct view_dict *d, const struct identity_view *v,
    const struct typed_form *t, const struct identity_errors *e,
    const char *last4)
{
	static const char *const types[][2] = {
		{ "passport", N_("Passport") },
		{ "national_id", N_("National identity card") },
		{ "driving_licence", N_("Driving licence") },
	};
	struct view_dict	*s, *o;
	char			 when[40];
	size_t			 i;

	if (v->has_check) {
		s = view_add(d, "CHECK");
		view_set(s, "STATUS", v->status_words);
		view_set(s, "STATE", identity_status_name(v->check.status));
		view_set(s, "NAME", v->check.legal_name);
		view_set(s, "BIRTH", v->check.birth_date[0] != '\0' ?
		    v->check.birth_date : "-");
		view_set(s, "DOCUMENT", v->id_masked);
		view_set(s, "SUBMITTED", page_when(v->check.submitted_at, when,
		    sizeof(when)));
		if (v->check.decided_at > 0)
			view_set(view_add(s, "DECIDED"), "AT",
			    page_when(v->check.decided_at, when, sizeof(when)));
		if (v->check.file_id > 0)
			view_set_int(view_add(s, "PHOTO"), "ID",
			    (long long)v->check.id);
	} else
		view_show(d, "NO_CHECK");
	if (v->verified)
		view_set(view_add(d, "VERIFIED"), "AT", page_when(v->verified_at,
		    when, sizeof(when)));
	if (!v->can_submit)
		return;
	s = view_add(d, "FORM");
	view_set(s, "LEGAL_NAME", t->legal_name != NULL ? t->legal_name : "");
	view_set(s, "BIRTH_DATE", t->birth_date != NULL ? t->birth_date : "");
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		o = view_add(s, "TYPE");
		view_set(o, "VALUE", types[i][0]);
		view_set(o, "LABEL", _(types[i][1]));
		if (t->id_type != NULL && strcmp(t->id_type, types[i][0]) == 0)
			view_show(o, "SELECTED");
	}
	if (e == NULL)
		return;
	field_msg(s, "NAME_ERR", e->legal_name);
	field_msg(s, "BIRTH_ERR", e->birth_date);
	field_msg(s, "TYPE_ERR", e->id_type);
	field_msg(s, "PHOTO_ERR", e->photo);
	field_msg(s, "NUMBER_ERR", e->id_number);
	if (last4 != NULL && last4[0] != '\0')
		view_set(view_add(s, "NUMBER_AGAIN"), "LAST4", last4);
}

/* The credit part of the page from *v. */
static void
fill_credit(struct view_dict *d, const struct identity_view *v)
{
	const struct db_consent	*c = &v->consent;
	struct view_dict	*s;
	char			 when[40];

	page_set_count(d, "REFRESH_DAYS", (long long)v->refresh_days, "day",
	    "days");
	view_set_int(d, "INST_MIN", (long long)v->inst_min_score);
	view_set_int(d, "PAU_MIN", (long long)v->pau_min_score);
	if (v->has_consent) {
		s = view_add(d, "CONSENT");
		view_set(s, "VERSION", c->version);
		view_set(s, "ACCEPTED", page_when(c->accepted_at, when,
		    sizeof(when)));
		if (c->has_score) {
			view_set_int(s, "SCORE", c->score);
			view_set(s, "SCORED", page_when(c->scored_at, when,
			    sizeof(when)));
			view_set(s, "REFRESH", page_when(c->refresh_due_at, when,
			    sizeof(when)));
		}
		return;
	}
	if (v->has_withdrawn)
		view_set(view_add(d, "WITHDRAWN"), "AT", page_when(
		    c->withdrawn_at, when, sizeof(when)));
	if (!v->verified) {
		view_show(d, "NEED_IDENTITY");
		return;
	}
	s = view_add(d, "CONSENT_FORM");
	view_set(s, "VERSION", IDENTITY_CONSENT_VERSION);
	view_set(s, "TEXT", identity_consent_text);
}

/* Render the page from *v with status, notice/error, the form's errors
 * (NULL: none) and typed values (NULL: none). */
static int
render(struct ctx *c, int status, const struct identity_view *v,
    const char *notice, const char *error, const struct identity_errors *e,
    const struct typed_form *t, const char *typed_last4)
{
	static const struct typed_form none;
	struct view_dict *d = view_dict_new();

	page_notes(d, notice, error);
	fill_identity(d, v, t != NULL ? t : &none, e, typed_last4);
	fill_credit(d, v);
	return page_render_free(c, "identity_account.tpl", d,
	    "Identity and credit", status);
}

/* GET /account/identity. */
int
page_account_identity(struct ctx *c)
{
	struct identity_view v;

	if (identity_account(c->db, c->user.user_id, c->now, &v) != RES_OK)
		return page_error(c, 500, NULL);
	return render(c, 200, &v, notice_of(ctx_str(c, "msg")), NULL, NULL,
	    NULL, NULL);
}

/* POST /account/identity: 303 to the page with the outcome, or the page
 * again with the errors beside the fields (400), the state's refusal
 * (409) or the service's absence (503). */
int
page_account_identity_post(struct ctx *c)
{
	const struct field_val	*ph = ctx_field(c, "photo");
	struct identity_input	 in;
	struct identity_errors	 err;
	struct identity_view	 v;
	struct typed_form	 t;
	enum identity_status	 status;
	char			 msg[300], where[64], last4[5];
	const char		*bad = ctx_field_err(c, "photo");
	size_t			 n;
	int			 rc;

	memset(&in, 0, sizeof(in));
	in.legal_name = t.legal_name = ctx_str(c, "legal_name");
	in.birth_date = t.birth_date = ctx_str(c, "birth_date");
	in.id_type = t.id_type = ctx_str(c, "id_type");
	in.id_number = ctx_str(c, "id_number");
	if (bad == NULL && ph != NULL && ph->present && ph->file != NULL) {
		in.photo = ph->file->data;
		in.photo_len = ph->file->len;
	}
	rc = identity_submit(c->db, c->cfg, c->user.user_id, &in, c->now, &err,
	    &status, msg, sizeof(msg), &v);
	switch (rc) {
	case RES_OK:
		snprintf(where, sizeof(where), "/account/identity?msg=%s",
		    identity_status_name(status));
		return page_redirect(c, where);
	case RES_INVALID:
		if (bad != NULL && ph != NULL && ph->present)
			snprintf(err.photo, sizeof(err.photo),
			    _("The photo: %s (a JPEG, PNG or PDF of at most "
			    "10 MB)."), _(bad));
		n = in.id_number != NULL ? strlen(in.id_number) : 0;
		snprintf(last4, sizeof(last4), "%s", n > 4 ?
		    in.id_number + n - 4 : "");
		return render(c, bad != NULL && ph != NULL && ph->file != NULL &&
		    ph->file->len > FILESTORE_MAX ? 413 : 400, &v, NULL,
		    N_("Please correct the fields marked below."), &err, &t,
		    last4);
	case RES_NOT_ALLOWED:
		return render(c, 409, &v, NULL, msg, NULL, NULL, NULL);
	case RES_UNAVAILABLE:
		return render(c, 503, &v, NULL, msg, NULL, &t, NULL);
	default:
		return page_error(c, 500, NULL);
	}
}

/* GET /account/identity/:id/document: the photo, for its owner only. */
int
page_account_identity_document(struct ctx *c)
{
	int64_t	file_id;
	int	rc;

	switch (identity_document(c->db, c->user.user_id, 0, c->target_id,
	    &file_id)) {
	case RES_OK:
		rc = filestore_respond(c, file_id, "identity-document");
		return rc == 200 ? rc : page_error(c, rc, NULL);
	case RES_NOT_FOUND:
		return page_error(c, 404, "There is no such document of yours.");
	default:
		return page_error(c, 500, NULL);
	}
}

/* Answer a credit use case's result rc: 303 to the page with ok_msg, or
 * the page again with msg. */
static int
credit_answer(struct ctx *c, enum result rc,
    const struct identity_view *v, const char *msg, const char *ok_msg)
{
	char where[64];

	switch (rc) {
	case RES_OK:
		snprintf(where, sizeof(where), "/account/identity?msg=%s",
		    ok_msg);
		return page_redirect(c, where);
	case RES_INVALID:
		return render(c, 400, v, NULL, msg, NULL, NULL, NULL);
	case RES_NOT_ALLOWED:
		return render(c, 409, v, NULL, msg, NULL, NULL, NULL);
	case RES_UNAVAILABLE:
		return render(c, 503, v, NULL, msg, NULL, NULL, NULL);
	default:
		return page_error(c, 500, NULL);
	}
}

/* POST /account/credit-consent. */
int
page_account_credit_consent(struct ctx *c)
{
	struct identity_view	 v;
	const char		*agree = ctx_str(c, "agree");
	char			 msg[300];
	enum result	 rc;

	rc = credit_accept(c->db, c->cfg, c->user.user_id, ctx_str(c,
	    "version"), agree != NULL && strcmp(agree, "yes") == 0, c->now,
	    msg, sizeof(msg), &v);
	return credit_answer(c, rc, &v, msg, "authorized");
}

/* POST /account/credit-consent/withdraw. */
int
page_account_credit_withdraw(struct ctx *c)
{
	struct identity_view	 v;
	const char		*confirm = ctx_str(c, "confirm");
	char			 msg[300];
	enum result	 rc;

	rc = credit_withdraw(c->db, c->user.user_id, confirm != NULL &&
	    strcmp(confirm, "yes") == 0, c->now, msg, sizeof(msg), &v);
	return credit_answer(c, rc, &v, msg, "withdrawn");
}
