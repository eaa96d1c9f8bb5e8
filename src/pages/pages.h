#ifndef MALLPAY_PAGES_PAGES_H
#define MALLPAY_PAGES_PAGES_H

#include <stddef.h>

#include "http/http.h"

/* The route table (src/pages/routes.c), one line per route. */
extern const struct route page_routes[];
extern const size_t page_routes_n;

/* Handle one parsed request (src/pages/dispatch.c): route (404, 405 with Allow),
 * session (cookie AUTH_COOKIE -> auth_session_resolve), role (anonymous on a
 * signed-in page -> 303 /signin?next=path; wrong role, or an admin without
 * one of the admin roles the route names -> 403), CSRF on every
 * POST unless ROUTE_NO_CSRF (403, handler not run), field validation, then the
 * handler. Fills c->resp (status, default security headers, Set-Cookie, an
 * error page when the handler left an empty body with status >= 400).
 * The whole request runs again when its use case failed on a conflict or a
 * lost database node (service/conn.h conn_run), or answers 503 with
 * Retry-After when that is not safe or did not help.
 * Returns the final HTTP status. */
int	pages_handle(struct ctx *c);
/* Add the Set-Cookie of c and the default security and cache headers to
 * c->resp (pages_handle does it; a streamed response before its head goes
 * out). */
void	pages_final_headers(struct ctx *c);

/* 1 if the signed-in caller of c may open GET path (its query, if any,
 * left aside) by the route table's roles (admin roles included): what
 * the admin dashboard shows links for. */
int	page_may_get(const struct ctx *c, const char *path);

/* Answer a request that failed before routing (status from http_req_read:
 * 400, 405, 413; 503 when the database is unreachable, with Retry-After)
 * with the error page and default headers. Returns status. */
int	pages_fail(struct ctx *c, int status);

/* Handlers. Each returns an HTTP status; see render.h for the helpers. */
int	page_health(struct ctx *);	/* GET /healthz: "ok" when the db answers */
int	page_home(struct ctx *);	/* GET /: 303 to /catalog */

/* app: sign-in, registration, catalog, cart, "My Orders" (auth.c, catalog.c,
 * cart.c, orders.c) and the fields each route declares. */
int	page_signin(struct ctx *);		/* GET /signin */
int	page_signin_post(struct ctx *);		/* POST /signin */
/* admins' second factor (pages/signin_code.c, reauth.c, admin_mfa.c) */
int	page_signin_code(struct ctx *);		/* GET /signin/code */
int	page_signin_code_post(struct ctx *);	/* POST /signin/code */
int	page_signin_enroll(struct ctx *);	/* GET /signin/enroll */
int	page_signin_enroll_post(struct ctx *);	/* POST /signin/enroll */
int	page_admin_mfa(struct ctx *);		/* GET /admin/sign-in-codes */
int	page_admin_mfa_reset(struct ctx *);	/* POST /admin/admins/:id/reset-2fa */
extern const struct field_spec page_signin_code_get_fields[];
extern const struct field_spec page_signin_code_post_fields[];
/* 303 to step ("/signin", "/signin/code"...) carrying next when it is a
 * local path; page_signin_code_redirect() to the code step. */
int	page_signin_step_redirect(struct ctx *c, const char *step,
	    const char *next);
int	page_signin_code_redirect(struct ctx *c, const char *next);
/* The code field's defaults of signin_code.tpl into d, and msg (NULL
 * none) beside it. */
struct view_dict;
void	page_code_form(struct view_dict *d, const char *msg);
/* The message for a refused code r (service/mfa.h), its status in
 * *status. */
enum mfa_result;
const char *page_code_message(enum mfa_result r, int *status);
/* Before a ROUTE_REAUTH handler: 0 to run it (not an admin, a recent
 * code, or the right code in the POST's reauth_code), else the status of
 * the page answered (asking for the code, the form's fields kept). */
