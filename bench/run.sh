#!/usr/bin/env bash
# ./mallpay bench: throughput, latency, statements per page view, memory and
# scale of the hot pages, against a private stack on loopback.
#
#   bench/run.sh BUILD        BUILD: the build directory (mallpayd, mallpayctl,
#                             bench/hello)
#
# Environment (all optional):
#   BENCH_PORT=18500          nginx port of the private stack
#   BENCH_SECONDS=10          wrk duration of each measurement of the main table
#   BENCH_SCALE_SECONDS=5     wrk duration of each page of the scale check
#   BENCH_CONNS=32            wrk connections
#   BENCH_MEM_REQUESTS=200000 requests of the memory check
#   BENCH_THREADS=N           mallpayd (and hello) worker threads (default: as
#                             scripts/stack.sh, 4 a CPU)
#   BENCH_KEEP=1              keep the stack directory (stopped) afterwards,
#                             the large set's twin stack in DIR/large
#   BENCH_INSTALLMENTS=1000000 installments of the scheduler's batch table
#                             (bench/batch.sh; 0 skips it)
#   BENCH_PLACE_BODY=...      the urlencoded place-order form, @KEY@ for the key
#   BENCH_SCHEDULE_PATH=...   the schedule page to measure (found otherwise)
#   BENCH_LIVE_PATH=...       the checkout's live recompute to measure
#                             (/checkout/quote?country=MY&coupon=WELCOME10)
#   BENCH_ROWS=live           only the live recompute row, on the small set
#   BENCH_ROWS=main           the main table, statements and open loop on the
#                             small set: no scale check (with BENCH_TARGET=cluster,
#                             the certification cost in minutes)
#   BENCH_ROWS=scale          only the scale check (small and large set), then
#                             stop (with BENCH_KEEP=1 the large set is kept)
#   BENCH_TWIN_PORT=18510     nginx port of the scale check's twin stack (its
#                             sandbox bank on the next port)
#   BENCH_ROWS=stmts          only statements per view of each page (BENCH_TRACE=1:
#                             and each statement with its plan)
#                             (about a minute), then stop
#   BENCH_TARGET=cluster      against three Galera nodes and three mallpayd
#                             (scripts/cluster.sh) instead of one stack; no
#                             scale check (its twin would be a second cluster)
#   BENCH_SCALE_ORDERS=1000000 orders of the scale check's large set
#   BENCH_TEMPLATE_ORDERS=10000 of them made by bench-data, the rest copies
#                             of those (bench/grow.sh)
#   BENCH_OPEN_SECONDS=10     duration of each open-loop row (bench/openloop.sh)
#   BENCH_SLOW_MS=1000        an admin page slower than this for one request
#                             is timed one request at a time, not with wrk
#   BENCH_BUFFER_POOL_MB=4096 InnoDB buffer pool of the bench's MariaDB (MB)
#   BENCH_PROFILE=PAGE        only a profile of PAGE under load (bench/profile.sh;
#                             ./mallpay bench --profile PAGE), then stop
#
# What it does, in order, unattended (20 to 30 minutes on an idle 2-core
# machine with the million-order set, estimated; see bench/README.md):
#  1. scripts/stack.sh start /tmp/mallpay-bench.XXXX (demo catalog, nginx
#     access log off), bench/hello on its own socket, and two bench-only
#     locations added to THIS stack's generated nginx.conf (then reloaded):
#     /bench/hello (FastCGI to hello) and /bench/static.html (a file of the
#     checkout page's size). scripts/stack.sh and nginx/nginx.conf.in are
#     not changed: the edit touches only the bench stack's own copy.
#  2. mallpayctl bench-data --orders 500 (the small set); signs
#     bench@bench.test in (cookie + CSRF token).
#  3. The large set in a twin stack (DIR/large, BENCH_TWIN_PORT): the
#     same small set, then bench-data --orders BENCH_TEMPLATE_ORDERS,
#     copied by bench/grow.sh up to BENCH_SCALE_ORDERS, the closed days'
#     ledger totals folded, InnoDB's write-back waited for.
#  4. The scale check: catalog, cart, checkout, My Orders, the order page,
#     the schedule and, signed in as the demo admin, the admins' queues,
#     search and reports, each measured on this stack (500 orders) and on
#     the twin (the large set) in turn, twice; then the twin is stopped.
#  5. The main table: static, hello, checkout, the checkout's live
#     recompute (JSON, target p99 < 50 ms), My Orders, schedule,
#     place-order; mallpayd's VmRSS before and after; statements per page
#     view from MariaDB's global Questions counter around a fixed number
#     of sequential requests per page.
#     EXPLAIN of every statement of the GET pages (bench/explain.sh).
#  6. Latency at a steady load (bench/openloop.sh): each signed-in GET
#     page at half its rate of the main table, open loop, exact p50/p99.
#     Memory: BENCH_MEM_REQUESTS requests over the GET pages, VmRSS before
#     and after. Then the tables, and the targets table: each target
#     beside its figure.
#  7. The scheduler's batch table (bench/batch.sh): BENCH_INSTALLMENTS
#     installments, one day's tick and the next minute's, rows per second
#     per job.
# A page that answers 404 is reported as "not built yet", never measured.
# Loopback only; every loop is bounded; the stack is stopped on exit.
set -euo pipefail

