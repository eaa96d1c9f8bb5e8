#ifndef MALLPAY_TESTS_SHOP_H
#define MALLPAY_TESTS_SHOP_H

/*
 * Helpers of the checkout and "My Orders" integration tests: the demo
 * shoppers signed in, their carts filled through the web, orders placed
 * through the checkout form, and the stack's database for setting up and
 * checking what the web cannot show.
 */

#include <stddef.h>
#include <stdint.h>

#include "client.h"

struct config;
struct db;

#define DEMO_PASSWORD	"mallpay-demo"

/* Load MALLPAY_CONF and init the database library; exit 1 on failure
 * (called first in main). */
void	shop_init(void);
void	shop_end(void);
/* The stack's database (one connection per test program). */
struct db *shop_db(void);

/* A client signed in as demo user email (the test fails otherwise). */
struct client *shop_signin(const char *email);
/* The id of demo user email (fails the test when missing). */
int64_t	shop_user_id(const char *email);
/* Empty email's cart, then add each "SKU" with qty through POST
 * /cart/add; skus is NULL-terminated, qtys parallel. */
void	shop_fill_cart(struct client *cl, const char *email,
	    const char *const *skus, const int *qtys);
/* GET path into r (status checked by the caller). */
void	shop_get(struct client *cl, const char *path, struct client_resp *r);
/* Render /checkout?<query>, take its csrf and idempotency key (into key,
 * 65 bytes, if not NULL), POST /checkout/place with the form's options
 * from query plus pay (and disclosed when disclosed != NULL, and the key
 * override when use_key != NULL). Fills r. */
void	shop_place(struct client *cl, const char *query, const char *country,
	    const char *pay, const char *disclosed, const char *use_key,
	    char *key, struct client_resp *r);
/* The order id from a "Location: /orders/N" redirect, or 0. */
int64_t	shop_location_order(const struct client_resp *r);
/* How many orders user_id has. */
size_t	shop_order_count(int64_t user_id);
/* The HTML of the method block id (e.g. "method-cod"), malloc'd, or
 * NULL when the page has none. */
char	*shop_method_block(const char *html, const char *id);

/* Run `mallpayctl tick --now at` (MALLPAY_CTL, MALLPAY_CONF); the output
 * line starting with "part:" (e.g. "installments") must be there and report
 * " 0 errors", or the test fails with the whole output. Other parts of the
 * tick are not judged here. */
void	shop_tick(int64_t at, const char *part);
/* How shop_partner_post() signs its request. */
#define SHOP_SIGNED	0	/* partner_sign_headers() as is */
#define SHOP_UNSIGNED	1	/* no signature headers at all */
#define SHOP_BADSIG	2	/* X-Signature, first byte changed */
/* POST json (Content-Type application/json) to path on the stack, signed
 * by partner_id with key version 1 at clock_now() + skew as how says.
 * Returns the HTTP status (0 when curl failed), the body into *out
 * (malloc'd, the caller frees) if out is not NULL. */
long	shop_partner_post(int64_t partner_id, const char *path,
	    const char *json, int64_t skew, int how, char **out);

/* Give the address book of user_id (company_id 0) or of company_id a
 * default delivery address in Kuala Lumpur, Malaysia, unless it has one
 * (checkout needs an address; the demo accounts have theirs). */
void	shop_give_address(int64_t user_id, int64_t company_id);
/* Register a fresh shopper named name with password through a client of
 * its own (the registration must answer 303); the unique email made from
 * tag goes into email (emailsz bytes). The shopper gets a default address
 * in Malaysia (shop_give_address). The caller signs in itself. */
void	shop_register(char *email, size_t emailsz, const char *tag,
	    const char *name, const char *password);
/* POST path as cl with the csrf of csrf_page plus the form pairs given as
 * NULL-terminated key, value arguments; fills r (the caller cleans it). */
void	shop_post(struct client *cl, const char *csrf_page,
	    const char *path, struct client_resp *r, ...)
	    __attribute__((sentinel));
/* Set cl's language (signed in: the account's setting) to tag ("ar",
 * "zh-CN", "ms", "en", "auto") by the switcher; expects its 303. */
