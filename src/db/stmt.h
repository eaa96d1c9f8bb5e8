#ifndef MALLPAY_DB_STMT_H
#define MALLPAY_DB_STMT_H

/*
 * Prepared statements for the per-table files of src/db/ (DESIGN.md: one
 * enum stmt and stmts[STMT__MAX] per file, bound parameters only).
 *
 * A db/<table>.c file looks like:
 *
 *	enum stmt { STMT_USER_BY_EMAIL, STMT_USER_INSERT, STMT__MAX };
 *	static const char *const stmts[STMT__MAX] = {
 *		"SELECT id, name FROM users WHERE email = ?",
 *		"INSERT INTO users (email, name) VALUES (?, ?)",
 *	};
 *
 *	q = dbq_get(db, DB_T_USER, STMT_USER_BY_EMAIL,
 *	    stmts[STMT_USER_BY_EMAIL]);
 *	if (q == NULL)
 *		return -1;
 *	dbq_cstr(q, email);
 *	if (dbq_exec(q) == -1)
 *		goto out;
 *	while ((rc = dbq_fetch(q)) == 1)
 *		id = dbq_col_int(q, 0), name = dbq_col_str(q, 1, &len);
 *	out:
 *	dbq_done(q);
 *
 * Rules of use:
 * - dbq_get() prepares the SQL once per connection and caches it under
 *   (table, idx); after a reconnect (db_ensure) it prepares it again.
 * - Parameters are bound in order, one dbq_* bind call per "?"; values are
 *   copied, so the caller's buffers may change right after the call.
 * - dbq_exec() sends the bound values; for a SELECT the whole result is
 *   read to the client (mysql_stmt_store_result), so other statements may
 *   run on the same connection while the rows are being fetched.
 * - Every column is read as text: dbq_col_str() gives it (any length, NUL
 *   terminated, valid until the next dbq_fetch/dbq_done), dbq_col_int()
 *   parses it. DATE columns come as "YYYY-MM-DD", DECIMAL as "12.34000000".
 * - dbq_done() must follow every dbq_get() that succeeded, whatever
 *   happened, before the same statement is used again. It is cheap.
 * - dbq_affected() counts rows MATCHED by an UPDATE (CLIENT_FOUND_ROWS), so
 *   "UPDATE ... WHERE id = ? AND state = ?" gives 1 exactly when the row was
 *   in that state.
 * - Errors are logged with the statement's table and index (a duplicate key
 *   is not logged: callers use it on purpose) and are readable with
 *   db_error(); a lost connection makes the next db_ensure() reconnect.
 * - A struct dbq belongs to its connection's cache: never free it, and do
 *   not keep it across db_ensure() (a reconnect frees every cached one).
 *
 * Not thread-safe beyond the connection: one struct db per thread.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/order_status.h"
#include "core/pay_method.h"

struct db;
struct dbq;

/* One value per db/<table>.c file: the key of its statement cache. */
enum db_table {
	DB_T_USER,
	DB_T_SESSION,
	DB_T_PRODUCT,
	DB_T_CART,
	DB_T_ORDER,
	DB_T_EVENT,
	DB_T_MESSAGE,
	DB_T_MIGRATE,
	DB_T_JOB,
	DB_T_SEED,
	DB_T_COMPANY,
	DB_T_PLAN,
	DB_T_VOUCHER,		/* remittance: db/remittance.c */
	DB_T_ADMIN,		/* admin: db/admin.c (queues, decisions, orders browser) */
	DB_T_ADMIN_SETTINGS,	/* admin: db/admin_settings.c */
	DB_T_FILE,		/* platform: db/file.c (encrypted upload store) */
	DB_T_PARTNER,		/* platform: db/partner.c (partners, nonces, events) */
	DB_T_SANDBOX,		/* platform: db/sandbox.c (gateway sandboxes' state) */
	DB_T_BENCH,		/* bench: db/benchdata.c (mallpayctl bench-data) */
	DB_T_CHECKOUT,		/* checkout: db/checkout.c */
	DB_T_LEDGER,		/* ledger: db/ledger.c (journal lines) */
	DB_T_RECON,		/* recon: db/recon.c (reconciliation runs) */
	DB_T_CORP_TRANSFER,	/* corp: db/corp_transfer.c (bank transfers of corporate plans) */
	DB_T_MEMBER,		/* company accounts: db/company_member.c */
	DB_T_CHECK,		/* security: db/check.c */
	DB_T_COD,		/* cod: db/cod.c (COD, shipments, tracking, debts) */
	DB_T_PAYAFTER,		/* pau: db/payafter.c (Pay After Use) */
	DB_T_IDENTITY,		/* identity: db/identity.c (real-name checks, credit consents) */
	DB_T_ADDRESS,		/* addresses: db/address.c (address book, order copy) */
	DB_T_MONEY_OUT,		/* money out: db/money_out.c (COD debts paid, company credit paid out) */
	DB_T_PLAN_WORK,		/* installments: db/plan_work.c (the scheduler's next work day) */
	DB_T_COMPANY_QUAL,	/* company: db/company_qual.c (qualification submissions) */
	DB_T_CORP_APP,		/* corp: db/corp_app.c (corporate applications and orders) */
	DB_T_PLAN_INST,		/* installments: db/plan_inst.c (installments paid, plan payments) */
	DB_T_PLAN_CREDIT,	/* installments: db/plan_credit.c (the buyer's credit) */
	DB_T_REQUEST_KEY,	/* db/request_key.c (outcomes stored by idempotency key) */
	DB_T_MY_ORDERS,		/* db/my_orders.c (My Orders search, receipts) */
	DB_T_REPORT,		/* db/report.c (money reports, institution plans) */
	DB_T_SEARCH,		/* db/search.c (the admin console's search and exports) */
	DB_T_TOTP,		/* admins' second factor: db/totp.c */
	DB_T_ADMIN_ACCOUNT,	/* db/admin_account.c (admin roles, invitations) */
	DB_T_CARD_SESSION,	/* hosted card page: db/card_session.c (the mall's sessions) */
	DB_T_BANKD,		/* hosted card page: db/bank.c (the sandbox bank's own tables) */
	DB_T_LANGUAGE,		/* languages: db/language.c (an account's language) */
	DB_T_TEST,		/* statements of the tests' own fixtures */
	DB_T__MAX
};