die() { echo "bench: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: bench/run.sh BUILD"
build=$(cd "$1" && pwd) || die "no build directory $1"
src=$(cd "$(dirname "$0")/.." && pwd)
port=${BENCH_PORT:-18500}
secs=${BENCH_SECONDS:-10}
scale_secs=${BENCH_SCALE_SECONDS:-5}
conns=${BENCH_CONNS:-32}
mem_requests=${BENCH_MEM_REQUESTS:-200000}
scale_orders=${BENCH_SCALE_ORDERS:-1000000}
tpl_orders=${BENCH_TEMPLATE_ORDERS:-10000}
[ "$tpl_orders" -le "$scale_orders" ] || tpl_orders=$scale_orders
open_secs=${BENCH_OPEN_SECONDS:-10}
base="http://127.0.0.1:$port"
tport=${BENCH_TWIN_PORT:-$((port + 10))}
tbase="http://127.0.0.1:$tport"
email=bench@bench.test
password=mallpay-bench

for tool in wrk curl nginx mariadb perl h2load; do
	command -v "$tool" >/dev/null || die "$tool is missing (./mallpay installs it)"
done
[ -x "$build/mallpayd" ] && [ -x "$build/mallpayctl" ] || die "build first: no mallpayd in $build"
[ -x "$build/bench/hello" ] || die "no $build/bench/hello: run make in $build"
if curl -s -o /dev/null --max-time 1 "$base/"; then
	die "port $port is in use: set BENCH_PORT"
fi
# The twin of the scale check (a stack, a run that measures the scale):
# its nginx and bank ports, clear of this stack's and free.
if [ "${BENCH_TARGET:-stack}" = stack ] && [ -z "${BENCH_PROFILE:-}" ] &&
    { [ "${BENCH_ROWS:-all}" = all ] || [ "${BENCH_ROWS:-all}" = scale ]; }; then
	[ "$tport" -gt $((port + 1)) ] || [ "$tport" -lt $((port - 1)) ] ||
	    die "BENCH_TWIN_PORT $tport and $((tport + 1)) must differ from $port and $((port + 1))"
	if curl -s -o /dev/null --max-time 1 "$tbase/" ||
	    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$((tport + 1))/"; then
		die "port $tport or $((tport + 1)) is in use: set BENCH_TWIN_PORT"
	fi
fi

dir=$(mktemp -d /tmp/mallpay-bench.XXXX)
bench_dir=$dir	# what cleanup stops and removes, whatever scope exits
# BENCH_TARGET=cluster: three Galera nodes and three mallpayd behind the one
# nginx (scripts/cluster.sh) instead of one stack; hdir is the directory of
# the host whose database and mallpayctl the run uses (host 1's).
target=${BENCH_TARGET:-stack}
hdir=$dir
[ "$target" = cluster ] && hdir=$dir/host1
hello_pid=
t_start=$(date +%s)
# (an exit inside on_twin runs the trap with its local dir: the trap
# reads bench_dir only)
cleanup() {
	local d=$bench_dir
	if [ -n "$hello_pid" ]; then kill -TERM "$hello_pid" 2>/dev/null || true; fi
	if [ "$target" = cluster ]; then "$src/scripts/cluster.sh" down "$d" >/dev/null 2>&1 || true
	else "$src/scripts/stack.sh" stop "$d" >/dev/null 2>&1 || true; fi
	[ -d "$d/large/run" ] && { "$src/scripts/stack.sh" stop "$d/large" >/dev/null 2>&1 || true; }
	if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: stack directory kept: $d" >&2
	else rm -rf "$d"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "bench: $*" >&2; }
ctl() { "$build/mallpayctl" -c "$hdir/mallpay.conf" "$@"; }
sql() { mariadb --no-defaults -S "$hdir/run/mysqld.sock" -u root -N -B mallpay -e "$1"; }

# 1. The stack, hello, and the bench-only nginx locations.
log "starting the private $target in $dir on port $port"
export MALLPAY_THREADS=${BENCH_THREADS:-} MALLPAY_DEMO=1 MALLPAY_SCHEDULER=0 MALLPAY_ACCESS_LOG=off MALLPAY_SIGNIN_RATE=100r/s MALLPAY_SIGNIN_BURST=200
if [ "$target" = cluster ]; then
	"$src/scripts/cluster.sh" up "$dir" "$port" "$build" >&2
	mkdir -p "$dir/log"
else
	"$src/scripts/stack.sh" start "$dir" "$port" "$build" >&2
fi
threads=$(sed -n 's/^threads = //p' "$hdir/mallpay.conf" | head -n 1)
mkdir -p "$dir/bench"
setsid "$build/bench/hello" -s "$dir/run/hello.sock" -t "${threads:-4}" \
    < /dev/null >> "$dir/log/hello.log" 2>&1 &
hello_pid=$!
i=0
until [ -S "$dir/run/hello.sock" ]; do
	i=$((i + 1)); [ "$i" -lt 100 ] || die "bench/hello did not start"; sleep 0.1
done
conf="$dir/nginx/nginx.conf"
grep -q '^		location / {' "$conf" || die "unexpected nginx.conf: no 'location / {'"
# The mall's server block is the last one (the bank's comes first).
perl -0pi -e 's|(.*)(\n\t\tlocation / \{)|$1\n\t\t# bench/run.sh only: the FastCGI ceiling and a static page\n\t\tlocation = /bench/hello {\n\t\t\tinclude /etc/nginx/fastcgi_params;\n\t\t\tfastcgi_pass unix:'"$dir"'/run/hello.sock;\n\t\t}\n\t\tlocation = /bench/static.html {\n\t\t\talias '"$dir"'/bench/static.html;\n\t\t}\n$2|s' "$conf"
echo '<!doctype html><p>placeholder</p>' > "$dir/bench/static.html"
nginx -p "$dir/nginx" -c "$conf" -e "$dir/log/nginx-error.log" -s reload
i=0
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/bench/hello")" = 200 ]; do
	i=$((i + 1)); [ "$i" -lt 100 ] || die "/bench/hello does not answer 200"; sleep 0.1
done
mallpayd_pid=$(cat "$hdir/run/mallpayd.pid")
# The buffer pool and redo log of the twin (twin_make), whose buffer pool
# holds the large set (the scale check compares pages, not the disk) and
# whose redo log takes the bulk copies without a checkpoint every few
# seconds: the two stacks of the scale check differ in their data only.
sql "SET GLOBAL innodb_buffer_pool_size = $(( ${BENCH_BUFFER_POOL_MB:-4096} * 1048576 ));
    SET GLOBAL innodb_log_file_size = 2147483648" || log "buffer pool or redo log not resized"
# Every mallpayd and MariaDB of the target, for the CPU columns.
app_pids=$(cat "$dir"/run/mallpayd.pid "$dir"/host*/run/mallpayd.pid 2>/dev/null | tr '\n' ' ' || true)
db_pids=$(cat "$dir"/run/mysqld.pid "$dir"/host*/run/mysqld.pid 2>/dev/null | tr '\n' ' ' || true)

# Let InnoDB write out the bulk load before measuring (at most 300 s): the
# scale check compares reads, not the background flushing of a million
# orders' pages. At its default I/O capacity (200 pages a second) InnoDB
# wrote back about 12,000 of the large set's 126,000 dirty pages in a
# minute and went on through the measurements; for the wait it may use
# the disk's speed.
settle() {
	local i dirty
	sql "SET GLOBAL innodb_max_dirty_pages_pct = 0, innodb_io_capacity_max = 100000,
	    innodb_io_capacity = 50000"
	for ((i = 0; i < 600; i++)); do
		dirty=$(sql "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'" | awk '{ print $2 }')
		[ "${dirty:-0}" -lt 50 ] && break
		sleep 0.5
	done
	sql "SET GLOBAL innodb_max_dirty_pages_pct = DEFAULT, innodb_io_capacity = DEFAULT,
	    innodb_io_capacity_max = DEFAULT"
	log "InnoDB settled: $dirty dirty pages after $((i / 2)) s"
}

# 2. Small data set, sign-in.
log "bench data: small set (500 orders)"
ctl bench-data --shoppers 2000 --orders 500 --buyers "$conns" >&2
settle

jar="$dir/bench/cookies"
csrf_of() { # path -> the csrf hidden field of the page (signed-in jar)
	curl -s -b "$jar" -c "$jar" "$base$1" | perl -0777 -ne 'print $1 if /name="csrf"[^>]*value="([^"]*)"/ || /value="([^"]*)"[^>]*name="csrf"/'
}
# The benchmark shopper signed in on the stack at $base: its session
# cookie in $cookie.
shopper_signin() {
	local tok code
	tok=$(csrf_of /signin)
	[ -n "$tok" ] || die "no csrf token on $base/signin"
	code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
	    --data-urlencode "csrf=$tok" --data-urlencode "email=$email" \
	    --data-urlencode "password=$password" "$base/signin")
	[ "$code" = 303 ] || [ "$code" = 302 ] || [ "$code" = 200 ] || die "sign-in at $base answered $code"
	cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
	case "$cookie" in *mp_session=*) ;; *) die "sign-in at $base gave no session cookie" ;; esac
}
shopper_signin
csrf=$(csrf_of /cart)
[ -n "$csrf" ] || die "no csrf token on /cart when signed in"

