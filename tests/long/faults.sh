#!/usr/bin/env bash
# Fault tests, long: run only when MALLPAY_LONG=1 (./mallpay test --long),
# otherwise exit 77 (automake: skipped). Each part starts its own private stack on a
# free loopback port and is bounded in count and time.
#
#   (a) kill -9 of mallpayd (3 times) while 32 shoppers place remittance orders and
#       upload vouchers, restart: every acknowledged order and voucher is there and
#       complete, nothing half-written, `mallpayctl check` clean, the stack answers.
#   (b) MariaDB stopped and started under load: 503 (never 500) while it is down;
#       afterwards every request works again with the SAME mallpayd (no restart).
#   (d) two mallpayd behind one nginx upstream (fastcgi_next_upstream error timeout),
#       one killed with -9 mid-run: clients see no 5xx.
#   (e) sign-in burst at the default nginx rate (5r/s, burst 10): some 429s.
# (c) 50 concurrent identical POSTs and the two-ticks race run in the normal suite
# (tests/integration/test_ops.c).
#
# Prints one figure line per part and "faults: N passed, N failed" last.
set -uo pipefail

if [ "${MALLPAY_LONG:-0}" != 1 ]; then
	echo "faults: skipped (set MALLPAY_LONG=1 or run ./mallpay test --long)"
	exit 77
fi

src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${top_builddir:-${1:?usage: faults.sh BUILD_DIR}}
# shellcheck source=tests/long/lib.sh
. "$src/tests/long/lib.sh"
tmp=$(mktemp -d /tmp/mallpay-faults.XXXXXX)
pass=0 fail=0
pids=()

# A port below the kernel's ephemeral range (where the many client sockets
# of these tests live: a port free of listeners there can still be taken by
# one), used by no socket in any state.
free_port() {
	local lo p
	lo=$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
	[ "$lo" -gt 21000 ] || lo=32768
	p=$((20000 + RANDOM % (lo - 20000 - 200)))
	while ss -Htan "sport = :$p" | grep -q .; do p=$((p + 1)); done
	echo "$p"
}

cleanup() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for d in "$tmp"/s*; do
		[ -d "$d" ] || continue
		[ -f "$d/run/mallpayd2.pid" ] && kill "$(cat "$d/run/mallpayd2.pid")" 2>/dev/null
		"$src/scripts/stack.sh" stop "$d" > /dev/null 2>&1 || true
	done
	if [ "$fail" -eq 0 ]; then rm -rf "$tmp"; else echo "faults: kept $tmp"; fi
}
trap cleanup EXIT

ok()  { echo "faults: PASS $*"; pass=$((pass + 1)); }
bad() { echo "faults: FAIL $*"; fail=$((fail + 1)); }

start_stack() {
	local d=$1 port=$2
	MALLPAY_SIGNIN_RATE=${3:-100r/s} MALLPAY_SIGNIN_BURST=${4:-200} \
	    "$src/scripts/stack.sh" start "$d" "$port" "$build" > "$d.start.log" 2>&1
}

ctl() { "$build/mallpayctl" -c "$1/mallpay.conf" "${@:2}"; }
# SQL on stdin, not -e: the lists of acknowledged orders of (a) run past
# the kernel's 128 KB limit on one argument.
sqlq() { printf '%s\n' "$2" | mariadb --no-defaults -S "$1/run/mysqld.sock" -u root -N -B mallpay; }