/* The statement idx of table's file, prepared from sql on first use on this
 * connection and cached (sql must be the same text on every call: it is
 * the file's stmts[idx]). Returns NULL (error logged, db_error set) if the
 * SQL does not prepare or the connection is gone. */
struct dbq	*dbq_get(struct db *, enum db_table table, int idx,
		    const char *sql);

/* In a db/<table>.c file, after its stmts[]: define the file's
 * static struct dbq *get(struct db *db, int idx), its statement idx
 * from dbq_get() under table with the SQL stmts[idx], or NULL. */
#define DBQ_STMT_GETTER(table) \
	static struct dbq * \
	get(struct db *db, int idx) \
	{ \
		return dbq_get(db, (table), idx, stmts[idx]); \
	}

/* Bind the next parameter: an integer, len bytes of text (copied; NULL
 * with len 0 is the empty string), a C string (NULL binds SQL NULL), or
 * SQL NULL. Binding more parameters than the statement has is an error
 * reported by dbq_exec(). */
void		 dbq_int(struct dbq *, int64_t);
void		 dbq_str(struct dbq *, const char *, size_t);
void		 dbq_cstr(struct dbq *, const char *);
void		 dbq_null(struct dbq *);

/* Execute with the parameters bound since dbq_get/dbq_done. Returns 0, or
 * -1 (logged, db_error) if the count of parameters is wrong or the server
 * refuses (including a duplicate key: see dbq_errno). */
int		 dbq_exec(struct dbq *);

/* dbq_exec() leaving a SELECT's result on the server, read row by row by
 * dbq_fetch() (mysql_use_result for a prepared statement), so that any
 * number of rows costs the client one row of memory. Until dbq_done(q) no
 * other statement may run on the connection; dbq_affected() is 0. */
