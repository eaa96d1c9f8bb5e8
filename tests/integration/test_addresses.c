/*
 * Delivery addresses through the web: the address book (add with field
 * messages, edit, default, delete, another buyer's address is 404, a
 * company's book shared by its members), checkout with a chosen address
 * (it decides the country; a POST naming none uses the default), the copy
 * frozen on the order (edits of the book do not move it), a buyer without
 * an address refused at checkout, delivery days from the address's
 * region (COD-05), and the COD review page showing the address (COD-P1).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "shop.h"

#define PASSWORD	"mallpay-demo"
#define VACUUM		"HOME-VACUUM-R5"	/* USD 459.00 */
#define ADMIN		"admin@demo.test"

/* A fresh shopper WITHOUT an address, signed in; email into email. */
static struct client *
bare_shopper(char *email, size_t emailsz, const char *tag)
{
	struct client *cl = client_new();

	client_unique_email(email, emailsz, tag);
	assert_int_equal(client_register(cl, email, "Ada Address", PASSWORD),
	    303);
	client_free(cl);
	return shop_signin(email);
}

/* POST an address form as cl to path (the book, or one address) with the
 * fields given; r gets the answer. */
static void
post_address(struct client *cl, const char *path, struct client_resp *r,
    const char *recipient, const char *line1, const char *city,
    const char *postal, const char *country, const char *phone)
{
	shop_post(cl, "/account/addresses", path, r, "recipient", recipient,
	    "line1", line1, "city", city, "postal_code", postal, "country",
	    country, "phone", phone, NULL);
}

/* Add a valid address; returns its id (the book lists it). */
static long long
add_address(struct client *cl, const char *recipient, const char *line1,
    const char *city, const char *postal, const char *country)
{
	struct client_resp	 r;
	long long		 ids[16];
	size_t			 n;

	post_address(cl, "/account/addresses", &r, recipient, line1, city,
	    postal, country, "+60 12-345 6789");
	if (r.status != 303)
		fail_msg("adding %s: %ld %s", recipient, r.status, r.body);
	client_resp_cleanup(&r);
	shop_get(cl, "/account/addresses", &r);
	n = client_ids(r.body, "id=\"address-", ids, 16);
	client_resp_cleanup(&r);
	assert_true(n > 0);
	/* The newest address has the highest id. */
	while (n > 1 && ids[0] < ids[n - 1])
		ids[0] = ids[--n];
	return ids[0];
}

/* The HTML of the address card id on cl's book page (malloc'd). */
static char *
card(struct client *cl, long long id)
{
	struct client_resp	 r;
	char			 start[64], *b;

	shop_get(cl, "/account/addresses", &r);
	snprintf(start, sizeof(start), "id=\"address-%lld\">", id);
	b = client_between(r.body, start, "</li>");
	client_resp_cleanup(&r);
	if (b == NULL)
		fail_msg("no address card %lld", id);
	return b;
}

/* Fill email's cart with one vacuum. */
static void
vacuum_cart(struct client *cl, const char *email)
{
	const char	*skus[] = { VACUUM, NULL };
	int		 qtys[] = { 1 };

	shop_fill_cart(cl, email, skus, qtys);
}

/* Place cl's cart with pay from /checkout?<query>, posting the hidden
 * fields of the page (address, country) as they are; r gets the answer. */
static void
place_from(struct client *cl, const char *query, const char *pay,
    struct client_resp *r)
{
	struct client_resp	 page;
	char			 path[200], *tok, *key, *addr, *country, *body;

	snprintf(path, sizeof(path), "/checkout?%s", query);
	shop_get(cl, path, &page);
	assert_int_equal(page.status, 200);
	tok = client_csrf(page.body);
	key = client_between(page.body, "name=\"key\" value=\"", "\"");
	country = client_between(strstr(page.body, "id=\"place\""),
	    "name=\"country\" value=\"", "\"");
	addr = client_between(strstr(page.body, "id=\"place\""),
	    "name=\"address\" value=\"", "\"");
	assert_non_null(tok);
	assert_non_null(key);
	body = client_form("csrf", tok, "key", key, "country",
	    country != NULL ? country : "", "address",
	    addr != NULL ? addr : "", "pay", pay, NULL);
	memset(r, 0, sizeof(*r));
	assert_int_equal(client_post(cl, "/checkout/place", body, r), 0);
	free(body);
	free(tok);
	free(key);
	free(country);
	free(addr);
	client_resp_cleanup(&page);
}