# A writer: registers a shopper, then adds to its cart until $3 (epoch) passes.
# Writes one status code per request to $2.
writer() {
	local base=$1 out=$2 until=$3 jar email tok pid
	jar=$(mktemp "$tmp/jar.XXXXXX")
	email="f$$-$RANDOM-$RANDOM@test.invalid"
	tok=$(curl -s -c "$jar" -b "$jar" "$base/register" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
	curl -s -o /dev/null -w '%{http_code}\n' -c "$jar" -b "$jar" --max-time 10 \
	    --data-urlencode "csrf=$tok" --data-urlencode "email=$email" \
	    --data-urlencode "name=Fault Tester" --data-urlencode "password=correct horse battery" \
	    --data-urlencode "confirm=correct horse battery" "$base/register" >> "$out"
	pid=$(curl -s -b "$jar" "$base/catalog" | sed -n 's/.*data-product-id="\([0-9]*\)".*/\1/p' | head -n1)
	while [ "$(date +%s)" -lt "$until" ]; do
		tok=$(curl -s -c "$jar" -b "$jar" --max-time 5 "$base/cart" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
		curl -s -o /dev/null -w '%{http_code}\n' -c "$jar" -b "$jar" --max-time 10 \
		    --data-urlencode "csrf=$tok" --data-urlencode "product_id=${pid:-1}" \
		    --data-urlencode "qty=1" "$base/cart/add" >> "$out"
		curl -s -o /dev/null -w '%{http_code}\n' -b "$jar" --max-time 10 "$base/cart" >> "$out"
	done
}

# A reader: GETs until $3 passes, one status per line into $2.
reader() {
	local base=$1 out=$2 until=$3
	while [ "$(date +%s)" -lt "$until" ]; do
		curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 "$base/catalog" >> "$out"
	done
}

count() { grep -c "$2" "$1" 2>/dev/null || true; }

# (a) kill -9 of mallpayd while 32 shoppers place remittance orders and
# upload their vouchers (wrk, tests/long/voucher.lua: one connection per
# shopper; a place or upload answered 5xx is sent again with the same key),
# FAULT_KILLS times (default 3) at FAULT_KILL_EVERY s (default 5), each
# followed by a restart 1 s later. Then: every order the clients were told
# about exists, complete; every voucher they were told about exists with its
# file; no order has two vouchers from one upload; an order awaits
# verification exactly when it has a voucher; no 500 (only nginx's 502
# while no mallpayd runs); `mallpayctl check` reports zero violations; no
# sanitizer report; a fresh place + upload works after the last restart.
part_a() {
	local d=$tmp/sa port i n run prod kills=${FAULT_KILLS:-3} every=${FAULT_KILL_EVERY:-5}
	local secs out total n5 n500 nplace nup miss_o miss_v dup_v incomplete mism san why=""
	port=$(free_port); start_stack "$d" "$port" || { bad "(a) stack did not start"; return; }
	local base="http://127.0.0.1:$port"
	prod=$(sqlq "$d" "SELECT id FROM products WHERE sku = 'HOME-VACUUM-R5'")
	if ! long_shoppers "$base" 32 "$d.sessions" "fa$$"; then
		bad "(a) could not register 32 shoppers ($(wc -l < "$d.sessions") made)"; return
	fi
	run="r$$x$RANDOM"
	secs=$(( (kills + 1) * every + 4 ))
	out=$d.wrk-out
	LONG_LIB=$src/tests/long/shoppers.lua LONG_SESSIONS=$d.sessions LONG_OUT=$out LONG_RUN=$run LONG_PRODUCT=$prod LONG_AMOUNT=459.00 \
	    wrk -t32 -c32 -d"${secs}s" --timeout 10s -s "$src/tests/long/voucher.lua" "$base/" \
	    > "$d.wrk" 2>&1 &
	pids+=($!)
	for i in $(seq "$kills"); do
		sleep "$every"
		kill -9 "$(cat "$d/run/mallpayd.pid")"
		sleep 1
		MALLPAY_DEMO=0 start_stack "$d" "$port" || { bad "(a) restart $i failed: $(tail -n 3 "$d.start.log")"; wait; pids=(); return; }
	done
	wait
	pids=()
	[ -s "$out" ] || { bad "(a) wrk wrote no results: $(tail -n 5 "$d.wrk")"; return; }
	tally_sum() { awk -v s="$1" -v re="$2" '$1 == "tally" && (s == "" || $2 == s) && $3 ~ re { n += $4 } END { print n + 0 }' "$out"; }
	total=$(tally_sum "" .); n5=$(tally_sum "" '^5'); n500=$(tally_sum "" '^500$')
	nplace=$(grep -c '^placed ' "$out" || true); nup=$(grep -c '^voucher ' "$out" || true)
	# Every acknowledged order exists with its key, items and events, and
	# every acknowledged voucher with its files row (the file on disk is
	# checked by mallpayctl check below): one SQL session over the lists.
	acked_sql() { # KIND -> "INSERT INTO acked VALUES (...), ...;" or nothing
		awk -v k="$1" '$1 == k { printf "%s(%d, '\''%s'\'')", (n++ ? ", " : "INSERT INTO acked VALUES "), $2, $3 }
		    END { if (n) print ";" }' "$out"
	}
	miss_o=$(sqlq "$d" "CREATE TEMPORARY TABLE acked (id BIGINT, k VARCHAR(64)); $(acked_sql placed)
	    SELECT COUNT(*), COALESCE(SUBSTRING_INDEX(GROUP_CONCAT(a.id ORDER BY a.id SEPARATOR ' '), ' ', 20), '') FROM acked a
	    WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = a.id AND o.idempotency_key = a.k
	        AND o.method = 'remittance'
	        AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)
	        AND EXISTS (SELECT 1 FROM events e WHERE e.subject_type = 'order' AND e.subject_id = o.id))")
	miss_v=$(sqlq "$d" "CREATE TEMPORARY TABLE acked (id BIGINT, k VARCHAR(64)); $(acked_sql voucher)
	    SELECT COUNT(*), COALESCE(SUBSTRING_INDEX(GROUP_CONCAT(a.id ORDER BY a.id SEPARATOR ' '), ' ', 20), '') FROM acked a
	    WHERE NOT EXISTS (SELECT 1 FROM remittance_vouchers v JOIN files f ON f.id = v.file_id
	        WHERE v.order_id = a.id AND v.idempotency_key = a.k)")
	[ "${miss_o%%[[:space:]]*}" -eq 0 ] || why="$why orders missing or incomplete: ${miss_o#*[[:space:]]};"
	[ "${miss_v%%[[:space:]]*}" -eq 0 ] || why="$why vouchers missing (of orders): ${miss_v#*[[:space:]]};"
	miss_o=${miss_o%%[[:space:]]*}; miss_v=${miss_v%%[[:space:]]*}
	# All orders of the run: complete, one voucher at most, status agrees.
	incomplete=$(sqlq "$d" "SELECT COUNT(*) FROM orders o WHERE o.idempotency_key LIKE 'kl-$run-%' AND (NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id) OR NOT EXISTS (SELECT 1 FROM events e WHERE e.subject_type = 'order' AND e.subject_id = o.id))")
	dup_v=$(sqlq "$d" "SELECT COUNT(*) FROM (SELECT v.order_id FROM remittance_vouchers v JOIN orders o ON o.id = v.order_id WHERE o.idempotency_key LIKE 'kl-$run-%' GROUP BY v.order_id HAVING COUNT(*) > 1) x")
	mism=$(sqlq "$d" "SELECT COUNT(*) FROM orders o WHERE o.idempotency_key LIKE 'kl-$run-%' AND (o.status = 'awaiting_verification') <> EXISTS (SELECT 1 FROM remittance_vouchers v WHERE v.order_id = o.id)")
	local norders nvouch
	norders=$(sqlq "$d" "SELECT COUNT(*) FROM orders WHERE idempotency_key LIKE 'kl-$run-%'")
	nvouch=$(sqlq "$d" "SELECT COUNT(*) FROM remittance_vouchers v JOIN orders o ON o.id = v.order_id WHERE o.idempotency_key LIKE 'kl-$run-%'")
	# After the last restart: a fresh shopper places and uploads, and 20
	# GETs of the catalog answer 200.
	local after=0 fresh
	for i in $(seq 20); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/catalog")" = 200 ] && after=$((after + 1))
	done
	fresh=$(fresh_upload "$d" "$base" "$prod")
	ctl "$d" check > "$d.check" 2>&1; local crc=$?
	san=$(long_sanitizer_reports "$d"/log/mallpayd*.log)
	if [ "$crc" -eq 0 ] && [ "$miss_o" -eq 0 ] && [ "$miss_v" -eq 0 ] && [ "$incomplete" -eq 0 ] &&
	    [ "$dup_v" -eq 0 ] && [ "$mism" -eq 0 ] && [ "$n500" -eq 0 ] && [ "$san" -eq 0 ] &&
	    [ "$after" -eq 20 ] && [ "$fresh" = ok ] && [ "$nplace" -gt 0 ] && [ "$nup" -gt 0 ] &&
	    [ "$total" -gt 200 ]; then
		ok "(a) kill -9 x$kills under 32 shoppers placing + uploading vouchers for ${secs}s: $total requests," \
		    "$nplace orders and $nup vouchers acknowledged, all present; $norders orders and $nvouch vouchers stored" \
		    "(0 incomplete, 0 doubled, 0 status/voucher mismatches); $n5 5xx, all 502 while no mallpayd ($n500 500s);" \
		    "after: 20/20 GETs, fresh place + upload ok; sanitizer reports: 0; $(tail -n 1 "$d.check")"
	else
		bad "(a) total=$total placed=$nplace vouchers=$nup missing orders=$miss_o missing vouchers=$miss_v" \
		    "incomplete=$incomplete doubled=$dup_v mismatched=$mism 5xx=$n5 500=$n500 sanitizer=$san after=$after/20" \
		    "fresh=$fresh check rc=$crc:$(grep -E '^(violation|check)' "$d.check" | head -n 20 | tr '\n' ';')$why" \
		    "tally: $(grep '^tally' "$out" | awk '{ t[$2" "$3] += $4 } END { for (k in t) printf "%s=%d ", k, t[k] }')"
	fi
}

