/*
 * Integration tests of the platform building blocks against the private
 * stack's MariaDB and upload directory (suite.sh sets MALLPAY_CONF):
 * the encrypted file store (REM-P9, INST-S1), partner_verify with the
 * replay table (COD-P8), the finance sandbox's delayed answer (INST-PC)
 * and the SMS sandbox's outbox (INST-P2).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <dirent.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/buf.h"
#include "core/config.h"
#include "db/db.h"
#include "db/seed.h"
#include "gateway/finance.h"
#include "gateway/sms.h"
#include "http/ctx.h"
#include "http/http.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/pages.h"
#include "service/filestore.h"
#include "service/partner_auth.h"

static struct config cfg;
static struct db *db;

static const char pdf[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R "
    "/Secret (PLAINTEXT-MARKER-0123456789) >>\nendobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj\n"
    "trailer\n<< /Root 1 0 R >>\n%%EOF\n";

/* Read the whole file at path into out. Returns 0 or -1. */
static int
slurp(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(out, chunk, n);
	fclose(f);
	return 0;
}

/* 1 when upload_dir has a file named name. */
static int
stored(const char *name)
{
	char path[600];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", cfg.upload_dir, name);
	return stat(path, &st) == 0;
}

/* Count the "*.tmp" files of upload_dir. */
static int
tmp_files(void)
{
	DIR *d = opendir(cfg.upload_dir);
	struct dirent *de;
	size_t n;
	int count = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n > 4 && strcmp(de->d_name + n - 4, ".tmp") == 0)
			count++;
	}
	closedir(d);
	return count;
}

static void
test_INST_S1_file_round_trip_encrypted_on_disk(void **state)
{
	struct filestore_owner owner = { 0, 0 };
	struct filestore_info fi, fi2, got;
	struct buf disk, out;
	char path[600], err[256];
	int64_t uid;

	(void)state;
	uid = db_seed_user_id(db, "shopper.veteran@demo.test");
	assert_true(uid > 0);
	owner.user_id = uid;
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(filestore_put(db, &cfg, &owner, pdf, strlen(pdf),
	    FS_VOUCHER, 1790000000, &fi, err, sizeof(err)), 0);
	/* Pending (a dot file) until the caller's transaction commits. */
	assert_false(stored(fi.stored_name));
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(filestore_publish(&cfg, &fi), 0);
	assert_true(fi.id > 0);
	assert_string_equal(fi.mime, "application/pdf");
	assert_int_equal(strlen(fi.stored_name), 40);
	assert_true(stored(fi.stored_name));
	assert_int_equal(tmp_files(), 0);

	/* On disk: neither the plaintext nor a piece of it. */
	buf_init(&disk);
	snprintf(path, sizeof(path), "%s/%s", cfg.upload_dir, fi.stored_name);
	assert_int_equal(slurp(path, &disk), 0);
	assert_true(disk.len > strlen(pdf));
	assert_null(memmem(disk.data, disk.len, "PLAINTEXT-MARKER", 16));
	assert_null(memmem(disk.data, disk.len, "%PDF", 4));

	buf_init(&out);
	assert_int_equal(filestore_get(db, &cfg, fi.id, &out, &got), 0);
	assert_int_equal(out.len, strlen(pdf));
	assert_memory_equal(out.data, pdf, out.len);
	assert_string_equal(got.mime, "application/pdf");
	assert_string_equal(got.sha256, fi.sha256);

	/* The same content again: flagged as a duplicate of the first. */
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(filestore_put(db, &cfg, &owner, pdf, strlen(pdf),
	    FS_VOUCHER, 1790000001, &fi2, err, sizeof(err)), 0);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(filestore_publish(&cfg, &fi2), 0);
	assert_true(fi2.dup_of > 0);
	assert_true(fi2.dup_of <= fi.id);
	assert_string_not_equal(fi2.stored_name, fi.stored_name);

	/* Tampered on disk: reading fails and hands out nothing. */
	disk.data[disk.len - 3] ^= 0x20;
	{
		FILE *f = fopen(path, "wb");

		assert_non_null(f);
		assert_int_equal(fwrite(disk.data, 1, disk.len, f), disk.len);
		fclose(f);
	}
	buf_reset(&out);
	assert_int_equal(filestore_get(db, &cfg, fi.id, &out, NULL), -1);
	assert_int_equal(out.len, 0);
	assert_int_equal(filestore_get(db, &cfg, 999999999, &out, NULL), 1);
	/* Put the original back: `mallpayctl check` may read it later. */
	disk.data[disk.len - 3] ^= 0x20;
	{
		FILE *f = fopen(path, "wb");

		assert_non_null(f);
		assert_int_equal(fwrite(disk.data, 1, disk.len, f), disk.len);
		fclose(f);
	}
	buf_reset(&out);
	assert_int_equal(filestore_get(db, &cfg, fi.id, &out, NULL), 0);
	assert_int_equal(out.len, strlen(pdf));
	buf_cleanup(&disk);
	buf_cleanup(&out);
}