/* The form's field messages in the account's language: the postal code's
 * form for the country, the empty name, the phone, in Arabic, Chinese and
 * Malay, none in English. */
static void
test_address_messages_in_each_language(void **state)
{
	static const struct {
		const char *tag, *postal, *empty, *phone, *none;
	} want[] = {
		{ "ar", "هذا الرمز البريدي غير صالح: الرمز البريدي في ماليزيا "
		  "مكوّن من 5 أرقام، مثل 50450.", "يُرجى ملء هذا الحقل.",
		  "يُرجى إدخال رقم هاتف", "لا توجد رموز بريدية للعناوين في "
		  "الإمارات العربية المتحدة" },
		{ "zh-CN", "此邮政编码无效：马来西亚的邮政编码为 5 位数字，"
		  "例如 50450。", "请填写此栏。", "请填写快递员可以拨打的电话号码",
		  "阿拉伯联合酋长国的地址没有邮政编码" },
		{ "ms", "Poskod ini tidak sah: poskod di Malaysia mempunyai 5 "
		  "digit, contohnya 50450.", "Sila isi ruangan ini.",
		  "Sila masukkan nombor telefon", "Alamat di Emiriah Arab "
		  "Bersatu tidak mempunyai poskod" },
	};
	struct client		*cl;
	struct client_resp	 r;
	char			 email[128];
	size_t			 i;

	(void)state;
	cl = bare_shopper(email, sizeof(email), "booklang");
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		shop_language(cl, want[i].tag);
		post_address(cl, "/account/addresses", &r, "", "7 Jalan Kebun",
		    "Kuala Lumpur", "5045", "MY", "12");
		assert_int_equal(r.status, 400);
		assert_true(client_has(&r, want[i].postal));
		assert_true(client_has(&r, want[i].empty));
		assert_true(client_has(&r, want[i].phone));
		assert_false(client_has(&r, "a postal code in"));
		assert_false(client_has(&r, "Please fill in this field."));
		assert_false(client_has(&r, "the courier can call"));
		client_resp_cleanup(&r);
		post_address(cl, "/account/addresses", &r, "Ada", "1 Main",
		    "Dubai", "12345", "AE", "+971 4 123 4567");
		assert_int_equal(r.status, 400);
		assert_true(client_has(&r, want[i].none));
		assert_false(client_has(&r, "have no postal code"));
		client_resp_cleanup(&r);
	}
	client_free(cl);
}

/* The book: a refused form keeps what was typed with a message beside
 * each wrong field; postal codes are written in their country's form;
 * the first address is the default; the default moves; an edit is saved;
 * deleting the default makes the remaining one the default. */