# fresh_upload DIR BASE PRODUCT: a new shopper adds PRODUCT, places a
# remittance order and uploads a voucher with curl; prints "ok" or what
# failed.
fresh_upload() {
	local d=$1 base=$2 prod=$3 line cookie tok code loc oid
	line=$(long_register "$base" "fresh$$-$RANDOM@long.test" "$d.fresh-jar") || { echo "register"; return; }
	cookie=${line%% *}; tok=${line#* }
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" --data "csrf=$tok&product_id=$prod&qty=1" "$base/cart/add")
	[ "$code" = 303 ] || { echo "cart/add $code"; return; }
	loc=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: $cookie" \
	    --data "csrf=$tok&key=fresh-$$&country=MY&pay=remittance&disclosed=remittance" "$base/checkout/place")
	oid=$(echo "$loc" | sed -n 's|^303 .*/orders/\([0-9]*\)/remittance$|\1|p')
	[ -n "$oid" ] || { echo "place: $loc"; return; }
	printf '%%PDF-1.4\n%% fresh voucher %s\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' "$$-$oid" > "$d.fresh.pdf"
	loc=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: $cookie" \
	    -F "csrf=$tok" -F "key=fresh-v-$$" -F amount=459.00 -F "date=$(date -u +%F)" -F tracking=PO-FRESH-1 \
	    -F "voucher=@$d.fresh.pdf;type=application/pdf" "$base/orders/$oid/voucher")
	case "$loc" in "303 "*msg=uploaded) echo ok ;; *) echo "upload: $loc" ;; esac
}