static void
test_REM_P9_refused_file_and_rollback_leave_nothing(void **state)
{
	static const unsigned char exe[] = { 'M', 'Z', 0x90, 0, 3, 0, 0, 0 };
	struct filestore_owner owner = { 0, 0 };
	struct filestore_info fi;
	char err[256];

	(void)state;
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(filestore_put(db, &cfg, &owner, exe, sizeof(exe),
	    FS_VOUCHER, 1790000000, &fi, err, sizeof(err)), 1);
	assert_non_null(strstr(err, "not a JPEG, PNG or PDF"));
	assert_int_equal(fi.id, 0);
	db_rollback(db);

	/* Stored, then the caller's transaction fails: discard removes it
	 * and the row is gone with the rollback. */
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(filestore_put(db, &cfg, &owner, pdf, strlen(pdf),
	    FS_VOUCHER, 1790000000, &fi, err, sizeof(err)), 0);
	{
		char dot[64];

		/* Written, but pending (".NAME") until published. */
		snprintf(dot, sizeof(dot), ".%s", fi.stored_name);
		assert_true(stored(dot));
		assert_false(stored(fi.stored_name));
		db_rollback(db);
		filestore_discard(&cfg, &fi);
		assert_false(stored(dot));
	}
	assert_false(stored(fi.stored_name));
	assert_int_equal(filestore_info_get(db, fi.id, &fi, NULL), 0);
	assert_int_equal(tmp_files(), 0);
}

/* A small PDF of its own, so that recovery has files no other test shares. */
#define RECOVER_PDF	"%PDF-1.4\n% recovery test\n1 0 obj\n<< /Type /Catalog " \
	"/Pages 2 0 R >>\nendobj\n2 0 obj << /Type /Pages /Kids [3 0 R] " \
	"/Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox " \
	"[0 0 200 100] >> endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"

/* A crash between the commit and the publish, and a crash before the
 * commit: filestore_recover publishes the file whose row committed, keeps
 * a young pending file without a row (another request may still be in
 * flight) and removes it once older than the grace period. */
static void
test_INST_S1_recover_after_crash(void **state)
{
	struct filestore_owner owner = { 0, 0 };
	struct filestore_info committed, orphan;
	char dot[64], err[256];
	int64_t now = time(NULL);

	(void)state;
	owner.user_id = db_seed_user_id(db, "shopper.veteran@demo.test");
	assert_true(owner.user_id > 0);
	/* Committed, never published (the request died after COMMIT). */
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(filestore_put(db, &cfg, &owner, RECOVER_PDF,
	    strlen(RECOVER_PDF), FS_VOUCHER, 1790000002, &committed, err,
	    sizeof(err)), 0);
	assert_int_equal(db_commit(db), 0);
	/* Written, never committed (the request died before COMMIT). */
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(filestore_put(db, &cfg, &owner, RECOVER_PDF " ",
	    strlen(RECOVER_PDF) + 1, FS_VOUCHER, 1790000003, &orphan, err,
	    sizeof(err)), 0);
	db_rollback(db);
	snprintf(dot, sizeof(dot), ".%s", orphan.stored_name);
	assert_false(stored(committed.stored_name));
	assert_true(stored(dot));

	assert_true(filestore_recover(db, &cfg, now, 3600) >= 1);
	assert_true(stored(committed.stored_name));
	assert_true(stored(dot));	/* young: kept */
	assert_int_equal(filestore_recover(db, &cfg, now + 7200, 3600), 0);
	assert_false(stored(dot));	/* old and rowless: removed */
	assert_true(stored(committed.stored_name));
	assert_int_equal(tmp_files(), 0);
}

/* A request as FastCGI would have parsed it, signed by partner pid at ts. */
struct fake {
	struct http_req		req;
	struct http_resp	resp;
	struct ctx		c;
	char			id[24], ts[24], sig[65];
};

