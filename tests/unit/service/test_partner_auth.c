/*
 * Unit tests of the partner request signature (service/partner_auth.c,
 * COD-P8, RULES section 5): key derivation, signing, header parsing, the
 * 300-second window. The replay check needs the database: see
 * tests/integration/test_platform.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/buf.h"
#include "core/config.h"
#include "http/http.h"
#include "http/request.h"
#include "service/partner_auth.h"

#define PKEY "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
#define NOW  1790000000
#define BODY "{\"event_id\":\"e1\",\"type\":\"delivered\"}"

/* Parse headers made from id, ts and sig_hex; asserts success. */
static void
parse_ok(const char *id, const char *ts, const char *sig,
    struct partner_hdrs *h)
{
	const char *why = NULL;

	assert_int_equal(partner_parse_headers(id, strlen(id), ts, strlen(ts),
	    sig, strlen(sig), h, &why), 0);
	assert_null(why);
}

static void
test_partner_key_derivation(void **state)
{
	unsigned char k1[32], k2[32], k3[32], k4[32];

	(void)state;
	assert_int_equal(partner_key_derive(PKEY, 1, 1, k1), 0);
	assert_int_equal(partner_key_derive(PKEY, 1, 1, k2), 0);
	assert_memory_equal(k1, k2, 32);
	/* Another partner, another version: another key. */
	assert_int_equal(partner_key_derive(PKEY, 2, 1, k3), 0);
	assert_memory_not_equal(k1, k3, 32);
	assert_int_equal(partner_key_derive(PKEY, 1, 2, k4), 0);
	assert_memory_not_equal(k1, k4, 32);
	assert_int_equal(partner_key_derive("abc", 1, 1, k1), -1);
	assert_int_equal(partner_key_derive(NULL, 1, 1, k1), -1);
}

static void
test_COD_P8_good_signature_accepted(void **state)
{
	unsigned char key[32];
	struct partner_hdrs h;
	char sig[65], ts[32];
	const char *why = "x";

	(void)state;
	partner_key_derive(PKEY, 1, 1, key);
	partner_sign(key, NOW, "POST", "/partner/logistics/events", BODY,
	    strlen(BODY), sig);
	assert_int_equal(strlen(sig), 64);
	snprintf(ts, sizeof(ts), "%d", NOW);
	parse_ok("1", ts, sig, &h);
	assert_int_equal(h.partner_id, 1);
	assert_int_equal(h.timestamp, NOW);
	assert_string_equal(h.sig_hex, sig);
	assert_int_equal(partner_check(key, &h, NOW, "POST",
	    "/partner/logistics/events", BODY, strlen(BODY), &why), 0);
	assert_null(why);
	/* Upper-case hex is the same signature. */
	for (size_t i = 0; sig[i] != '\0'; i++)
		if (sig[i] >= 'a' && sig[i] <= 'f')
			sig[i] = (char)(sig[i] - 'a' + 'A');
	parse_ok("1", ts, sig, &h);
	assert_int_equal(partner_check(key, &h, NOW, "POST",
	    "/partner/logistics/events", BODY, strlen(BODY), &why), 0);
}

static void
test_COD_P8_bad_signature_refused_401(void **state)
{
	unsigned char key[32], other[32];
	struct partner_hdrs h;
	char sig[65], ts[32];
	const char *why;
	const char *path = "/partner/logistics/events";

	(void)state;
	partner_key_derive(PKEY, 1, 1, key);
	partner_key_derive(PKEY, 2, 1, other);
	partner_sign(key, NOW, "POST", path, BODY, strlen(BODY), sig);
	snprintf(ts, sizeof(ts), "%d", NOW);
	parse_ok("1", ts, sig, &h);
	/* Body, path, method changed: 401. */
	assert_int_equal(partner_check(key, &h, NOW, "POST", path,
	    "{\"event_id\":\"e2\"}", 17, &why), 401);
	assert_string_equal(why, "wrong signature");
	assert_int_equal(partner_check(key, &h, NOW, "POST",
	    "/partner/logistics/eventz", BODY, strlen(BODY), &why), 401);
	assert_int_equal(partner_check(key, &h, NOW, "GET", path, BODY,
	    strlen(BODY), &why), 401);
	/* Signed with another partner's key. */
	assert_int_equal(partner_check(other, &h, NOW, "POST", path, BODY,
	    strlen(BODY), &why), 401);
	/* Another timestamp than the one signed. */
	h.timestamp = NOW + 1;
	assert_int_equal(partner_check(key, &h, NOW, "POST", path, BODY,
	    strlen(BODY), &why), 401);
	/* One bit flipped. */
	parse_ok("1", ts, sig, &h);
	h.sig[31] ^= 1;
	assert_int_equal(partner_check(key, &h, NOW, "POST", path, BODY,
	    strlen(BODY), &why), 401);
}