# The demo admin, signed in with its second factor (the TOTP code of
# the demo key, RFC 6238 in perl): admin_cookie, for the admin pages.
totp() { # base32 secret -> the 6-digit code now
	perl -MDigest::SHA=hmac_sha1 -e '$s = uc shift; $s =~ tr/A-Z2-7//cd;
	    $b = join "", map { sprintf "%05b", index("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", $_) } split //, $s;
	    $h = hmac_sha1(pack("NN", 0, int(time / 30)), pack("B*", substr($b, 0, int(length($b) / 8) * 8)));
	    $o = ord(substr($h, -1)) & 15;
	    printf "%06d\n", (unpack("N", substr($h, $o, 4)) & 0x7fffffff) % 1000000' "$1"
}
admin_signin() {
	local jar="$dir/bench/admin-cookies" loc step t	# csrf_of reads this jar
	t=$(csrf_of /signin)
	loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" --data-urlencode "csrf=$t" \
	    --data-urlencode "email=${BENCH_ADMIN_EMAIL:-admin@demo.test}" \
	    --data-urlencode "password=${BENCH_ADMIN_PASSWORD:-mallpay-demo}" "$base/signin")
	case "$loc" in */signin/code*) ;; *) log "admin sign-in: no code step ($loc)"; return 1 ;; esac
	step=/${loc#*//*/}
	t=$(csrf_of "$step")
	curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf=$t" \
	    --data-urlencode "code=$(totp "${BENCH_ADMIN_TOTP:-MALLPAYDEMOADMINTOTPSECRETKEY234}")" "$base$step"
	admin_cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
	[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $admin_cookie" "$base/admin")" = 200 ]
}

status_of() { # path -> HTTP status of a GET with the session
	curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$1"
}

# The schedule page: BENCH_SCHEDULE_PATH, or the bench shopper's active
# 12-installment plan (bench-data makes one); without one, an order of the
# shopper, so that the page reads "not built yet" or fails visibly.
schedule_path() {
	if [ -n "${BENCH_SCHEDULE_PATH:-}" ]; then echo "$BENCH_SCHEDULE_PATH"; return; fi
	local oid
	oid=$(sql "SELECT p.order_id FROM plans p JOIN orders o ON o.id = p.order_id JOIN users u ON u.id = o.user_id WHERE u.email = '$email' AND p.n = 12 AND p.status = 'active' LIMIT 1")
	[ -n "$oid" ] || oid=$(sql "SELECT o.id FROM orders o JOIN users u ON u.id = o.user_id WHERE u.email = '$email' ORDER BY o.id LIMIT 1")
	echo "/orders/$oid/schedule"
}

# wrk output -> "rps p50ms p99ms bad requests" (bad: non-2xx/3xx + socket errors)
parse_wrk() {
	awk '
	function ms(v) {
		if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
		if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
		if (v ~ /m$/) { sub(/m$/, "", v); return v * 60000 }
		if (v ~ /s$/) { sub(/s$/, "", v); return v * 1000 }
		return v + 0
	}
	/^ +50%/ { p50 = ms($2) }
	/^ +99%/ { p99 = ms($2) }
	/Requests\/sec:/ { rps = $2 }
	/requests in/ { req = $1 }
	/Non-2xx or 3xx responses:/ { bad += $NF }
	/Socket errors:/ { for (i = 3; i <= NF; i++) { v = $i; gsub(/,/, "", v); if (v ~ /^[0-9]+$/) bad += v } }
	END { printf "%.0f %.2f %.2f %d %d\n", rps, p50, p99, bad, req }' "$1"
}

# CPU clock ticks (user + system) used so far by mallpayd, MariaDB, nginx
# (master and workers) and hello, on one line in that order.
cpu_ticks() {
	local m n p
	m=$app_pids n=$(cat "$dir/run/nginx.pid")
	for p in "$m" "$db_pids" "$n $(pgrep -P "$n" | tr '\n' ' ')" "${hello_pid:-}"; do
		# shellcheck disable=SC2086
		set -- $p
		[ $# -gt 0 ] || { printf '0 '; continue; }
		for q in "$@"; do cat "/proc/$q/stat" 2>/dev/null; done |
		    awk '{ sub(/^.*\) /, ""); t += $12 + $13 } END { printf "%d ", t }'
	done
	echo
}

# run_wrk NAME SECONDS PATH [lua args...] -> parsed line; raw output kept,
# and the CPU ticks each process used during the run in cpu-NAME.txt.
run_wrk() {
	local name=$1 d=$2 path=$3 out="$dir/bench/wrk-$1.txt"
	cpu_ticks > "$dir/bench/cpu-$name.txt"
	shift 3
	if [ $# -gt 0 ]; then
		local script=$1; shift
		wrk -t"${wrk_threads:-2}" -c"$conns" -d"${d}s" --latency --timeout 5s -H "Cookie: $cookie" \
		    -s "$script" "$base$path" -- "$@" > "$out" 2>&1 || true
	else
		wrk -t2 -c"$conns" -d"${d}s" --latency --timeout 5s -H "Cookie: $cookie" \
		    "$base$path" > "$out" 2>&1 || true
	fi
	cpu_ticks >> "$dir/bench/cpu-$name.txt"
	parse_wrk "$out"
}

# CPU milliseconds per request of each process during run NAME (REQUESTS
# requests): "mallpayd mariadb nginx hello".
cpu_per_request() { # NAME REQUESTS
	awk -v n="$2" -v hz="$(getconf CLK_TCK)" 'NR == 1 { for (i = 1; i <= NF; i++) a[i] = $i }
	    NR == 2 { for (i = 1; i <= NF; i++) printf "%7.3f ", (n > 0 ? ($i - a[i]) * 1000 / hz / n : 0); print "" }' \
	    "$dir/bench/cpu-$1.txt"
}

# A GET page: 404 -> "missing"; else warm up 2 s and measure.
measure_get() { # NAME SECONDS PATH
	local code
	code=$(status_of "$3")
	if [ "$code" = 404 ]; then echo "missing"; return; fi
	run_wrk "$1-warm" 2 "$3" > /dev/null
	echo "$(run_wrk "$1" "$2" "$3") $code"
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$mallpayd_pid/status"; }

questions() { sql "SHOW GLOBAL STATUS LIKE 'Questions'" | awk '{ print $2 }'; }

# N sequential views of PATH on one keep-alive connection with COOKIE
# (each answer at most 30 s), the bodies discarded: what the counters
# below are read around.
views() { # PATH N COOKIE
	local cfg="$dir/bench/curl.cfg" i
	: > "$cfg"
	for ((i = 0; i < $2; i++)); do
		printf 'url = "%s%s"\noutput = "/dev/null"\n' "$base" "$1" >> "$cfg"
	done
	curl -s --max-time 30 -H "Cookie: $3" -K "$cfg" || true
}

# Statements per GET page view: N sequential views, Questions before and
# after, minus the counter's own reads.
stmts_get() { # PATH N
	local q0 q1 q2
	q0=$(questions); q1=$(questions)
	views "$1" "$2" "$cookie"
	q2=$(questions)
	awk -v a="$q1" -v b="$q2" -v o="$((q1 - q0))" -v n="$2" 'BEGIN { printf "%.1f", (b - a - o) / n }'
}

# What MariaDB reads per view of a page, N sequential views with COOKIE:
# "reads pages", reads the rows and index entries its handlers read (by
# key, next, previous and scan) and pages the InnoDB pages it asked its
# buffer pool for, minus what reading the counters itself costs.
handler_reads() {
	sql "SHOW GLOBAL STATUS WHERE Variable_name IN ('Handler_read_key', 'Handler_read_next',
	    'Handler_read_prev', 'Handler_read_rnd_next', 'Innodb_buffer_pool_read_requests')" |
	    awk '/^Handler/ { r += $2 } /^Innodb/ { p = $2 } END { print r, p }'
}
reads_get() { # PATH N COOKIE
	local r0 r1 r2
	r0=$(handler_reads); r1=$(handler_reads)
	views "$1" "$2" "$3"
	r2=$(handler_reads)
	awk -v a="$r0 $r1 $r2" -v n="$2" 'BEGIN { split(a, v, " ")
		printf "%.0f %.0f", (v[5] - v[3] - (v[3] - v[1])) / n, (v[6] - v[4] - (v[4] - v[2])) / n }'
}

# Temporary tables MariaDB creates per GET page view, in memory and on
# disk ("M/D"): N sequential views, the global Created_tmp_tables and
# Created_tmp_disk_tables before and after, minus the one each reading
# itself creates. A temporary table with a TEXT column goes to disk (a file
# created and removed each view).
tmps() { sql "SHOW GLOBAL STATUS WHERE Variable_name IN ('Created_tmp_tables', 'Created_tmp_disk_tables')" | awk '{ v[$1] = $2 } END { print v["Created_tmp_tables"], v["Created_tmp_disk_tables"] }'; }
tmp_get() { # PATH N
	local a b
	a=$(tmps)
	views "$1" "$2" "$cookie"
	b=$(tmps)
	echo "$a $b" | awk -v n="$2" '{ printf "%.1f/%.1f", ($3 - $1 - 1) / n, ($4 - $2) / n }'
}

# The place-order form: hidden fields of the form posting to
# /checkout/place, the first choice of each radio group, the idempotency key
# field ("key", or a name with "idem") replaced by @KEY@ (added when the
# form has none).
place_body() {
	if [ -n "${BENCH_PLACE_BODY:-}" ]; then echo "$BENCH_PLACE_BODY"; return; fi
	curl -s -H "Cookie: $cookie" "$base$co_path" | perl -e '
		local $/; my $h = <STDIN>;
		my ($f) = $h =~ m{(<form[^>]*action="/checkout/place".*?</form>)}s or exit 0;
		my (@kv, %seen, $key);
		while ($f =~ m{<input\b([^>]*)>}gs) {
			my $a = $1;
			my ($t) = $a =~ /type="([^"]*)"/; $t //= "text";
			my ($n) = $a =~ /name="([^"]*)"/ or next;
			my ($v) = $a =~ /value="([^"]*)"/; $v //= "";
			if ($n =~ /idem/i || $n eq "key") { $key = $n; next }
			if ($t eq "radio") {
				next if $seen{$n}++ && $a !~ /checked/;
				@kv = grep { $_->[0] ne $n } @kv if $a =~ /checked/;
			} elsif ($t eq "checkbox") { next unless $a =~ /checked/ }
			elsif ($t eq "submit") { next }
			push @kv, [$n, $v];
		}
		$key //= "idempotency_key";
		sub enc { my $s = shift; $s =~ s/&amp;/&/g; $s =~ s/([^A-Za-z0-9_.~-])/sprintf("%%%02X", ord $1)/ge; $s }
		print join("&", (map { enc($_->[0]) . "=" . enc($_->[1]) } @kv), "$key=\@KEY\@");
	'
}