static void
fake_init(struct fake *f, int64_t pid, int key_pid, int64_t ts,
    const char *path, const char *body, int64_t now)
{
	unsigned char key[32];

	memset(f, 0, sizeof(*f));
	http_req_init(&f->req);
	http_resp_init(&f->resp);
	f->req.method = HTTP_POST;
	snprintf(f->req.path, sizeof(f->req.path), "%s", path);
	f->req.body = (unsigned char *)xstrdup(body);
	f->req.bodylen = strlen(body);
	assert_int_equal(partner_key_derive(cfg.partner_key, key_pid, 1, key),
	    0);
	partner_sign(key, ts, "POST", path, body, strlen(body), f->sig);
	snprintf(f->id, sizeof(f->id), "%lld", (long long)pid);
	snprintf(f->ts, sizeof(f->ts), "%lld", (long long)ts);
	f->req.x_partner_id = f->id;
	f->req.x_timestamp = f->ts;
	f->req.x_signature = f->sig;
	ctx_init(&f->c, &cfg, db, &f->req, &f->resp);
	f->c.now = now;
}

static void
fake_cleanup(struct fake *f)
{
	ctx_cleanup(&f->c);
	http_req_cleanup(&f->req);
	http_resp_cleanup(&f->resp);
}

static void
test_COD_P8_partner_verify_good_replay_kind_stale(void **state)
{
	struct fake f;
	int64_t pid, now = 1790000000 + (int64_t)randombytes_uniform(1000000);
	char body[128];

	(void)state;
	/* A unique body per run: earlier runs' nonces do not interfere. */
	snprintf(body, sizeof(body), "{\"event_id\":\"ev-%u\"}",
	    randombytes_random());

	/* Demo Logistics (1), correctly signed: accepted. */
	fake_init(&f, 1, 1, now, "/partner/logistics/events", body, now);
	assert_int_equal(partner_verify(&f.c, "logistics", &pid), 0);
	assert_int_equal(pid, 1);
	/* The very same request again: a replay, 409. */
	assert_int_equal(partner_verify(&f.c, "logistics", &pid), 409);
	assert_int_equal(pid, 0);
	assert_non_null(strstr(buf_str(&f.resp.body), "replayed"));
	assert_string_equal(f.resp.content_type, "application/json");
	fake_cleanup(&f);

	/* Re-signed a second later: not a replay. */
	fake_init(&f, 1, 1, now + 1, "/partner/logistics/events", body, now);
	assert_int_equal(partner_verify(&f.c, "logistics", &pid), 0);
	fake_cleanup(&f);

	/* Demo Finance (2) on a logistics endpoint: 403. */
	fake_init(&f, 2, 2, now, "/partner/logistics/events", body, now);
	assert_int_equal(partner_verify(&f.c, "logistics", &pid), 403);
	fake_cleanup(&f);

	/* Signed with another partner's key: 401. */
	fake_init(&f, 1, 2, now + 2, "/partner/logistics/events", body, now);
	assert_int_equal(partner_verify(&f.c, "logistics", &pid), 401);
	assert_non_null(strstr(buf_str(&f.resp.body), "wrong signature"));
	fake_cleanup(&f);

	/* Stale: 301 s old. */
	fake_init(&f, 1, 1, now - 301, "/partner/logistics/events", body, now);
	assert_int_equal(partner_verify(&f.c, "logistics", &pid), 401);
	fake_cleanup(&f);

	/* Unknown partner; missing signature. */
	fake_init(&f, 987654, 987654, now, "/p", body, now);
	assert_int_equal(partner_verify(&f.c, "logistics", &pid), 401);
	assert_non_null(strstr(buf_str(&f.resp.body), "unknown partner"));
	fake_cleanup(&f);
	fake_init(&f, 1, 1, now, "/p", body, now);
	f.req.x_signature = NULL;
	assert_int_equal(partner_verify(&f.c, "logistics", &pid), 401);
	assert_non_null(strstr(buf_str(&f.resp.body), "X-Signature"));
	fake_cleanup(&f);
}