int		 dbq_exec_stream(struct dbq *);

/* Next row of the result: 1 a row, 0 no more rows, -1 error. */
int		 dbq_fetch(struct dbq *);

/* Number of columns of the result (0 for statements without one). */
int		 dbq_ncols(struct dbq *);

/* Column col of the current row as an integer (strtoll of its text; NULL,
 * an empty value or a column out of range gives 0). */
int64_t		 dbq_col_int(struct dbq *, int col);

/* Column col of the current row as text, NUL-terminated, owned by q and
 * valid until the next dbq_fetch/dbq_done; *len (if not NULL) gets its
 * length. NULL or a column out of range gives "" with length 0. */
const char	*dbq_col_str(struct dbq *, int col, size_t *len);

/* 1 if column col of the current row is SQL NULL (or out of range). */
int		 dbq_col_null(struct dbq *, int col);

/* After dbq_exec: rows inserted, deleted or matched (see above); after a
 * SELECT, the number of rows in its result. */
uint64_t	 dbq_affected(struct dbq *);

/* After dbq_exec of an INSERT: the AUTO_INCREMENT id it generated. */
int64_t		 dbq_insert_id(struct dbq *);

/* The server's error number of the last failure of q (1062 for a duplicate
 * key: DBQ_ER_DUP_ENTRY), 0 if none. */
unsigned int	 dbq_errno(struct dbq *);
#define DBQ_ER_DUP_ENTRY	1062

/*
 * The end of a part of a UNION ALL that keeps its own order: "(SELECT ...
 * ORDER BY keys" DBQ_PART_END. Without a LIMIT, MariaDB drops the ORDER
 * BY of a part. The view statements (one UNION of rows of several kinds,
 * read by a kind column) order each part this way and never the whole
 * UNION: a sort of the whole copies every wide row into a temporary table,
 * which cost more than all the parts' reads.
 */
#define DBQ_PART_END	" LIMIT 4294967295) "

/* Free the result, forget the bound parameters; q stays cached for reuse.
 * Takes NULL. */
void		 dbq_done(struct dbq *);

/*
 * Row helpers (stmt_more.c): the shapes the db/<table>.c files share. q is
 * a statement from dbq_get() with its parameters bound. Every helper that
 * always calls dbq_done(q) also takes a q that is NULL (a dbq_get that
 * failed) and then returns its error value (-1) without doing anything.
 */

/* Copy column col of the current row into dst (dstsz bytes, cut, always
 * NUL-terminated when dstsz > 0); SQL NULL copies "". */
void		 dbq_col_copy(struct dbq *, int col, char *dst, size_t dstsz);

/* The order status stored in column col into *out: 0, or -1 (logged, out
 * untouched) when the column names no status: the caller refuses the
 * row. */
int		 dbq_col_order_status(struct dbq *, int col,
		    enum order_status *out);

/* The payment method stored in column col into *out: 0, or -1 (logged,
 * out untouched) when the column names no method. */
int		 dbq_col_pay_method(struct dbq *, int col, enum pay_method *out);

/* Bind s as text, or SQL NULL when s is NULL or "". */
void		 dbq_cstr_opt(struct dbq *, const char *s);

/* Bind id as an integer, or SQL NULL when id <= 0 (no such row). */
void		 dbq_id_opt(struct dbq *, int64_t id);

/* Bind a day as "YYYY-MM-DD" text. */
void		 dbq_date(struct dbq *, mp_date d);

/* Column col of the current row as a day (a DATE column, or text starting
 * "YYYY-MM-DD"); 0 when NULL, empty or not a date. */
mp_date		 dbq_col_date(struct dbq *, int col);

/* Execute q and fetch its first row: 1 a row (read it with dbq_col_*), 0
 * no row, -1 error. Does NOT call dbq_done: the caller reads the row and
 * then calls dbq_done(q) whatever the result. */
int		 dbq_exec_fetch(struct dbq *);

/* Execute q and read column 0 of its first row as an integer into *out
 * (untouched unless a row): 1 a row, 0 no row, -1 error. Always calls
 * dbq_done(q). */
