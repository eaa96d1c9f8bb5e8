/*
 * bankd: the sandbox bank as its own process, on its own origin (its own
 * nginx server block and port): the hosted card page the shopper types the
 * card on, the 3-D Secure challenge, and the signed server-to-server API the
 * mall calls (sandbox/hosted.h). One FastCGI worker, its own database
 * connection and tables (bank_*, created here at start), the bank's books in
 * sandbox_partner_ops (gateway/books.h) for reconciliation.
 *
 * It reads the mall's mallpay.conf for the database, the shared secret
 * ([bank] secret), its own address ([bank] url) and socket ([bank]
 * socket), and the mall's address ([bank] mall_url: the only other origin
 * its forms may return to). It logs method, path and status, never a field.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "core/clock.h"
#include "core/config.h"
#include "core/log.h"
#include "core/money.h"
#include "db/bank.h"
#include "db/db.h"
#include "http/http.h"
#include "http/request.h"
#include "http/response.h"
#include "http/fcgi_server.h"
#include "http/form.h"
#include "sandbox/books.h"
#include "sandbox/hosted.h"
#include "view/view.h"

static struct config	cfg;

/* The form field name of req, or NULL. */
static const char *
form_str(const struct http_req *req, const char *name)
{
	const struct param *p = paramlist_get(&req->form, name);

	return p != NULL ? p->val : NULL;
}

/* Render the bank's page for pg into resp. */
static void
render(const struct hosted_page *pg, int status, struct http_resp *resp)
{
	struct view_dict	*d = view_dict_new(), *h;
	const char		*tpl = "gone.tpl";
	char			 amt[64];

	view_set(d, "SID", pg->s.id);
	h = view_include(d, "HEAD", "head.tpl");
	view_set(h, "ORDER", pg->s.order_label);
	view_set(h, "AMOUNT", money_display_minor(pg->s.amount_minor,
	    pg->s.currency, amt, sizeof(amt)));
	if (pg->error[0] != '\0')
		view_set(view_add(d, "ERROR"), "MSG", pg->error);
	if (pg->view == HV_FORM)
		tpl = "pay.tpl";
	else if (pg->view == HV_CHALLENGE) {
		tpl = "challenge.tpl";
		view_set(d, "CODE", pg->s.code);
		view_set(d, "BRAND", hosted_brand_name(pg->s.brand));
		view_set(d, "LAST4", pg->s.last4);
		view_set(d, "COUNTRY", hosted_country_name(pg->s.country));
	}
	resp->status = status;
	if (view_render(tpl, d, &resp->body) == -1)
		resp_text(resp, 500, "The bank's page could not be shown.");
	view_dict_free(d);
}

/* The page's answer: a 303 to the merchant, or the page itself. */
static void
answer(const struct hosted_page *pg, struct http_resp *resp)
{
	if (pg->view == HV_RETURN) {
		resp->status = 303;
		resp_header(resp, "Location", buf_str(&pg->url));
		return;
	}
	render(pg, pg->view == HV_GONE ? 404 :
	    pg->error[0] != '\0' ? 422 : 200, resp);
}

/* The hosted page's routes: /pay/<sid>[/challenge|/cancel]. */
static void
serve_page(struct db *db, const struct http_req *req, struct http_resp *resp)
{
	struct hosted_page	pg;
	char			sid[40], act[16];
	const char		*p = req->path + 5;
	size_t			n = strcspn(p, "/");

	act[0] = '\0';
	if (n == 0 || n >= sizeof(sid)) {
		resp_text(resp, 404, "No such page.");
		return;
	}
	snprintf(sid, sizeof(sid), "%.*s", (int)n, p);
	if (p[n] == '/')
		snprintf(act, sizeof(act), "%s", p + n + 1);
	if (req->method == HTTP_GET && act[0] == '\0')
		hosted_show(db, sid, &pg);
	else if (req->method == HTTP_POST && act[0] == '\0')
		hosted_card(db, cfg.bank_secret, sid, form_str(req, "card_number"),
		    form_str(req, "expiry"), form_str(req, "cvv"), clock_now(),
		    &pg);
	else if (req->method == HTTP_POST && strcmp(act, "challenge") == 0)
		hosted_challenge(db, cfg.bank_secret, sid, form_str(req, "code"),
		    clock_now(), &pg);
	else if (req->method == HTTP_POST && strcmp(act, "cancel") == 0)
		hosted_cancel(db, cfg.bank_secret, sid, clock_now(), &pg);
	else if (req->method == HTTP_GET && strcmp(act, "challenge") == 0)
		hosted_show(db, sid, &pg);
	else {
		resp_text(resp, 404, "No such page.");
		return;
	}
	answer(&pg, resp);
	hosted_page_cleanup(&pg);
}