# (b) MariaDB restarted under load; the same mallpayd serves afterwards.
part_b() {
	local d=$tmp/sb port until i mpid n500 n503 after
	port=$(free_port); start_stack "$d" "$port" || { bad "(b) stack did not start"; return; }
	mpid=$(cat "$d/run/mallpayd.pid")
	until=$(( $(date +%s) + 14 ))
	: > "$d.codes"
	for i in $(seq 8); do reader "http://127.0.0.1:$port" "$d.codes" "$until" & pids+=($!); done
	for i in $(seq 8); do writer "http://127.0.0.1:$port" "$d.codes" "$until" & pids+=($!); done
	sleep 3
	kill -TERM "$(cat "$d/run/mysqld.pid")"
	while kill -0 "$(cat "$d/run/mysqld.pid" 2>/dev/null)" 2>/dev/null; do sleep 0.2; done
	sleep 3
	start_stack "$d" "$port" > /dev/null 2>&1
	wait
	pids=()
	n500=$(count "$d.codes" '^500'); n503=$(count "$d.codes" '^503')
	after=0
	for i in $(seq 20); do
		c=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/catalog")
		[ "$c" = 200 ] && after=$((after + 1))
	done
	local body
	body=$(curl -s "http://127.0.0.1:$port/healthz")
	if [ "$n500" -eq 0 ] && [ "$n503" -gt 0 ] && [ "$after" -eq 20 ] && \
	    [ "$(cat "$d/run/mallpayd.pid")" = "$mpid" ] && ctl "$d" check > "$d.check" 2>&1; then
		ok "(b) MariaDB down ~4s under 16 clients: $(wc -l < "$d.codes") requests," \
		    "$n503 got 503, 0 got 500; afterwards 20/20 OK with the same mallpayd (pid $mpid); healthz: $body"
	else
		bad "(b) 500=$n500 503=$n503 after=$after/20 pid $mpid -> $(cat "$d/run/mallpayd.pid") check: $(cat "$d.check" 2>/dev/null)"
	fi
}