static void
test_address_book_through_the_web(void **state)
{
	struct client		*cl;
	struct client_resp	 r;
	char			 email[128], *b;
	long long		 my, gb;

	(void)state;
	cl = bare_shopper(email, sizeof(email), "book");
	shop_get(cl, "/account/addresses", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "You have no delivery address yet"));
	client_resp_cleanup(&r);

	post_address(cl, "/account/addresses", &r, "", "7 Jalan Kebun",
	    "Kuala Lumpur", "5045", "MY", "12");
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "id=\"recipient-err\""));
	assert_true(client_has(&r, "a postal code in Malaysia has 5 digits"));
	assert_true(client_has(&r, "id=\"phone-err\""));
	assert_false(client_has(&r, "id=\"city-err\""));
	/* What was typed is kept. */
	assert_true(client_has(&r, "value=\"7 Jalan Kebun\""));
	assert_true(client_has(&r, "value=\"5045\""));
	assert_true(client_has(&r, "<option value=\"MY\" selected>"));
	client_resp_cleanup(&r);
	post_address(cl, "/account/addresses", &r, "Ada", "1 Main", "Dubai",
	    "12345", "AE", "+971 4 123 4567");
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "have no postal code"));
	client_resp_cleanup(&r);

	my = add_address(cl, "Ada Address", "7 Jalan Kebun", "Kuala Lumpur",
	    "50450", "MY");
	gb = add_address(cl, "Ada in London", "10 Downing Street", "London",
	    "sw1a2aa", "GB");
	b = card(cl, my);
	assert_non_null(strstr(b, "Default"));
	assert_non_null(strstr(b, "Southeast Asia"));
	free(b);
	b = card(cl, gb);
	assert_non_null(strstr(b, "SW1A 2AA"));
	assert_null(strstr(b, ">Default<"));
	free(b);

	/* The London address becomes the default. */
	{
		char path[64];

		snprintf(path, sizeof(path), "/account/addresses/%lld/default",
		    gb);
		shop_post(cl, "/account/addresses", path, &r, NULL);
		assert_int_equal(r.status, 303);
		client_resp_cleanup(&r);
		b = card(cl, gb);
		assert_non_null(strstr(b, ">Default<"));
		free(b);
		b = card(cl, my);
		assert_null(strstr(b, ">Default<"));
		free(b);
		/* Edit: the form shows the stored values, the save keeps
		 * them. */
		snprintf(path, sizeof(path), "/account/addresses/%lld", my);
		shop_get(cl, path, &r);
		assert_int_equal(r.status, 200);
		assert_true(client_has(&r, "value=\"7 Jalan Kebun\""));
		client_resp_cleanup(&r);
		post_address(cl, path, &r, "Ada Address", "8 Jalan Kebun",
		    "Petaling Jaya", "46000", "MY", "+60 3-7777 1234");
		assert_int_equal(r.status, 303);
		client_resp_cleanup(&r);
		b = card(cl, my);
		assert_non_null(strstr(b, "Petaling Jaya"));
		free(b);
		/* An edit with a wrong postal code keeps the address. */
		post_address(cl, path, &r, "Ada Address", "8 Jalan Kebun",
		    "Petaling Jaya", "4600", "MY", "+60 3-7777 1234");
		assert_int_equal(r.status, 400);
		client_resp_cleanup(&r);
		/* Delete the default: the other becomes the default. */
		snprintf(path, sizeof(path), "/account/addresses/%lld/delete",
		    gb);
		shop_post(cl, "/account/addresses", path, &r, NULL);
		assert_int_equal(r.status, 303);
		client_resp_cleanup(&r);
		shop_get(cl, "/account/addresses", &r);
		assert_false(client_has(&r, "SW1A 2AA"));
		client_resp_cleanup(&r);
		b = card(cl, my);
		assert_non_null(strstr(b, ">Default<"));
		assert_non_null(strstr(b, "46000"));
		free(b);
	}
	client_free(cl);
}

/* RULES 5: another buyer's address is 404 and stays as it was. */
static void
test_other_buyers_address_is_404(void **state)
{
	struct client		*a, *bcl;
	struct client_resp	 r;
	char			 ea[128], eb[128], path[80], *c;
	long long		 id;

	(void)state;
	a = bare_shopper(ea, sizeof(ea), "owner");
	bcl = bare_shopper(eb, sizeof(eb), "intruder");
	id = add_address(a, "Owner", "1 Jalan Milik", "Ipoh", "30000", "MY");
	snprintf(path, sizeof(path), "/account/addresses/%lld", id);
	shop_get(bcl, path, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	post_address(bcl, path, &r, "Intruder", "2 Jalan Lain", "Ipoh",
	    "30000", "MY", "+60 5-123 4567");
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/account/addresses/%lld/delete", id);
	shop_post(bcl, "/account/addresses", path, &r, NULL);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	c = card(a, id);
	assert_non_null(strstr(c, "1 Jalan Milik"));
	free(c);
	client_free(a);
	client_free(bcl);
}

/* An :id that names no address at all ("abc", "0") is answered by the
 * router, which the route told what :id names, with the address book's
 * own words, before any handler runs. */
static void
test_address_id_naming_nothing_is_the_routers_404(void **state)
{
	struct client		*cl;
	struct client_resp	 r;
	char			 e[128];

	(void)state;
	cl = bare_shopper(e, sizeof(e), "typo");
	shop_get(cl, "/account/addresses/abc", &r);
	assert_int_equal(r.status, 404);
	assert_non_null(r.body);
	assert_non_null(strstr(r.body, "There is no such address in your "
	    "address book."));
	client_resp_cleanup(&r);
	shop_post(cl, "/account/addresses", "/account/addresses/0/delete", &r,
	    NULL);
	assert_int_equal(r.status, 404);
	assert_non_null(strstr(r.body, "There is no such address in your "
	    "address book."));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* A company's book is shared by its members (corporate orders use it). */
static void
test_company_members_share_the_company_book(void **state)
{
	struct client		*m1 = shop_signin("buyer@acme.demo.test");
	struct client		*m2 = shop_signin("buyer2@acme.demo.test");
	struct client_resp	 r;

	(void)state;
	shop_get(m1, "/account/addresses", &r);
	assert_true(client_has(&r, "Acme Trading Ltd (Purchasing)"));
	client_resp_cleanup(&r);
	shop_get(m2, "/account/addresses", &r);
	assert_true(client_has(&r, "Acme Trading Ltd (Purchasing)"));
	client_resp_cleanup(&r);
	client_free(m1);
	client_free(m2);
}

/* A buyer without any address is told so at checkout and cannot place
 * the order (400, the message beside the address; no order). */
static void
test_checkout_without_address_refused(void **state)
{
	struct client		*cl;
	struct client_resp	 r;
	char			 email[128];
	int64_t			 uid;

	(void)state;
	cl = bare_shopper(email, sizeof(email), "noaddr");
	uid = shop_user_id(email);
	vacuum_cart(cl, email);
	shop_get(cl, "/checkout", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"address-err\""));
	assert_true(client_has(&r, "You have no delivery address yet"));
	client_resp_cleanup(&r);
	/* Even with a country named, as the old form did. */
	shop_place(cl, NULL, "MY", "remittance", NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "The order needs a delivery address"));
	assert_true(client_has(&r, "You have no delivery address yet"));
	client_resp_cleanup(&r);
	place_from(cl, "", "remittance", &r);
	assert_int_equal(r.status, 400);
	client_resp_cleanup(&r);
	assert_int_equal(shop_order_count(uid), 0);
	client_free(cl);
}

