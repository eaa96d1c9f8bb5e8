#!/usr/bin/env bash
# The large data set of the scale check, made fast (called by bench/run.sh,
# or alone against a running stack):
#
#   bench/grow.sh STACKDIR ORDERS
#
# Copies the benchmark orders already in the database (mallpayctl
# bench-data's, the template: every order keyed "bench-..." of the
# benchmark shoppers, not bench@bench.test's) until the database holds
# ORDERS benchmark orders, each copy whole: the order, its items, its
# events, its plan with its installments, payments and events, its
# remittance voucher with its events, and every ledger line of them. The
# copies are INSERT ... SELECT statements inside MariaDB joined with its
# sequence engine's seq_A_to_B table (copy numbers A..B), a statement per
# table per batch of copies, so no row crosses the client connection: a
# million orders (about 12 million rows) take minutes, not the hour of the
# row-by-row generator.
#
# A copy k of a template row has its ids moved up by k times the table's
# largest id before the run (orders, plans, vouchers: no id can collide);
# what must stay unique is derived from the new ids as the product derives
# it: the RF creditor reference (REM-P1: "RF", the ISO 11649 check digits,
# the order id), the ledger entry keys (sale-ORDER, rem-VOUCHER,
# planPLAN-...), the order's idempotency key (the template's with ".k",
# k counting on from an earlier run's copies; the template is the orders
# that are no copy).
# Copies keep their shopper and dates: the shoppers each have more orders
# of the same kinds. The column lists are read from information_schema, so
# a column added later is copied as it is.
set -euo pipefail