# (d) two mallpayd behind one upstream, one killed.
part_d() {
	local d=$tmp/sd port until i n5 total conf2
	port=$(free_port); start_stack "$d" "$port" || { bad "(d) stack did not start"; return; }
	conf2=$d/mallpay2.conf
	sed "s|^socket = $d/run/mallpayd.sock|socket = $d/run/mallpayd2.sock|" "$d/mallpay.conf" > "$conf2"
	setsid "$build/mallpayd" -c "$conf2" < /dev/null >> "$d/log/mallpayd2.log" 2>&1 &
	echo $! > "$d/run/mallpayd2.pid"
	for i in $(seq 50); do [ -S "$d/run/mallpayd2.sock" ] && break; sleep 0.1; done
	# The second server in the upstream, with retry on connection errors.
	sed -i -e "s|server unix:$d/run/mallpayd.sock;|server unix:$d/run/mallpayd.sock; server unix:$d/run/mallpayd2.sock;|" \
	    -e "s|fastcgi_pass mallpayd;|fastcgi_pass mallpayd; fastcgi_next_upstream error timeout;|" "$d/nginx/nginx.conf"
	nginx -p "$d/nginx" -c "$d/nginx/nginx.conf" -e "$d/log/nginx-error.log" -s reload
	sleep 1
	until=$(( $(date +%s) + 10 ))
	: > "$d.codes"
	for i in $(seq 16); do reader "http://127.0.0.1:$port" "$d.codes" "$until" & pids+=($!); done
	sleep 4
	kill -9 "$(cat "$d/run/mallpayd2.pid")"
	wait
	pids=()
	total=$(wc -l < "$d.codes"); n5=$(count "$d.codes" '^5')
	if [ "$n5" -eq 0 ] && [ "$total" -gt 100 ]; then
		ok "(d) two mallpayd, one killed -9 at +4s of 10s under 16 readers: $total requests, 0 5xx"
	else
		bad "(d) $n5 5xx of $total"
	fi
}

# (e) the nginx sign-in limit at its default rate.
part_e() {
	local d=$tmp/se port i n429
	port=$(free_port); start_stack "$d" "$port" 5r/s 10 || { bad "(e) stack did not start"; return; }
	: > "$d.codes"
	for i in $(seq 40); do
		curl -s -o /dev/null -w '%{http_code}\n' --data "email=x%40test.invalid&password=wrongwrong" \
		    "http://127.0.0.1:$port/signin" >> "$d.codes" &
	done
	wait
	n429=$(count "$d.codes" '^429')
	if [ "$n429" -gt 0 ]; then ok "(e) 40 concurrent sign-ins at 5r/s burst 10: $n429 got 429"
	else bad "(e) no 429 among 40 concurrent sign-ins"; fi
}

# FAULT_PARTS picks parts (default all), e.g. FAULT_PARTS=a.
for part in ${FAULT_PARTS:-a b d e}; do
	case "$part" in
	a|b|d|e) "part_$part" ;;
	*) bad "unknown part $part" ;;
	esac
done
echo "faults: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