# The place-order body in pbody (empty when the checkout has no form) and
# the cart's product ids in pids.
place_prepare() {
	pbody=$(place_body)
	[ -n "$pbody" ] || return 0
	# The form carries the csrf field; add it if it does not.
	case "&$pbody" in *"&csrf="*) ;; *) pbody="csrf=$csrf&$pbody" ;; esac
	# An installment choice is confirmed on the same form: send the
	# disclosure confirmation with it.
	case "$pbody" in *"&disclosed="*) ;; *)
		pay=$(echo "$pbody" | sed -n 's/.*[&]pay=\([^&]*\).*/\1/p')
		[ -z "$pay" ] || pbody="$pbody&disclosed=$pay" ;;
	esac
	pids=$(sql "SELECT GROUP_CONCAT(i.product_id) FROM cart_items i JOIN carts c ON c.id = i.cart_id JOIN users u ON u.id = c.user_id WHERE u.email = '$email'")
}

# Place-order's shoppers: each of the first $conns benchmark shoppers
# (bench-data --buyers gave them the bench address and cart) signed in,
# one line each in $dir/bench/buyers.txt for bench/place.lua: the session
# cookie, the CSRF token and the place-order form of its checkout (as
# place_prepare makes it), tab-separated. Returns 1 when a shopper could not
# sign in or has no form.
buyers_prepare() {
	local em jar tok c cs body n=0
	: > "$dir/bench/buyers.txt"
	for em in $(sql "SELECT email FROM users WHERE email LIKE 'bench-%@bench.test' ORDER BY id LIMIT $conns"); do
		jar="$dir/bench/buyer.jar"; rm -f "$jar"
		tok=$(curl -s -b "$jar" -c "$jar" "$base/signin" | perl -0777 -ne 'print $1 if /name="csrf"[^>]*value="([^"]*)"/')
		curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf=$tok" \
		    --data-urlencode "email=$em" --data-urlencode "password=$password" "$base/signin"
		c=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
		case "$c" in *mp_session=*) ;; *) return 1 ;; esac
		cs=$(curl -s -H "Cookie: $c" "$base/cart" | perl -0777 -ne 'print $1 if /name="csrf"[^>]*value="([^"]*)"/')
		body=$(cookie=$c csrf=$cs; place_prepare; echo "$pbody")
		[ -n "$body" ] || return 1
		printf '%s\t%s\t%s\n' "$c" "$cs" "$body" >> "$dir/bench/buyers.txt"
		n=$((n + 1))
	done
	[ "$n" = "$conns" ]
}