static void
test_COD_P8_event_ids_idempotent(void **state)
{
	struct buf orig;
	char ev[64];

	(void)state;
	snprintf(ev, sizeof(ev), "evt-%u", randombytes_random());
	buf_init(&orig);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(partner_event_claim(db, 1, ev, 1790000000, &orig), 1);
	assert_int_equal(partner_event_done(db, 1, ev,
	    "{\"order\":7,\"status\":\"completed\"}"), 0);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(partner_event_claim(db, 1, ev, 1790000100, &orig), 0);
	assert_string_equal(buf_str(&orig),
	    "{\"order\":7,\"status\":\"completed\"}");
	/* The same id from another partner is another event. */
	assert_int_equal(partner_event_claim(db, 2, ev, 1790000100, &orig), 1);
	db_rollback(db);
	assert_int_equal(partner_event_claim(db, 1, "bad id!", 1, &orig), -2);
	assert_int_equal(partner_event_claim(db, 1, "", 1, &orig), -2);
	buf_cleanup(&orig);
}

static void
test_INST_PC_finance_sandbox_answers_after_delay(void **state)
{
	const struct finance_gateway *g = finance_gateway_get("sandbox");
	struct finance_request rq;
	struct finance_answer a;
	char ref[FINANCE_REF_MAX], ref2[FINANCE_REF_MAX], err[128];

	(void)state;
	memset(&rq, 0, sizeof(rq));
	rq.applicant_id = 1;
	rq.credit_score = 640;
	rq.amount_minor = 150000;
	memcpy(rq.currency, "USD", 4);
	rq.months = 6;
	assert_int_equal(g->submit(db, &rq, 1000, ref, err, sizeof(err)), 0);
	assert_int_equal(strncmp(ref, "fin_", 4), 0);
	assert_int_equal(g->poll(db, ref, 1000, &a), 0);
	assert_int_equal(a.state, FINANCE_PENDING);
	assert_int_equal(g->poll(db, ref, 1000 + FINANCE_SANDBOX_DELAY - 1, &a),
	    0);
	assert_int_equal(a.state, FINANCE_PENDING);
	assert_int_equal(g->poll(db, ref, 1000 + FINANCE_SANDBOX_DELAY, &a), 0);
	assert_int_equal(a.state, FINANCE_APPROVED);
	assert_int_equal(a.decided_at, 1000 + FINANCE_SANDBOX_DELAY);

	rq.credit_score = 599;
	finance_sandbox_set_delay(0);
	assert_int_equal(g->submit(db, &rq, 2000, ref2, err, sizeof(err)), 0);
	finance_sandbox_set_delay(FINANCE_SANDBOX_DELAY);
	assert_int_equal(g->poll(db, ref2, 2000, &a), 0);
	assert_int_equal(a.state, FINANCE_DECLINED);
	assert_string_equal(a.reason, "credit score below 600");
	assert_int_equal(g->poll(db, "fin_nosuchref", 2000, &a), 1);
}

static void
test_INST_P2_sms_sandbox_writes_outbox(void **state)
{
	const struct sms_gateway *g = sms_gateway_get("sandbox");
	char err[128];
	int64_t uid, id;

	(void)state;
	uid = db_seed_user_id(db, "shopper.veteran@demo.test");
	assert_true(uid > 0);
	id = g->send(db, uid, "+65 6123 4567", "mallpay: installment 2 of "
	    "USD 200.00 is due on 2026-12-01.", 1790000000, err, sizeof(err));
	assert_true(id > 0);
	assert_int_equal(g->send(db, uid, "call me", "x", 1, err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "phone"));
	assert_int_equal(g->send(db, uid, "+6561234567", "", 1, err,
	    sizeof(err)), -1);
}

/* Load MALLPAY_CONF and connect. */
static int
setup(void **state)
{
	const char *conf = getenv("MALLPAY_CONF");
	char err[512];

	(void)state;
	if (conf == NULL) {
		fprintf(stderr, "MALLPAY_CONF is not set\n");
		return -1;
	}
	if (config_load(&cfg, conf, err, sizeof(err)) == -1) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	db_library_init();
	if ((db = db_open(&cfg, err, sizeof(err))) == NULL) {
		fprintf(stderr, "db_open: %s\n", err);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	db_free(db);
	db_library_end();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_S1_file_round_trip_encrypted_on_disk),
		cmocka_unit_test(test_REM_P9_refused_file_and_rollback_leave_nothing),
		cmocka_unit_test(test_INST_S1_recover_after_crash),
		cmocka_unit_test(test_COD_P8_partner_verify_good_replay_kind_stale),
		cmocka_unit_test(test_COD_P8_event_ids_idempotent),
		cmocka_unit_test(test_INST_PC_finance_sandbox_answers_after_delay),
		cmocka_unit_test(test_INST_P2_sms_sandbox_writes_outbox),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, setup, teardown);
}
