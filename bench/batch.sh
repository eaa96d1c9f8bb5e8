#!/usr/bin/env bash
# The scheduler's batch table of ./mallpay bench (called by bench/run.sh,
# or alone against a running stack):
#
#   bench/batch.sh STACKDIR BUILD [INSTALLMENTS]
#
# 1. mallpayctl bench-data --installments N (default BENCH_INSTALLMENTS or
#    1000000): running 12-month plans started 40 days ago, until N
#    installments were added; their third installment falls due about 20
#    days from today.
# 2. One day's tick: `mallpayctl tick --now` 21 days ahead at noon, the
#    first run of that day (every plan is one day late: INST-F1 late fee
#    and its ledger entry per plan), then the next minute's tick (nothing
#    is due: it must read nothing).
# 3. A table of rows (what each job did) and rows per second per job, from
#    tick's "times:" line.
set -euo pipefail

die() { echo "batch: $*" >&2; exit 1; }
[ $# -ge 2 ] || die "usage: bench/batch.sh STACKDIR BUILD [INSTALLMENTS]"
dir=$1
build=$2
n=${3:-${BENCH_INSTALLMENTS:-1000000}}
ctl() { "$build/mallpayctl" -c "$dir/mallpay.conf" "$@"; }
sql() { mariadb --no-defaults -S "$dir/run/mysqld.sock" -u root -N -B mallpay -e "$1"; }

t0=$(date +%s)
ctl bench-data --orders 0 --bench-orders 0 --installments "$n" >&2
gen=$(( $(date +%s) - t0 ))
book=$(sql "SELECT COUNT(*) FROM plan_installments")
active=$(sql "SELECT COUNT(*) FROM plans WHERE status = 'active'")
day=$(date -u -d '+21 days' +%Y-%m-%d)
first=$(ctl tick --now "${day}T12:00:00Z" | grep '^times: ' || true)
second=$(ctl tick --now "${day}T12:01:00Z" | grep '^times: ' || true)
[ -n "$first" ] && [ -n "$second" ] || die "tick printed no times: line"

echo "scheduler batch: $book installments in $active active plans (bench-data --installments $n: ${gen} s); tick --now ${day}T12:00:00Z, then a minute later"
printf '%-14s %12s %10s %10s %14s %10s\n' "job" "day rows" "day ms" "rows/s" "next-min rows" "next ms"
# "times: NAME N rows M ms, NAME ..." of both runs, side by side.
paste <(echo "${first#times: }" | tr ',' '\n') <(echo "${second#times: }" | tr ',' '\n') |
awk '{ r = ($4 > 0 ? $2 * 1000 / $4 : 0);
	printf "%-14s %12d %10.1f %10.0f %14d %10.1f\n", $1, $2, $4, r, $7, $9 }'
echo "(rows: what the job did: plans worked, debts and orders acted on, notices, scores; the next minute's run must read nothing)"