/* The chosen address decides the country and is frozen on the order:
 * editing, then deleting it in the book does not change the order. A
 * POST naming no address ships to the default. */
static void
test_checkout_chosen_address_frozen_on_order(void **state)
{
	struct client		*cl;
	struct client_resp	 r;
	char			 email[128], q[64], path[80];
	long long		 my, sg;
	int64_t			 id;

	(void)state;
	cl = bare_shopper(email, sizeof(email), "frozen");
	my = add_address(cl, "Ada Default", "7 Jalan Kebun", "Kuala Lumpur",
	    "50450", "MY");
	sg = add_address(cl, "Ada Singapore", "10 Anson Road", "Singapore",
	    "079903", "SG");
	vacuum_cart(cl, email);
	/* The default is preselected and decides the destination. */
	shop_get(cl, "/checkout", &r);
	snprintf(q, sizeof(q), "value=\"%lld\" checked", my);
	assert_true(client_has(&r, q));
	assert_true(client_has(&r, "<option value=\"MY\" selected>"));
	client_resp_cleanup(&r);
	/* Choosing the Singapore address makes Singapore the destination. */
	snprintf(q, sizeof(q), "address=%lld", sg);
	shop_get(cl, "/checkout?address=0", &r);
	assert_int_equal(r.status, 200);	/* not an id: ignored */
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/checkout?%s", q);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "<option value=\"SG\" selected>"));
	assert_true(client_has(&r, "Deliver to: <span class=\"ship-to\">Ada "
	    "Singapore, 10 Anson Road, Singapore 079903, Singapore"));
	client_resp_cleanup(&r);
	place_from(cl, q, "remittance", &r);
	assert_int_equal(r.status, 303);
	id = shop_location_order(&r);
	assert_true(id > 0);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "id=\"ship-address\""));
	assert_true(client_has(&r, "Ada Singapore"));
	assert_true(client_has(&r, "10 Anson Road"));
	assert_true(client_has(&r, "ships to Singapore"));
	client_resp_cleanup(&r);
	/* Edit, then delete the address in the book: the order keeps it. */
	snprintf(path, sizeof(path), "/account/addresses/%lld", sg);
	post_address(cl, path, &r, "Ada Moved", "1 Raffles Place",
	    "Singapore", "048616", "SG", "+65 6123 4567");
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "10 Anson Road"));
	assert_false(client_has(&r, "Raffles Place"));
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/account/addresses/%lld/delete", sg);
	shop_post(cl, "/account/addresses", path, &r, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "10 Anson Road"));
	client_resp_cleanup(&r);

	/* A POST naming no address (the older form) ships to the default. */
	vacuum_cart(cl, email);
	shop_place(cl, NULL, "MY", "remittance", NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 303);
	id = shop_location_order(&r);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "Ada Default"));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* Another buyer's address id at placing: refused, nothing ordered. */
