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
	{ HTTP_GET,  "/orders",		ROLE_USER,	page_orders,	page_orders_fields, 0 },
	{ HTTP_GET,  "/orders/:id",	ROLE_USER,	page_order,	page_orders_fields, 0 },
	{ HTTP_POST, "/orders/:id/cancel", ROLE_USER,	page_order_cancel, NULL, 0 },
	{ HTTP_POST, "/orders/:id/confirm-receipt", ROLE_USER, page_order_confirm, NULL, 0 },
	{ HTTP_GET,  "/checkout",	ROLE_USER,	page_checkout,	page_checkout_fields, 0 },
	{ HTTP_POST, "/checkout/place",	ROLE_USER,	page_checkout_place, page_checkout_place_fields, 0 },
	{ HTTP_GET,  "/messages",	ROLE_USER,	page_messages,	page_messages_fields, 0 },
	{ HTTP_POST, "/messages/read",	ROLE_USER,	page_messages_read_all, NULL, 0 },
	{ HTTP_POST, "/messages/:id/read", ROLE_USER,	page_message_read, NULL, 0 },
	/* admin (issue 10): the console; every /admin route is ROLE_ADMIN only
	 * (tests/integration/test_admin.c walks them all as other roles). */
	{ HTTP_GET,  "/admin",		ROLE_ADMIN,	page_admin,	NULL,	0 },
	{ HTTP_GET,  "/admin/orders",	ROLE_ADMIN,	page_admin_orders, page_admin_orders_fields, 0 },
	{ HTTP_GET,  "/admin/orders/:id", ROLE_ADMIN,	page_admin_order, page_admin_order_fields, 0 },
	{ HTTP_POST, "/admin/orders/:id/cancel", ROLE_ADMIN, page_admin_order_cancel, page_admin_order_cancel_fields, 0 },
	{ HTTP_GET,  "/admin/settings",	ROLE_ADMIN,	page_admin_settings, NULL, 0 },
	{ HTTP_GET,  "/admin/settings/:kind", ROLE_ADMIN, page_admin_setting_kind, page_admin_settings_get_fields, 0 },
	{ HTTP_POST, "/admin/settings/:kind", ROLE_ADMIN, page_admin_setting_save, page_admin_setting_fields, 0 },
	{ HTTP_GET,  "/admin/holidays",	ROLE_ADMIN,	page_admin_holidays, NULL, 0 },
	{ HTTP_POST, "/admin/holidays/add", ROLE_ADMIN,	page_admin_holiday_add, page_admin_holiday_fields, 0 },
	{ HTTP_POST, "/admin/holidays/remove", ROLE_ADMIN, page_admin_holiday_remove, page_admin_holiday_fields, 0 },
	{ HTTP_GET,  "/admin/fx",	ROLE_ADMIN,	page_admin_fx,	NULL,	0 },
	{ HTTP_POST, "/admin/fx",	ROLE_ADMIN,	page_admin_fx_add, page_admin_fx_fields, 0 },
	{ HTTP_GET,  "/admin/audit",	ROLE_ADMIN,	page_admin_audit, page_admin_audit_fields, 0 },
};

const size_t page_routes_n = sizeof(page_routes) / sizeof(page_routes[0]);