# Statements per order placed: N orders, each after refilling the cart with
# 3 POST /cart/add (not counted), Questions read around the place only.
stmts_post() { # BODY N PRODUCT_IDS
	local q0 q1 qa qb i id tot=0 body
	q0=$(questions); q1=$(questions)
	for ((i = 0; i < $2; i++)); do
		for id in ${3//,/ }; do
			curl -s -o /dev/null -H "Cookie: $cookie" --data "csrf=$csrf&product_id=$id&qty=1" "$base/cart/add"
		done
		body=${1//@KEY@/stmt-$$-$i}
		qa=$(questions)
		curl -s -o /dev/null -H "Cookie: $cookie" -H 'Content-Type: application/x-www-form-urlencoded' \
		    --data-binary "$body" "$base/checkout/place"
		qb=$(questions)
		tot=$((tot + qb - qa - (q1 - q0)))
	done
	awk -v t="$tot" -v n="$2" 'BEGIN { printf "%.1f", t / n }'
}

# Statements per installment paid: N repayments of the next installment of
# the benchmark shopper's plan (POST /orders/ID/pay, a fresh key each), the
# Questions read around each POST; "not measured" with the reason when the
# plan did not record them.
stmts_pay() { # N
	local oid pid q0 q1 qa qb i seq tot=0 paid0 paid1
	oid=${sched#/orders/}; oid=${oid%%/*}
	pid=$(sql "SELECT id FROM plans WHERE order_id = $oid")
	[ -n "$pid" ] || { echo "no plan"; return; }
	paid0=$(sql "SELECT COUNT(*) FROM plan_installments WHERE plan_id = $pid AND status = 'paid'")
	q0=$(questions); q1=$(questions)
	for ((i = 0; i < $1; i++)); do
		seq=$(sql "SELECT MIN(seq) FROM plan_installments WHERE plan_id = $pid AND status = 'due'")
		[ "$seq" = NULL ] && break
		qa=$(questions)
		curl -s -o /dev/null -H "Cookie: $cookie" --data "csrf=$csrf&seq=$seq&key=benchpay-$$-$i" \
		    "$base/orders/$oid/pay"
		qb=$(questions)
		tot=$((tot + qb - qa - (q1 - q0)))
	done
	paid1=$(sql "SELECT COUNT(*) FROM plan_installments WHERE plan_id = $pid AND status = 'paid'")
	if [ $((paid1 - paid0)) -lt 1 ]; then echo "not measured (no installment was recorded paid)"; return; fi
	awk -v t="$tot" -v n="$((paid1 - paid0))" 'BEGIN { printf "%.1f", t / n }'
}

# One line of the table: requests/s, p50, p99, non-2xx, ratio to hello
# (hello_rps) and statements per page view.
row() { # LABEL RESULT STMTS
	local label=$1 r=$2 s=$3
	case "$r" in
	missing) printf '%-34s %s\n' "$label" "not built yet (404)"; return ;;
	noform) printf '%-34s %s\n' "$label" "no place-order form on /checkout: not measured"; return ;;
	esac
	echo "$r" | awk -v l="$label" -v h="$hello_rps" -v s="$s" '{
		printf "%-34s %9d %8.2f %8.2f %8d %7.2f %9s\n", l, $1, $2, $3, $4, (h > 0 ? $1 / h : 0), s }'
}
sched=$(schedule_path)
co_path=${BENCH_CHECKOUT_PATH:-/checkout?country=MY}
live_path=${BENCH_LIVE_PATH:-/checkout/quote?country=MY&coupon=WELCOME10}
live_verdict() { # RESULT -> the p99 against the 50 ms target
	case "$1" in missing) return ;; esac
	echo "$1" | awk '{ printf "live recompute: p99 %.2f ms (target < 50 ms: %s)\n", $3, ($3 < 50 ? "met" : "NOT met") }'
}

# BENCH_ROWS=live: the live recompute alone, on the small set.
if [ "${BENCH_ROWS:-all}" = live ]; then
	log "live recompute only: ${secs}s, $conns connections"
	hello_rps=0
	res_live=$(measure_get live "$secs" "$live_path")
	stm_live=$(stmts_get "$live_path" 200)
	echo
	echo "mallpay benchmark (live recompute row only, 500 orders), $(date -u +%Y-%m-%dT%H:%M:%SZ): $(nproc) CPU, wrk -t2 -c$conns -d${secs}s on loopback, mallpayd ${threads:-4} threads"
	printf '%-34s %9s %8s %8s %8s %7s %9s\n' "page" "req/s" "p50 ms" "p99 ms" "non-2xx" "/hello" "stmts/pv"
	row "GET /checkout/quote (live)" "$res_live" "$stm_live"
	live_verdict "$res_live"
	case "$res_live" in missing) ;; *)
		reqs=$(awk '/requests in/ { print $1 }' "$dir/bench/wrk-live.txt")
		echo "CPU per request (ms: mallpayd mariadb nginx hello): $(cpu_per_request live "$reqs")" ;;
	esac
	exit 0
