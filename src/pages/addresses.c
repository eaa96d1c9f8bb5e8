/*
 * The address book: GET/POST /account/addresses (the list and the form to
 * add one), GET/POST /account/addresses/:id (edit), POST
 * /account/addresses/:id/delete and /default. A company member's book is
 * the company's (service/address.h). Another owner's address is 404.
 *
 * Each handler parses its typed input, makes one service call and
 * renders. A refused form comes back (400) with every typed value and a
 * message beside each wrong field. back=checkout returns to checkout with
 * the new address chosen.
 */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/words.h"
#include "http/ctx.h"
#include "pages/address_view.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/address.h"
#include "view/view.h"
#include "view/fmt.h"

const struct field_spec page_addresses_fields[] = {
	{ "msg", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "back", FIELD_TOKEN, 0, 16, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The fields are longer than the columns so that the service's own
 * messages (with the limit) answer a long value. */
const struct field_spec page_address_save_fields[] = {
	{ "recipient", FIELD_TEXT, 0, 400, 0, 0 },
	{ "line1", FIELD_TEXT, 0, 400, 0, 0 },
	{ "line2", FIELD_TEXT, 0, 400, 0, 0 },
	{ "city", FIELD_TEXT, 0, 400, 0, 0 },
	{ "region", FIELD_TEXT, 0, 400, 0, 0 },
	{ "postal_code", FIELD_TEXT, 0, 64, 0, 0 },
	{ "country", FIELD_TEXT, 0, 8, 0, 0 },
	{ "phone", FIELD_TEXT, 0, 64, 0, 0 },
	{ "make_default", FIELD_TOKEN, 0, 8, 0, 0 },
	{ "back", FIELD_TOKEN, 0, 16, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The form's field names with their template names. */
static const struct {
	const char	*field, *tpl;
} form_fields[] = {
	{ "recipient", "RECIPIENT" }, { "line1", "LINE1" },
	{ "line2", "LINE2" }, { "city", "CITY" }, { "region", "REGION" },
	{ "postal_code", "POSTAL" }, { "country", "COUNTRY" },
	{ "phone", "PHONE" },
};
#define NFORM	(sizeof(form_fields) / sizeof(form_fields[0]))

/* See address_view.h. */
void
page_address(struct view_dict *d, const struct db_address *a,
    const char *country_name)
{
	char sum[700], cn[128];

	/* The country in the reader's language (CLDR), the mall's own name
	 * in English. */
	country_name = fmt_country(a->country, country_name, cn, sizeof(cn));
	view_set(d, "RECIPIENT", a->recipient);
	view_set(d, "LINE1", a->line1);
	if (a->line2[0] != '\0')
		view_set(view_add(d, "LINE2"), "TEXT", a->line2);
	view_set(d, "CITY", a->city);
	if (a->region[0] != '\0')
		view_set(view_add(d, "REGION"), "TEXT", a->region);
	if (a->postal_code[0] != '\0')
		view_set(view_add(d, "POSTAL"), "TEXT", a->postal_code);
	view_set(d, "COUNTRY_NAME", country_name);
	view_set(d, "PHONE", a->phone);
	snprintf(sum, sizeof(sum), "%s, %s%s%s, %s%s%s, %s", a->recipient,
	    a->line1, a->line2[0] != '\0' ? ", " : "", a->line2, a->city,
	    a->postal_code[0] != '\0' ? " " : "", a->postal_code,
	    country_name);
	view_set(d, "SUMMARY", sum);
}

/* See address_view.h. */
void
page_order_address(struct view_dict *d, const struct order_address *oa,
    int has)
{
	struct view_dict *s;

	if (!has)
		return;
	s = view_add(d, "SHIP_ADDR");
	page_address(s, &oa->a, oa->country_name);
	view_set(s, "AREA", words_region(oa->region_code, oa->region_name));
	page_set_count(s, "DAYS", (long long)oa->a.delivery_days, "day",
	    "days");
	view_show(s, oa->cod_supported ? "COD" : "NO_COD");
}

/* The value typed in field name (valid or not) or "", for the form. */
static const char *
typed(struct ctx *c, const char *name)
{
	const struct field_val *f = ctx_field(c, name);

	if (f == NULL || !f->present || f->str == NULL ||
	    strlen(f->str) != f->len)
		return "";
	return f->str;
}

/* The country list of b into d's form, country cc selected, each with
 * its region (the service area: delivery days, cash on delivery). */
static void
fill_countries(struct view_dict *d, const struct address_book *b,
    const char *cc)
{
	const struct db_region	*rg;
	struct view_dict	*s;
	char			 lab[300], cn[128];
	size_t			 i;

	for (i = 0; i < b->ncountries; i++) {
		const struct db_country *k = &b->countries[i];

		(void)address_country(b, k->code, &rg);
		s = view_add(d, "OPTION");
		view_set(s, "CODE", k->code);
		snprintf(lab, sizeof(lab), "%s (%s)",
		    fmt_country(k->code, k->name, cn, sizeof(cn)),
		    words_region(k->region_code, rg != NULL ? rg->name :
		    k->region_code));
		view_set(s, "LABEL", lab);
		if (cc != NULL && strcmp(cc, k->code) == 0)
			view_show(s, "SELECTED");
	}
}

/* The list of b into d: each address with its service area. */
static void
fill_list(struct view_dict *d, const struct address_book *b)
{
	const struct db_country	*k;
	const struct db_region	*rg;
	struct view_dict	*s;
	size_t			 i;

	for (i = 0; i < b->n; i++) {
		k = address_country(b, b->rows[i].country, &rg);
		s = view_add(d, "ADDR");
		view_set_int(s, "ID", (long long)b->rows[i].id);
		page_address(s, &b->rows[i], k != NULL ? k->name :
		    b->rows[i].country);
		if (rg != NULL) {
			view_set(s, "AREA", words_region(rg->code, rg->name));
			page_set_count(s, "DAYS", (long long)(k->delivery_days
			    >= 0 ? k->delivery_days : rg->delivery_days), "day",
			    "days");
			if (rg->cod_supported)
				view_show(s, "COD");
		}
		if (b->rows[i].is_default)
			view_show(s, "DEFAULT");
		else
			view_show(s, "NOT_DEFAULT");
	}
	if (b->n == 0)
		view_show(d, "NONE");
}

/* Render the address page of b (list when edit_id is 0, else the edit
 * form of edit_id) with the form's values from a (NULL: typed by the
 * request, or empty) and the messages of err (NULL: none). */
static int
render_book(struct ctx *c, int status, const struct address_book *b,
    int64_t edit_id, const struct db_address *a,
    const struct addr_errors *err, const char *notice)
{
	struct view_dict	*d = view_dict_new(), *f;
	const char		*msgs[NFORM];
	const char		*vals[NFORM];
	const char		*back = ctx_str(c, "back");
	char			 action[64], sec[32];
	size_t			 i;

	memset(msgs, 0, sizeof(msgs));
	if (err != NULL) {
		msgs[0] = err->recipient; msgs[1] = err->line1;
		msgs[2] = err->line2; msgs[3] = err->city;
		msgs[4] = err->region; msgs[5] = err->postal_code;
		msgs[6] = err->country; msgs[7] = err->phone;
		view_set(view_add(d, "FORM_ERROR"), "MSG", _("The address was "
		    "not saved: please correct the fields marked below."));
	}
	if (a != NULL) {
		vals[0] = a->recipient; vals[1] = a->line1;
		vals[2] = a->line2; vals[3] = a->city; vals[4] = a->region;
		vals[5] = a->postal_code; vals[6] = a->country;
		vals[7] = a->phone;
	} else
		for (i = 0; i < NFORM; i++)
			vals[i] = typed(c, form_fields[i].field);
	if (notice != NULL)
		view_set(view_add(d, "NOTICE"), "MSG", _(notice));
	f = view_add(d, "FORM");
	for (i = 0; i < NFORM; i++) {
		view_set(f, form_fields[i].tpl, vals[i]);
		snprintf(sec, sizeof(sec), "%s_ERR", form_fields[i].tpl);
		if (msgs[i] != NULL)
			view_set(view_add(f, sec), "MSG", msgs[i]);
	}
	fill_countries(f, b, vals[6]);
	if (back != NULL && strcmp(back, "checkout") == 0)
		view_show(f, "BACK_CHECKOUT");
	if (edit_id > 0) {
		snprintf(action, sizeof(action), "/account/addresses/%lld",
		    (long long)edit_id);
		view_set(f, "ACTION", action);
		view_set(f, "TITLE", _("Edit the address"));
		view_set(f, "SUBMIT", _("Save the address"));
		view_show(d, "EDITING");
	} else {
		view_set(f, "ACTION", "/account/addresses");
		view_set(f, "TITLE", _("Add an address"));
		view_set(f, "SUBMIT", _("Add the address"));
		view_show(f, "CAN_DEFAULT");
		fill_list(view_add(d, "BOOK"), b);
	}
	return page_render_free(c, "addresses.tpl", d, "Delivery addresses",
	    status);
}

/* The notices of ?msg=. */
static const struct page_notice book_notices[] = {
	{ "added", N_("The address was added.") },
	{ "saved", N_("The address was saved. Orders already placed keep "
	    "the address they were placed with.") },
	{ "deleted", N_("The address was deleted. Orders already placed "
	    "keep the address they were placed with.") },
	{ "default", N_("The default address was changed: checkout chooses "
	    "it first.") },
	{ NULL, NULL }
};

/* The owner of the signed-in user's book. */
static struct db_addr_owner
owner_of(struct ctx *c)
{
	return address_owner(c->user.user_id, c->user.company_id);
}

/* GET /account/addresses: the book and the form to add one. */
int
page_addresses(struct ctx *c)
{
	struct db_addr_owner	o = owner_of(c);
	struct address_book	b;
	int			rc;

	if (address_book_load(c->db, &o, &b) == -1) {
		address_book_cleanup(&b);
		return page_error(c, 500, NULL);
	}
	rc = render_book(c, 200, &b, 0, NULL, NULL,
	    page_notice(book_notices, ctx_str(c, "msg")));
	address_book_cleanup(&b);
	return rc;
}

/* The typed fields of the request into *in. */
static void
read_form(struct ctx *c, struct addr_input *in)
{
	in->recipient = ctx_str(c, "recipient");
	in->line1 = ctx_str(c, "line1");
	in->line2 = ctx_str(c, "line2");
	in->city = ctx_str(c, "city");
	in->region = ctx_str(c, "region");
	in->postal_code = ctx_str(c, "postal_code");
	in->country = ctx_str(c, "country");
	in->phone = ctx_str(c, "phone");
}

/* POST /account/addresses and /account/addresses/:id: save, or the form
 * again with its messages. */
static int
save(struct ctx *c, int64_t id)
{
	struct db_addr_owner	 o = owner_of(c);
	struct addr_input	 in;
	struct addr_errors	 err;
	struct address_book	 b;
	const char		*back = ctx_str(c, "back");
	char			 loc[80];
	int64_t			 new_id;
	int			 rc;

	read_form(c, &in);
	switch (address_save(c->db, &o, id, &in, ctx_str(c, "make_default") !=
	    NULL, c->now, &err, &new_id, &b)) {
	case RES_OK:
		address_book_cleanup(&b);
		if (back != NULL && strcmp(back, "checkout") == 0)
			snprintf(loc, sizeof(loc), "/checkout?address=%lld",
			    (long long)new_id);
		else
			snprintf(loc, sizeof(loc), "/account/addresses?msg=%s",
			    id > 0 ? "saved" : "added");
		return page_redirect(c, loc);
	case RES_INVALID:
		rc = render_book(c, 400, &b, id, NULL, &err, NULL);
		address_book_cleanup(&b);
		return rc;
	case RES_NOT_FOUND:
		address_book_cleanup(&b);
		return page_error(c, 404, "There is no such address in your "
		    "address book.");
	default:
		address_book_cleanup(&b);
		return page_error(c, 500, NULL);
	}
}

/* POST /account/addresses: add an address. */
int
page_address_add(struct ctx *c)
{
	return save(c, 0);
}

/* POST /account/addresses/:id: save the edited address. */
int
page_address_update(struct ctx *c)
{
	int64_t id = c->target_id;

	return save(c, id);
}

/* GET /account/addresses/:id: the edit form. */
int
page_address_edit(struct ctx *c)
{
	struct db_addr_owner	o = owner_of(c);
	struct address_book	b;
	int64_t			id = c->target_id;
	int			rc;

	switch (address_edit_load(c->db, &o, id, &b)) {
	case RES_OK:
		rc = render_book(c, 200, &b, id, &b.one, NULL, NULL);
		break;
	case RES_NOT_FOUND:
		rc = page_error(c, 404, "There is no such address in your "
		    "address book.");
		break;
	default:
		rc = page_error(c, 500, NULL);
	}
	address_book_cleanup(&b);
	return rc;
}

/* The answer to a delete or default change r, redirecting with msg. */
static int
changed(struct ctx *c, enum result r, const char *msg)
{
	char loc[64];

	if (r != RES_OK)
		return page_result(c, r, r == RES_NOT_FOUND ? "There is no "
		    "such address in your address book." : NULL);
	snprintf(loc, sizeof(loc), "/account/addresses?msg=%s", msg);
	return page_redirect(c, loc);
}

/* POST /account/addresses/:id/delete. */
int
page_address_delete(struct ctx *c)
{
	struct db_addr_owner	o = owner_of(c);
	int64_t			id = c->target_id;

	return changed(c, address_delete(c->db, &o, id, c->now), "deleted");
}

/* POST /account/addresses/:id/default. */
int
page_address_default(struct ctx *c)
{
	struct db_addr_owner	o = owner_of(c);
	int64_t			id = c->target_id;

	return changed(c, address_make_default(c->db, &o, id, c->now),
	    "default");
}