/* Serve one request (http_serve_fn; arg: the bank's database). */
static void
serve(struct http_req *req, struct http_resp *resp, void *arg)
{
	struct db	*db = arg;
	char		 csp[512];

	snprintf(csp, sizeof(csp), "default-src 'none'; style-src 'self'; "
	    "img-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
	    "form-action 'self' %s", cfg.bank_mall_url);
	if (db_ensure(db) == -1)
		resp_text(resp, 503, "The bank is unavailable.");
	else if (strcmp(req->path, "/healthz") == 0)
		resp_text(resp, 200, "ok");
	else if (req->method == HTTP_POST &&
	    strncmp(req->path, "/api/", 5) == 0) {
		resp->content_type = "application/x-www-form-urlencoded";
		resp->status = hosted_api(db, cfg.bank_secret, cfg.bank_url,
		    req->path, (const char *)req->body, req->bodylen,
		    clock_now(), &resp->body);
	} else if (strncmp(req->path, "/pay/", 5) == 0)
		serve_page(db, req, resp);
	else
		resp_text(resp, 404, "No such page.");
	resp_header(resp, "Content-Security-Policy", csp);
	resp_header(resp, "X-Content-Type-Options", "nosniff");
	resp_header(resp, "Referrer-Policy", "no-referrer");
	resp_header(resp, "Cache-Control", "no-store");
	log_info("bankd: %s %.64s %d", req->method == HTTP_POST ? "POST" :
	    "GET", strncmp(req->path, "/pay/", 5) == 0 ? "/pay/..." :
	    req->path, resp->status);
}

/* Configuration, libraries, templates, tables, books and socket. Returns
 * the listening socket, or -1 after logging why. */
static int
startup(const char *conf, struct db **db)
{
	struct config	bcfg;
	char		err[512], dir[300];
	int		fd;

	if (config_load(&cfg, conf, err, sizeof(err)) == -1) {
		log_err("%s", err);
		return -1;
	}
	snprintf(dir, sizeof(dir), "%s/bank", cfg.template_dir);
	if (sodium_init() < 0 || view_init(dir, err, sizeof(err)) == -1) {
		log_err("bankd: templates: %s", err);
		return -1;
	}
	db_library_init();
	/* The bank's own database beside the mall's: <name>_bank. */
	bcfg = cfg;
	if ((size_t)snprintf(bcfg.db_name, sizeof(bcfg.db_name), "%s_bank",
	    cfg.db_name) >= sizeof(bcfg.db_name)) {
		log_err("bankd: the database name is too long");
		return -1;
	}
	if ((*db = db_open(&bcfg, err, sizeof(err))) == NULL ||
	    db_bank_setup(*db) == -1 || sandbox_books_init(&cfg) == -1) {
		log_err("bankd: the bank's database cannot start: %s", err);
		return -1;
	}
	if ((fd = http_fcgi_listen(cfg.bank_socket)) == -1) {
		log_err("bankd: %s: cannot open the FastCGI socket",
		    cfg.bank_socket);
		return -1;
	}
	return fd;
}

/* bankd -c FILE: serve the sandbox bank until killed. */
int
main(int argc, char *argv[])
{
	struct db	*db = NULL;
	int		 fd, rc;

	if (argc != 3 || strcmp(argv[1], "-c") != 0) {
		fprintf(stderr, "usage: bankd -c mallpay.conf\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	if ((fd = startup(argv[2], &db)) == -1)
		return 1;
	log_info("bankd: the sandbox bank on %s (%s)", cfg.bank_socket,
	    cfg.bank_url);
	rc = http_fcgi_serve(fd, serve, db);
	sandbox_books_end();
	db_free(db);
	db_library_end();
	return rc == 0 ? 0 : 1;
}
