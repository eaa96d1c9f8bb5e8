/*
 * The route table: one line per route. Fields are declared next to their
 * route as a {NULL}-terminated field_spec array.
 *
 * { method, pattern, roles, handler, fields, flags, target }
 *
 * roles: who may call it (http/http.h); for admins, ROLE_REVIEWER,
 * ROLE_FINANCE, ROLE_SETTINGS, ROLE_OWNER name the admin roles that may
 * (any one of them), checked by the dispatcher before the handler runs.
 *
 * target names the object the route's ":id" is (service/target.h): the
 * dispatcher resolves it for the caller before the handler runs, answers
 * 404 for another's, and the handler reads the id from c->target_id.
 */

#include <stddef.h>

#include "http/http.h"
#include "pages/language.h"
#include "pages/pages.h"
#include "service/target.h"

/* The query of a page that shows the notice of a ?msg= code after a
 * redirect, and nothing else. */
static const struct field_spec msg_fields[] = {
	{ "msg", FIELD_TOKEN, 0, 32, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct route page_routes[] = {
	{ HTTP_GET,  "/",		ROLE_ANY,	page_home,	NULL,	0, TARGET_NONE },
	{ HTTP_GET,  "/healthz",	ROLE_ANY,	page_health,	NULL,	0, TARGET_NONE },
	{ HTTP_GET,  "/signin",		ROLE_ANY,	page_signin,	page_signin_get_fields,	0, TARGET_NONE },
	{ HTTP_POST, "/signin",		ROLE_ANY,	page_signin_post, page_signin_post_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/signout",	ROLE_ANY,	page_signout,	NULL,	0, TARGET_NONE },
	/* languages: the switcher of every page, the account's setting. */
	{ HTTP_POST, "/language",	ROLE_ANY,	page_language_post, page_language_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/account/language", ROLE_USER | ROLE_ADMIN, page_account_language, NULL, 0, TARGET_NONE },
	/* admins' second factor: the code step and enrollment
	 * (pages/signin_code.c), the list and reset (pages/admin_mfa.c). */
	{ HTTP_GET,  "/signin/code",	ROLE_ANY,	page_signin_code, page_signin_code_get_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/signin/code",	ROLE_ANY,	page_signin_code_post, page_signin_code_post_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/signin/enroll",	ROLE_ANY,	page_signin_enroll, page_signin_code_get_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/signin/enroll",	ROLE_ANY,	page_signin_enroll_post, page_signin_code_post_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/sign-in-codes", ROLE_OWNER, page_admin_mfa, msg_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/admin/admins/:id/reset-2fa", ROLE_OWNER, page_admin_mfa_reset, NULL, 0, TARGET_ADMIN },
	{ HTTP_GET,  "/register",	ROLE_ANY,	page_register,	NULL,	0, TARGET_NONE },
	{ HTTP_POST, "/register",	ROLE_ANY,	page_register_post, page_register_post_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/catalog",	ROLE_ANY,	page_catalog,	msg_fields, ROUTE_PUBLIC, TARGET_NONE },
	{ HTTP_GET,  "/cart",		ROLE_USER,	page_cart,	msg_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/cart/add",	ROLE_USER,	page_cart_add,	page_cart_change_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/cart/update",	ROLE_USER,	page_cart_update, page_cart_change_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/cart/remove",	ROLE_USER,	page_cart_remove, page_cart_remove_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/orders",		ROLE_USER,	page_orders,	page_orders_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/orders/:id",	ROLE_USER,	page_order,	page_orders_fields, 0, TARGET_BUYER_ORDER },
	{ HTTP_POST, "/orders/:id/cancel", ROLE_USER,	page_order_cancel, NULL, 0, TARGET_BUYER_ORDER },
	{ HTTP_POST, "/orders/:id/confirm-receipt", ROLE_USER, page_order_confirm, NULL, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/orders/:id/receipts", ROLE_USER | ROLE_REVIEWER | ROLE_FINANCE, page_receipts, NULL, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/orders/:id/receipts/:n", ROLE_USER | ROLE_REVIEWER | ROLE_FINANCE, page_receipt, NULL, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/orders/:id/receipts/:n/pdf", ROLE_USER | ROLE_REVIEWER | ROLE_FINANCE, page_receipt_pdf, NULL, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/checkout",	ROLE_USER,	page_checkout,	page_checkout_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/checkout/quote",	ROLE_USER,	page_checkout_quote, page_checkout_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/checkout/place",	ROLE_USER,	page_checkout_place, page_checkout_place_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/messages",	ROLE_USER,	page_messages,	page_messages_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/messages/read",	ROLE_USER,	page_messages_read_all, NULL, 0, TARGET_NONE },
	{ HTTP_POST, "/messages/:id/read", ROLE_USER,	page_message_read, NULL, 0, TARGET_MESSAGE },
	/* admin: the console; every /admin route is for admins only, most
	 * for admins holding one of the roles named (core/admin_role.h):
	 * ROLE_REVIEWER queues and decisions, ROLE_FINANCE money, books and
	 * reports, ROLE_SETTINGS the platform's settings, ROLE_OWNER the
	 * admins; plain ROLE_ADMIN is open to every admin (the dashboard).
	 * tests/integration/test_admin_roles.c walks the table for each role. */
	{ HTTP_GET,  "/admin",		ROLE_ADMIN,	page_admin,	NULL,	0, TARGET_NONE },
	{ HTTP_GET,  "/admin/orders",	ROLE_REVIEWER | ROLE_FINANCE,	page_admin_orders, page_admin_orders_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/orders/:id", ROLE_REVIEWER | ROLE_FINANCE,	page_admin_order, page_admin_order_fields, 0, TARGET_ADMIN_ORDER },
	{ HTTP_POST, "/admin/orders/:id/cancel", ROLE_REVIEWER, page_admin_order_cancel, page_admin_order_cancel_fields, 0, TARGET_ADMIN_ORDER },
	{ HTTP_GET,  "/admin/settings",	ROLE_SETTINGS,	page_admin_settings, NULL, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/settings/:kind", ROLE_SETTINGS, page_admin_setting_kind, page_admin_settings_get_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/admin/settings/:kind", ROLE_SETTINGS, page_admin_setting_save, page_admin_setting_fields, ROUTE_REAUTH, TARGET_NONE },
	{ HTTP_GET,  "/admin/holidays",	ROLE_SETTINGS,	page_admin_holidays, NULL, 0, TARGET_NONE },
	{ HTTP_POST, "/admin/holidays/add", ROLE_SETTINGS,	page_admin_holiday_add, page_admin_holiday_fields, ROUTE_REAUTH, TARGET_NONE },
	{ HTTP_POST, "/admin/holidays/remove", ROLE_SETTINGS, page_admin_holiday_remove, page_admin_holiday_fields, ROUTE_REAUTH, TARGET_NONE },
	{ HTTP_GET,  "/admin/fx",	ROLE_SETTINGS,	page_admin_fx,	NULL,	0, TARGET_NONE },
	{ HTTP_POST, "/admin/fx",	ROLE_SETTINGS,	page_admin_fx_add, page_admin_fx_fields, ROUTE_REAUTH, TARGET_NONE },
	{ HTTP_GET,  "/admin/audit",	ROLE_ADMIN,	page_admin_audit, page_admin_audit_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/search",	ROLE_REVIEWER | ROLE_FINANCE,	page_admin_search, page_admin_search_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/export/orders", ROLE_REVIEWER | ROLE_FINANCE, page_admin_export_orders, page_admin_orders_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/export/queues/:id", ROLE_REVIEWER | ROLE_FINANCE, page_admin_export_queue, NULL, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/export/audit", ROLE_ADMIN, page_admin_export_audit, page_admin_audit_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/export/ledger", ROLE_FINANCE, page_admin_export_ledger, NULL, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/export/reconciliation", ROLE_FINANCE, page_admin_export_recon, NULL, 0, TARGET_NONE },
	/* pau: Pay After Use (PAU-03/04/05) and its guarantee */
	{ HTTP_GET,  "/pay-after-use",	ROLE_USER,	page_pau,	page_pau_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/pay-after-use/card", ROLE_USER,	page_pau_card,	page_pau_card_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/orders/:id/pau-pay", ROLE_USER,	page_pau_pay,	NULL,	0, TARGET_BUYER_ORDER },
	{ HTTP_POST, "/orders/:id/pau-return", ROLE_USER, page_pau_return, NULL, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/admin/guarantee", ROLE_FINANCE,	page_admin_guarantee, NULL, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/reconciliation", ROLE_FINANCE, page_admin_reconciliation, NULL, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/reports",	ROLE_FINANCE,	page_admin_reports, page_admin_reports_fields, 0, TARGET_NONE },
	/* remittance: instructions, voucher upload, admin queue,
	 * verification, statement import (pages/remittance.c,
	 * remittance_admin.c). */
	{ HTTP_GET,  "/orders/:id/remittance", ROLE_USER, page_remittance_instructions, NULL, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/orders/:id/voucher", ROLE_USER,	page_remittance_voucher, msg_fields, 0, TARGET_BUYER_ORDER },
	{ HTTP_POST, "/orders/:id/voucher", ROLE_USER,	page_remittance_voucher_post, page_remittance_voucher_fields, ROUTE_UPLOAD, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/admin/vouchers",	ROLE_REVIEWER,	page_admin_vouchers, page_admin_vouchers_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/orders/:id/voucher", ROLE_REVIEWER, page_admin_voucher, NULL, 0, TARGET_ADMIN_ORDER },
	{ HTTP_GET,  "/admin/orders/:id/voucher/file", ROLE_REVIEWER, page_admin_voucher_file, page_admin_voucher_file_fields, 0, TARGET_ADMIN_ORDER },
	{ HTTP_GET,  "/admin/files/:id/picture", ROLE_REVIEWER, page_admin_file_picture, page_admin_file_picture_fields, 0, TARGET_FILE },
	{ HTTP_POST, "/admin/orders/:id/voucher/decide", ROLE_REVIEWER, page_admin_voucher_decide, page_admin_voucher_decide_fields, 0, TARGET_ADMIN_ORDER },
	{ HTTP_GET,  "/admin/remittance/statements", ROLE_FINANCE, page_admin_statements, NULL, 0, TARGET_NONE },
	{ HTTP_POST, "/admin/remittance/statements", ROLE_FINANCE, page_admin_statements_post, page_admin_statements_fields, ROUTE_UPLOAD, TARGET_NONE },
	{ HTTP_POST, "/orders/:id/refund-account", ROLE_USER, page_remittance_refund_account, page_remittance_refund_account_fields, 0, TARGET_BUYER_ORDER },
	{ HTTP_POST, "/admin/orders/:id/remittance-refund-sent", ROLE_FINANCE, page_admin_rem_refund_sent, page_admin_rem_refund_sent_fields, 0, TARGET_ADMIN_ORDER },
	/* cod: cash on delivery, the shipping desk (every method),
	 * COD permissions, the logistics partner endpoint (pages/cod.c,
	 * pages/partner_logistics.c). */
	{ HTTP_GET,  "/account/cod",	ROLE_USER,	page_cod_account, NULL,	0, TARGET_NONE },
	{ HTTP_GET,  "/account/cod/debts/:id/pay", ROLE_USER, page_cod_debt, page_cod_debt_fields, 0, TARGET_COD_DEBT },
	{ HTTP_POST, "/account/cod/debts/:id/pay", ROLE_USER, page_cod_debt_pay, NULL, 0, TARGET_COD_DEBT },
	/* addresses: the address book (pages/addresses.c) */
	{ HTTP_GET,  "/account/addresses", ROLE_USER,	page_addresses,	page_addresses_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/account/addresses", ROLE_USER,	page_address_add, page_address_save_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/account/addresses/:id", ROLE_USER, page_address_edit, page_addresses_fields, 0, TARGET_ADDRESS },
	{ HTTP_POST, "/account/addresses/:id", ROLE_USER, page_address_update, page_address_save_fields, 0, TARGET_ADDRESS },
	{ HTTP_POST, "/account/addresses/:id/delete", ROLE_USER, page_address_delete, NULL, 0, TARGET_ADDRESS },
	{ HTTP_POST, "/account/addresses/:id/default", ROLE_USER, page_address_default, NULL, 0, TARGET_ADDRESS },
	{ HTTP_POST, "/orders/:id/cod/paid", ROLE_USER,	page_cod_paid,	page_cod_paid_fields, ROUTE_UPLOAD, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/orders/:id/cod/voucher", ROLE_USER, page_cod_voucher, NULL, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/orders/:id/cod/record", ROLE_USER, page_cod_record, NULL, 0, TARGET_BUYER_ORDER },
	{ HTTP_POST, "/orders/:id/cod/return", ROLE_USER, page_cod_return, page_cod_return_fields, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/admin/queues/cod", ROLE_REVIEWER,	page_admin_cod_queue, page_admin_cod_queue_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/orders/:id/fulfil", ROLE_REVIEWER, page_admin_fulfil, page_cod_msg_fields, 0, TARGET_ADMIN_ORDER },
	{ HTTP_POST, "/admin/orders/:id/cod-approve", ROLE_REVIEWER, page_admin_cod_approve, page_admin_cod_decide_fields, 0, TARGET_ADMIN_ORDER },
	{ HTTP_POST, "/admin/orders/:id/cod-reject", ROLE_REVIEWER, page_admin_cod_reject, page_admin_cod_decide_fields, 0, TARGET_ADMIN_ORDER },
	{ HTTP_POST, "/admin/orders/:id/ship", ROLE_REVIEWER, page_admin_ship, page_admin_ship_fields, 0, TARGET_ADMIN_ORDER },
	{ HTTP_POST, "/admin/orders/:id/deliver", ROLE_REVIEWER, page_admin_deliver, NULL, 0, TARGET_ADMIN_ORDER },
	{ HTTP_POST, "/admin/orders/:id/return-received", ROLE_REVIEWER, page_admin_return_received, NULL, 0, TARGET_ADMIN_ORDER },
	{ HTTP_POST, "/admin/orders/:id/refund-sent", ROLE_FINANCE, page_admin_refund_sent, NULL, 0, TARGET_ADMIN_ORDER },
	{ HTTP_GET,  "/admin/cod/users", ROLE_REVIEWER,	page_admin_cod_users, NULL, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/cod/users/:id", ROLE_REVIEWER, page_admin_cod_user, page_cod_msg_fields, 0, TARGET_SHOPPER },
	{ HTTP_POST, "/admin/cod/users/:id/revoke", ROLE_REVIEWER, page_admin_cod_revoke, page_cod_return_fields, 0, TARGET_SHOPPER },
	{ HTTP_POST, "/admin/cod/users/:id/reinstate", ROLE_REVIEWER, page_admin_cod_reinstate, page_cod_return_fields, 0, TARGET_SHOPPER },
	{ HTTP_POST, "/partner/logistics/events", ROLE_PARTNER, page_partner_logistics_events, NULL, ROUTE_NO_CSRF, TARGET_NONE },
	/* installments: card, partner, confirmation, schedule,
	 * repayment, early payoff, credit line, partner callback, admin plans
	 * (pages/plans.c, plans_schedule.c, plans_admin.c). */
	{ HTTP_GET,  "/orders/:id/card", ROLE_USER,	page_plan_card,	page_plan_card_get_fields, 0, TARGET_BUYER_ORDER },
	{ HTTP_POST, "/orders/:id/card", ROLE_USER,	page_plan_card_post, page_plan_card_fields, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/orders/:id/apply", ROLE_USER,	page_plan_apply, NULL,	0, TARGET_BUYER_ORDER },
	{ HTTP_POST, "/orders/:id/apply", ROLE_USER,	page_plan_apply_post, NULL, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/orders/:id/plan-status", ROLE_USER, page_plan_status, NULL, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/orders/:id/confirm", ROLE_USER,	page_plan_confirm, NULL, 0, TARGET_BUYER_ORDER },
	{ HTTP_POST, "/orders/:id/confirm", ROLE_USER,	page_plan_confirm_post, page_plan_key_fields, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/orders/:id/schedule", ROLE_USER,	page_plan_schedule, msg_fields, 0, TARGET_BUYER_ORDER },
	{ HTTP_POST, "/orders/:id/pay",	ROLE_USER,	page_plan_pay,	page_plan_pay_fields, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/orders/:id/payoff", ROLE_USER,	page_plan_payoff, NULL,	0, TARGET_BUYER_ORDER },
	{ HTTP_POST, "/orders/:id/payoff", ROLE_USER,	page_plan_payoff_post, page_plan_key_fields, 0, TARGET_BUYER_ORDER },
	{ HTTP_GET,  "/account/credit",	ROLE_USER,	page_account_credit, NULL, 0, TARGET_NONE },
	/* the bank's hosted card page: its signed outcome, through the
	 * shopper's browser and server to server */
	{ HTTP_GET,  "/bank/return",	ROLE_PARTNER,	page_bank_return, NULL, ROUTE_NO_CSRF, TARGET_NONE },
	{ HTTP_POST, "/partner/bank/notice", ROLE_PARTNER, page_bank_notice, NULL, ROUTE_NO_CSRF, TARGET_NONE },
	{ HTTP_POST, "/partner/finance/decision", ROLE_PARTNER, page_partner_finance_decision, NULL, ROUTE_NO_CSRF, TARGET_NONE },
	{ HTTP_GET,  "/admin/plans",	ROLE_REVIEWER | ROLE_FINANCE,	page_admin_plans, page_admin_plans_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/plans/:id", ROLE_REVIEWER | ROLE_FINANCE,	page_admin_plan, msg_fields, 0, TARGET_PLAN },
	{ HTTP_POST, "/admin/plans/:id/lift", ROLE_REVIEWER, page_admin_plan_lift, NULL, 0, TARGET_PLAN },
	/* corporate: company account and documents, the corporate
	 * installment, their admin pages (pages/company.c, admin_company.c). */
	{ HTTP_GET,  "/company",	ROLE_COMPANY,	page_company,	page_company_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/company/documents", ROLE_COMPANY, page_company_documents, page_company_documents_fields, ROUTE_UPLOAD, TARGET_NONE },
	{ HTTP_POST, "/company/qualification/submit", ROLE_COMPANY, page_company_submit, NULL, 0, TARGET_NONE },
	{ HTTP_GET,  "/company/documents/:id", ROLE_COMPANY | ROLE_REVIEWER, page_company_document, NULL, 0, TARGET_DOCUMENT },
	{ HTTP_GET,  "/orders/:id/corporate", ROLE_COMPANY, page_corp_order, page_company_fields, 0, TARGET_COMPANY_ORDER },
	{ HTTP_POST, "/orders/:id/corporate/apply", ROLE_COMPANY, page_corp_apply, page_corp_apply_fields, 0, TARGET_COMPANY_ORDER },
	{ HTTP_POST, "/orders/:id/corporate/sign", ROLE_COMPANY, page_corp_sign, page_corp_sign_fields, 0, TARGET_COMPANY_ORDER },
	{ HTTP_GET,  "/orders/:id/agreement", ROLE_COMPANY | ROLE_REVIEWER | ROLE_FINANCE, page_corp_agreement, NULL, 0, TARGET_COMPANY_ORDER },
	{ HTTP_GET,  "/orders/:id/agreement.pdf", ROLE_COMPANY | ROLE_REVIEWER | ROLE_FINANCE, page_corp_agreement_pdf, NULL, 0, TARGET_COMPANY_ORDER },
	/* company accounts: the owner's members page, invitations. */
	{ HTTP_GET,  "/company/members", ROLE_COMPANY,	page_company_members, page_company_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/company/members/invite", ROLE_COMPANY, page_company_invite, page_company_invite_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/company/members/:id/permissions", ROLE_COMPANY, page_company_member_grant, page_company_grant_fields, 0, TARGET_MEMBER },
	{ HTTP_POST, "/company/members/:id/remove", ROLE_COMPANY, page_company_member_remove, NULL, 0, TARGET_MEMBER },
	{ HTTP_POST, "/company/members/invitations/:id/revoke", ROLE_COMPANY, page_company_invite_revoke, NULL, 0, TARGET_INVITATION },
	{ HTTP_GET,  "/company/invitations/:token", ROLE_ANY, page_company_invitation, NULL, 0, TARGET_NONE },
	{ HTTP_POST, "/company/invitations/:token/accept", ROLE_USER | ROLE_ADMIN, page_company_invitation_accept, NULL, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/queues/qualifications", ROLE_REVIEWER, page_admin_qual_queue, page_admin_corp_queue_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/companies/:id/qualification", ROLE_REVIEWER, page_admin_qual, page_admin_company_msg_fields, 0, TARGET_COMPANY },
	{ HTTP_POST, "/admin/companies/:id/qualification/start", ROLE_REVIEWER, page_admin_qual_start, page_admin_company_msg_fields, 0, TARGET_COMPANY },
	{ HTTP_POST, "/admin/companies/:id/qualification/decide", ROLE_REVIEWER, page_admin_qual_decide, page_admin_decide_fields, 0, TARGET_COMPANY },
	{ HTTP_GET,  "/admin/queues/corporate", ROLE_REVIEWER, page_admin_corp_queue, page_admin_corp_queue_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/orders/:id/corporate", ROLE_REVIEWER | ROLE_FINANCE, page_admin_corp_app, page_admin_company_msg_fields, 0, TARGET_ADMIN_ORDER },
	{ HTTP_POST, "/admin/orders/:id/corporate/decide", ROLE_REVIEWER, page_admin_corp_decide, page_admin_decide_fields, 0, TARGET_ADMIN_ORDER },
	{ HTTP_POST, "/admin/orders/:id/corporate/down-payment", ROLE_FINANCE, page_admin_corp_down, page_admin_corp_down_fields, 0, TARGET_ADMIN_ORDER },
	{ HTTP_POST, "/admin/orders/:id/corporate/repayment", ROLE_FINANCE, page_admin_corp_repay, page_admin_corp_repay_fields, 0, TARGET_ADMIN_ORDER },
	{ HTTP_GET,  "/admin/companies", ROLE_REVIEWER | ROLE_FINANCE,	page_admin_companies, NULL, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/companies/:id", ROLE_REVIEWER | ROLE_FINANCE, page_admin_company, page_admin_company_msg_fields, 0, TARGET_COMPANY },
	{ HTTP_POST, "/admin/companies/:id/limits", ROLE_REVIEWER, page_admin_company_limits, page_admin_company_limits_fields, 0, TARGET_COMPANY },
	{ HTTP_GET,  "/admin/companies/:id/credit", ROLE_REVIEWER | ROLE_FINANCE, page_admin_credit, NULL, 0, TARGET_COMPANY },
	{ HTTP_POST, "/admin/companies/:id/credit/payout", ROLE_FINANCE, page_admin_credit_payout, page_admin_credit_payout_fields, 0, TARGET_COMPANY },
	/* identity: real-name authentication and credit authorization
	 * (pages/identity.c, pages/admin_identity.c). */
	{ HTTP_GET,  "/account/identity", ROLE_USER,	page_account_identity, msg_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/account/identity", ROLE_USER,	page_account_identity_post, page_identity_post_fields, ROUTE_UPLOAD, TARGET_NONE },
	{ HTTP_GET,  "/account/identity/:id/document", ROLE_USER, page_account_identity_document, NULL, 0, TARGET_IDENTITY },
	{ HTTP_POST, "/account/credit-consent", ROLE_USER, page_account_credit_consent, page_credit_consent_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/account/credit-consent/withdraw", ROLE_USER, page_account_credit_withdraw, page_credit_withdraw_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/queues/identity", ROLE_REVIEWER, page_admin_identity_queue, page_admin_identity_queue_fields, 0, TARGET_NONE },
	{ HTTP_GET,  "/admin/identity/:id", ROLE_REVIEWER, page_admin_identity, NULL, 0, TARGET_IDENTITY },
	{ HTTP_GET,  "/admin/identity/:id/document", ROLE_REVIEWER, page_admin_identity_document, NULL, 0, TARGET_IDENTITY },
	{ HTTP_POST, "/admin/identity/:id/decide", ROLE_REVIEWER, page_admin_identity_decide, page_admin_identity_decide_fields, 0, TARGET_IDENTITY },
	/* admins: owners invite admins, give roles, disable and enable
	 * them; the invitee sets a password (pages/admin_admins.c). */
	{ HTTP_GET,  "/admin/admins",	ROLE_OWNER,	page_admin_admins, NULL, 0, TARGET_NONE },
	{ HTTP_POST, "/admin/admins/invite", ROLE_OWNER, page_admin_admin_invite, page_admin_admin_invite_fields, 0, TARGET_NONE },
	{ HTTP_POST, "/admin/admins/:id/roles", ROLE_OWNER, page_admin_admin_roles, page_admin_admin_roles_fields, 0, TARGET_ADMIN },
	{ HTTP_POST, "/admin/admins/:id/disable", ROLE_OWNER, page_admin_admin_disable, NULL, 0, TARGET_ADMIN },
	{ HTTP_POST, "/admin/admins/:id/enable", ROLE_OWNER, page_admin_admin_enable, NULL, 0, TARGET_ADMIN },
	{ HTTP_GET,  "/console/invitations/:token", ROLE_ANY, page_admin_invitation, NULL, 0, TARGET_NONE },
	{ HTTP_POST, "/console/invitations/:token", ROLE_ANY, page_admin_invitation_accept, page_admin_invitation_fields, 0, TARGET_NONE },
};

const size_t page_routes_n = sizeof(page_routes) / sizeof(page_routes[0]);