static void
test_COD_P8_stale_timestamp_refused(void **state)
{
	unsigned char key[32];
	struct partner_hdrs h;
	char sig[65], ts[32];
	const char *why;
	int64_t t;
	/* Exactly 300 s either side is still inside the window; 301 not. */
	int64_t cases[][2] = {
		{ NOW - 300, 0 }, { NOW + 300, 0 },
		{ NOW - 301, 401 }, { NOW + 301, 401 }, { 0, 401 },
	};
	size_t i;

	(void)state;
	partner_key_derive(PKEY, 1, 1, key);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		t = cases[i][0];
		partner_sign(key, t, "POST", "/p", "", 0, sig);
		snprintf(ts, sizeof(ts), "%lld", (long long)t);
		parse_ok("7", ts, sig, &h);
		assert_int_equal(partner_check(key, &h, NOW, "POST", "/p", "",
		    0, &why), (int)cases[i][1]);
		if (cases[i][1] != 0)
			assert_non_null(strstr(why, "300 seconds"));
	}
}

static void
test_COD_P8_malformed_headers_named(void **state)
{
	struct partner_hdrs h;
	const char *why;
	const char *sig64 =
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	static const struct {
		const char *id, *ts, *sig, *needle;
	} cases[] = {
		{ NULL, "1", "x", "missing X-Partner-Id" },
		{ "", "1", "x", "missing X-Partner-Id" },
		{ "0", "1", "x", "X-Partner-Id" },
		{ "-1", "1", "x", "X-Partner-Id" },
		{ "1a", "1", "x", "X-Partner-Id" },
		{ "1234567890123456789", "1", "x", "X-Partner-Id" },
		{ "1", NULL, "x", "missing X-Timestamp" },
		{ "1", "12.5", "x", "malformed X-Timestamp" },
		{ "1", "+5", "x", "malformed X-Timestamp" },
		{ "1", "5", NULL, "missing X-Signature" },
		{ "1", "5", "abcd", "malformed X-Signature" },
		{ "1", "5", "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdeg", "malformed X-Signature" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		why = NULL;
		assert_int_equal(partner_parse_headers(cases[i].id,
		    cases[i].id ? strlen(cases[i].id) : 0, cases[i].ts,
		    cases[i].ts ? strlen(cases[i].ts) : 0, cases[i].sig,
		    cases[i].sig ? strlen(cases[i].sig) : 0, &h, &why), -1);
		assert_non_null(why);
		assert_non_null(strstr(why, cases[i].needle));
	}
	/* A 65th character (or an embedded NUL) is not a signature. */
	assert_int_equal(partner_parse_headers("1", 1, "5", 1, sig64, 63, &h,
	    &why), -1);
	parse_ok("1", "5", sig64, &h);
}

static void
test_partner_sign_headers_for_cli(void **state)
{
	struct config cfg;
	struct buf out;
	unsigned char key[32];
	char sig[65], line[100];

	(void)state;
	config_defaults(&cfg);
	memcpy(cfg.partner_key, PKEY, 65);
	buf_init(&out);
	assert_int_equal(partner_sign_headers(&cfg, 2, 1, NOW, "POST",
	    "/partner/finance/decision", BODY, strlen(BODY), &out), 0);
	partner_key_derive(PKEY, 2, 1, key);
	partner_sign(key, NOW, "POST", "/partner/finance/decision", BODY,
	    strlen(BODY), sig);
	snprintf(line, sizeof(line), "X-Signature: %s\n", sig);
	assert_non_null(strstr(buf_str(&out), "X-Partner-Id: 2\n"));
	assert_non_null(strstr(buf_str(&out), "X-Timestamp: 1790000000\n"));
	assert_non_null(strstr(buf_str(&out), line));
	buf_cleanup(&out);
	memcpy(cfg.partner_key, "zz", 3);
	buf_init(&out);
	assert_int_equal(partner_sign_headers(&cfg, 2, 1, NOW, "POST", "/p",
	    "", 0, &out), -1);
	buf_cleanup(&out);
}

/* CGI variables of a signed partner POST as nginx passes them. */
static const char *
partner_env(const char *name, void *arg)
{
	static const char *const vars[][2] = {
		{ "REQUEST_METHOD", "POST" },
		{ "DOCUMENT_URI", "/partner/logistics/events" },
		{ "CONTENT_TYPE", "application/json" },
		{ "CONTENT_LENGTH", "2" },
		{ "HTTP_X_PARTNER_ID", "1" },
		{ "HTTP_X_TIMESTAMP", "1790000000" },
		{ "HTTP_X_SIGNATURE", "ab" },
	};
	size_t i;

	(void)arg;
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if (strcmp(vars[i][0], name) == 0)
			return vars[i][1];
	return NULL;
}

static void
test_COD_P8_request_carries_signature_headers(void **state)
{
	struct http_req req;

	(void)state;
	http_req_init(&req);
	assert_int_equal(http_req_parse_env(&req, partner_env, NULL), 0);
	assert_string_equal(req.path, "/partner/logistics/events");
	assert_string_equal(req.x_partner_id, "1");
	assert_string_equal(req.x_timestamp, "1790000000");
	assert_string_equal(req.x_signature, "ab");
	http_req_cleanup(&req);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_partner_key_derivation),
		cmocka_unit_test(test_COD_P8_good_signature_accepted),
		cmocka_unit_test(test_COD_P8_bad_signature_refused_401),
		cmocka_unit_test(test_COD_P8_stale_timestamp_refused),
		cmocka_unit_test(test_COD_P8_malformed_headers_named),
		cmocka_unit_test(test_partner_sign_headers_for_cli),
		cmocka_unit_test(test_COD_P8_request_carries_signature_headers),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
