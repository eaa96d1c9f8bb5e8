/*
 * Unit tests of the file store's pure parts (service/filestore.c): type
 * from content (REM-P9) on tiny JPEG/PNG/PDF/EXE byte strings built here,
 * the size limit, and the encryption format (INST-S1): round trip, tamper,
 * truncation, a file moved under another name, a wrong key.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/buf.h"
#include "service/filestore.h"

#define KEY1 "1111111111111111111111111111111111111111111111111111111111111111"
#define KEY2 "2222222222222222222222222222222222222222222222222222222222222222"

static const unsigned char jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10,
	'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
	0x00, 0x00 };
/* PNG signature + a 1x1 RGB IHDR chunk with its CRC. */
static const unsigned char png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a,
	0x0a, 0x00, 0x00, 0x00, 0x0d, 'I', 'H', 'D', 'R', 0x00, 0x00, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
	0x77, 0x53, 0xde };
static const char pdf[] = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n"
    "%%EOF\n";
/* A DOS/PE executable header. */
static const unsigned char exe[] = { 'M', 'Z', 0x90, 0x00, 0x03, 0x00, 0x00,
	0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0xb8, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00,
	0x00, 0x00, 'P', 'E', 0x00, 0x00, 0x4c, 0x01, 0x00, 0x00 };

static void
test_REM_P9_accepts_jpeg_png_pdf_by_content(void **state)
{
	char mime[32], err[256];

	(void)state;
	assert_int_equal(filestore_detect(jpeg, sizeof(jpeg), FS_VOUCHER, mime,
	    err, sizeof(err)), FS_JPEG);
	assert_string_equal(mime, "image/jpeg");
	assert_int_equal(filestore_detect(png, sizeof(png), FS_VOUCHER, mime,
	    err, sizeof(err)), FS_PNG);
	assert_string_equal(mime, "image/png");
	assert_int_equal(filestore_detect(pdf, strlen(pdf), FS_VOUCHER, mime,
	    err, sizeof(err)), FS_PDF);
	assert_string_equal(mime, "application/pdf");
	/* Only what the caller allows. */
	assert_int_equal(filestore_detect(pdf, strlen(pdf), FS_JPEG | FS_PNG,
	    mime, err, sizeof(err)), 0);
	assert_non_null(strstr(err, "JPEG or PNG"));
}

static void
test_REM_P9_refuses_renamed_exe_with_message(void **state)
{
	char mime[32], err[256];

	(void)state;
	assert_int_equal(filestore_detect(exe, sizeof(exe), FS_VOUCHER, mime,
	    err, sizeof(err)), 0);
	assert_string_equal(mime, "");
	assert_non_null(strstr(err, "not a JPEG, PNG or PDF file"));
	assert_non_null(strstr(err, "whatever its name says"));
}

static void
test_REM_P9_refuses_polyglots_and_fakes(void **state)
{
	unsigned char buf[64];
	char mime[32], err[256];

	(void)state;
	/* The PNG signature, then anything: libmagic disagrees. */
	memcpy(buf, png, 8);
	memcpy(buf + 8, "hello world, not a chunk", 24);
	assert_int_equal(filestore_detect(buf, 32, FS_VOUCHER, mime, err,
	    sizeof(err)), 0);
	/* An executable carrying "%PDF-" a little later: the start decides. */
	memset(buf, 0, sizeof(buf));
	memcpy(buf, "MZ", 2);
	memcpy(buf + 32, "%PDF-1.4\n", 9);
	assert_int_equal(filestore_detect(buf, 41, FS_VOUCHER, mime, err,
	    sizeof(err)), 0);
	/* Text, GIF: not allowed. */
	assert_int_equal(filestore_detect("hello", 5, FS_VOUCHER, mime, err,
	    sizeof(err)), 0);
	assert_int_equal(filestore_detect("GIF89a\x01\x00\x01\x00\x00\x00\x00",
	    13, FS_VOUCHER, mime, err, sizeof(err)), 0);
}