die() { echo "grow: $*" >&2; exit 1; }
[ $# -eq 2 ] || die "usage: bench/grow.sh STACKDIR ORDERS"
dir=$1
want=$2
sql() { mariadb --no-defaults -S "$dir/run/mysqld.sock" -u root -N -B mallpay -e "$1"; }

# The template, numbered 1..T (the last copy takes the first n of them).
sql "DROP TABLE IF EXISTS bench_tpl; CREATE TABLE bench_tpl (id BIGINT PRIMARY KEY, n INT NOT NULL, KEY (n)) ENGINE=InnoDB;
    INSERT INTO bench_tpl SELECT o.id, ROW_NUMBER() OVER (ORDER BY o.id) FROM orders o
    JOIN users u ON u.id = o.user_id
    WHERE o.idempotency_key LIKE 'bench-%' AND o.idempotency_key NOT LIKE '%.%'
    AND u.email LIKE 'bench-%@bench.test'"
# k0: the last copy number of an earlier run (its keys end in .k).
read -r tpl k0 have wo wp wv < <(sql "SELECT (SELECT COUNT(*) FROM bench_tpl),
    (SELECT COALESCE(MAX(CAST(SUBSTRING_INDEX(idempotency_key, '.', -1) AS UNSIGNED)), 0)
     FROM orders WHERE idempotency_key LIKE 'bench-%.%'),
    (SELECT COUNT(*) FROM orders WHERE idempotency_key LIKE 'bench-%'),
    (SELECT COALESCE(MAX(id), 0) FROM orders), (SELECT COALESCE(MAX(id), 0) FROM plans),
    (SELECT COALESCE(MAX(id), 0) FROM remittance_vouchers)")
[ "$tpl" -gt 0 ] || die "no benchmark orders to copy: run mallpayctl bench-data first"
if [ "$have" -ge "$want" ]; then
	echo "grow: $have benchmark orders already (wanted $want)"
	sql "DROP TABLE bench_tpl"
	exit 0
fi

# The columns of TABLE as a select list over alias x, with the
# replacements given as COLUMN=EXPRESSION (COLUMN=- drops the column: an
# AUTO_INCREMENT id). Prints "COLS<TAB>EXPRS".
cols() {
	local t=$1; shift
	local c list="" exprs="" e m
	for c in $(sql "SELECT column_name FROM information_schema.columns
	    WHERE table_schema = DATABASE() AND table_name = '$t' ORDER BY ordinal_position"); do
		e="x.$c"
		for m in "$@"; do
			[ "${m%%=*}" = "$c" ] && e=${m#*=}
		done
		[ "$e" = - ] && continue
		list="$list${list:+, }$c"
		exprs="$exprs${exprs:+, }$e"
	done
	printf '%s\t%s\n' "$list" "$exprs"
}

# copy TABLE FROM-AND-WHERE [COLUMN=EXPRESSION...]: one INSERT ... SELECT
# of every copy A..B (s.seq the copy's number, t the template order row).
copy() {
	local t=$1 from=$2 l e
	shift 2
	IFS=$'\t' read -r l e < <(cols "$t" "$@")
	printf 'INSERT INTO %s (%s) SELECT %s %s;\n' "$t" "$l" "$e" "$from"
}

O="x.order_id + s.seq * $wo"
P="x.plan_id + s.seq * $wp"
# The SQL of copies A..B of the template's first LIM orders. A copied
# order's line summary starts empty: the trigger of sql/044 adds each
# copied line to it.
batch_sql() { # A B LIM
	local seq="seq_$1_to_$2" lim=$3
	local tw="JOIN bench_tpl t ON t.id = %s AND t.n <= $lim JOIN $seq s"
	echo "SET SESSION unique_checks = 0, foreign_key_checks = 0;"
	# shellcheck disable=SC2059
	copy orders "FROM orders x $(printf "$tw" x.id)" "id=x.id + s.seq * $wo" \
	    "idempotency_key=CONCAT(x.idempotency_key, '.', s.seq + $k0)" \
	    "items_names=''" "items_count=0" "items_category=''" \
	    "rf_code=IF(x.rf_code IS NULL, NULL, CONCAT('RF', LPAD(98 - MOD(CAST(CONCAT(x.id + s.seq * $wo, '271500') AS DECIMAL(40, 0)), 97), 2, '0'), x.id + s.seq * $wo))"
	# shellcheck disable=SC2059
	copy order_items "FROM order_items x $(printf "$tw" x.order_id)" "id=-" "order_id=$O"
	# shellcheck disable=SC2059
	copy plans "FROM plans x $(printf "$tw" x.order_id)" "id=x.id + s.seq * $wp" "order_id=$O"
	# shellcheck disable=SC2059
	copy plan_installments "FROM plan_installments x JOIN plans p ON p.id = x.plan_id AND p.id <= $wp $(printf "$tw" p.order_id)" "plan_id=$P"
	# shellcheck disable=SC2059
	copy plan_payments "FROM plan_payments x JOIN plans p ON p.id = x.plan_id AND p.id <= $wp $(printf "$tw" p.order_id)" "id=-" "plan_id=$P"
	# shellcheck disable=SC2059
	copy remittance_vouchers "FROM remittance_vouchers x $(printf "$tw" x.order_id) WHERE x.id <= $wv" \
	    "id=x.id + s.seq * $wv" "order_id=$O"
	# shellcheck disable=SC2059
	copy events "FROM events x $(printf "$tw" x.subject_id) WHERE x.subject_type = 'order'" \
	    "id=-" "subject_id=x.subject_id + s.seq * $wo"
	# shellcheck disable=SC2059
	copy events "FROM events x JOIN plans p ON p.id = x.subject_id AND p.id <= $wp $(printf "$tw" p.order_id) WHERE x.subject_type = 'plan'" \
	    "id=-" "subject_id=x.subject_id + s.seq * $wp"
	# shellcheck disable=SC2059
	copy events "FROM events x JOIN remittance_vouchers v ON v.id = x.subject_id AND v.id <= $wv $(printf "$tw" v.order_id) WHERE x.subject_type = 'voucher'" \
	    "id=-" "subject_id=x.subject_id + s.seq * $wv"
	# shellcheck disable=SC2059
	copy ledger_lines "FROM ledger_lines x $(printf "$tw" x.order_id)" "id=-" "order_id=$O" \
	    "plan_id=IF(x.plan_id IS NULL, NULL, $P)" \
	    "ref_id=IF(x.ref_type = 'voucher', x.ref_id + s.seq * $wv, x.ref_id)" \
	    "reverses=IF(x.reverses IS NULL, NULL, CONCAT(x.reverses, '.', s.seq))" \
	    "entry_key=CASE WHEN x.entry_key = CONCAT('sale-', x.order_id) THEN CONCAT('sale-', $O) WHEN x.ref_type = 'voucher' AND x.entry_key = CONCAT('rem-', x.ref_id) THEN CONCAT('rem-', x.ref_id + s.seq * $wv) WHEN x.plan_id IS NOT NULL AND x.entry_key LIKE CONCAT('plan', x.plan_id, '-%') THEN CONCAT('plan', $P, SUBSTRING(x.entry_key, LENGTH(CONCAT('plan', x.plan_id)) + 1)) ELSE CONCAT(x.entry_key, '.', s.seq + $k0) END"
}

# Copies in batches of PER (about 100,000 orders a statement), the last
# one partial; the ids of a copy k stay below (k + 1) times the maxima.
add=$((want - have))
per=$(( (100000 + tpl - 1) / tpl ))
k=1
t0=$(date +%s)
while [ "$add" -gt 0 ]; do
	full=$((add / tpl))
	if [ "$full" -ge 1 ]; then
		n=$(( full < per ? full : per ))
		sql "$(batch_sql "$k" "$((k + n - 1))" "$tpl")"
		k=$((k + n)); add=$((add - n * tpl))
	else
		sql "$(batch_sql "$k" "$k" "$add")"
		k=$((k + 1)); add=0
	fi
	echo "grow: $((want - add)) benchmark orders ($(( $(date +%s) - t0 )) s)" >&2
done
sql "DROP TABLE bench_tpl"
echo "grow: $((want - have)) orders added by copying $tpl template orders in $(( $(date +%s) - t0 )) s"
