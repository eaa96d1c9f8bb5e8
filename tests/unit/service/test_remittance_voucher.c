/*
 * Remittance voucher unit tests: the multipart parser's edge cases a
 * voucher upload meets (a body arriving in pieces, boundaries split across reads, a
 * missing final boundary, huge headers, nested quotes), and the pure parts
 * of service/remittance.c (REM-P4 window, REM-P7 comparison, REM-P9
 * reasons, tracking numbers, statement CSV lines).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "http/form.h"
#include "http/multipart.h"
#include "service/remittance.h"

#define B	"----mallpayVoucherBoundary7Q"

struct parsed {
	struct paramlist	pl;
	struct upload		ups[MULTIPART_MAX_UPLOADS];
	size_t			nups;
};

/* Parse len bytes of body with boundary B into *p. */
static int
parse_n(const char *body, size_t len, struct parsed *p)
{
	memset(p, 0, sizeof(*p));
	return multipart_parse(body, len, B, &p->pl, p->ups,
	    MULTIPART_MAX_UPLOADS, &p->nups);
}

/* A voucher form body as a browser sends it, file bytes data/dlen. */
static void
voucher_body(struct buf *b, const char *data, size_t dlen)
{
	buf_puts(b, "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"csrf\"\r\n\r\ntok123\r\n");
	buf_puts(b, "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"amount\"\r\n\r\n123.45\r\n");
	buf_puts(b, "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"voucher\"; filename=\"receipt.pdf\"\r\n"
	    "Content-Type: application/pdf\r\n\r\n");
	buf_append(b, data, dlen);
	buf_puts(b, "\r\n--" B "--\r\n");
}

/* REM-P3: a body that reached the server in reads of every size, split
 * anywhere (inside a boundary too), parses the same once assembled; every
 * prefix of it (a connection cut mid-body) is refused, never half-used. */
static void
test_REM_P3_multipart_boundary_split_across_reads(void **state)
{
	/* Data holding prefixes of the delimiter (a delimiter itself cannot
	 * be in the data, RFC 2046): only the whole one ends the part. */
	static const char data[] = "%PDF-1.4\r\n--"
	    "----mallpayVoucherBoundary7" "X\r\n--" "----mallpayVoucher"
	    "\r\n-" "\r\nend";
	struct parsed	 p;
	struct buf	 b, acc;
	size_t		 step, off, k;

	(void)state;
	buf_init(&b);
	voucher_body(&b, data, sizeof(data) - 1);
	for (step = 1; step <= 64; step++) {
		buf_init(&acc);
		for (off = 0; off < b.len; off += step)
			buf_append(&acc, buf_str(&b) + off,
			    b.len - off < step ? b.len - off : step);
		assert_int_equal(parse_n(buf_str(&acc), acc.len, &p), 0);
		assert_int_equal(p.nups, 1);
		assert_int_equal(p.ups[0].len, sizeof(data) - 1);
		assert_memory_equal(p.ups[0].data, data, sizeof(data) - 1);
		paramlist_clear(&p.pl);
		buf_cleanup(&acc);
	}
	/* Cut anywhere before the closing delimiter's end: refused. */
	for (k = 0; k + 2 < b.len; k++) {
		char *cut = malloc(k + 1);

		memcpy(cut, buf_str(&b), k);
		if (parse_n(cut, k, &p) == 0)
			fail_msg("a body cut at %zu of %zu parsed", k, b.len);
		paramlist_clear(&p.pl);
		free(cut);
	}
	buf_cleanup(&b);
}