static void
test_REM_P9_size_limits(void **state)
{
	unsigned char *big;
	char mime[32], err[256];

	(void)state;
	assert_int_equal(filestore_detect(pdf, 0, FS_VOUCHER, mime, err,
	    sizeof(err)), 0);
	assert_non_null(strstr(err, "empty"));
	big = calloc(1, FILESTORE_MAX + 1);
	assert_non_null(big);
	memcpy(big, pdf, strlen(pdf));
	assert_int_equal(filestore_detect(big, FILESTORE_MAX + 1, FS_VOUCHER,
	    mime, err, sizeof(err)), 0);
	assert_non_null(strstr(err, "10 MB"));
	/* Exactly 10 MB is allowed. */
	assert_int_equal(filestore_detect(big, FILESTORE_MAX, FS_VOUCHER, mime,
	    err, sizeof(err)), FS_PDF);
	free(big);
}

/* Encrypt len bytes of a pattern and decrypt them again. */
static void
round_trip(size_t len)
{
	struct buf enc, dec;
	unsigned char *p = malloc(len > 0 ? len : 1);
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (unsigned char)(i * 7 + 3);
	buf_init(&enc);
	buf_init(&dec);
	assert_int_equal(filestore_encrypt(KEY1, "name1", p, len, &enc), 0);
	assert_true(enc.len > len);
	/* The plaintext is not in the ciphertext. */
	if (len >= 16)
		assert_null(memmem(enc.data, enc.len, p + len / 2, 16));
	assert_int_equal(filestore_decrypt(KEY1, "name1", enc.data, enc.len,
	    &dec), 0);
	assert_int_equal(dec.len, len);
	if (len > 0)
		assert_memory_equal(dec.data, p, len);
	buf_cleanup(&enc);
	buf_cleanup(&dec);
	free(p);
}

static void
test_INST_S1_encryption_round_trip(void **state)
{
	(void)state;
	round_trip(1);
	round_trip(100);
	round_trip(64 * 1024);		/* exactly one chunk */
	round_trip(64 * 1024 + 1);
	round_trip(300 * 1000);
}

static void
test_INST_S1_tampered_file_fails(void **state)
{
	struct buf enc, dec;
	size_t i, len = 150000;
	unsigned char *p = malloc(len);
	size_t positions[] = { 0, 5, 40, 1000, 70000, 0 };

	(void)state;
	for (i = 0; i < len; i++)
		p[i] = (unsigned char)i;
	buf_init(&enc);
	buf_init(&dec);
	assert_int_equal(filestore_encrypt(KEY1, "n", p, len, &enc), 0);
	positions[5] = enc.len - 1;
	for (i = 0; i < sizeof(positions) / sizeof(positions[0]); i++) {
		enc.data[positions[i]] ^= 0x01;
		assert_int_equal(filestore_decrypt(KEY1, "n", enc.data,
		    enc.len, &dec), -1);
		assert_int_equal(dec.len, 0);
		enc.data[positions[i]] ^= 0x01;
	}
	/* Truncated at a chunk boundary: the FINAL chunk is missing. */
	assert_int_equal(filestore_decrypt(KEY1, "n", enc.data,
	    4 + 24 + 2 * (65536 + 17), &dec), -1);
	/* Something appended. */
	buf_append(&enc, "x", 1);
	assert_int_equal(filestore_decrypt(KEY1, "n", enc.data, enc.len,
	    &dec), -1);
	enc.len--;
	/* Another stored name, another key. */
	assert_int_equal(filestore_decrypt(KEY1, "m", enc.data, enc.len,
	    &dec), -1);
	assert_int_equal(filestore_decrypt(KEY2, "n", enc.data, enc.len,
	    &dec), -1);
	assert_int_equal(filestore_decrypt("nothex", "n", enc.data, enc.len,
	    &dec), -1);
	assert_int_equal(dec.len, 0);
	assert_int_equal(filestore_decrypt(KEY1, "n", enc.data, enc.len,
	    &dec), 0);
	assert_int_equal(dec.len, len);
	buf_cleanup(&enc);
	buf_cleanup(&dec);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_REM_P9_accepts_jpeg_png_pdf_by_content),
		cmocka_unit_test(test_REM_P9_refuses_renamed_exe_with_message),
		cmocka_unit_test(test_REM_P9_refuses_polyglots_and_fakes),
		cmocka_unit_test(test_REM_P9_size_limits),
		cmocka_unit_test(test_INST_S1_encryption_round_trip),
		cmocka_unit_test(test_INST_S1_tampered_file_fails),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
