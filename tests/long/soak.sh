#!/usr/bin/env bash
# Soak, long: run only when MALLPAY_LONG=1 (./mallpay test --long
# runs it after make check), otherwise exit 77 (skipped).
#
#   tests/long/soak.sh BUILD        (or top_builddir/top_srcdir in the env)
#
# SOAK_SECONDS (default 300) of mixed reads and writes at SOAK_CONNS (64)
# connections against a private stack (scripts/stack.sh, port SOAK_PORT or
# the first free one in 18400-18499): SOAK_CONNS fresh shoppers, each with a
# confirmed 6-month card plan, each looping GET catalog, POST cart add,
# GET cart, GET checkout, POST place-order (remittance, unique key), GET My
# Orders, GET its schedule (tests/long/soak.lua, which tallies every status).
# After a SOAK_WARMUP s (20) warm-up with the same mix, mallpayd's VmRSS is
# taken, then again after the run. Asserts:
#   - zero 5xx, zero unexpected statuses (GETs 200, POSTs 303; a place must
#     redirect to its new order), zero socket errors or timeouts;
#   - mallpayd is the same process at the end (no crash);
#   - VmRSS after at most SOAK_RSS_KB (5120) above before (no growth;
#     memory handed back does not fail);
#   - `mallpayctl check` reports zero violations;
#   - after stopping the stack: "mallpayd: stopped cleanly" in its log and no
#     sanitizer report in the logs.
# Prints the figures line and "soak: N passed, N failed" last.
# With an AddressSanitizer build, ASan's quarantine is set to
# SOAK_ASAN_QUARANTINE_MB (16) so that it fills during the warm-up and does
# not read as growth (the default 256 MB would).
set -eu

if [ "${MALLPAY_LONG:-0}" != 1 ]; then
	echo "soak: skipped (set MALLPAY_LONG=1 or run ./mallpay test --long)"
	exit 77
fi

src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${top_builddir:-${1:?usage: soak.sh BUILD_DIR}}
build=$(cd "$build" && pwd)
# shellcheck source=tests/long/lib.sh
. "$src/tests/long/lib.sh"

secs=${SOAK_SECONDS:-300}
conns=${SOAK_CONNS:-64}
warm=${SOAK_WARMUP:-20}
rss_bound=${SOAK_RSS_KB:-5120}

for tool in wrk curl nginx mariadb ss; do
	command -v "$tool" > /dev/null || { echo "soak: FAIL $tool is missing"; exit 1; }
done
[ -x "$build/mallpayd" ] || { echo "soak: FAIL no mallpayd in $build"; exit 1; }

port=${SOAK_PORT:-}
if [ -z "$port" ]; then
	for p in $(seq 18400 18499); do
		if ! ss -Htln "sport = :$p" | grep -q .; then port=$p; break; fi
	done
fi
[ -n "$port" ] || { echo "soak: FAIL no free port in 18400-18499"; exit 1; }
base="http://127.0.0.1:$port"

dir=$(mktemp -d /tmp/mallpay-soak.XXXXXX)
failed=0
cleanup() {
	"$src/scripts/stack.sh" stop "$dir" > /dev/null 2>&1 || true
	if [ "$failed" -eq 0 ] && [ "${SOAK_KEEP:-0}" != 1 ]; then rm -rf "$dir"
	else echo "soak: kept $dir"; fi
}
trap cleanup EXIT
trap 'failed=1; exit 130' INT TERM

die() { echo "soak: FAIL $*"; failed=1; echo "soak: 0 passed, 1 failed"; exit 1; }
sqlq() { mariadb --no-defaults -S "$dir/run/mysqld.sock" -u root -N -B mallpay -e "$1"; }

asan=0
if grep -aq __asan_init "$build/mallpayd"; then
	asan=1
	export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1}:quarantine_size_mb=${SOAK_ASAN_QUARANTINE_MB:-16}"
	export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
fi

echo "soak: stack in $dir on port $port ($([ "$asan" = 1 ] && echo ASan+UBSan || echo plain) build $build)"
MALLPAY_SIGNIN_RATE=100r/s MALLPAY_SIGNIN_BURST=200 MALLPAY_ACCESS_LOG=off \
    "$src/scripts/stack.sh" start "$dir" "$port" "$build" > "$dir.start.log" 2>&1 ||
    die "the stack did not start: $(tail -n 3 "$dir.start.log")"
rm -f "$dir.start.log"
pid=$(cat "$dir/run/mallpayd.pid")

# The shoppers: registered, made eligible for installments, each with a
# confirmed card plan (its schedule page).
prod=$(sqlq "SELECT id FROM products WHERE sku = 'HOME-VACUUM-R5'")
washer=$(sqlq "SELECT id FROM products WHERE sku = 'HOME-WASHER-8'")
if [ -z "$prod" ] || [ -z "$washer" ]; then die "no demo catalog"; fi
tag="soak$$"
long_shoppers "$base" "$conns" "$dir/shoppers" "$tag" ||
    die "registered $(wc -l < "$dir/shoppers") of $conns shoppers"
sqlq "UPDATE users SET phone = '+60 12 345 6789',
    credit_limit_usd_minor = 1500000 WHERE email LIKE '$tag-%@long.test'"
# A verified identity and a consent with a score of 700 (sql/020_identity.sql).
sqlq "INSERT INTO identity_checks (user_id, legal_name, status, reason, submitted_at, decided_at)
    SELECT id, name, 'verified', 'soak test data', UNIX_TIMESTAMP(), UNIX_TIMESTAMP()
    FROM users WHERE email LIKE '$tag-%@long.test'"
