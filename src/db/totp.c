/*
 * admin_totp and admin_recovery_codes (totp.h). SQL only, bound
 * parameters only (DESIGN.md).
 */
#include <string.h>

#include "db/db.h"
#include "db/stmt.h"
#include "db/totp.h"

/* The columns of an admin's row (struct db_totp_admin), each with its
 * SQL. */
#define ADMIN_COLS(C) \
	C(INT,	user_id,	"u.id") \
	C(TEXT,	email,		", u.email") \
	C(TEXT,	name,		", u.name") \
	C(INT,	confirmed_at,	", COALESCE(t.confirmed_at, 0)") \
	C(INT,	recovery_left,	", " RECOVERY_LEFT)
#define ADMIN_FIELD(t, m, sql)	DBQ_FIELD(struct db_totp_admin, t, m)
DBQ_ROWS(admin_row, struct db_totp_admin, ADMIN_COLS, ADMIN_FIELD);
/* How many recovery codes the admin u has left. */
#define RECOVERY_LEFT \
	"(SELECT COUNT(*) FROM admin_recovery_codes r WHERE r.user_id = u.id " \
	"AND r.used_at IS NULL)"

enum stmt {
	STMT_TOTP_GET,
	STMT_TOTP_GET_LOCK,
	STMT_TOTP_START,
	STMT_TOTP_CONFIRM,
	STMT_TOTP_CLAIM,
	STMT_TOTP_DELETE,
	STMT_TOTP_DELETE_CODES,
	STMT_RECOVERY_ADD,
	STMT_RECOVERY_UNUSED,
	STMT_RECOVERY_USE,
	STMT_TOTP_ADMINS,
	STMT__MAX
};

/* The columns of an admin's secret (struct db_totp), each with its SQL;
 * the encrypted secret follows them (fill_totp). */
#define TOTP_COLS(C) \
	C(INT,	user_id,	"user_id") \
	C(INT,	confirmed_at,	", COALESCE(confirmed_at, 0)") \
	C(INT,	last_step,	", last_step")
#define TOTP_FIELD(t, m, sql)	DBQ_FIELD(struct db_totp, t, m)
DBQ_ROWS(totp_row, struct db_totp, TOTP_COLS, TOTP_FIELD);

/* The columns of a recovery code (struct db_recovery), each with its
 * SQL. */
#define RECOVERY_COLS(C) \
	C(INT,	id,	"id") \
	C(TEXT,	salt,	", salt") \
	C(TEXT,	hash,	", code_hash")
#define RECOVERY_FIELD(t, m, sql)	DBQ_FIELD(struct db_recovery, t, m)
DBQ_ROWS(recovery_row, struct db_recovery, RECOVERY_COLS, RECOVERY_FIELD);

static const char *const stmts[STMT__MAX] = {
	/* STMT_TOTP_GET */
	"SELECT " TOTP_COLS(DBQ_SQL) ", secret_enc FROM admin_totp "
	"WHERE user_id = ?",
	/* STMT_TOTP_GET_LOCK */
	"SELECT " TOTP_COLS(DBQ_SQL) ", secret_enc FROM admin_totp "
	"WHERE user_id = ? FOR UPDATE",
	/* STMT_TOTP_START */
	"INSERT IGNORE INTO admin_totp (user_id, secret_enc, created_at) "
	"VALUES (?, ?, ?)",
	/* STMT_TOTP_CONFIRM */
	"UPDATE admin_totp SET confirmed_at = ?, last_step = ? "
	"WHERE user_id = ?",
	/* STMT_TOTP_CLAIM */
	"UPDATE admin_totp SET last_step = ? WHERE user_id = ? AND "
	"last_step < ?",
	/* STMT_TOTP_DELETE */
	"DELETE FROM admin_totp WHERE user_id = ?",
	/* STMT_TOTP_DELETE_CODES */
	"DELETE FROM admin_recovery_codes WHERE user_id = ?",
	/* STMT_RECOVERY_ADD */
	"INSERT INTO admin_recovery_codes (user_id, salt, code_hash, "
	"created_at) VALUES (?, ?, ?, ?)",
	/* STMT_RECOVERY_UNUSED */
	"SELECT " RECOVERY_COLS(DBQ_SQL) " FROM admin_recovery_codes "
	"WHERE user_id = ? AND used_at IS NULL ORDER BY id",
	/* STMT_RECOVERY_USE */
	"UPDATE admin_recovery_codes SET used_at = ? WHERE id = ? AND "
	"used_at IS NULL",
	/* STMT_TOTP_ADMINS */
	"SELECT " ADMIN_COLS(DBQ_SQL) " FROM users u "
	"LEFT JOIN admin_totp t ON t.user_id = u.id "
	"WHERE u.kind = 'admin' ORDER BY u.email",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_TOTP)

