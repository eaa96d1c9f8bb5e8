#ifndef MALLPAY_PAGES_PAGES_H
#define MALLPAY_PAGES_PAGES_H

#include <stddef.h>

#include "http/http.h"

/* The route table (src/pages/routes.c), one line per route. */
extern const struct route page_routes[];
extern const size_t page_routes_n;

/* Handle one parsed request (src/pages/dispatch.c): route (404, 405 with Allow),
 * session (cookie AUTH_COOKIE -> auth_session_resolve), role (anonymous on a
 * signed-in page -> 303 /signin?next=path; wrong role -> 403), CSRF on every
 * POST unless ROUTE_NO_CSRF (403, handler not run), field validation, then the
 * handler. Fills c->resp (status, default security headers, Set-Cookie, an
 * error page when the handler left an empty body with status >= 400).
 * Returns the final HTTP status. */
int	pages_handle(struct ctx *c);

/* Answer a request that failed before routing (status from http_req_read:
 * 400, 405, 413) with the error page and default headers. Returns status. */
int	pages_fail(struct ctx *c, int status);

/* Handlers. Each returns an HTTP status; see render.h for the helpers. */
int	page_health(struct ctx *);	/* GET /healthz: "ok" when the db answers */
int	page_home(struct ctx *);	/* GET /: 303 to /catalog */

/* app: sign-in, registration, catalog, cart, "My Orders" (auth.c, catalog.c,
 * cart.c, orders.c) and the fields each route declares. */
int	page_signin(struct ctx *);		/* GET /signin */
int	page_signin_post(struct ctx *);		/* POST /signin */
int	page_signout(struct ctx *);		/* POST /signout */
int	page_register(struct ctx *);		/* GET /register */
int	page_register_post(struct ctx *);	/* POST /register */
int	page_catalog(struct ctx *);		/* GET /catalog */
int	page_cart(struct ctx *);		/* GET /cart */
int	page_cart_add(struct ctx *);		/* POST /cart/add */
int	page_cart_update(struct ctx *);		/* POST /cart/update */
int	page_cart_remove(struct ctx *);		/* POST /cart/remove */
int	page_orders(struct ctx *);		/* GET /orders */
/* checkout: checkout, the order page, messages (checkout.c, orders.c,
 * messages.c) */
int	page_order(struct ctx *);		/* GET /orders/:id */
int	page_order_cancel(struct ctx *);	/* POST /orders/:id/cancel */
int	page_order_confirm(struct ctx *);	/* POST /orders/:id/confirm-receipt */
int	page_checkout(struct ctx *);		/* GET /checkout */
int	page_checkout_place(struct ctx *);	/* POST /checkout/place */
int	page_messages(struct ctx *);		/* GET /messages */
int	page_messages_read_all(struct ctx *);	/* POST /messages/read */
int	page_message_read(struct ctx *);	/* POST /messages/:id/read */
extern const struct field_spec page_orders_fields[];
extern const struct field_spec page_checkout_fields[];
extern const struct field_spec page_checkout_place_fields[];
extern const struct field_spec page_messages_fields[];
extern const struct field_spec page_signin_get_fields[];
extern const struct field_spec page_signin_post_fields[];
extern const struct field_spec page_register_post_fields[];
extern const struct field_spec page_catalog_fields[];
extern const struct field_spec page_cart_fields[];
extern const struct field_spec page_cart_change_fields[];
extern const struct field_spec page_cart_remove_fields[];

/* admin (issue 10): the console (admin.c, admin_settings.c), ROLE_ADMIN only. */
int	page_admin(struct ctx *);		/* GET /admin: dashboard */
int	page_admin_orders(struct ctx *);	/* GET /admin/orders */
int	page_admin_order(struct ctx *);		/* GET /admin/orders/:id */
int	page_admin_order_cancel(struct ctx *);	/* POST /admin/orders/:id/cancel */
int	page_admin_settings(struct ctx *);	/* GET /admin/settings */
int	page_admin_setting_kind(struct ctx *);	/* GET /admin/settings/:kind */
int	page_admin_setting_save(struct ctx *);	/* POST /admin/settings/:kind */
int	page_admin_holidays(struct ctx *);	/* GET /admin/holidays */
int	page_admin_holiday_add(struct ctx *);	/* POST /admin/holidays/add */
int	page_admin_holiday_remove(struct ctx *); /* POST /admin/holidays/remove */
int	page_admin_fx(struct ctx *);		/* GET /admin/fx */
int	page_admin_fx_add(struct ctx *);	/* POST /admin/fx */
int	page_admin_audit(struct ctx *);		/* GET /admin/audit */
extern const struct field_spec page_admin_orders_fields[];
extern const struct field_spec page_admin_order_fields[];
extern const struct field_spec page_admin_order_cancel_fields[];
extern const struct field_spec page_admin_settings_get_fields[];
extern const struct field_spec page_admin_setting_fields[];
extern const struct field_spec page_admin_holiday_fields[];
extern const struct field_spec page_admin_fx_fields[];
extern const struct field_spec page_admin_audit_fields[];

#endif