fi
# BENCH_ROWS=stmts: statements per view of every signed-in GET page and per
# order placed, on the small set (deterministic; a few seconds).
if [ "${BENCH_ROWS:-all}" = stmts ]; then
	order_path=${sched%/schedule}
	for pg in catalog:/catalog cart:/cart checkout:$co_path orders:/orders \
	    order:$order_path schedule:$sched; do
		printf '%-34s %s  temporary tables (memory/disk) %s\n' "GET ${pg#*:}" \
		    "$(stmts_get "${pg#*:}" 200)" "$(tmp_get "${pg#*:}" 50)"
	done
	place_prepare
	printf '%-34s %s\n' "POST /checkout/place" "$(stmts_post "$pbody" 20 "$pids")"
	# BENCH_TRACE=1: each page's statements, with their plans.
	[ "${BENCH_TRACE:-0}" = 0 ] || "$src/bench/explain.sh" "$hdir" "$base" \
	    "$cookie" /catalog /cart "$co_path" /orders "$order_path" "$sched" || true
	exit 0
fi
order_path=${sched%/schedule}
# BENCH_PROFILE=PAGE: perf on mallpayd, MariaDB and nginx under that page's
# load (bench/profile.sh), on the small set, then stop.
if [ -n "${BENCH_PROFILE:-}" ]; then
	case "$BENCH_PROFILE" in
	catalog) ppath=/catalog ;; cart) ppath=/cart ;; checkout) ppath=$co_path ;;
	orders) ppath=/orders ;; order) ppath=$order_path ;; schedule) ppath=$sched ;;
	live) ppath=$live_path ;; hello) ppath=/bench/hello ;; /*) ppath=$BENCH_PROFILE ;;
	*) die "--profile: catalog, cart, checkout, orders, order, schedule, live, hello or a /path" ;;
	esac
	"$src/bench/profile.sh" "$base$ppath" "$cookie" "${BENCH_PROFILE_SECONDS:-8}" "$conns" \
	    "${BENCH_PROFILE_DIR:-$src/var/bench-profile}" "$app_pids" "$db_pids" \
	    "$(cat "$dir/run/nginx.pid") $(pgrep -P "$(cat "$dir/run/nginx.pid")" | tr '\n' ' ')"
	exit 0
fi
scale_pages="catalog:/catalog cart:/cart checkout:$co_path orders:/orders order:$order_path schedule:$sched"
# The admins' pages of the scale check: the dashboard, the lists and
# review queues, a search by a shopper's address, the reports and the
# audit log (BENCH_ADMIN_PAGES). The search is for bench@bench.test, whose
# 60 orders are the same in both sets (the copies are of the other
# shoppers' orders), so that its ratio is what the book's growth costs and
# not a longer answer: a benchmark shopper has no order or one with 500
# orders and about 500 with a million, and its search shows a page of 20
# orders and their trails instead of none.
admin_pages=${BENCH_ADMIN_PAGES:-"admin:/admin a_orders:/admin/orders a_plans:/admin/plans a_vouchers:/admin/vouchers a_cod:/admin/queues/cod a_identity:/admin/queues/identity a_search:/admin/search?q=bench%40bench.test a_reports:/admin/reports a_audit:/admin/audit"}
admin_cookie=""
admin_signin || { log "admin sign-in failed: admin pages not measured"; admin_pages=""; }
# measure_get with the admin's session; a page of which one request takes
# more than BENCH_SLOW_MS (1000) is not loaded with wrk (its 32 connections
# would queue minutes of work in mallpayd for the rows after it): its rate
# is that of one request at a time, marked "slow".
measure_admin() { # NAME SECONDS PATH
	local cookie=$admin_cookie t
	t=$(curl -s -o /dev/null --max-time 300 -w '%{http_code} %{time_total}' -H "Cookie: $cookie" "$base$3")
	if awk -v t="${t#* }" -v l="${BENCH_SLOW_MS:-1000}" 'BEGIN { exit !(t * 1000 > l) }'; then
		echo "${t#* }" | awk -v c="${t% *}" '{ printf "%.3f %.2f %.2f 0 1 %s slow\n", ($1 > 0 ? 1 / $1 : 0), $1 * 1000, $1 * 1000, c }'
		return
	fi
	measure_get "$@"
}
measure_any() { # NAME SECONDS PATH: an admin page (admin*, a_*) as the admin
	case "${1#*-}" in admin|a_*) measure_admin "$@" ;; *) measure_get "$@" ;; esac
}
# The better of two measure_any results (the faster), or why a page was
# not measured: one that did not answer 200 (a session gone, an error)
# would give the rate of its redirect.
best_of() { # RESULT RESULT
	awk -v a="$1" -v b="$2" 'BEGIN { split(a, A, " "); split(b, B, " ")
		if (A[1] == "missing") { print a; exit }
		if (A[6] != 200) { print "failed " A[6]; exit }
		if (B[1] != "missing" && B[6] != 200) { print "failed " B[6]; exit }
		print (B[1] + 0 > A[1] + 0 ? b : a) }'
}
# The scale check's table: each page with 500 and with the large set.
scale_table() {
echo
echo "scale: the same pages with 500 and with $scale_orders orders (a stack of each, a page measured on one and the other in turn, twice; the better of two ${scale_secs}s runs each; target >= 0.90)"
echo "large set made in ${gen_secs}s in the twin stack: bench-data $tpl_orders orders ${gen_tpl}s, bench/grow.sh copies and ANALYZE the rest"
printf '%-34s %12s %12s %7s   %-24s %s\n' "page" "500 req/s" "large req/s" "ratio" "rows+keys read a view" "InnoDB pages a view"
for pg in $scale_pages $admin_pages; do
	name=${pg%%:*}
	s=${small[$name]} l=${large[$name]}
	if [ "$s" = missing ] || [ "$l" = missing ]; then
		printf '%-34s %s\n' "GET ${pg#*:}" "not built yet (404)"
	elif [ "${s%% *}" = failed ] || [ "${l%% *}" = failed ]; then
		printf '%-34s %s\n' "GET ${pg#*:}" "not measured: answered ${s#failed } with 500 orders, ${l#failed } with the large set"
	else
		awk -v l="GET ${pg#*:}" -v a="${s%% *}" -v b="${l%% *}" -v sl="$s $l" \
		    -v r="${sreads[$name]:-- -} ${lreads[$name]:-- -}" 'BEGIN {
			split(r, R, " ")
			printf "%-34s %12.0f %12.0f %7.2f   %-24s %s%s\n", l, a, b, (a > 0 ? b / a : 0),
			    R[1] " -> " R[3], R[2] " -> " R[4],
			    (sl ~ /slow/ ? sprintf("  (slow: one request at a time, %.1f s each)", (b > 0 ? 1 / b : 0)) : "") }'
	fi
done
}
declare -A small large sreads lreads
scale_on=1
[ "${BENCH_ROWS:-all}" = main ] && scale_on=0
if [ "$scale_on" = 1 ] && [ "$target" = cluster ]; then
	log "BENCH_TARGET=cluster: no scale check (it compares data sets on one stack)"
	scale_on=0
fi

# 3. The large set, in a twin stack beside this one: the same small set
# made the same way, then the template orders and their copies. This
# stack keeps its 500 orders for the scale check's other half and for
# the main table.
twin=$dir/large
tcookie="" tadmin_cookie="" tsched=""
# COMMAND... run against the twin: its address, sessions, database and
# files (bash's dynamic scope: every function COMMAND calls sees these).
on_twin() {
	local dir=$twin hdir=$twin base=$tbase cookie=$tcookie admin_cookie=$tadmin_cookie
	local jar=$twin/bench/cookies sched=$tsched app_pids db_pids
	app_pids=$(cat "$twin/run/mallpayd.pid" 2>/dev/null || true)
	db_pids=$(cat "$twin/run/mysqld.pid" 2>/dev/null || true)
	"$@"
}
twin_signin() { # on the twin: its shopper's and admin's sessions
	shopper_signin
	tcookie=$cookie
	admin_signin || { log "twin: admin sign-in failed: its admin pages will say so"; return 0; }
	tadmin_cookie=$admin_cookie
}
twin_make() { # on the twin
	log "bench data: large set in the twin stack $dir on port $tport ($scale_orders orders: $tpl_orders by bench-data, the rest copies of them)"
	MALLPAY_BANK_PORT="" "$src/scripts/stack.sh" start "$dir" "$tport" "$build" >&2
	mkdir -p "$dir/bench"
	sql "SET GLOBAL innodb_buffer_pool_size = $(( ${BENCH_BUFFER_POOL_MB:-4096} * 1048576 ));
	    SET GLOBAL innodb_log_file_size = 2147483648" || log "twin: buffer pool or redo log not resized"
	ctl bench-data --shoppers 2000 --orders 500 --buyers "$conns" >&2
	gen_t0=$(date +%s)
	ctl bench-data --shoppers 2000 --orders "$tpl_orders" >&2
	gen_tpl=$(( $(date +%s) - gen_t0 ))
	"$src/bench/grow.sh" "$dir" "$scale_orders" >&2
	# The copies are a book of past days: fold their daily ledger totals
	# as the daily ledger_fold job would have, day after day.
	ctl ledger-fold >&2
	sql "ANALYZE TABLE orders, order_items, events, users, plans, plan_installments, plan_payments, ledger_lines, remittance_vouchers" > /dev/null
	gen_secs=$(( $(date +%s) - gen_t0 ))
	settle
	tsched=$(schedule_path)
	twin_signin
}
gen_secs=0 gen_tpl=0
[ "$scale_on" = 1 ] && on_twin twin_make

# 4. The scale check: each page on this stack and on the twin in turn,
# twice, the better of each kept. Measured as two halves minutes apart on
# one stack, pages that read none of the copies (the shopper's) moved by
# 10 to 25% between the halves on this shared VM; four runs of a page
# within half a minute compare the data sets, not the machine's drift.
# The admin signs in again here: the twin's making outlasts a session's
# idle time.
scale_check() {
	local pg name path tpath a b c d ck tck
	admin_signin || log "admin sign-in failed: the admin pages will say so"
	log "scale check: 500 orders and $scale_orders in turn, twice, ${scale_secs}s a run"
	for pg in $scale_pages $admin_pages; do
		name=${pg%%:*} path=${pg#*:} tpath=${pg#*:}
		case "$name" in
		schedule) tpath=$tsched ;;
		order) tpath=${tsched%/schedule} ;;
		esac
		a=$(measure_any "small-$name" "$scale_secs" "$path")
		b=$(on_twin measure_any "large-$name" "$scale_secs" "$tpath")
		c=$(measure_any "small-$name" "$scale_secs" "$path")
		d=$(on_twin measure_any "large-$name" "$scale_secs" "$tpath")
		small[$name]=$(best_of "$a" "$c")
		large[$name]=$(best_of "$b" "$d")
		case "$name" in admin|a_*) ck=$admin_cookie tck=$tadmin_cookie ;; *) ck=$cookie tck=$tcookie ;; esac
		# a page timed one request at a time is not read 50 times
		case "$a$b$c$d" in *slow*) continue ;; esac
		sreads[$name]=$(reads_get "$path" 50 "$ck")
		lreads[$name]=$(on_twin reads_get "$tpath" 50 "$tck")
	done
	"$src/scripts/stack.sh" stop "$twin" >&2 || log "twin stack did not stop"
}
[ "$scale_on" = 1 ] && scale_check
# BENCH_ROWS=scale: the scale check alone.
if [ "${BENCH_ROWS:-all}" = scale ]; then
	scale_table
	echo "whole run: $(( $(date +%s) - t_start )) s"; exit 0
fi

# 5. The main table.
co_size=$(curl -s -H "Cookie: $cookie" "$base$co_path" -o "$dir/bench/checkout.html" -w '%{http_code} %{size_download}')
if [ "${co_size% *}" != 200 ]; then
	co_size=$(curl -s -H "Cookie: $cookie" "$base/cart" -o /dev/null -w '%{http_code} %{size_download}')
	static_note="size of /cart: checkout not built yet"
else
	static_note="size of /checkout"
fi
co_bytes=${co_size#* }
perl -e 'my $l = "<p>mallpay static benchmark page, padding to the size of a page.</p>\n";
    print substr($l x (int($ARGV[0] / length($l)) + 1), 0, $ARGV[0])' "$co_bytes" > "$dir/bench/static.html"

rss_before=$(rss_kb)
declare -A res
log "main table: ${secs}s per row, $conns connections"
res[static]="$(run_wrk static "$secs" /bench/static.html) 200"
res[hello]="$(run_wrk hello "$secs" /bench/hello) 200"
res[checkout]=$(measure_get checkout "$secs" "$co_path")
res[live]=$(measure_get live "$secs" "$live_path")
res[orders]=$(measure_get orders "$secs" /orders)
res[schedule]=$(measure_get schedule "$secs" "$sched")
res[order]=$(measure_get order "$secs" "$order_path")
res[cart]=$(measure_get cart "$secs" /cart)
res[catalog]=$(measure_get catalog "$secs" /catalog)
runid="$(date +%s)-$$"
pbody=""
if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" -X POST --data "csrf=$csrf" "$base/checkout/place")" = 404 ]; then
	res[place]=missing
else
	place_prepare
	if [ -z "$pbody" ]; then
		res[place]=noform
	else
		if buyers_prepare; then
			res[place]="$(BENCH_BUYERS="$dir/bench/buyers.txt" wrk_threads=$conns \
			    run_wrk place "$secs" /checkout/place "$src/bench/place.lua" "$runid" "$pids") 303"
		else
			res[place]=noform
		fi
	fi
fi
rss_after=$(rss_kb)
# How many of the place-order requests made an order (the rest redirected).
placed=$(sql "SELECT COUNT(*) FROM orders WHERE idempotency_key LIKE 'wrk-$runid-%'")
# The place row shows orders created per second (cart adds + places mixed).
case "${res[place]}" in
missing|noform) ;;
*) res[place]=$(echo "${res[place]}" | awk -v p="$placed" -v d="$secs" '{ $1 = sprintf("%.0f", p / d); print }') ;;
esac

# Statements per page view (sequential, fixed counts).
log "statements per page view"
declare -A stm tmp
for pg in $scale_pages; do
	name=${pg%%:*}
	if [ "${res[$name]:-missing}" = missing ]; then stm[$name]="-"
	else stm[$name]=$(stmts_get "${pg#*:}" 200); tmp[$name]=$(tmp_get "${pg#*:}" 50); fi
done
case "${res[place]}" in
missing|noform) stm[place]="-" ;;
*) ctl bench-data --shoppers 2000 --orders "$tpl_orders" > /dev/null
   stm[place]=$(stmts_post "$pbody" 20 "$pids") ;;
esac
stm[pay]=$(stmts_pay 5)
if [ "${res[live]}" = missing ]; then stm[live]="-"
else stm[live]=$(stmts_get "$live_path" 200); fi

# EXPLAIN of every statement the hot pages run (bench/explain.sh).
explain_rc=0
"$src/bench/explain.sh" "$hdir" "$base" "$cookie" /catalog /cart "$co_path" /orders "$sched" \
    > "$dir/bench/explain.txt" 2>&1 || explain_rc=$?

# 6. Memory after BENCH_MEM_REQUESTS requests over the GET pages.
ctl bench-data --shoppers 2000 --orders "$tpl_orders" > /dev/null	# refill the cart

# Latency at a steady load: each signed-in GET page under an open-loop
# load (bench/openloop.sh) of half its requests/s of the main table.
open_pages="checkout:$co_path orders:/orders schedule:$sched order:$order_path cart:/cart catalog:/catalog"
declare -A ol
log "open loop: half of each page's maximum, ${open_secs}s each"
for pg in $open_pages; do
	name=${pg%%:*}
	case "${res[$name]:-missing}" in missing|noform) ol[$name]=missing; continue ;; esac
	ol[$name]=$("$src/bench/openloop.sh" "$base${pg#*:}" "$(( ${res[$name]%% *} / 2 ))" \
	    "$open_secs" "$cookie" "$dir/bench/open-$name.log")
done
mix=""
for pg in /catalog /cart "$co_path" /orders "$sched"; do
	[ "$(status_of "$pg")" = 404 ] || mix="$mix $pg"
done
mem_before=$(rss_kb)
done_req=0 mem_bad=0 rounds=0
log "memory check: $mem_requests requests over:$mix"
mem_t0=$(date +%s)
# Bounded: at most 6 rounds and 300 s, whatever the rate.
while [ "$done_req" -lt "$mem_requests" ] && [ "$rounds" -lt 6 ] &&
    [ $(( $(date +%s) - mem_t0 )) -lt 300 ]; do
	rounds=$((rounds + 1))
	# Size the round from the last rate, at most 60 s, at least 5 s.
	rate=${last_rate:-2000}
	d=$(( (mem_requests - done_req) / (rate > 0 ? rate : 1) + 1 ))
	[ "$d" -gt 60 ] && d=60; [ "$d" -lt 5 ] && d=5
	# shellcheck disable=SC2086
	read -r last_rate _ _ b n < <(run_wrk "mem-$rounds" "$d" /catalog "$src/bench/mix.lua" $mix)
	done_req=$((done_req + n)); mem_bad=$((mem_bad + b))
done
mem_after=$(rss_kb)

# The targets beside their figures: every signed-in GET page at 0.20 of
# hello or more, in at most 2 statements a view, p99 at most 15 ms at
# BENCH_CONNS connections and at most 5 ms in the open loop, and at least
# 0.90 of its rate at 500 orders with the large set; place-order at 250
# orders/s or more in at most 10 statements.
targets_table() {
	local pg name
	echo "targets (each figure beside its target: met, or MISSED)"
	printf '%-30s %-16s %-13s %-17s %-16s %-14s\n' "page" "/hello >= 0.20" "stmts <= 2" "p99 ms <= 15" "open p99 <= 5" "scale >= 0.90"
	for pg in $open_pages $admin_pages; do
		name=${pg%%:*}
		awk -v l="GET ${pg#*:}" -v r="${res[$name]:-}" -v h="$hello_rps" -v st="${stm[$name]:--}" \
		    -v o="${ol[$name]:-}" -v a="${small[$name]:-}" -v b="${large[$name]:-}" '
		function cell(v, ok, w) { return sprintf("%-" w "s", v " " (ok ? "met" : "MISSED")) }
		BEGIN {
			split(r, R, " "); split(o, O, " "); split(a, A, " "); split(b, B, " ")
			line = sprintf("%-30s ", substr(l, 1, 30))
			if (r == "" || r == "missing") line = line sprintf("%-16s %-13s %-17s ", "-", "-", "-")
			else line = line cell(sprintf("%.2f", R[1] / h), R[1] / h >= 0.20, 16) " " \
			    cell(st, st != "-" && st + 0 <= 2, 13) " " cell(sprintf("%.2f", R[3]), R[3] <= 15, 17) " "
			if (o == "" || o == "missing") line = line sprintf("%-16s ", "-")
			else line = line cell(sprintf("%.2f", O[4]), O[4] <= 5 && O[6] == 0, 16) " "
			if (a ~ /^failed/ || b ~ /^failed/) line = line cell("failed", 0, 14)
			else if (a == "" || a == "missing" || b == "missing" || A[1] == 0) line = line "-"
			else line = line cell(sprintf("%.2f", B[1] / A[1]), B[1] / A[1] >= 0.90, 14)
			print line
		}'
	done
	case "${res[place]}" in
	missing|noform) echo "place-order: not measured" ;;
	*) echo "${res[place]}" | awk -v st="${stm[place]}" '{
		printf "place-order: %d orders/s (target >= 250: %s), %s statements an order (target <= 10: %s)\n",
		    $1, ($1 >= 250 ? "met" : "MISSED"), st, (st + 0 <= 10 ? "met" : "MISSED") }' ;;
	esac
}

# The table.
hello_rps=$(echo "${res[hello]}" | awk '{ print $1 }')
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
echo
echo "mallpay benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ): $(nproc) CPU ($cpu), wrk -t2 -c$conns -d${secs}s on loopback, mallpayd ${threads:-4} threads"
echo
printf '%-34s %9s %8s %8s %8s %7s %9s\n' "page" "req/s" "p50 ms" "p99 ms" "non-2xx" "/hello" "stmts/pv"
row "static file ($co_bytes B)" "${res[static]}" "-"
row "hello (bare libfcgi)" "${res[hello]}" "-"
row "GET $co_path" "${res[checkout]}" "${stm[checkout]}"
row "GET /checkout/quote (live)" "${res[live]}" "${stm[live]}"
row "GET /orders (My Orders)" "${res[orders]}" "${stm[orders]}"
row "GET $sched" "${res[schedule]}" "${stm[schedule]}"
row "GET $order_path (order page)" "${res[order]}" "${stm[order]}"
row "GET /cart" "${res[cart]}" "${stm[cart]}"
row "GET /catalog" "${res[catalog]}" "${stm[catalog]}"
row "POST /checkout/place (orders/s)" "${res[place]}" "${stm[place]}"
echo
echo "static file: the $static_note"
case "${res[place]}" in
missing|noform) ;;
*) echo "place-order: $placed orders in ${secs}s from $(echo "${res[place]}" | awk '{ print $5 }') requests (cycles of 3 POST /cart/add + POST /checkout/place; p50/p99 over all of them; each of the $conns connections a shopper of its own, with its own cart)" ;;
esac
live_verdict "${res[live]}"
echo "mallpayd VmRSS: ${rss_before} kB before the main table, ${rss_after} kB after"
echo
echo "CPU per request (ms, user + system, from /proc/PID/stat around each row; $(nproc) CPUs give $(( $(nproc) * 1000 )) ms a second):"
printf '%-34s %8s %8s %8s %8s\n' "row" "mallpayd" "mariadb" "nginx" "hello"
for r in static:static hello:hello checkout:checkout live:live orders:orders schedule:schedule order:order cart:cart catalog:catalog place:place; do
	name=${r%%:*}
	case "${res[$name]:-missing}" in missing|noform) continue ;; esac
	[ -f "$dir/bench/cpu-$name.txt" ] || continue
	reqs=$(awk '/requests in/ { print $1 }' "$dir/bench/wrk-$name.txt")
	printf '%-34s %8s %8s %8s %8s\n' "$name" $(cpu_per_request "$name" "$reqs")
done
echo "statements per installment paid (POST /orders/ID/pay of the next installment, ledger entry included): ${stm[pay]}"
echo "(stmts/pv: MariaDB global 'Questions' delta over 200 sequential views, 20 orders for place-order;"
echo " it counts every statement: session lookup, BEGIN/COMMIT, the page's queries)"
printf 'temporary tables per view (in memory/on disk; a TEXT column sends one to disk):'
for pg in $scale_pages; do printf ' %s %s' "${pg%%:*}" "${tmp[${pg%%:*}]:--}"; done
echo
echo
echo "latency at a steady load: an open loop at half of each page's req/s above (h2load, one request per new connection, exact percentiles of every request; ${open_secs}s each; target p99 <= 5 ms)"
printf '%-34s %8s %8s %8s %8s %8s %8s\n' "page" "asked/s" "offered" "p50 ms" "p99 ms" "requests" "failed"
for pg in $open_pages; do
	name=${pg%%:*}
	[ "${ol[$name]}" = missing ] && { printf '%-34s %s\n' "GET ${pg#*:}" "not measured (no row above)"; continue; }
	echo "${ol[$name]}" | awk -v l="GET ${pg#*:}" '{ printf "%-34s %8d %8d %8.2f %8.2f %8d %8d%s\n", l, $1, $2, $3, $4, $5, $6,
	    ($2 < 0.95 * $1 ? "  (offered below asked: the generator fell behind)" : "") }'
done
[ "$scale_on" = 1 ] && scale_table
echo
targets_table
echo
awk -v n="$done_req" -v a="$mem_before" -v b="$mem_after" -v bad="$mem_bad" 'BEGIN {
	printf "memory: %d requests (GET pages in turn, %d non-2xx): VmRSS %d kB before, %d kB after, %+.1f MB (target within 5 MB)\n",
	    n, bad, a, b, (b - a) / 1024 }'
echo
case "$explain_rc" in
0) echo "EXPLAIN of every statement of the GET pages (bench/explain.sh): every table read by an index or tiny" ;;
3) echo "EXPLAIN of every statement of the GET pages (bench/explain.sh): SCAN found, see below" ;;
*) echo "EXPLAIN: bench/explain.sh failed ($explain_rc)" ;;
esac
sed 's/^/  /' "$dir/bench/explain.txt"
echo
if [ "${BENCH_INSTALLMENTS:-1000000}" -gt 0 ]; then
	log "scheduler batch table: ${BENCH_INSTALLMENTS:-1000000} installments"
	"$src/bench/batch.sh" "$hdir" "$build" "${BENCH_INSTALLMENTS:-1000000}" ||
	    echo "scheduler batch: bench/batch.sh failed"
fi
echo "whole run: $(( $(date +%s) - t_start )) s"
