/* Integration test HTTP client over libcurl; see client.h. */
#include <ctype.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "client.h"
#include "rules/totp.h"

struct client {
	CURL	*curl;
	char	 accept_language[128];	/* "" sends none */
};

struct growbuf {
	char	*p;
	size_t	 len;
};

/* Append n bytes to g, keeping it NUL-terminated; aborts on OOM. */
static void
grow_append(struct growbuf *g, const char *d, size_t n)
{
	char *np;

	np = realloc(g->p, g->len + n + 1);
	if (np == NULL)
		abort();
	g->p = np;
	memcpy(g->p + g->len, d, n);
	g->len += n;
	g->p[g->len] = '\0';
}

/* libcurl write callback: collects the body into a growbuf. */
static size_t
on_data(char *ptr, size_t size, size_t nmemb, void *arg)
{
	grow_append(arg, ptr, size * nmemb);
	return size * nmemb;
}

static char		 base_url[512];
static pthread_once_t	 base_once = PTHREAD_ONCE_INIT;

/* Fill base_url once (the threads of a race test all read it). */
static void
base_init(void)
{
	const char	*env;
	size_t		 n;

	env = getenv("MALLPAY_TEST_URL");
	if (env == NULL || *env == '\0')
		env = "http://127.0.0.1:8080";
	snprintf(base_url, sizeof(base_url), "%s", env);
	n = strlen(base_url);
	while (n > 0 && base_url[n - 1] == '/')
		base_url[--n] = '\0';
}

/* The base URL (MALLPAY_TEST_URL or the default) without a trailing slash;
 * the returned string is static, written once. */
const char *
client_base(void)
{
	pthread_once(&base_once, base_init);
	return base_url;
}

static pthread_once_t	 curl_once = PTHREAD_ONCE_INIT;

/* libcurl's global set-up, once; aborts if it fails. */
static void
curl_init(void)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		abort();
}