int	page_reauth(struct ctx *c);
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
int	page_checkout_quote(struct ctx *);	/* GET /checkout/quote (JSON) */
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
extern const struct field_spec page_cart_change_fields[];
extern const struct field_spec page_cart_remove_fields[];

/* admin: the console (admin.c, admin_settings.c), ROLE_ADMIN only. */
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
/* search and exports (pages/admin_search.c) */
int	page_admin_search(struct ctx *);	/* GET /admin/search */
extern const struct field_spec page_admin_search_fields[];
int	page_admin_export_orders(struct ctx *);	/* GET /admin/export/orders */
int	page_admin_export_queue(struct ctx *);	/* GET /admin/export/queues/:id */
int	page_admin_export_audit(struct ctx *);	/* GET /admin/export/audit */
int	page_admin_export_ledger(struct ctx *);	/* GET /admin/export/ledger */
int	page_admin_export_recon(struct ctx *);	/* GET /admin/export/reconciliation */

/* pau: Pay After Use (payafter.c). */
int	page_pau(struct ctx *);			/* GET /pay-after-use */
int	page_pau_card(struct ctx *);		/* POST /pay-after-use/card */
int	page_pau_pay(struct ctx *);		/* POST /orders/:id/pau-pay */
int	page_pau_return(struct ctx *);		/* POST /orders/:id/pau-return */
int	page_admin_guarantee(struct ctx *);	/* GET /admin/guarantee */
/* recon: the last reconciliation with each partner (admin_recon.c). */
int	page_admin_reconciliation(struct ctx *); /* GET /admin/reconciliation */
/* money reports with their charts (admin_reports.c). */
int	page_admin_reports(struct ctx *);	/* GET /admin/reports */
extern const struct field_spec page_admin_reports_fields[];
extern const struct field_spec page_pau_fields[];
extern const struct field_spec page_pau_card_fields[];

/* remittance: pages/remittance.c, remittance_admin.c. */
int	page_remittance_instructions(struct ctx *);	/* GET /orders/:id/remittance */
int	page_remittance_voucher(struct ctx *);		/* GET /orders/:id/voucher */
int	page_remittance_voucher_post(struct ctx *);	/* POST /orders/:id/voucher */
int	page_admin_vouchers(struct ctx *);		/* GET /admin/vouchers */
int	page_admin_voucher(struct ctx *);		/* GET /admin/orders/:id/voucher */
int	page_admin_voucher_file(struct ctx *);		/* GET /admin/orders/:id/voucher/file */
int	page_admin_voucher_decide(struct ctx *);	/* POST /admin/orders/:id/voucher/decide */
int	page_admin_statements(struct ctx *);		/* GET /admin/remittance/statements */
int	page_admin_statements_post(struct ctx *);	/* POST /admin/remittance/statements */
extern const struct field_spec page_remittance_voucher_fields[];
extern const struct field_spec page_admin_vouchers_fields[];
extern const struct field_spec page_admin_voucher_file_fields[];
extern const struct field_spec page_admin_voucher_decide_fields[];
extern const struct field_spec page_admin_statements_fields[];
/* refund account and sent (sql/012_refund_account.sql, REM-P8/P7) */
int	page_remittance_refund_account(struct ctx *);	/* POST /orders/:id/refund-account */
int	page_admin_rem_refund_sent(struct ctx *);	/* POST /admin/orders/:id/remittance-refund-sent */
extern const struct field_spec page_remittance_refund_account_fields[];
extern const struct field_spec page_admin_rem_refund_sent_fields[];
/* The remittance panel of GET /orders/:id (section REMIT_PANEL of
 * order.tpl): the instructions link, the expected arrival window of a
 * voucher being verified (REM-P4), what is still due (REM-P7), refunds
 * with their due dates (REM-P7, REM-P8). Nothing for other methods. */
/* REM-P4: the arrival window of a remittance ("1-3 business days
 * (domestic)"; dom 0: cross-border) in the thread's language into out.
 * Returns out. */
