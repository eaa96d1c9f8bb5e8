#ifndef MALLPAY_TESTS_CLIENT_H
#define MALLPAY_TESTS_CLIENT_H

#include <stddef.h>
#include <stdint.h>

/* A small HTTP client for the integration tests: one libcurl handle with its own
 * in-memory cookie jar (one browser, one shopper), redirects NOT followed so tests
 * can check 303s. Base URL from MALLPAY_TEST_URL (default http://127.0.0.1:8080). */

struct client;

/* One response: status, body and raw headers (NUL-terminated), Location if any. */
struct client_resp {
	long	 status;
	char	*body;
	size_t	 len;
	char	*headers;
	size_t	 hlen;
	char	*location;	/* the Location header's value, or NULL */
};

/* A new client with an empty cookie jar; aborts when libcurl cannot start. */
struct client *client_new(void);
/* Send "Accept-Language: value" with its requests from now on (NULL or
 * "": none, the default). */
void	client_accept_language(struct client *, const char *value);
/* Free the client and its cookie jar; takes NULL. */
void	client_free(struct client *);
/* The base URL in use, without a trailing slash. */
const char *client_base(void);

/* GET path ("/cart?x=1"). Fills r (free with client_resp_cleanup).
 * Returns 0, or -1 on a transport error (r->status is then 0). */
int	client_get(struct client *, const char *path, struct client_resp *r);
/* (path may also be an absolute "http://..." URL, e.g. the bank's page.) */
/* POST an urlencoded body (already encoded, e.g. built with client_form). */
int	client_post(struct client *, const char *path, const char *body,
	    struct client_resp *r);
/* POST len bytes of body (any bytes, NULs too) with Content-Type ctype, e.g.
 * a multipart/form-data body built by the test itself (to send what curl's
 * MIME API cannot: a NUL in a file name). The client's cookies go along. */
int	client_post_raw(struct client *, const char *path, const char *ctype,
	    const void *body, size_t len, struct client_resp *r);
/* Release a response's memory and zero it; takes a zeroed response. */
void	client_resp_cleanup(struct client_resp *);

/* Build "k1=v1&k2=v2" from NULL-terminated key, value, key, value... pairs,
 * percent-encoding every value. Returns a malloc'd string. */
char	*client_form(const char *key, ...) __attribute__((sentinel));

/* The value of the first <input ... name="csrf" ... value="..."> in html, with
 * HTML entities of the value left as they are (tokens are [A-Za-z0-9_-]).
 * Returns a malloc'd string, or NULL when the page has none. */
char	*client_csrf(const char *html);

/* GET path and return its csrf hidden value (malloc'd), or NULL. */
char	*client_csrf_of(struct client *, const char *path);

/* The value of cookie name in this client's jar (malloc'd), or NULL. */
char	*client_cookie(struct client *, const char *name);
/* Put a cookie into this client's jar for the test host (e.g. to replay another
 * client's session). */
void	client_set_cookie(struct client *, const char *name, const char *value);

/* The first response header "name: value" (case-insensitive name) whose value
 * contains needle (or any, when needle is NULL); returns a malloc'd copy of the
 * whole value, or NULL. */
char	*client_header(const struct client_resp *, const char *name,
	    const char *needle);

/* 1 if s occurs in the body, else 0. */
int	client_has(const struct client_resp *, const char *s);

/* The href of the link rel ("next" or "prev", a pager's) in html, &amp;
 * undone, into out; 1, or 0 when there is none. */
int	client_rel_link(const char *html, const char *rel, char *out,
	    size_t outsz);

/* Collect up to max distinct integers that follow marker in html (for example
 * marker "data-product-id=\"" on the catalog). Returns how many were found. */
size_t	client_ids(const char *html, const char *marker, long long *out,
	    size_t max);

/* The text between the first occurrence of start and the next occurrence of
 * end after it (malloc'd), or NULL. */
char	*client_between(const char *html, const char *start, const char *end);

/* A route pattern ("/orders/:id/pay") with every ":x" part replaced by
 * arg into out (outsz bytes; cut short when it does not fit). */
void	client_route_path(const char *pattern, const char *arg, char *out,
	    size_t outsz);

/* A fresh address unique to this process and call: "t<pid>-<n>-<time>@test.invalid". */
void	client_unique_email(char *out, size_t outsz, const char *tag);

/* Register a shopper (GET /register for the csrf, then POST). Returns the POST's
 * status (303 on success), or -1 on a transport error. */
long	client_register(struct client *, const char *email, const char *name,
	    const char *password);
/* Sign in (GET /signin for the csrf, then POST). An admin is sent on to the
 * code step, which this completes with client_totp_secret()'s code (the
 * fixtures give every test admin that secret). Returns the last POST's
 * status (303 on success), or -1. */
long	client_signin(struct client *, const char *email, const char *password);

/* The TOTP secret (base32) of the demo admin (mallpayctl seed-demo) and of
 * the admins the tests create (create-admin --totp-secret). */
#define CLIENT_TOTP_SECRET	"MALLPAYDEMOADMINTOTPSECRETKEY234"
/* $MALLPAY_TEST_TOTP_SECRET, else CLIENT_TOTP_SECRET. */
const char *client_totp_secret(void);
/* The 6-digit code of secret_b32 now (the system clock, as the stack's)
 * plus offset time steps into out.
 * Returns 0, or -1 for a bad secret. */
int	client_totp_code(const char *secret_b32, int64_t offset, char out[7]);
/* Complete the code step at path ("/signin/code?next=...") with the code
 * of secret_b32 now. Returns the POST's status (303 on success), or -1. */
long	client_code_step(struct client *, const char *path,
	    const char *secret_b32);

#endif
