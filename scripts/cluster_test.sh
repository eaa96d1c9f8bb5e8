#!/usr/bin/env bash
# Faults under load on the cluster of scripts/cluster.sh (./mallpay cluster test):
#
#   scripts/cluster_test.sh DIR PORT BUILD
#
# A fresh cluster in DIR (deleted first), 40 benchmark shoppers with plans
# (mallpayctl bench-data), then CLUSTER_CLIENTS (32) clients of
# tests/cluster/load.mjs placing orders, uploading vouchers and paying
# installments across the three mallpayd while
#   (a) node 2 is killed with -9 and rejoins (recovered position, IST),
#   (b) host 3's mallpayd is killed with -9 and restarted,
#   (c) node 3 cut off from the other two (its cables down: the nodes run in
#       network namespaces of their own) for 20 s: it must turn non-Primary and
#       refuse a write (1047), and the requests its mallpayd answers meanwhile
#       503 (never 500; the acknowledged ones are checked at the end with the
#       rest); then healed, it must rejoin. Where the machine allows no
#       namespaces (not root, or refused) the nodes share 127.0.0.1: skipped,
#       and the summary says so.
# Then three `mallpayctl tick` at once on the three hosts (three nodes) over
# 2000 due jobs, and the checks: every acknowledged order, voucher and payment
# on all three nodes; CHECKSUM TABLE of every table equal on the three;
# `mallpayctl check` and `reconcile` clean; no 500 (503 allowed during the
# faults); every job done once (one claim each, no job id done twice in any
# host's output). Prints a summary (also DIR/summary.txt); exit 1 if a check
# fails. CLUSTER_KEEP=1 leaves the cluster running.
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
[ $# -eq 3 ] || { echo "usage: cluster_test.sh DIR PORT BUILD" >&2; exit 2; }
dir=$1 port=$2 build=$(cd "$3" && pwd)
clients=${CLUSTER_CLIENTS:-32}
cluster="$src/scripts/cluster.sh"
t0=$(date +%s)
fail=0
summary=()

say() { echo "cluster test: $*"; }
note() { summary+=("$*"); say "$*"; }
bad() { note "FAIL: $*"; fail=1; }
sql_on() { mariadb --no-defaults -S "$dir/host$1/run/mysqld.sock" -u root -N -B mallpay -e "$2"; }
state() { sql_on "$1" "SHOW GLOBAL STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2; }
ctl() { "$build/mallpayctl" -c "$dir/host$1/mallpay.conf" --sql "$src/sql" "${@:2}"; }

status_of() { sql_on "$1" "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | cut -f2; }

# Wait up to $2 seconds for command $1; the seconds it took, or "never".
within() {
	local t=$SECONDS
	until eval "$1"; do
		[ $((SECONDS - t)) -lt "$2" ] || { echo never; return 1; }
		sleep 0.5
	done
	echo $((SECONDS - t))
}

# (c): node 3 cut off under load, 20 s, then healed. The nginx access log's
# lines of that time are the answers the shoppers got meanwhile.
partition() {
	local alog=$dir/log/nginx-access.log from to t_np t_back ists err codes n503 n500 n
	say "(c) cut node 3 off from nodes 1 and 2"
	from=$(wc -l < "$alog")
	ists=$(grep -c 'IST received' "$dir/host3/log/mariadb.log" || true)
	"$cluster" cut-node "$dir" 3
	t_np=$(within '[ "$(status_of 3 wsrep_cluster_status)" = non-Primary ]' 60) \
	    || bad "(c) node 3 cut off still says $(status_of 3 wsrep_cluster_status) after 60 s"
	within '[ "$(status_of 1 wsrep_cluster_size)" = 2 ]' 60 > /dev/null \
	    || bad "(c) nodes 1 and 2 did not go on as a cluster of 2"
	err=$(sql_on 3 "UPDATE jobs SET run_at = run_at WHERE id = -1" 2>&1) \
	    && bad "(c) node 3 cut off took a write"
	case "$err" in *"ERROR 1047"*) ;; *) bad "(c) node 3 cut off answered a write: $err" ;; esac
	sleep 20
	to=$(wc -l < "$alog")
	"$cluster" heal-node "$dir" 3
	t_back=$(within '[ "$(state 3)" = Synced ] && [ "$(status_of 3 wsrep_cluster_size)" = 3 ]' 180) \
	    || bad "(c) node 3 not back in the cluster 180 s after its links came back"
	codes=$(sed -n "$((from + 1)),${to}p" "$alog" | awk '{ print $9 }')
	n=$(echo "$codes" | grep -c . || true)
	n503=$(echo "$codes" | grep -cx 503 || true)
	n500=$(echo "$codes" | grep '^5' | grep -cvxE '502|503|504' || true)
	[ "$n503" -gt 0 ] || bad "(c) no answer 503 while node 3 was cut off: host 3's mallpayd served nothing?"
	[ "$n500" = 0 ] || bad "(c) $n500 answers 500 while node 3 was cut off"
	note "(c) node 3 cut off from the other two under load: non-Primary after $t_np s, refused a write (ERROR 1047); $n requests answered while cut off, $n503 of them 503 (host 3's mallpayd), $n500 500; links back: Synced in a cluster of 3 after $t_back s ($([ "$(grep -c 'IST received' "$dir/host3/log/mariadb.log" || true)" -gt "$ists" ] && echo IST || echo 'no state transfer'))"
	sleep 10
}

finish() {
	[ -n "${load_pid:-}" ] && kill "$load_pid" 2>/dev/null || true
	[ "${CLUSTER_KEEP:-0}" = 1 ] || "$cluster" down "$dir" || true
}
trap finish EXIT

"$cluster" down "$dir" 2>/dev/null || true
rm -rf "$dir"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
say "starting three nodes, three mallpayd, nginx"
t=$(date +%s)
MALLPAY_SIGNIN_RATE=${MALLPAY_SIGNIN_RATE:-200r/s} MALLPAY_SIGNIN_BURST=${MALLPAY_SIGNIN_BURST:-200} \
    MALLPAY_SCHEDULER_EVERY=${MALLPAY_SCHEDULER_EVERY:-5} "$cluster" up "$dir" "$port" "$build" 2>&1 | tee "$dir/up.log"
note "cluster up (bootstrap, two state transfers, migrations, demo data): $(( $(date +%s) - t )) s"
ctl 1 bench-data --shoppers 40 --orders 400 > "$dir/bench-data.log"

say "load: $clients clients"
node "$src/tests/cluster/load.mjs" "http://127.0.0.1:$port" "$clients" 600 \
    "$dir/stop" "$dir/load.json" > "$dir/load.log" 2>&1 &
load_pid=$!
sleep 15

# (a) a node lost and back.
say "(a) kill -9 node 2"
"$cluster" kill-node "$dir" 2
sleep 15
t=$(date +%s)
"$cluster" start-node "$dir" 2
note "(a) node 2 killed with -9 under load, down 15 s; back to Synced in $(( $(date +%s) - t )) s ($(grep -q 'IST received' "$dir/host2/log/mariadb.log" && echo IST || echo 'full state transfer'))"
sleep 10

# (b) a mallpayd lost and back.
say "(b) kill -9 mallpayd of host 3"
"$cluster" kill-app "$dir" 3
sleep 10
"$cluster" start-app "$dir" 3 "$build"
note "(b) mallpayd of host 3 killed with -9, restarted after 10 s"
sleep 10

# (c) a partition.
if [ -s "$dir/run/netns" ]; then
	partition
else
	note "(c) node cut off from the other two: SKIPPED (this machine gave no network namespaces: the nodes share 127.0.0.1, see $dir/up.log)"
fi

touch "$dir/stop"
wait "$load_pid" || bad "the load program failed: see $dir/load.log"
load_pid=""

# Three ticks at once, one per host (each on its own node), over 2000 due
# jobs added for them: the hosts take the same jobs at the same moments on
# different nodes, and each job must be done once (claimed by one).
say "three ticks at once on the three hosts over 2000 due jobs"
sql_on 1 "INSERT INTO jobs (kind, subject_id, run_at) SELECT 'session_purge', seq, UNIX_TIMESTAMP() - 60 FROM seq_1000001_to_1002000"
for n in 1 2 3; do ctl "$n" tick > "$dir/tick-$n.out" 2>&1 & done
wait || true

# Every node has every writeset applied.
for n in 1 2 3; do
	for i in $(seq 1 300); do
		[ "$(state "$n")" = Synced ] && [ "$(sql_on "$n" "SHOW GLOBAL STATUS LIKE 'wsrep_local_recv_queue'" | cut -f2)" = 0 ] && break
		sleep 0.1
	done
done
sleep 2

# The acknowledged work on every node.
python3 - "$dir/load.json" > "$dir/acked.sql" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
o = ",".join(str(i) for i in d["orders"]) or "0"
v = ",".join(str(i) for i in d["vouchers"]) or "0"
p = " OR ".join(f"(o.id = {a} AND i.seq = {b})" for a, b in d["payments"]) or "0"
print(f"SELECT (SELECT COUNT(*) FROM orders WHERE id IN ({o})), "
      f"(SELECT COUNT(DISTINCT order_id) FROM remittance_vouchers WHERE order_id IN ({v})), "
      f"(SELECT COUNT(*) FROM plan_installments i JOIN plans p ON p.id = i.plan_id "
      f"JOIN orders o ON o.id = p.order_id WHERE ({p}) AND i.paid_at IS NOT NULL)")
EOF
read -r n_orders n_vouchers n_pay n_500 n_503 n_err secs <<<"$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = d["statuses"]
print(len(d["orders"]), len(set(d["vouchers"])), len(d["payments"]),
      sum(v for k, v in s.items() if int(k) >= 500 and k not in ("502", "503", "504")),
      s.get("503", 0) + s.get("502", 0) + s.get("504", 0), d["errors"], round(d["seconds"]))
' "$dir/load.json")"
total=$(python3 -c 'import json,sys; print(sum(json.load(open(sys.argv[1]))["statuses"].values()))' "$dir/load.json")
note "load: $total requests in $secs s ($(( total / (secs > 0 ? secs : 1) )) per second), $n_orders orders, $n_vouchers vouchers, $n_pay installments acknowledged; $n_503 answers 502/503 during the faults (tried again), $n_err connection errors, $n_500 answers 500"
[ "$n_500" = 0 ] || bad "answers 500: $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["fiveHundreds"][:5])' "$dir/load.json")"
[ "$n_orders" -gt 0 ] || bad "no order was acknowledged"
[ "$n_vouchers" -gt 0 ] || bad "no voucher was acknowledged: see the POST /orders/N/voucher lines of $dir/host*/log/mallpayd.log"
want="$n_orders	$n_vouchers	$n_pay"
held=yes
for n in 1 2 3; do
	got=$(sql_on "$n" "$(cat "$dir/acked.sql")" 2>&1 || true)
	[ "$got" = "$want" ] || { held=NO; bad "node $n holds orders/vouchers/payments $got of $want acknowledged"; }
done
note "every acknowledged order, voucher and payment on the three nodes: $held"

# The three nodes hold the same data.
tables=$(sql_on 1 "SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'mallpay' AND table_type = 'BASE TABLE'")
for n in 1 2 3; do sql_on "$n" "CHECKSUM TABLE $tables" > "$dir/checksum-$n.txt"; done
if cmp -s "$dir/checksum-1.txt" "$dir/checksum-2.txt" && cmp -s "$dir/checksum-1.txt" "$dir/checksum-3.txt"; then
	note "CHECKSUM TABLE equal on the three nodes ($(wc -l < "$dir/checksum-1.txt") tables)"
else
	bad "CHECKSUM TABLE differs between the nodes: see $dir/checksum-*.txt"
fi

# Ledger and partners.
ctl 2 check > "$dir/check.out" 2>&1 && note "mallpayctl check: clean" || bad "mallpayctl check: see $dir/check.out"
ctl 3 reconcile > "$dir/reconcile.out" 2>&1 && note "mallpayctl reconcile: clean" || bad "mallpayctl reconcile: see $dir/reconcile.out"

# Jobs: one claim per job done, no job done twice by the hosts.
outs() { cat "$dir"/tick-*.out "$dir"/host*/log/scheduler.log; }
twice=$(outs | grep -v FAILED | sed -n 's/^job \([0-9]*\) .*/\1/p' | sort | uniq -d | head -n 5 | tr '\n' ' ')
per_host=""
for n in 1 2 3; do
	per_host="$per_host${per_host:+, }host $n $(cat "$dir/tick-$n.out" "$dir/host$n/log/scheduler.log" | grep -c '^job [0-9]* [a-z_]* (.*): [^F]' || true)"
done
lost=$(outs | grep -c '^left job' || true)
unclaimed=$(sql_on 1 "SELECT COUNT(*) FROM jobs j LEFT JOIN job_claims c ON c.job_id = j.id WHERE j.done_at IS NOT NULL AND c.job_id IS NULL")
pending=$(sql_on 1 "SELECT COUNT(*) FROM jobs WHERE done_at IS NULL AND run_at <= UNIX_TIMESTAMP() - 60")
[ -z "$twice" ] || bad "jobs done twice: $twice"
[ "$unclaimed" = 0 ] || bad "$unclaimed jobs done without a claim"
[ "$pending" = 0 ] || bad "$pending due jobs left undone"
note "jobs: $(sql_on 1 "SELECT COUNT(*) FROM jobs WHERE done_at IS NOT NULL") done, each once ($per_host); $lost times a host found a job claimed by another (duplicate claim or 1213 at COMMIT) and left it"

note "running time: $(( $(date +%s) - t0 )) s"
printf '%s\n' "${summary[@]}" > "$dir/summary.txt"
[ "$fail" = 0 ] && say "PASS" || say "FAILED (logs in $dir)"
exit "$fail"
