#ifndef MALLPAY_HTTP_HTTP_H
#define MALLPAY_HTTP_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/admin_role.h"
#include "core/config.h"
#include "core/session.h"

struct db;

/* Limits on what a request may carry (nginx enforces the body size first). */
#define HTTP_MAX_PARAMS		64	/* query, form or cookie pairs */
#define HTTP_MAX_FIELD		4096	/* one decoded value, bytes */
#define HTTP_MAX_FORM		(64 * 1024)	/* urlencoded body */
/* multipart body: what nginx passes on the upload paths (client_max_body_size
 * 11m), so that a file over the 10 MB limit comes back on its form with the
 * message beside the field and what was typed kept. */
#define HTTP_MAX_UPLOAD		(11 * 1024 * 1024)
#define HTTP_MAX_ARGS		4	/* ":id" parts of a route pattern */

enum http_method {
	HTTP_GET,
	HTTP_POST,
	HTTP__MAX
};

/* Who may call a route: a bit mask. */
enum role {
	ROLE_ANON	= 1 << 0,	/* not signed in */
	ROLE_SHOPPER	= 1 << 1,	/* B2C person */
	ROLE_COMPANY	= 1 << 2,	/* member of a company (B2B) */
	ROLE_ADMIN	= 1 << 3,
	ROLE_PARTNER	= 1 << 4	/* signed partner requests only */
};
#define ROLE_USER	(ROLE_SHOPPER | ROLE_COMPANY)
#define ROLE_ANY	(ROLE_ANON | ROLE_SHOPPER | ROLE_COMPANY | ROLE_ADMIN)

/* Admin routes that need one of the admin's roles (core/admin_role.h):
 * each names ROLE_ADMIN with the role's bit, so that ROLE_REVIEWER |
 * ROLE_FINANCE is "an admin holding either role". A route with
 * ROLE_ADMIN and no role bit is open to every admin (the dashboard). */
#define ROLE_ADMIN_SHIFT	5	/* role bits = admin_role << shift */
#define ROLE_REVIEWER	(ROLE_ADMIN | (ADMIN_REVIEWER << ROLE_ADMIN_SHIFT))
#define ROLE_FINANCE	(ROLE_ADMIN | (ADMIN_FINANCE << ROLE_ADMIN_SHIFT))
#define ROLE_SETTINGS	(ROLE_ADMIN | (ADMIN_SETTINGS << ROLE_ADMIN_SHIFT))
#define ROLE_OWNER	(ROLE_ADMIN | (ADMIN_OWNER << ROLE_ADMIN_SHIFT))
#define ROLE_ADMIN_ROLES	(ADMIN_ROLES_ALL << ROLE_ADMIN_SHIFT)

/* One decoded name=value pair; both NUL-terminated, val may hold len bytes. */
struct param {
	char	*key;
	char	*val;
	size_t	 len;
};

struct paramlist {
	struct param	v[HTTP_MAX_PARAMS];
	size_t		n;
};

/* One uploaded file from a multipart body. */
struct upload {
	char		 field[64];
	char		 filename[256];
	const unsigned char *data;	/* points into the request body */
	size_t		 len;
};

/* Kinds of declared route fields; values are validated before the handler runs
 * (http/route.c). An empty value counts as absent. maxlen 0 takes the type's
 * default (TEXT 4096, EMAIL 254, PASSWORD 256, DECIMAL 24, TOKEN 128 bytes;
 * FILE HTTP_MAX_UPLOAD). */
enum field_type {
	FIELD_TEXT,	/* UTF-8 text without control characters (tab, CR, LF allowed), up to maxlen bytes */
	FIELD_INT,	/* decimal integer within [min, max] (both 0: any int64) */
	FIELD_ID,	/* positive 63-bit integer */
	FIELD_EMAIL,	/* a plausible address, up to maxlen */
	FIELD_PASSWORD,	/* any bytes but NUL, 8..maxlen */
	FIELD_DECIMAL,	/* digits with at most one '.', no sign: money checked later */
	FIELD_DATE,	/* YYYY-MM-DD */
	FIELD_TOKEN,	/* [A-Za-z0-9_-], up to maxlen: CSRF and idempotency keys */
	FIELD_FILE	/* a multipart file part */
};

struct field_spec {
	const char	*name;
	enum field_type	 type;
	int		 required;
	size_t		 maxlen;
	int64_t		 min, max;	/* FIELD_INT only */
};