int		 dbq_one_int(struct dbq *, int64_t *out);

/* Execute q and copy column 0 of its first row as text into out (outsz
 * bytes, cut; untouched unless a row): 1 a row, 0 no row, -1 error (q
 * NULL included). Always calls dbq_done(q). */
int		 dbq_one_text(struct dbq *, char *out, size_t outsz);

/* Execute q (a statement without a result): 0, or -1 on error. When
 * affected is not NULL and it succeeded, *affected gets dbq_affected().
 * Always calls dbq_done(q). */
int		 dbq_exec_done(struct dbq *, uint64_t *affected);

/* Execute an UPDATE/DELETE q that must match exactly one row (e.g. "WHERE
 * id = ? AND status = ?"): 1 one row matched, 0 none (or more), -1 error.
 * Always calls dbq_done(q). */
int		 dbq_exec_one(struct dbq *);

/* Execute an INSERT q: the AUTO_INCREMENT id it generated, 0 when no row
 * went in because its key is taken (a duplicate key, not an error here, or
 * a row INSERT IGNORE skipped), -1 on any other error. Always calls
 * dbq_done(q). */
int64_t		 dbq_exec_insert(struct dbq *);

/* Execute an INSERT q that claims a unique key (an idempotency key, a
 * nonce, a day...): 1 inserted, 0 the key was taken already (duplicate
 * key, not an error), -1 error. Always calls dbq_done(q). */
int		 dbq_exec_claim(struct dbq *);

/* Execute an INSERT q whose duplicate key means "already there": 0
 * inserted, 1 duplicate (not an error), -1 error. Always calls
 * dbq_done(q). */
int		 dbq_exec_once(struct dbq *);

/* Append to b the LIKE pattern of "starts with p": p with %, _ and \
 * escaped by a backslash, then %. Such a pattern reads an index on its
 * column as a range. */
struct buf;
void		 db_like_prefix(struct buf *b, const char *p);

/* Execute q with dbq_exec_stream() and call fn(arg, cols, ncols) with each
 * row's columns as text (valid during the call; SQL NULL is ""); fn
 * returns 0 to go on, -1 to stop. No other statement may run on the
 * connection from fn. Returns 0 when every row was read, 1 when fn
 * stopped, -1 on a database error. Always calls dbq_done(q); q may be
 * NULL (-1). */
int		 dbq_stream_rows(struct dbq *q,
		    int (*fn)(void *arg, const char *const *cols, size_t ncols),
		    void *arg);

/* Execute q and collect every row of its result into a new array of
 * elements of sz bytes: for each row the next element is zeroed and
 * fill(q, element) reads the row into it (dbq_col_* only). Returns 0 with
 * *out (free(3) it; NULL when there are no rows) and *n set, or -1 on
 * error with *out NULL, *n 0 and nothing left allocated (so fill must not
 * allocate). Always calls dbq_done(q). q may be NULL (a dbq_get that
 * failed): -1 with *out NULL and *n 0. */
int		 dbq_list(struct dbq *, size_t sz,
		    void (*fill)(struct dbq *, void *), void **out, size_t *n);

/* dbq_list for rows that may be left out or whose elements own memory:
 * fill(q, element) returns 0 to keep the zeroed element it filled, -1 to
 * leave the row out (the element must then own nothing: it is zeroed and
 * used for the next row). On error, free_list(array, count) (free(3) of the
 * array when NULL) releases the kept elements and the array. Otherwise as
 * dbq_list, q NULL included. */
int		 dbq_list_keep(struct dbq *, size_t sz,
		    int (*fill)(struct dbq *, void *),
		    void (*free_list)(void *, size_t), void **out, size_t *n);

/* dbq_list_keep whose fill also gets arg, the caller's own state (e.g. a
 * row read once for the whole result beside the list): fill(q, element,
 * arg) returns 0 to keep the element, -1 to leave the row out. Otherwise
 * as dbq_list_keep. */
int		 dbq_list_arg(struct dbq *, size_t sz,
		    int (*fill)(struct dbq *, void *, void *), void *arg,
		    void (*free_list)(void *, size_t), void **out, size_t *n);