/* REM-P3: the body must end with the closing delimiter. */
static void
test_REM_P3_multipart_missing_final_boundary(void **state)
{
	struct parsed p;
	static const char no_close[] = "--" B "\r\nContent-Disposition: "
	    "form-data; name=\"voucher\"; filename=\"a.png\"\r\n\r\n"
	    "\x89PNG\r\n--" B "\r\n";
	static const char no_dashes[] = "--" B "\r\nContent-Disposition: "
	    "form-data; name=\"amount\"\r\n\r\n1.00\r\n--" B;
	static const char bare[] = "--" B "\r\nContent-Disposition: "
	    "form-data; name=\"amount\"\r\n\r\n1.00";

	(void)state;
	assert_int_equal(parse_n(no_close, sizeof(no_close) - 1, &p), -1);
	paramlist_clear(&p.pl);
	assert_int_equal(parse_n(no_dashes, sizeof(no_dashes) - 1, &p), -1);
	paramlist_clear(&p.pl);
	assert_int_equal(parse_n(bare, sizeof(bare) - 1, &p), -1);
	paramlist_clear(&p.pl);
}

/* REM-P9: huge part headers are refused (one line over 1024 bytes, a
 * filename over its buffer), not truncated into something else. */
static void
test_REM_P9_multipart_huge_headers(void **state)
{
	struct parsed	 p;
	struct buf	 b;
	int		 i;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"voucher\"; filename=\"a.pdf\"\r\nX-Long: ");
	for (i = 0; i < 4096; i++)
		buf_putc(&b, 'h');
	buf_puts(&b, "\r\n\r\n%PDF-1\r\n--" B "--");
	assert_int_equal(parse_n(buf_str(&b), b.len, &p), -1);
	paramlist_clear(&p.pl);

	buf_reset(&b);
	buf_puts(&b, "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"voucher\"; filename=\"");
	for (i = 0; i < 900; i++)
		buf_putc(&b, 'f');
	buf_puts(&b, ".pdf\"\r\n\r\n%PDF-1\r\n--" B "--");
	assert_int_equal(parse_n(buf_str(&b), b.len, &p), -1);
	paramlist_clear(&p.pl);

	/* A 1 MB header block without its empty line: refused, quickly. */
	buf_reset(&b);
	buf_puts(&b, "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"voucher\"\r\n");
	for (i = 0; i < 1024 * 1024 / 8; i++)
		buf_puts(&b, "X-A: b\r\n");
	assert_int_equal(parse_n(buf_str(&b), b.len, &p), -1);
	paramlist_clear(&p.pl);
	buf_cleanup(&b);
}

/* REM-P9: quotes inside a quoted name or filename: browsers send %22; a
 * backslash-escaped quote ends the string early and is refused; %22 is
 * kept as it is (the file name is never trusted for anything). */
static void
test_REM_P9_multipart_nested_quotes(void **state)
{
	struct parsed p;
	static const char esc[] = "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"voucher\"; filename=\"my \\\"receipt\\\".jpg\"\r\n\r\n"
	    "\xff\xd8\xff\r\n--" B "--";
	static const char esc_name[] = "--" B "\r\nContent-Disposition: "
	    "form-data; name=\"a\\\"b\"\r\n\r\nx\r\n--" B "--";
	static const char pct[] = "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"voucher\"; filename=\"my %22receipt%22.jpg\"\r\n\r\n"
	    "\xff\xd8\xff\r\n--" B "--";
	static const char semi[] = "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"voucher\"; filename=\"a;name=evil.jpg\"\r\n\r\n"
	    "\xff\xd8\xff\r\n--" B "--";

	(void)state;
	assert_int_equal(parse_n(esc, sizeof(esc) - 1, &p), -1);
	paramlist_clear(&p.pl);
	assert_int_equal(parse_n(esc_name, sizeof(esc_name) - 1, &p), -1);
	paramlist_clear(&p.pl);
	assert_int_equal(parse_n(pct, sizeof(pct) - 1, &p), 0);
	assert_int_equal(p.nups, 1);
	assert_string_equal(p.ups[0].field, "voucher");
	assert_string_equal(p.ups[0].filename, "my %22receipt%22.jpg");
	paramlist_clear(&p.pl);
	/* A ';' inside quotes is part of the file name, not a parameter. */
	assert_int_equal(parse_n(semi, sizeof(semi) - 1, &p), 0);
	assert_string_equal(p.ups[0].field, "voucher");
	assert_string_equal(p.ups[0].filename, "a;name=evil.jpg");
	paramlist_clear(&p.pl);
}

