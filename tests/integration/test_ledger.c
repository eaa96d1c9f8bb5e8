/*
 * The double-entry ledger against the stack's MariaDB: entries post in one
 * statement and balance, a key posted again with the same lines is a
 * replay and with other lines a conflict, reversals, balances, the table
 * refuses UPDATE and DELETE, and `mallpayctl check` finds an entry that
 * does not balance.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/ledger.h"
#include "db/stmt.h"
#include "service/ledger.h"
#include "ctl.h"
#include "shop.h"

enum tstmt { T_UPDATE, T_DELETE, T__MAX };
static const char *const tstmts[T__MAX] = {
	"UPDATE ledger_lines SET amount_minor = amount_minor + 1 "
	"WHERE entry_key = ?",
	"DELETE FROM ledger_lines WHERE entry_key = ?",
};

/* A key of its own for this run: "test-<pid>-<name>". */
static const char *
key(char *out, size_t outsz, const char *name)
{
	snprintf(out, outsz, "test-%d-%lld-%s", (int)getpid(),
	    (long long)time(NULL), name);
	return out;
}

/* A two-move entry: buyer 1 owes 30000, of which the bank collected
 * 10200 (amounts in USD minor units). */
static void
entry(struct ledger_entry *e, const char *k, char acct[2][LEDGER_ACCT_MAX])
{
	memset(e, 0, sizeof(*e));
	e->kind = LK_INSTALLMENT;
	e->key = k;
	e->currency = "USD";
	e->partner = "harbor-bank";
	e->partner_ref = k;
	e->memo = "test";
	e->at = time(NULL);
	ledger_acct_buyer_receivable(acct[0], LEDGER_ACCT_MAX, 999001);
	ledger_acct_partner_clearing(acct[1], LEDGER_ACCT_MAX, "test-bank");
	e->moves[0] = (struct ledger_move){ acct[1], acct[0], 10200 };
	e->moves[1] = (struct ledger_move){ LEDGER_FEE_INCOME, acct[0], 300 };
	e->nmoves = 2;
}

/* One entry posts as four lines; the same again is a replay (1), the same
 * key with another amount a conflict (-2); balances move once. */