/* A validated field: present, and either valid (err NULL) or with a message. */
struct field_val {
	const struct field_spec *spec;
	int		 present;
	const char	*str;		/* decoded text (NULL when absent) */
	size_t		 len;
	int64_t		 num;		/* FIELD_INT, FIELD_ID */
	const struct upload *file;	/* FIELD_FILE */
	const char	*err;		/* static message when invalid */
};

struct http_req {
	enum http_method method;
	char		 path[512];	/* decoded path without the query */
	const char	*remote_addr;
	const char	*user_agent;
	const char	*accept_language;	/* the header, NULL when absent */
	/* platform: partner request signature headers (service/partner_auth.h),
	 * NULL when absent */
	const char	*x_partner_id;
	const char	*x_timestamp;
	const char	*x_signature;
	const char	*content_type;
	/* the raw query string (what a signed return URL's signature covers),
	 * NULL when absent */
	const char	*query_string;
	size_t		 content_length;
	unsigned char	*body;		/* owned; NUL-terminated */
	size_t		 bodylen;
	struct paramlist query;
	struct paramlist form;
	struct paramlist cookies;
	struct upload	 uploads[4];
	size_t		 nuploads;
	struct buf	 arena;		/* scratch; decoded strings belong to the paramlists */
	int		 is_head;	/* HEAD request, answered as GET without body */
};

struct http_resp {
	int		 status;
	const char	*content_type;	/* default text/html; charset=utf-8 */
	struct buf	 headers;	/* extra "Name: value\r\n" lines */
	struct buf	 body;
	/* Streaming (http/response.h resp_stream_begin): where bytes go
	 * once the head is sent (set by the server; NULL: the whole body is
	 * kept and written at the end), and whether the head went out. */
	int		(*sink)(void *arg, const char *p, size_t n);
	void		*sink_arg;
	int		 streaming;
	int		 stream_failed;	/* a write to the sink failed */
};

/* The signed-in user, if any (user_id 0 when anonymous): the members
 * of core/session.h, its role, admin roles and CSRF token. */
struct session_user {
	SESSION_WHO_MEMBERS;
	enum role	 role;
	unsigned	 admin_roles;	/* ROLE_ADMIN: core/admin_role.h bits */
	char		 csrf[65];	/* this session's CSRF token (hex) */
};

/* Everything a handler may use for one request. */
struct ctx {
	const struct config	*cfg;
	struct db		*db;
	struct http_req		*req;
	struct http_resp	*resp;
	struct session_user	 user;
	int64_t			 now;		/* clock_now() at request start */
	const struct route	*route;
	int64_t			 target_id;	/* the route's object, resolved
						   (service/target.h), or 0 */
	int64_t			 target_reader;	/* whom to read it as (its
						   placer) */
	int			 target_placer;	/* the user placed it */
	int			 target_may_act; /* may cancel it, confirm
						   its receipt */
	const char		*args[HTTP_MAX_ARGS];	/* ":x" path parts, in order */
	size_t			 nargs;
	struct field_val	 fields[24];	/* the route's declared fields */
	size_t			 nfields;
	int			 bad_fields;	/* how many declared fields are invalid */
	struct buf		 set_cookie;	/* Set-Cookie value to send, if any */
	char			 argbuf[512];	/* storage of args[] (http/route.c) */
};

/* A route: method, pattern ("/orders/:id"), who may call it, the fields it
 * accepts, and the object its first ":x" names. */
struct route {
	enum http_method	 method;
	const char		*pattern;
	unsigned		 roles;
	int			 (*handler)(struct ctx *);
	const struct field_spec	*fields;	/* terminated by a {NULL} entry, or NULL */
	unsigned		 flags;
	int			 target;	/* what ":id" names, resolved for
						   the caller before the handler
						   runs (pages: enum target_kind
						   of service/target.h); 0: none */
};
#define ROUTE_NO_CSRF	0x01	/* partner endpoints: authenticated by signature */
#define ROUTE_UPLOAD	0x02	/* multipart/form-data body */
#define ROUTE_PUBLIC	0x04	/* cacheable public page (catalog) */
#define ROUTE_REAUTH	0x08	/* settings: an admin's code again when the
				   last is older than 15 minutes (pages/reauth.c) */

#endif