sqlq "INSERT INTO credit_consents (user_id, identity_id, consent_version, accepted_at, score,
    scored_at, refresh_due_at) SELECT ic.user_id, ic.id, 'soak test data', UNIX_TIMESTAMP(), 700,
    UNIX_TIMESTAMP(), UNIX_TIMESTAMP() + 7776000 FROM identity_checks ic JOIN users u
    ON u.id = ic.user_id WHERE u.email LIKE '$tag-%@long.test'"
: > "$dir/sessions"
while read -r cookie tok email; do
	oid=$(long_plan "$base" "$cookie" "$tok" "$washer") || die "no plan for $email"
	echo "$cookie $tok $email $oid" >> "$dir/sessions"
done < "$dir/shoppers"

# run_mix NAME SECONDS: the wrk mix; raw output in $dir/wrk-NAME.txt, the
# tallies in $dir/tally-NAME.txt.
run_mix() {
	LONG_LIB=$src/tests/long/shoppers.lua LONG_SESSIONS=$dir/sessions LONG_OUT=$dir/tally-$1.txt LONG_RUN="$tag$1" LONG_PRODUCT=$prod \
	    wrk -t"$conns" -c"$conns" -d"$2s" --timeout 10s -s "$src/tests/long/soak.lua" "$base/" \
	    > "$dir/wrk-$1.txt" 2>&1 || true
	[ -s "$dir/tally-$1.txt" ] || die "wrk ($1) wrote no tallies: $(tail -n 5 "$dir/wrk-$1.txt")"
}

echo "soak: $conns shoppers with plans ready; warm-up ${warm}s"
run_mix warm "$warm"
sleep 2
rss_before=$(long_rss "$pid")
echo "soak: mallpayd VmRSS after the warm-up: $rss_before kB; soaking ${secs}s at $conns connections"
run_mix soak "$secs"
sleep 2
rss_after=$(long_rss "$pid")

t=$dir/tally-soak.txt
requests=$(awk '$1 == "wrk" { print $3 }' "$t")
errors=$(awk '$1 == "wrk" { print $5 + $6 + $7 + $9 }' "$t")
n5=$(awk '$1 == "tally" && $3 ~ /^5/ { n += $4 } END { print n + 0 }' "$t")
n4=$(awk '$1 == "tally" && $3 ~ /^4/ { n += $4 } END { print n + 0 }' "$t")
# Unexpected: anything but 200 for a GET and 303 (to an order, for place)
# for a POST.
unexpected=$(awk '$1 == "tally" {
	post = ($2 == "add" || $2 == "place")
	if ((post && $3 != "303") || (!post && $3 != "200")) { n += $4; c[$2 "=" $3] += $4 }
} END { w = ""; for (k in c) w = w " " k "x" c[k]; print n + 0 w }' "$t")
wrk_non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$dir/wrk-soak.txt")
rps=$(awk -v n="$requests" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
placed=$(sqlq "SELECT COUNT(*) FROM orders WHERE idempotency_key LIKE 'ks-${tag}soak-%'")
same_pid=no
[ -n "$rss_after" ] && same_pid=yes

check=$("$build/mallpayctl" -c "$dir/mallpay.conf" check 2>&1) && crc=0 || crc=$?
check_line=$(echo "$check" | tail -n 1)

"$src/scripts/stack.sh" stop "$dir" > /dev/null 2>&1 || true
clean=no
[ "$(grep 'mallpayd: ' "$dir/log/mallpayd.log" | tail -n 1 | sed 's/.* info //')" = "mallpayd: stopped cleanly" ] && clean=yes
san=$(long_sanitizer_reports "$dir"/log/*.log)

delta=$(( ${rss_after:-0} - ${rss_before:-0} ))
figures="soak: ${secs}s at $conns connections: $requests requests ($rps req/s), $placed orders placed;"
figures="$figures 5xx: $n5 (wrk non-2xx/3xx: ${wrk_non2xx:-0}), 4xx: $n4, unexpected: ${unexpected}, socket errors: $errors;"
figures="$figures mallpayd VmRSS before ${rss_before} kB, after ${rss_after:-gone} kB ($(awk -v d="$delta" 'BEGIN { printf "%+.1f", d / 1024 }') MB, bound $((rss_bound / 1024)) MB);"
figures="$figures check: $check_line; sanitizer reports: $san; stopped cleanly: $clean"
echo "$figures"

why=""
[ "$n5" -eq 0 ] || why="$why 5xx;"
[ "${unexpected%% *}" -eq 0 ] || why="$why unexpected statuses;"
[ "$errors" -eq 0 ] || why="$why socket errors;"
[ "$same_pid" = yes ] || why="$why mallpayd $pid is gone;"
# Flat means no growth: memory handed back (the allocator trimming its
# arenas, ASan's quarantine draining) is not a leak and does not fail.
[ "$delta" -le "$rss_bound" ] || why="$why VmRSS grew ${delta} kB;"
[ "$crc" -eq 0 ] || why="$why check: $(echo "$check" | grep -E '^violation' | head -n 5 | tr '\n' ';')"
[ "$san" -eq 0 ] || why="$why sanitizer reports;"
[ "$clean" = yes ] || why="$why not stopped cleanly;"
[ "$requests" -gt "$secs" ] || why="$why too few requests;"
[ "$placed" -gt 0 ] || why="$why no order placed;"
if [ -z "$why" ]; then
	echo "soak: PASS"
	echo "soak: 1 passed, 0 failed"
else
	failed=1
	echo "soak: FAIL$why"
	echo "soak: 0 passed, 1 failed"
	exit 1
fi