/* REM-P9: the four reject reasons and nothing else. */
static void
test_REM_P9_reject_reasons(void **state)
{
	(void)state;
	assert_true(remittance_reason_valid("unreadable"));
	assert_true(remittance_reason_valid("amount_mismatch"));
	assert_true(remittance_reason_valid("wrong_payee"));
	assert_true(remittance_reason_valid("wrong_date"));
	assert_false(remittance_reason_valid("other"));
	assert_false(remittance_reason_valid(""));
	assert_false(remittance_reason_valid(NULL));
	assert_string_equal(remittance_reason_text("wrong_payee"),
	    "the remittance went to the wrong payee");
}

/* REM-P3: tracking numbers: 4-40 letters, digits, dashes; upper-cased. */
static void
test_REM_P3_tracking_number(void **state)
{
	char out[41];

	(void)state;
	assert_int_equal(remittance_tracking_norm("po-2026-ab12", out,
	    sizeof(out)), 0);
	assert_string_equal(out, "PO-2026-AB12");
	assert_int_equal(remittance_tracking_norm("abc", out, sizeof(out)),
	    -1);
	assert_int_equal(remittance_tracking_norm("ab c1", out, sizeof(out)),
	    -1);
	assert_int_equal(remittance_tracking_norm("<script>", out,
	    sizeof(out)), -1);
	assert_int_equal(remittance_tracking_norm(
	    "12345678901234567890123456789012345678901", out, sizeof(out)),
	    -1);
	assert_int_equal(remittance_tracking_norm(NULL, out, sizeof(out)), -1);
}

/* REM-P5: statement lines: 5 fields, quotes, too many/few fields. */
static void
test_REM_P5_statement_csv_line(void **state)
{
	struct rem_line	 l;
	char		 err[120];
	const char	*s;

	(void)state;
	s = "RF18 1234,123.45,USD,2026-11-20,PO123";
	assert_int_equal(remittance_csv_line(s, strlen(s), &l, err,
	    sizeof(err)), 0);
	assert_string_equal(l.code, "RF18 1234");
	assert_string_equal(l.amount, "123.45");
	assert_string_equal(l.currency, "USD");
	assert_string_equal(l.date, "2026-11-20");
	assert_string_equal(l.tracking, "PO123");
	s = "\"RF18, \"\"x\"\"\", 5.00 ,EUR,2026-01-02,\"T-1\"";
	assert_int_equal(remittance_csv_line(s, strlen(s), &l, err,
	    sizeof(err)), 0);
	assert_string_equal(l.code, "RF18, \"x\"");
	assert_string_equal(l.amount, "5.00");
	assert_string_equal(l.tracking, "T-1");
	s = "a,b,c,d";
	assert_int_equal(remittance_csv_line(s, strlen(s), &l, err,
	    sizeof(err)), -1);
	s = "a,b,c,d,e,f";
	assert_int_equal(remittance_csv_line(s, strlen(s), &l, err,
	    sizeof(err)), -1);
	s = "\"a,b,c,d,e";
	assert_int_equal(remittance_csv_line(s, strlen(s), &l, err,
	    sizeof(err)), -1);
	s = "a,b,USDX,d,e";
	assert_int_equal(remittance_csv_line(s, strlen(s), &l, err,
	    sizeof(err)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_REM_P3_multipart_boundary_split_across_reads),
		cmocka_unit_test(test_REM_P3_multipart_missing_final_boundary),
		cmocka_unit_test(test_REM_P9_multipart_huge_headers),
		cmocka_unit_test(test_REM_P9_multipart_nested_quotes),
		cmocka_unit_test(test_REM_P9_reject_reasons),
		cmocka_unit_test(test_REM_P3_tracking_number),
		cmocka_unit_test(test_REM_P5_statement_csv_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