const char *rem_window_text(int dom, char *out, size_t outsz);

struct db_order;
struct view_dict;
struct rem_panel;
void	remittance_order_panel(struct ctx *, struct view_dict *,
	    const struct db_order *, const struct rem_panel *);

/* cod: cash on delivery, the shipping desk, the logistics
 * partner endpoint (cod.c, partner_logistics.c). */
struct db_order;
struct view_dict;
/* The COD and tracking panel of GET /orders/:id (include COD_PANEL of
 * order.tpl): shipment, tracking events, and for COD the agreed delivery,
 * "Paid" with voucher, the courier's record, the return form; the
 * sentences the order's panels (show, OP_* of service/order_panels.h)
 * keep. */
struct cod_panel;
void	cod_order_panel(struct ctx *, struct view_dict *, const struct db_order *,
	    const struct cod_panel *, unsigned show);
/* The order page of id again (orders.c) with error, answering status (a
 * step on the order refused), or the error page of a failed load. */
int	page_order_again(struct ctx *, int64_t id, int status,
	    const char *error);
/* Receipts of an order (receipts.c): the list, one receipt's print view,
 * its PDF. */
int	page_receipts(struct ctx *);	/* GET /orders/:id/receipts */
int	page_receipt(struct ctx *);	/* GET /orders/:id/receipts/:n */
int	page_receipt_pdf(struct ctx *);	/* GET /orders/:id/receipts/:n/pdf */
/* The "Logistics details" section of GET /orders/:id (include
 * LOGISTICS_DETAILS of order.tpl): carrier, tracking number and the
 * courier's name and phone once the logistics partner named them. */
void	logistics_details_panel(struct view_dict *, const struct db_order *,
	    const struct cod_panel *);
int	page_cod_account(struct ctx *);		/* GET /account/cod */
int	page_cod_debt(struct ctx *);		/* GET /account/cod/debts/:id/pay */
int	page_cod_debt_pay(struct ctx *);	/* POST /account/cod/debts/:id/pay */
extern const struct field_spec page_cod_debt_fields[];
int	page_admin_credit(struct ctx *);	/* GET /admin/companies/:id/credit */
int	page_admin_credit_payout(struct ctx *);	/* POST /admin/companies/:id/credit/payout */
extern const struct field_spec page_admin_credit_payout_fields[];
/* addresses: the address book (pages/addresses.c) */
int	page_addresses(struct ctx *);		/* GET /account/addresses */
int	page_address_add(struct ctx *);		/* POST /account/addresses */
int	page_address_edit(struct ctx *);	/* GET /account/addresses/:id */
int	page_address_update(struct ctx *);	/* POST /account/addresses/:id */
int	page_address_delete(struct ctx *);	/* POST /account/addresses/:id/delete */
int	page_address_default(struct ctx *);	/* POST /account/addresses/:id/default */
extern const struct field_spec page_addresses_fields[];
extern const struct field_spec page_address_save_fields[];
int	page_cod_paid(struct ctx *);		/* POST /orders/:id/cod/paid */
int	page_cod_voucher(struct ctx *);		/* GET /orders/:id/cod/voucher */
int	page_cod_record(struct ctx *);		/* GET /orders/:id/cod/record */
int	page_cod_return(struct ctx *);		/* POST /orders/:id/cod/return */
int	page_admin_cod_queue(struct ctx *);	/* GET /admin/queues/cod */
int	page_admin_fulfil(struct ctx *);	/* GET /admin/orders/:id/fulfil */
int	page_admin_cod_approve(struct ctx *);	/* POST /admin/orders/:id/cod-approve */
int	page_admin_cod_reject(struct ctx *);	/* POST /admin/orders/:id/cod-reject */
int	page_admin_ship(struct ctx *);		/* POST /admin/orders/:id/ship */
int	page_admin_deliver(struct ctx *);	/* POST /admin/orders/:id/deliver */
int	page_admin_return_received(struct ctx *); /* POST /admin/orders/:id/return-received */
int	page_admin_refund_sent(struct ctx *);	/* POST /admin/orders/:id/refund-sent */
int	page_admin_cod_users(struct ctx *);	/* GET /admin/cod/users */
int	page_admin_cod_user(struct ctx *);	/* GET /admin/cod/users/:id */
int	page_admin_cod_revoke(struct ctx *);	/* POST /admin/cod/users/:id/revoke */
int	page_admin_cod_reinstate(struct ctx *);	/* POST /admin/cod/users/:id/reinstate */
/* Sign-in (pages/auth.c): the service's view of request c (database,
 * time, address, the signed-in user) into *rq, and back: rq's user into
 * c->user (the CSRF token stays) and the cookie of a session it started
 * into c->set_cookie. page_auth_take returns 0, or -1 when the cookie
 * could not be made. */