/* dbq_one_fn fill: a row of STMT_TOTP_GET(_LOCK) into *p, zeroed first: 0. */
static int
fill_totp(struct dbq *q, void *p)
{
	struct db_totp	*out = p;
	const char	*enc;
	size_t		 len = 0;

	memset(out, 0, sizeof(*out));
	(void)dbq_read(q, 0, &totp_row, out);
	enc = dbq_col_str(q, (int)totp_row.n, &len);
	if (len > sizeof(out->secret_enc))
		len = 0;
	memcpy(out->secret_enc, enc, len);
	out->secret_enc_len = len;
	return 0;
}

/* See totp.h. */
int
db_totp_get(struct db *db, int64_t user_id, int lock, struct db_totp *out)
{
	return dbq_one_fn(dbq_bind(get(db,
	    lock ? STMT_TOTP_GET_LOCK : STMT_TOTP_GET), DBQ_I(user_id)),
	    fill_totp, out);
}

/* See totp.h. */
int
db_totp_start(struct db *db, int64_t user_id, const void *secret_enc,
    size_t len, int64_t now)
{
	struct dbq	*q;
	uint64_t	 n = 0;

	if ((q = get(db, STMT_TOTP_START)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(user_id), DBQ_B(secret_enc, len), DBQ_I(now));
	if (dbq_exec_done(q, &n) == -1)
		return -1;
	return n > 0;
}

/* See totp.h. */
int
db_totp_confirm(struct db *db, int64_t user_id, int64_t step, int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_TOTP_CONFIRM), DBQ_I(now),
	    DBQ_I(step), DBQ_I(user_id)), NULL);
}

/* See totp.h. */
int
db_totp_claim_step(struct db *db, int64_t user_id, int64_t step)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_TOTP_CLAIM), DBQ_I(step),
	    DBQ_I(user_id), DBQ_I(step)));
}

/* See totp.h. */
int
db_totp_delete(struct db *db, int64_t user_id)
{
	struct dbq	*q;
	uint64_t	 n = 0;

	if ((q = get(db, STMT_TOTP_DELETE_CODES)) == NULL)
		return -1;
	dbq_int(q, user_id);
	if (dbq_exec_done(q, NULL) == -1)
		return -1;
	if ((q = get(db, STMT_TOTP_DELETE)) == NULL)
		return -1;
	dbq_int(q, user_id);
	if (dbq_exec_done(q, &n) == -1)
		return -1;
	return n > 0;
}

/* See totp.h. */
int
db_totp_recovery_add(struct db *db, int64_t user_id, const char *salt_hex,
    const char *hash_hex, int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_RECOVERY_ADD),
	    DBQ_I(user_id), DBQ_S(salt_hex), DBQ_S(hash_hex), DBQ_I(now)),
	    NULL);
}

/* See totp.h. */
int
db_totp_recovery_unused(struct db *db, int64_t user_id,
    struct db_recovery **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_RECOVERY_UNUSED),
	    DBQ_I(user_id)), &recovery_row, (void **)out, n);
}

/* See totp.h. */
int
db_totp_recovery_use(struct db *db, int64_t id, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_RECOVERY_USE), DBQ_I(now),
	    DBQ_I(id)));
}

/* See totp.h. */
int
db_totp_admins(struct db *db, struct db_totp_admin **out, size_t *n)
{
	return dbq_rows(get(db, STMT_TOTP_ADMINS), &admin_row, (void **)out, n);
}