/* Execute a q that returns one integer (a COUNT(*), a SUM...) and give
 * column 0 of its first row; -1 on error or when there is no row. Always
 * calls dbq_done(q). */
int64_t		 dbq_count(struct dbq *);

/* dbq_list of a q whose one parameter is the integer id (the rows of one
 * order, plan, user...): binds id, then as dbq_list, q NULL included. */
int		 dbq_list_id(struct dbq *, int64_t id, size_t sz,
		    void (*fill)(struct dbq *, void *), void **out, size_t *n);

/*
 * Table-driven rows (row.c): a statement's columns listed once, each next
 * to its SQL, with the struct field it fills and how, so that no column is
 * read by its position number:
 *
 *	#define QUAL_COLS(C) \
 *		C(INT,  id,		"q.id") \
 *		C(TEXT, company_name,	", c.name") \
 *		C(DATE, due,		", q.review_due")
 *	#define QUAL_FIELD(t, m, sql)	DBQ_FIELD(struct db_qual, t, m)
 *	DBQ_ROWS(qual_row, struct db_qual, QUAL_COLS, QUAL_FIELD);
 *	... "SELECT " QUAL_COLS(DBQ_SQL) " FROM company_qualifications q ..."
 *
 * Every column after the first starts its SQL with ", ".
 */
enum dbq_ftype {
	DBQ_F_INT,	/* an integer of 1, 2, 4 or 8 bytes (dbq_col_int) */
	DBQ_F_ID,	/* DBQ_F_INT bound as NULL when <= 0 (dbq_id_opt) */
	DBQ_F_BOOL,	/* an integer field set to 1 when the column is not 0 */
	DBQ_F_TEXT,	/* a char array (dbq_col_copy: cut, NULL is "") */
	DBQ_F_TEXT_OPT,	/* DBQ_F_TEXT bound as NULL when "" (dbq_cstr_opt) */
	DBQ_F_DATE,	/* an mp_date (dbq_col_date) */
	DBQ_F_STATUS,	/* an enum order_status: an unknown one refuses
			   the row */
	DBQ_F_METHOD,	/* an enum pay_method: likewise */
	/* the states of core/lifecycle.h, each read by its _parse(): an
	 * unknown one refuses the row */
	DBQ_F_INST,	/* enum inst_status */
	DBQ_F_CORP_APP,	/* enum corp_app_status */
	DBQ_F_QUAL,	/* enum qual_status */
	DBQ_F_VOUCHER,	/* enum voucher_status */
	DBQ_F_CHARGE,	/* enum charge_status */
	DBQ_F_CARD_SESSION, /* enum card_session_status */
	DBQ_F_IDENTITY,	/* enum identity_status */
	DBQ_F_INVITE,	/* enum invite_status */
	DBQ_F_SKIP	/* a column the caller reads itself, or nobody */
};

/* One column of a row: how to read it into the field at off of size. */
struct dbq_field {
	enum dbq_ftype	 type;
	size_t		 off;
	size_t		 size;
};

/* A row's columns in SELECT order and the size of the struct they fill. */
struct dbq_rowdef {
	const struct dbq_field	*f;
	size_t			 n;
	size_t			 sz;
};