static void
test_ledger_post_replay_conflict(void **state)
{
	struct ledger_entry	 e;
	struct db_ledger_line	*l = NULL;
	size_t			 n = 0;
	char			 k[96], acct[2][LEDGER_ACCT_MAX];
	int64_t			 before, after;

	(void)state;
	entry(&e, key(k, sizeof(k), "post"), acct);
	assert_int_equal(ledger_balance(shop_db(), acct[1], "USD", &before), 0);
	assert_int_equal(db_begin(shop_db()), 0);
	assert_int_equal(ledger_post(shop_db(), &e), 0);
	assert_int_equal(db_commit(shop_db()), 0);
	assert_int_equal(ledger_post(shop_db(), &e), 1);
	e.moves[0].amount = 10201;
	assert_int_equal(ledger_post(shop_db(), &e), -2);
	assert_int_equal(ledger_balance(shop_db(), acct[1], "USD", &after), 0);
	assert_int_equal(after - before, 10200);

	assert_int_equal(db_ledger_entry(shop_db(), k, &l, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(l[0].amount + l[1].amount + l[2].amount +
	    l[3].amount, 0);
	assert_string_equal(l[0].kind, "installment");
	assert_string_equal(l[0].partner, "harbor-bank");
	free(l);
}

/* Malformed entries are refused and write nothing. */
static void
test_ledger_refuses_malformed(void **state)
{
	struct ledger_entry	e;
	char			k[96], acct[2][LEDGER_ACCT_MAX];
	struct db_ledger_line	*l = NULL;
	size_t			n = 9;

	(void)state;
	entry(&e, key(k, sizeof(k), "bad"), acct);
	e.moves[0].amount = -5;
	assert_int_equal(ledger_post(shop_db(), &e), -1);
	entry(&e, k, acct);
	e.currency = "US";
	assert_int_equal(ledger_post(shop_db(), &e), -1);
	entry(&e, k, acct);
	e.moves[1].debit = acct[0];	/* an account to itself */
	assert_int_equal(ledger_post(shop_db(), &e), -1);
	entry(&e, k, acct);
	e.key = "";
	assert_int_equal(ledger_post(shop_db(), &e), -1);
	assert_int_equal(db_ledger_entry(shop_db(), k, &l, &n), 0);
	assert_int_equal(n, 0);
	free(l);
}

/* A reversal brings every balance back, once; the lines cannot be
 * updated or deleted. */
static void
test_ledger_reverse_and_append_only(void **state)
{
	struct ledger_entry	 e;
	struct dbq		*q;
	char			 k[96], rk[100], acct[2][LEDGER_ACCT_MAX];
	int64_t			 before, after;

	(void)state;
	entry(&e, key(k, sizeof(k), "rev"), acct);
	assert_int_equal(ledger_balance(shop_db(), acct[0], "USD", &before), 0);
	assert_int_equal(ledger_post(shop_db(), &e), 0);
	assert_int_equal(ledger_reverse(shop_db(), k, "test reversal",
	    time(NULL)), 0);
	assert_int_equal(ledger_reverse(shop_db(), k, "again", time(NULL)), 1);
	assert_int_equal(ledger_balance(shop_db(), acct[0], "USD", &after), 0);
	assert_int_equal(after, before);
	snprintf(rk, sizeof(rk), "rev:%s", k);
	assert_int_equal(ledger_reverse(shop_db(), "no-such-entry", NULL,
	    time(NULL)), -1);

	q = dbq_get(shop_db(), DB_T_TEST, T_UPDATE, tstmts[T_UPDATE]);
	assert_non_null(q);
	dbq_cstr(q, k);
	assert_int_equal(dbq_exec(q), -1);
	dbq_done(q);
	q = dbq_get(shop_db(), DB_T_TEST, T_DELETE, tstmts[T_DELETE]);
	assert_non_null(q);
	dbq_cstr(q, rk);
	assert_int_equal(dbq_exec(q), -1);
	dbq_done(q);
}

/* Lines written around the service's checks that do not balance are
 * named by `mallpayctl check` (exit 1); compensating lines make it clean
 * again. */
static void
test_ledger_check_finds_unbalanced_entry(void **state)
{
	struct db_ledger_line	l[2];
	struct buf		out;
	char			k[96], msg[160];

	(void)state;
	buf_init(&out);
	assert_int_equal(mallpayctl_run(&out, "check"), 0);
	memset(l, 0, sizeof(l));
	key(k, sizeof(k), "corrupt");
	snprintf(l[0].entry_key, sizeof(l[0].entry_key), "%s", k);
	snprintf(l[1].entry_key, sizeof(l[1].entry_key), "%s", k);
	snprintf(l[0].kind, sizeof(l[0].kind), "installment");
	snprintf(l[1].kind, sizeof(l[1].kind), "installment");
	snprintf(l[0].account, sizeof(l[0].account), "platform:cash");
	snprintf(l[1].account, sizeof(l[1].account), "merchant:payable");
	snprintf(l[0].currency, sizeof(l[0].currency), "USD");
	snprintf(l[1].currency, sizeof(l[1].currency), "USD");
	l[0].amount = 100;
	l[1].amount = -99;
	l[1].line_no = 1;
	l[0].created_at = l[1].created_at = time(NULL);
	assert_int_equal(db_ledger_insert(shop_db(), l, 2), 0);
	assert_int_equal(mallpayctl_run(&out, "check"), 1);
	snprintf(msg, sizeof(msg), "violation: ledger entry %s does not "
	    "balance in USD", k);
	if (strstr(buf_str(&out), msg) == NULL)
		fail_msg("not reported:\n%s", buf_str(&out));

	/* Compensate: one line of -1 and one of 0 on the same key. */
	l[0].amount = -1;
	l[0].line_no = 2;
	l[1].amount = 0;
	l[1].line_no = 3;
	assert_int_equal(db_ledger_insert(shop_db(), l, 2), 0);
	if (mallpayctl_run(&out, "check") != 0)
		fail_msg("check after compensation:\n%s", buf_str(&out));
	buf_cleanup(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ledger_post_replay_conflict),
		cmocka_unit_test(test_ledger_refuses_malformed),
		cmocka_unit_test(test_ledger_reverse_and_append_only),
		cmocka_unit_test(test_ledger_check_finds_unbalanced_entry),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests_name("integration_ledger", tests, NULL,
	    NULL);
	shop_end();
	return rc;
}