struct auth_req;
void	page_auth_req(struct ctx *c, struct auth_req *rq);
int	page_auth_take(struct ctx *c, struct auth_req *rq);
/* Signed partner endpoints (pages/reply.c). Authenticate the request as
 * a partner of expected_kind (service/partner_auth.h): 0 with *partner_id
 * set, or the status answered (401 unsigned, 403 not this kind or
 * disabled, 409 replayed, 500) with a JSON error body. A route: { HTTP_POST,
 * "/partner/...", ROLE_PARTNER, handler, NULL, ROUTE_NO_CSRF }; the
 * handler starts with
 *	if ((st = partner_verify(c, "logistics", &pid)) != 0)
 *		return st; */
int	partner_verify(struct ctx *c, const char *expected_kind,
	    int64_t *partner_id);
/* Set a JSON error body {"error": msg[, "field": field]} (field may be
 * NULL) with Content-Type application/json; returns status. */
int	partner_reply_error(struct ctx *c, int status, const char *field,
	    const char *msg);
/* Set json (a complete JSON text) as the body; returns status. */
int	partner_reply_json(struct ctx *c, int status, const char *json);
/* For a handler that has authorized the request: answer stored file id
 * as a download: 200, Content-Type from the row, Content-Disposition
 * attachment with a safe name made of name_hint (service/filestore.h),
 * X-Content-Type-Options nosniff, Cache-Control no-store, a sandboxing
 * Content-Security-Policy. Pages show the pictures drawn from it
 * (page_admin_file_picture), never the file. Returns the status to
 * return: 200, 404 (no such file), 500 (pages/reply.c). */
int	filestore_respond(struct ctx *c, int64_t id, const char *name_hint);
int	page_admin_file_picture(struct ctx *); /* GET /admin/files/:id/picture */
extern const struct field_spec page_admin_file_picture_fields[];
int	page_partner_logistics_events(struct ctx *); /* POST /partner/logistics/events */
extern const struct field_spec page_cod_paid_fields[];
extern const struct field_spec page_cod_return_fields[];
extern const struct field_spec page_cod_msg_fields[];
extern const struct field_spec page_admin_cod_queue_fields[];
extern const struct field_spec page_admin_cod_decide_fields[];
extern const struct field_spec page_admin_ship_fields[];

/* installments: pages/plans.c, plans_schedule.c, plans_admin.c */
struct plan_panel;
void	plan_order_panel(struct ctx *, struct view_dict *, const struct db_order *,
	    const struct plan_panel *);
/* The failed payment order o still waits for, explained with what the
 * placer can do (pay_failure.tpl as PAY_FAILURE in d; nothing when none
 * or when the viewer is not the placer). on_confirm: on the plan's
 * confirmation page, whose own button tries the same card again
 * (pages/pay_failure.c). */
void	pay_failure_panel(struct ctx *, struct view_dict *,
	    const struct db_order *o, int on_confirm);
/* An order status code in words ("pending_shipment" -> "Pending
 * shipment", "paid_installment" -> "Paid (Installment)") into out
 * (pages/orders.c). */