/* A new client with its own in-memory cookie jar; aborts if libcurl fails. */
struct client *
client_new(void)
{
	struct client	*cl;

	pthread_once(&curl_once, curl_init);
	if ((cl = calloc(1, sizeof(*cl))) == NULL)
		abort();
	if ((cl->curl = curl_easy_init()) == NULL)
		abort();
	/* "" turns the cookie engine on without reading a file. */
	curl_easy_setopt(cl->curl, CURLOPT_COOKIEFILE, "");
	curl_easy_setopt(cl->curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(cl->curl, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(cl->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(cl->curl, CURLOPT_USERAGENT, "mallpay-integration/1");
	return cl;
}

/* Send Accept-Language: value with every request from now on ("" or NULL:
 * none, as before). */
void
client_accept_language(struct client *cl, const char *value)
{
	snprintf(cl->accept_language, sizeof(cl->accept_language), "%s",
	    value != NULL ? value : "");
}

/* Free the client; takes NULL. */
void
client_free(struct client *cl)
{
	if (cl == NULL)
		return;
	curl_easy_cleanup(cl->curl);
	free(cl);
}

/* Release a response and zero it; takes a zeroed response. */
void
client_resp_cleanup(struct client_resp *r)
{
	free(r->body);
	free(r->headers);
	free(r->location);
	memset(r, 0, sizeof(*r));
}

/* Perform one request on path with body (blen bytes; NULL for GET) sent
 * as Content-Type ctype (NULL: curl's urlencoded default). Returns 0 or
 * -1. */
static int
perform(struct client *cl, const char *path, const char *body, size_t blen,
    const char *ctype, struct client_resp *r)
{
	struct growbuf	 b = { NULL, 0 }, h = { NULL, 0 };
	struct curl_slist *hdrs = NULL;
	char		 url[2048], ct[512];
	char		*loc = NULL;
	CURLcode	 rc;

	memset(r, 0, sizeof(*r));
	/* An absolute URL (the bank's hosted page, the mall's return URL the
	 * bank sends the browser to) is taken as it is. */
	snprintf(url, sizeof(url), "%s%s", strncmp(path, "http://", 7) == 0 ?
	    "" : client_base(), path);
	curl_easy_setopt(cl->curl, CURLOPT_URL, url);
	curl_easy_setopt(cl->curl, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(cl->curl, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(cl->curl, CURLOPT_HEADERFUNCTION, on_data);
	curl_easy_setopt(cl->curl, CURLOPT_HEADERDATA, &h);
	if (body != NULL) {
		curl_easy_setopt(cl->curl, CURLOPT_POST, 1L);
		curl_easy_setopt(cl->curl, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(cl->curl, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)blen);
	} else
		curl_easy_setopt(cl->curl, CURLOPT_HTTPGET, 1L);
	if (ctype != NULL) {
		snprintf(ct, sizeof(ct), "Content-Type: %s", ctype);
		if ((hdrs = curl_slist_append(NULL, ct)) == NULL)
			abort();
	}
	if (cl->accept_language[0] != '\0') {
		snprintf(ct, sizeof(ct), "Accept-Language: %s",
		    cl->accept_language);
		if ((hdrs = curl_slist_append(hdrs, ct)) == NULL)
			abort();
	}
	curl_easy_setopt(cl->curl, CURLOPT_HTTPHEADER, hdrs);
	rc = curl_easy_perform(cl->curl);
	curl_easy_setopt(cl->curl, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(hdrs);
	grow_append(&b, "", 0);
	grow_append(&h, "", 0);
	r->body = b.p;
	r->len = b.len;
	r->headers = h.p;
	r->hlen = h.len;
	if (rc != CURLE_OK) {
		fprintf(stderr, "client: %s %s: %s\n", body ? "POST" : "GET",
		    url, curl_easy_strerror(rc));
		return -1;
	}
	curl_easy_getinfo(cl->curl, CURLINFO_RESPONSE_CODE, &r->status);
	if (curl_easy_getinfo(cl->curl, CURLINFO_REDIRECT_URL, &loc) ==
	    CURLE_OK && loc != NULL)
		r->location = strdup(loc);
	return 0;
}

/* GET path; see client.h. */
int
client_get(struct client *cl, const char *path, struct client_resp *r)
{
	return perform(cl, path, NULL, 0, NULL, r);
}

/* POST an urlencoded body; see client.h. */
int
client_post(struct client *cl, const char *path, const char *body,
    struct client_resp *r)
{
	return perform(cl, path, body == NULL ? "" : body,
	    body == NULL ? 0 : strlen(body), NULL, r);
}

/* POST len raw bytes as Content-Type ctype; see client.h. */
int
client_post_raw(struct client *cl, const char *path, const char *ctype,
    const void *body, size_t len, struct client_resp *r)
{
	/* curl wants a non-NULL pointer even for an empty body. */
	return perform(cl, path, len > 0 ? body : "", len, ctype, r);
}

/* Build an urlencoded form from key/value pairs ending in NULL; malloc'd. */
char *
client_form(const char *key, ...)
{
	struct growbuf	 g = { NULL, 0 };
	va_list		 ap;
	const char	*k, *v;
	char		*enc;

	grow_append(&g, "", 0);
	va_start(ap, key);
	for (k = key; k != NULL; k = va_arg(ap, const char *)) {
		v = va_arg(ap, const char *);
		if (v == NULL)
			v = "";
		if (g.len > 0)
			grow_append(&g, "&", 1);
		grow_append(&g, k, strlen(k));
		grow_append(&g, "=", 1);
		if ((enc = curl_easy_escape(NULL, v, 0)) == NULL)
			abort();
		grow_append(&g, enc, strlen(enc));
		curl_free(enc);
	}
	va_end(ap);
	return g.p;
}

/* Find the value of the csrf hidden input in html; malloc'd or NULL. */
char *
client_csrf(const char *html)
{
	const char	*p, *tag, *end, *v, *q;

	for (p = html; p != NULL && (p = strstr(p, "name=\"csrf\"")) != NULL;
	    p++) {
		/* The attribute order inside the tag is free: search the whole tag. */
		tag = p;
		while (tag > html && *tag != '<')
			tag--;
		if ((end = strchr(p, '>')) == NULL)
			return NULL;
		for (v = tag; v < end; v++) {
			if (strncmp(v, " value=\"", 8) != 0)
				continue;
			v += 8;
			if ((q = memchr(v, '"', (size_t)(end - v))) == NULL)
				break;
			return strndup(v, (size_t)(q - v));
		}
	}
	return NULL;
}

/* GET path and return its csrf value; malloc'd or NULL. */
char *
client_csrf_of(struct client *cl, const char *path)
{
	struct client_resp	 r;
	char			*tok;

	if (client_get(cl, path, &r) != 0) {
		client_resp_cleanup(&r);
		return NULL;
	}
	tok = client_csrf(r.body);
	client_resp_cleanup(&r);
	return tok;
}

/* The value of cookie name in the jar; malloc'd or NULL. */
char *
client_cookie(struct client *cl, const char *name)
{
	struct curl_slist	*list = NULL, *e;
	char			*val = NULL;
	const char		*f[7];
	const char		*p;
	int			 i;

	if (curl_easy_getinfo(cl->curl, CURLINFO_COOKIELIST, &list) != CURLE_OK)
		return NULL;
	for (e = list; e != NULL && val == NULL; e = e->next) {
		/* Netscape format: domain flag path secure expiry name value. */
		p = e->data;
		for (i = 0; i < 7; i++) {
			f[i] = p;
			if (i < 6) {
				if ((p = strchr(p, '\t')) == NULL)
					break;
				p++;
			}
		}
		if (i < 7)
			continue;
		if ((size_t)(f[6] - f[5] - 1) == strlen(name) &&
		    strncmp(f[5], name, strlen(name)) == 0)
			val = strdup(f[6]);
	}
	curl_slist_free_all(list);
	return val;
}

/* Put a cookie for the test host into the jar. */
void
client_set_cookie(struct client *cl, const char *name, const char *value)
{
	char		 line[4096], host[256];
	const char	*b, *s, *e;
	size_t		 n;

	b = client_base();
	s = strstr(b, "://");
	s = s ? s + 3 : b;
	e = s + strcspn(s, ":/");
	n = (size_t)(e - s) < sizeof(host) - 1 ? (size_t)(e - s) :
	    sizeof(host) - 1;
	memcpy(host, s, n);
	host[n] = '\0';
	snprintf(line, sizeof(line), "%s\tFALSE\t/\tFALSE\t0\t%s\t%s",
	    host, name, value);
	curl_easy_setopt(cl->curl, CURLOPT_COOKIELIST, line);
}

/* Find header name whose value contains needle; malloc'd copy or NULL. */
char *
client_header(const struct client_resp *r, const char *name,
    const char *needle)
{
	const char	*line, *nl, *v;
	size_t		 nlen = strlen(name), vlen;
	char		*val;

	for (line = r->headers; line != NULL && *line != '\0'; line = nl) {
		nl = strchr(line, '\n');
		nl = nl ? nl + 1 : line + strlen(line);
		if (strncasecmp(line, name, nlen) != 0 || line[nlen] != ':')
			continue;
		v = line + nlen + 1;
		while (*v == ' ' || *v == '\t')
			v++;
		vlen = (size_t)(nl - v);
		while (vlen > 0 && (v[vlen - 1] == '\n' || v[vlen - 1] == '\r'))
			vlen--;
		if ((val = strndup(v, vlen)) == NULL)
			abort();
		if (needle == NULL || strstr(val, needle) != NULL)
			return val;
		free(val);
	}
	return NULL;
}

/* 1 if s is in the body. */
int
client_has(const struct client_resp *r, const char *s)
{
	return r->body != NULL && strstr(r->body, s) != NULL;
}

/* See client.h. */
void
client_route_path(const char *pattern, const char *arg, char *out,
    size_t outsz)
{
	size_t o = 0, n = strlen(arg);

	while (*pattern != '\0' && o + n + 1 < outsz) {
		if (*pattern == ':') {
			memcpy(out + o, arg, n);
			o += n;
			pattern += strcspn(pattern, "/");
		} else
			out[o++] = *pattern++;
	}
	if (outsz > 0)
		out[o] = '\0';
}

/* A unique test address. */
void
client_unique_email(char *out, size_t outsz, const char *tag)
{
	static unsigned	 n;

	snprintf(out, outsz, "%s-%ld-%u-%ld@test.invalid", tag,
	    (long)getpid(), ++n, (long)time(NULL));
}

/* Register a shopper; returns the POST's status or -1. */
long
client_register(struct client *cl, const char *email, const char *name,
    const char *password)
{
	struct client_resp	 r;
	char			*tok, *form;
	long			 st = -1;

	if ((tok = client_csrf_of(cl, "/register")) == NULL)
		return -1;
	form = client_form("csrf", tok, "email", email, "name", name,
	    "password", password, "confirm", password, NULL);
	if (client_post(cl, "/register", form, &r) == 0)
		st = r.status;
	client_resp_cleanup(&r);
	free(form);
	free(tok);
	return st;
}

/* Sign in; returns the POST's status or -1. */
long
client_signin(struct client *cl, const char *email, const char *password)
{
	struct client_resp	 r;
	char			*tok, *form, *code_step = NULL;
	long			 st = -1;

	if ((tok = client_csrf_of(cl, "/signin")) == NULL)
		return -1;
	form = client_form("csrf", tok, "email", email, "password", password,
	    NULL);
	if (client_post(cl, "/signin", form, &r) == 0)
		st = r.status;
	/* An admin: the code step, with the code of the admins' fixture
	 * secret. */
	if (st == 303 && r.location != NULL &&
	    strstr(r.location, "/signin/code") != NULL)
		code_step = strdup(strstr(r.location, "/signin/code"));
	client_resp_cleanup(&r);
	free(form);
	free(tok);
	if (code_step != NULL)
		st = client_code_step(cl, code_step, client_totp_secret());
	free(code_step);
	return st;
}

/* See client.h. */
const char *
client_totp_secret(void)
{
	const char *s = getenv("MALLPAY_TEST_TOTP_SECRET");

	return s != NULL && *s != '\0' ? s : CLIENT_TOTP_SECRET;
}

/* See client.h. */
int
client_totp_code(const char *secret_b32, int64_t offset, char out[7])
{
	unsigned char secret[TOTP_SECRET_BYTES];

	out[0] = '\0';
	if (totp_base32_secret(secret_b32, secret) == -1)
		return -1;
	/* The stack's clock, which is the system's: not clock_now(), which
	 * a test may have fixed for its own computations. */
	return totp_code(secret, sizeof(secret), (int64_t)time(NULL) +
	    offset * TOTP_STEP, out);
}

/* See client.h. */
long
client_code_step(struct client *cl, const char *path, const char *secret_b32)
{
	struct client_resp	 r;
	char			*tok, *form, code[7];
	long			 st = -1;

	if (client_totp_code(secret_b32, 0, code) == -1 ||
	    (tok = client_csrf_of(cl, path)) == NULL)
		return -1;
	form = client_form("csrf", tok, "code", code, NULL);
	if (client_post(cl, path, form, &r) == 0)
		st = r.status;
	client_resp_cleanup(&r);
	free(form);
	free(tok);
	return st;
}

/* See client.h. */
int
client_rel_link(const char *html, const char *rel, char *out, size_t outsz)
{
	char		 mark[32];
	const char	*e, *s;
	size_t		 n = 0;

	snprintf(mark, sizeof(mark), "\" rel=\"%s\"", rel);
	if ((e = strstr(html, mark)) == NULL)
		return 0;
	for (s = e; s > html && strncmp(s, "href=\"", 6) != 0; s--)
		;
	for (s += 6; s < e && n + 1 < outsz; n++)
		if (strncmp(s, "&amp;", 5) == 0) {
			out[n] = '&';
			s += 5;
		} else
			out[n] = *s++;
	out[n] = '\0';
	return 1;
}

/* Collect distinct integers following marker in html; returns the count. */
size_t
client_ids(const char *html, const char *marker, long long *out, size_t max)
{
	const char	*p;
	char		*end;
	long long	 v;
	size_t		 n = 0, i;

	for (p = html; p != NULL && n < max &&
	    (p = strstr(p, marker)) != NULL; ) {
		p += strlen(marker);
		v = strtoll(p, &end, 10);
		if (end == p)
			continue;
		for (i = 0; i < n && out[i] != v; i++)
			continue;
		if (i == n)
			out[n++] = v;
		p = end;
	}
	return n;
}

/* The text between start and end; malloc'd or NULL. */
char *
client_between(const char *html, const char *start, const char *end)
{
	const char	*a, *b;

	if (html == NULL || (a = strstr(html, start)) == NULL)
		return NULL;
	a += strlen(start);
	if ((b = strstr(a, end)) == NULL)
		return NULL;
	return strndup(a, (size_t)(b - a));
}