#define DBQ_FIELD(st, t, m) \
	{ DBQ_F_##t, offsetof(st, m), sizeof(((st *)0)->m) },
#define DBQ_SQL(t, m, sql)	sql
/* "0 LIST(DBQ_COUNT)": the number of columns of LIST, a constant. */
#define DBQ_COUNT(t, m, sql)	+ 1
/* "LIST(DBQ_NULLS)": one "NULL, " per column of LIST, the columns of a row
 * kind that another part of a UNION leaves empty. */
#define DBQ_NULLS(t, m, sql)	"NULL, "
#define DBQ_ROWDEF(st, fields) \
	{ (fields), sizeof(fields) / sizeof((fields)[0]), sizeof(st) }
/* Define the static struct dbq_rowdef name of struct st from the column
 * list LIST, whose entries FIELD(t, m, sql) makes DBQ_FIELDs of st. */
#define DBQ_ROWS(name, st, LIST, FIELD) \
	static const struct dbq_field name##_f[] = { LIST(FIELD) }; \
	static const struct dbq_rowdef name = DBQ_ROWDEF(st, name##_f)

/* Read the columns of r from column col of q's current row into dst (not
 * zeroed first): 0, or -1 (logged) when a status or method column names
 * none and the row is refused. */
int		 dbq_read(struct dbq *, int col, const struct dbq_rowdef *r,
		    void *dst);

/* Bind the fields of src that r names, in its order, as the parameters
 * of q (an INSERT listing r's columns); returns q (NULL when q is NULL).
 * Takes INT, ID, TEXT, TEXT_OPT and DATE fields only. */
struct dbq	*dbq_bind_row(struct dbq *, const struct dbq_rowdef *r,
		    const void *src);

/* Execute q and read its first row by r into out, zeroed first when there
 * is a row: 1 a row, 0 no row (out untouched), -1 error or a refused row.
 * Always calls dbq_done(q); q may be NULL (-1). */
int		 dbq_one(struct dbq *, const struct dbq_rowdef *r,
		    void *out);

/* dbq_one with the row read by fill(q, out) (0, or -1 refusing it) instead
 * of a table; out is not zeroed. */
int		 dbq_one_fn(struct dbq *, int (*fill)(struct dbq *, void *),
		    void *out);

/* dbq_list of rows read by r: a refused row is left out. */
int		 dbq_rows(struct dbq *, const struct dbq_rowdef *r,
		    void **out, size_t *n);

/* The parameters of one statement, bound in one call:
 *	dbq_bind(q, DBQ_I(id), DBQ_S(name), DBQ_D(day))
 * DBQ_I an integer (dbq_int), DBQ_S a C string (dbq_cstr), DBQ_SO text or
 * NULL for NULL/"" (dbq_cstr_opt), DBQ_IDO an id or NULL for <= 0
 * (dbq_id_opt), DBQ_NZ an integer or NULL for 0, DBQ_D a day (dbq_date),
 * DBQ_B len bytes at p (dbq_str), DBQ_NULL SQL NULL (dbq_null). */
enum dbq_atype { DBQ_A_INT, DBQ_A_STR, DBQ_A_STR_OPT, DBQ_A_ID_OPT,
	DBQ_A_NZ, DBQ_A_DATE, DBQ_A_BYTES, DBQ_A_NULL };
struct dbq_arg {
	enum dbq_atype	 t;
	int64_t		 i;
	const char	*s;
};
#define DBQ_I(v)	((struct dbq_arg){ DBQ_A_INT, (v), NULL })
#define DBQ_S(v)	((struct dbq_arg){ DBQ_A_STR, 0, (v) })
#define DBQ_SO(v)	((struct dbq_arg){ DBQ_A_STR_OPT, 0, (v) })
#define DBQ_IDO(v)	((struct dbq_arg){ DBQ_A_ID_OPT, (v), NULL })
#define DBQ_NZ(v)	((struct dbq_arg){ DBQ_A_NZ, (v), NULL })
#define DBQ_D(v)	((struct dbq_arg){ DBQ_A_DATE, (v), NULL })
#define DBQ_NULL	((struct dbq_arg){ DBQ_A_NULL, 0, NULL })
#define DBQ_B(p, len) \
	((struct dbq_arg){ DBQ_A_BYTES, (int64_t)(len), (p) })

/* Bind the n values of a to q in order; returns q (NULL when q is NULL,
 * binding nothing), so that a statement is fetched, bound and run in one
 * expression. */
struct dbq	*dbq_bind_args(struct dbq *, const struct dbq_arg *a,
		    size_t n);
#define dbq_bind(q, ...) dbq_bind_args((q), \
	(const struct dbq_arg[]){ __VA_ARGS__ }, \
	sizeof((const struct dbq_arg[]){ __VA_ARGS__ }) / \
	sizeof(struct dbq_arg))

#endif