void	page_status_label(const char *s, char *out, size_t outsz);
/* The name of institution id for people ("lotus-finance" -> "Lotus
 * Consumer Finance") into out: the plan's (pp may be NULL) or the
 * institution's; "" when id is ""; "the institution" when unknown
 * (pages/plans.c). */
void	page_institution_name(struct ctx *, const char *id,
	    const struct plan_panel *pp, char *out, size_t outsz);
int	page_plan_card(struct ctx *);		/* GET /orders/:id/card */
int	page_plan_card_post(struct ctx *);	/* POST /orders/:id/card */
int	page_plan_apply(struct ctx *);		/* GET /orders/:id/apply */
int	page_plan_apply_post(struct ctx *);	/* POST /orders/:id/apply */
int	page_plan_status(struct ctx *);		/* GET /orders/:id/plan-status */
int	page_plan_confirm(struct ctx *);	/* GET /orders/:id/confirm */
int	page_plan_confirm_post(struct ctx *);	/* POST /orders/:id/confirm */
int	page_plan_schedule(struct ctx *);	/* GET /orders/:id/schedule */
int	page_plan_pay(struct ctx *);		/* POST /orders/:id/pay */
int	page_plan_payoff(struct ctx *);		/* GET /orders/:id/payoff */
int	page_plan_payoff_post(struct ctx *);	/* POST /orders/:id/payoff */
int	page_account_credit(struct ctx *);	/* GET /account/credit */
int	page_partner_finance_decision(struct ctx *); /* POST /partner/finance/decision */
int	page_admin_plans(struct ctx *);		/* GET /admin/plans */
int	page_admin_plan(struct ctx *);		/* GET /admin/plans/:id */
int	page_admin_plan_lift(struct ctx *);	/* POST /admin/plans/:id/lift */
extern const struct field_spec page_plan_card_fields[];
extern const struct field_spec page_plan_card_get_fields[];
int	page_bank_return(struct ctx *);	/* GET /bank/return */
int	page_bank_notice(struct ctx *);	/* POST /partner/bank/notice */
extern const struct field_spec page_plan_key_fields[];
extern const struct field_spec page_plan_pay_fields[];
extern const struct field_spec page_admin_plans_fields[];

/* corporate: company account, documents, corporate installment
 * (pages/company.c) and their admin pages (pages/admin_company.c). */
int	page_company(struct ctx *);		/* GET /company */
int	page_company_documents(struct ctx *);	/* POST /company/documents */
int	page_company_submit(struct ctx *);	/* POST /company/qualification/submit */
int	page_company_document(struct ctx *);	/* GET /company/documents/:id */
int	page_corp_order(struct ctx *);		/* GET /orders/:id/corporate */
int	page_corp_apply(struct ctx *);		/* POST /orders/:id/corporate/apply */
int	page_corp_sign(struct ctx *);		/* POST /orders/:id/corporate/sign */
int	page_corp_agreement(struct ctx *);	/* GET /orders/:id/agreement */
int	page_admin_qual_queue(struct ctx *);	/* GET /admin/queues/qualifications */
int	page_admin_qual(struct ctx *);		/* GET /admin/companies/:id/qualification */
int	page_admin_qual_start(struct ctx *);	/* POST /admin/companies/:id/qualification/start */
int	page_admin_qual_decide(struct ctx *);	/* POST /admin/companies/:id/qualification/decide */
int	page_admin_corp_queue(struct ctx *);	/* GET /admin/queues/corporate */
int	page_admin_corp_app(struct ctx *);	/* GET /admin/orders/:id/corporate */
int	page_admin_corp_decide(struct ctx *);	/* POST /admin/orders/:id/corporate/decide */
int	page_admin_corp_down(struct ctx *);	/* POST /admin/orders/:id/corporate/down-payment */
int	page_admin_corp_repay(struct ctx *);	/* POST /admin/orders/:id/corporate/repayment */
int	page_admin_companies(struct ctx *);	/* GET /admin/companies */
int	page_admin_company(struct ctx *);	/* GET /admin/companies/:id */
int	page_admin_company_limits(struct ctx *); /* POST /admin/companies/:id/limits */
extern const struct field_spec page_company_fields[];
extern const struct field_spec page_company_documents_fields[];
extern const struct field_spec page_corp_apply_fields[];
extern const struct field_spec page_corp_sign_fields[];
extern const struct field_spec page_admin_corp_queue_fields[];
extern const struct field_spec page_admin_company_msg_fields[];
extern const struct field_spec page_admin_decide_fields[];
extern const struct field_spec page_admin_corp_down_fields[];
extern const struct field_spec page_admin_corp_repay_fields[];
extern const struct field_spec page_admin_company_limits_fields[];