static void
test_checkout_foreign_address_refused(void **state)
{
	struct client		*a, *bcl;
	struct client_resp	 r;
	char			 ea[128], eb[128], q[64];
	long long		 id;
	int64_t			 uid;

	(void)state;
	a = bare_shopper(ea, sizeof(ea), "forA");
	bcl = bare_shopper(eb, sizeof(eb), "forB");
	id = add_address(a, "Owner", "1 Jalan Milik", "Ipoh", "30000", "MY");
	(void)add_address(bcl, "Buyer B", "2 Jalan Lain", "Ipoh", "30000",
	    "MY");
	uid = shop_user_id(eb);
	vacuum_cart(bcl, eb);
	snprintf(q, sizeof(q), "/checkout?address=%lld", id);
	shop_get(bcl, q, &r);
	assert_true(client_has(&r, "not in your address book"));
	assert_false(client_has(&r, "Jalan Milik"));
	client_resp_cleanup(&r);
	snprintf(q, sizeof(q), "address=%lld", id);
	place_from(bcl, q, "remittance", &r);
	assert_int_equal(r.status, 400);
	client_resp_cleanup(&r);
	assert_int_equal(shop_order_count(uid), 0);
	client_free(a);
	client_free(bcl);
}

/* COD-05 and the promised days: delivery days come from the region of
 * the address's country: Pitcairn (Remote areas, 12 days) refuses COD;
 * Singapore (its own 3 days) and Malaysia (Southeast Asia, 5 days) are
 * frozen on the order with their days. */
static void
test_COD_05_delivery_days_from_address_region(void **state)
{
	struct client		*cl;
	struct client_resp	 r;
	char			 email[128], q[64], path[64];
	long long		 pn, sg;
	int64_t			 id;

	(void)state;
	cl = bare_shopper(email, sizeof(email), "days");
	(void)add_address(cl, "Ada", "7 Jalan Kebun", "Kuala Lumpur", "50450",
	    "MY");
	pn = add_address(cl, "Ada Remote", "Main Road", "Adamstown",
	    "PCRN 1ZZ", "PN");
	sg = add_address(cl, "Ada SG", "10 Anson Road", "Singapore", "079903",
	    "SG");
	vacuum_cart(cl, email);
	snprintf(path, sizeof(path), "/checkout?address=%lld", pn);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "<option value=\"PN\" selected>"));
	assert_true(client_has(&r, "about 12 days"));
	assert_true(client_has(&r, "COD-05"));
	client_resp_cleanup(&r);
	snprintf(q, sizeof(q), "address=%lld", pn);
	place_from(cl, q, "cod", &r);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	snprintf(q, sizeof(q), "address=%lld", sg);
	place_from(cl, q, "cod", &r);
	assert_int_equal(r.status, 303);
	id = shop_location_order(&r);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "Southeast Asia, about 3 days to deliver"));
	client_resp_cleanup(&r);
	vacuum_cart(cl, email);
	place_from(cl, "", "cod", &r);
	assert_int_equal(r.status, 303);
	id = shop_location_order(&r);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "Southeast Asia, about 5 days to deliver"));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* COD-P1: the admin's review page shows the delivery address with the
 * service area of its region. */
static void
test_COD_P1_review_page_shows_address(void **state)
{
	struct client		*cl, *admin;
	struct client_resp	 r;
	char			 email[128], path[80];
	int64_t			 id;

	(void)state;
	cl = bare_shopper(email, sizeof(email), "review");
	(void)add_address(cl, "Rita Review", "3 Jalan Semak", "Kuala Lumpur",
	    "50450", "MY");
	vacuum_cart(cl, email);
	place_from(cl, "", "cod", &r);
	assert_int_equal(r.status, 303);
	id = shop_location_order(&r);
	client_resp_cleanup(&r);
	admin = shop_signin(ADMIN);
	snprintf(path, sizeof(path), "/admin/orders/%lld/fulfil",
	    (long long)id);
	shop_get(admin, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"cod-approve\""));
	assert_true(client_has(&r, "id=\"desk-address\""));
	assert_true(client_has(&r, "Rita Review"));
	assert_true(client_has(&r, "3 Jalan Semak"));
	assert_true(client_has(&r, "Southeast Asia: cash on delivery is "
	    "offered there; delivery promised within 5 days"));
	client_resp_cleanup(&r);
	client_free(admin);
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_address_book_through_the_web),
		cmocka_unit_test(test_address_messages_in_each_language),
		cmocka_unit_test(test_other_buyers_address_is_404),
		cmocka_unit_test(test_address_id_naming_nothing_is_the_routers_404),
		cmocka_unit_test(test_company_members_share_the_company_book),
		cmocka_unit_test(test_checkout_without_address_refused),
		cmocka_unit_test(test_checkout_chosen_address_frozen_on_order),
		cmocka_unit_test(test_checkout_foreign_address_refused),
		cmocka_unit_test(test_COD_05_delivery_days_from_address_region),
		cmocka_unit_test(test_COD_P1_review_page_shows_address),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
