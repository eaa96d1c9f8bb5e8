/*
 * The route table: one line per route. Fields are declared next to their
 * route as a {NULL}-terminated field_spec array.
 *
 * { method, pattern, roles, handler, fields, flags }
 */

#include <stddef.h>

#include "http/http.h"
#include "pages/pages.h"

const struct route page_routes[] = {
	{ HTTP_GET,  "/",		ROLE_ANY,	page_home,	NULL,	0 },
	{ HTTP_GET,  "/healthz",	ROLE_ANY,	page_health,	NULL,	0 },
	{ HTTP_GET,  "/signin",		ROLE_ANY,	page_signin,	page_signin_get_fields,	0 },
	{ HTTP_POST, "/signin",		ROLE_ANY,	page_signin_post, page_signin_post_fields, 0 },
	{ HTTP_POST, "/signout",	ROLE_ANY,	page_signout,	NULL,	0 },
	{ HTTP_GET,  "/register",	ROLE_ANY,	page_register,	NULL,	0 },
	{ HTTP_POST, "/register",	ROLE_ANY,	page_register_post, page_register_post_fields, 0 },
	{ HTTP_GET,  "/catalog",	ROLE_ANY,	page_catalog,	page_catalog_fields, ROUTE_PUBLIC },
	{ HTTP_GET,  "/cart",		ROLE_USER,	page_cart,	page_cart_fields, 0 },
	{ HTTP_POST, "/cart/add",	ROLE_USER,	page_cart_add,	page_cart_change_fields, 0 },
	{ HTTP_POST, "/cart/update",	ROLE_USER,	page_cart_update, page_cart_change_fields, 0 },
	{ HTTP_POST, "/cart/remove",	ROLE_USER,	page_cart_remove, page_cart_remove_fields, 0 },
	{ HTTP_GET,  "/orders",		ROLE_USER,	page_orders,	NULL,	0 },
};

const size_t page_routes_n = sizeof(page_routes) / sizeof(page_routes[0]);