/* company accounts: members, permissions and invitations
 * (pages/company_members.c); the agreement as a PDF (pages/company.c). */
int	page_company_members(struct ctx *);	/* GET /company/members */
int	page_company_invite(struct ctx *);	/* POST /company/members/invite */
int	page_company_member_grant(struct ctx *); /* POST /company/members/:id/permissions */
int	page_company_member_remove(struct ctx *); /* POST /company/members/:id/remove */
int	page_company_invite_revoke(struct ctx *); /* POST /company/members/invitations/:id/revoke */
int	page_company_invitation(struct ctx *);	/* GET /company/invitations/:token */
int	page_company_invitation_accept(struct ctx *); /* POST /company/invitations/:token/accept */
int	page_corp_agreement_pdf(struct ctx *);	/* GET /orders/:id/agreement.pdf */
extern const struct field_spec page_company_invite_fields[];
extern const struct field_spec page_company_grant_fields[];
/* identity: real-name authentication and credit authorization (INST-01,
 * INST-02, PAU-01): identity.c, admin_identity.c. */
int	page_account_identity(struct ctx *);		/* GET /account/identity */
int	page_account_identity_post(struct ctx *);	/* POST /account/identity */
int	page_account_identity_document(struct ctx *);	/* GET /account/identity/:id/document */
int	page_account_credit_consent(struct ctx *);	/* POST /account/credit-consent */
int	page_account_credit_withdraw(struct ctx *);	/* POST /account/credit-consent/withdraw */
int	page_admin_identity_queue(struct ctx *);	/* GET /admin/queues/identity */
int	page_admin_identity(struct ctx *);		/* GET /admin/identity/:id */
int	page_admin_identity_document(struct ctx *);	/* GET /admin/identity/:id/document */
int	page_admin_identity_decide(struct ctx *);	/* POST /admin/identity/:id/decide */
extern const struct field_spec page_identity_post_fields[];
extern const struct field_spec page_credit_consent_fields[];
extern const struct field_spec page_credit_withdraw_fields[];
extern const struct field_spec page_admin_identity_queue_fields[];
extern const struct field_spec page_admin_identity_decide_fields[];

/* admins: the owners' console of admins and roles, the invitation an
 * invited admin opens (pages/admin_admins.c) */
int	page_admin_admins(struct ctx *);		/* GET /admin/admins */
int	page_admin_admin_invite(struct ctx *);	/* POST /admin/admins/invite */
int	page_admin_admin_roles(struct ctx *);	/* POST /admin/admins/:id/roles */
int	page_admin_admin_disable(struct ctx *);	/* POST /admin/admins/:id/disable */
int	page_admin_admin_enable(struct ctx *);	/* POST /admin/admins/:id/enable */
int	page_admin_invitation(struct ctx *);	/* GET /console/invitations/:token */
int	page_admin_invitation_accept(struct ctx *); /* POST the same */
extern const struct field_spec page_admin_admin_invite_fields[];
extern const struct field_spec page_admin_admin_roles_fields[];
extern const struct field_spec page_admin_invitation_fields[];

#endif