void	shop_language(struct client *cl, const char *tag);
/* How the shopper answers the bank's 3-D Secure challenge, when there is
 * one (an EEA card, sandbox/hosted.h): with the code the page shows, with
 * a wrong code, or by cancelling it. */
enum shop_3ds { SHOP_3DS_PASS, SHOP_3DS_WRONG, SHOP_3DS_CANCEL };
/* The bank's hosted card page at bank_url (the mall's 303 Location): GET
 * it (200, the order and amount on it), type pan (expiry 12/39, CVV 123),
 * answer the challenge if one comes as how says, follow the bank's 303
 * back to the mall's return URL and fill r with the mall's answer to it
 * (a 303 to the order's next page). *challenged (may be NULL) says whether
 * the bank asked for the one-time code. */
void	shop_bank_page(struct client *cl, const char *bank_url, const char *pan,
	    enum shop_3ds how, int *challenged, struct client_resp *r);
/* POST the mall's form at path (csrf from page) that opens a session at
 * the bank's page (it must answer 303 to the bank), then
 * shop_bank_page(). */
void	shop_card_via_bank(struct client *cl, const char *page,
	    const char *path, const char *pan, enum shop_3ds how,
	    int *challenged, struct client_resp *r);
/* Bind pan to the card installment order id of cl at the bank's page
 * (frictionless or with the challenge passed): the mall's answer to the
 * bank's return must be a 303 (approved: onwards; declined: back to the
 * card page with the reason). */
void	shop_bind_card(struct client *cl, int64_t order_id, const char *pan);
/* Bind pan as cl's Pay After Use card at the bank's page; the status of
 * the mall's answer to the return (303: bound, or back with the reason)
 * and, when declined, the page it sends to in *declined (may be NULL). */
long	shop_bind_pau_card(struct client *cl, const char *pan, int *declined);
/* Fill email's cart with one of sku and place it to Malaysia paying with
 * pay (disclosed as in shop_place()); the answer must be 303 (else the
 * test fails naming what). Returns the new order's id (> 0); when loc is
 * not NULL the Location header is copied into it (locsz bytes). */
int64_t	shop_place_one(struct client *cl, const char *email,
	    const char *sku, const char *pay, const char *disclosed,
	    const char *what, char *loc, size_t locsz);

/* The stack's configuration (MALLPAY_CONF as loaded by shop_init(); e.g.
 * upload_dir). */
const struct config *shop_config(void);
/* Order id's status now (a static buffer; the test fails when there is no
 * such order). */
const char *shop_status(int64_t id);
/* Run one SQL statement (no double quotes in it) on the stack's database
 * through the mariadb client, for fixtures the web cannot make (the test
 * fails when it fails). */
void	shop_sql(const char *sql);
/* Post one two-line ledger entry of kind keyed key in USD, amount minor
 * units from credit to debit, of order and plan_id (0: none) at at, in a
 * transaction of its own: committed when commit, else rolled back (the
 * test fails when the post fails). */
void	shop_ledger_post(int kind, const char *key, int64_t order,
	    int64_t plan_id, int64_t at, const char *debit, const char *credit,
	    int64_t amount, int commit);
/* Give demo or test account email a verified identity and a credit consent
 * in force through the identity service and credit bureau sandboxes
 * (service/identity.h: identity_seed), with the bureau's score score
 * (300..850); an account verified before gets score on its consent, as a
 * refresh would. The test fails otherwise. */
void	shop_credit_score(const char *email, int score);
/* Register a fresh shopper ready for installments (tag and name as
 * shop_register; a phone, a USD 15,000 credit line, score 700) and sign
 * them in: their email into email, their id into *id; the client. */
struct client *shop_installment_shopper(char *email, size_t emailsz,
	    const char *tag, const char *name, const char *password,
	    int64_t *id);
/* A new company (tag in its name, qualification status such as
 * "unverified") with one member (demo password) inserted through the
 * seed statements; returns that member signed in, the ids in *company_id
 * and *user_id. Fails the test when anything does. */
struct client *shop_company_member(const char *tag, const char *status,
	    int64_t *company_id, int64_t *user_id);

#endif
