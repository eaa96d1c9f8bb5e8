#!/usr/bin/env bash
# Start or stop one private mallpay stack: MariaDB, mallpayd, the sandbox bank (bankd,
# its own process on its own port) and nginx, all inside one directory, nothing
# installed as a system service.
#
#   scripts/stack.sh start DIR PORT BUILD   create or reuse DIR, start what is not running
#   scripts/stack.sh stop DIR               stop what runs from DIR, by pid, keep the data
#   scripts/stack.sh status DIR             say what runs
#   scripts/stack.sh conf DIR [PORT]        only write DIR/mallpay.conf (once; the bank on PORT + 1)
#
# DIR holds mallpay.conf, data/ (MariaDB), run/ (sockets, pids), log/, uploads/, nginx/.
# BUILD is the build directory with mallpayd and mallpayctl.
# MALLPAY_DEMO=0 skips the demo data; MALLPAY_SIGNIN_RATE sets nginx's sign-in rate;
# MALLPAY_SCHEDULER=0 starts no scheduler, MALLPAY_SCHEDULER_EVERY sets its period (15 s);
# MALLPAY_FINANCE_DELAY sets the finance sandbox's answer delay (90 s) in a new mallpay.conf.
# MALLPAY_TOTP_REPLAY_GUARD=0 lets an admin's code be used again within its 30-second step.
# The bank's page is served on MALLPAY_BANK_PORT (PORT + 1 unless set), written into a
# new mallpay.conf with the secret the mall and the bank share.
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)

die() { echo "stack: $*" >&2; exit 1; }
. "$src/scripts/proc.sh"

# mallpayd's default worker threads (core/config.h config_default_threads):
# 4 a CPU, between 4 and 64.
default_threads() {
	local n
	n=$(nproc 2>/dev/null || echo 1)
	[ "$n" -gt 16 ] && n=16
	echo $((n * 4))
}

# Write DIR/mallpay.conf with random keys and database password, once.
write_conf() {
	local dir=$1 conf=$1/mallpay.conf port=${2:-8080}
	local key pkey pw bsecret bport=${MALLPAY_BANK_PORT:-$((port + 1))}
	bsecret=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
	if [ -f "$conf" ]; then
		# A mallpay.conf written before the bank ran on its own: add it.
		grep -q '^\[bank\]' "$conf" || bank_conf "$dir" "$port" "$bport" "$bsecret" >> "$conf"
		return 0
	fi
	key=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
	pkey=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
	pw=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
	umask 077
	cat > "$conf" <<EOF
; mallpay configuration, written by scripts/stack.sh for this directory.
[server]
socket = $dir/run/mallpayd.sock
threads = ${MALLPAY_THREADS:-$(default_threads)}
templates = $src/templates
static = $src/static

[database]
socket = $dir/run/mysqld.sock
name = mallpay
user = mallpay
password = $pw

[storage]
uploads = $dir/uploads

[security]
key = $key
partner_key = $pkey
session_idle = 1800
session_max = 43200
secure_cookies = 0
totp_replay_guard = ${MALLPAY_TOTP_REPLAY_GUARD:-1}

[sandbox]
finance_delay = ${MALLPAY_FINANCE_DELAY:-90}
EOF
	bank_conf "$dir" "$port" "$bport" "$bsecret" >> "$conf"
}

# The [bank] section for DIR: the sandbox bank (bankd) on port BPORT, its
# hosted card page on its own origin, the SECRET both sides sign with, and
# the mall's address (PORT) it returns the shopper to.
bank_conf() {
	local dir=$1 port=$2 bport=$3 secret=$4
	cat <<EOF

; The sandbox bank (bankd): its hosted card page on its own origin, the secret
; both sides sign with, and the mall's address it returns the shopper to.
[bank]
url = http://127.0.0.1:$bport
secret = $secret
mall_url = http://127.0.0.1:$port
socket = $dir/run/bankd.sock
EOF
}

conf_get() { sed -n "s/^$2 = //p" "$1/mallpay.conf" | head -n 1; }

start_db() {
	local dir=$1
	if [ ! -d "$dir/data/mysql" ]; then
		mariadb-install-db --no-defaults --datadir="$dir/data" --user="$(id -un)" \
		    --tmpdir="$dir/tmp" \
		    --auth-root-authentication-method=socket --skip-test-db \
		    > "$dir/log/mariadb-install.log" 2>&1 || die "mariadb-install-db failed: see $dir/log/mariadb-install.log"
	fi
	if ! alive "$dir/run/mysqld.pid"; then
		rm -f "$dir/run/mysqld.sock"
		setsid mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/run/mysqld.sock" \
		    --skip-networking --user="$(id -un)" --pid-file="$dir/run/mysqld.pid" \
		    --tmpdir="$dir/tmp" \
		    --log-error="$dir/log/mariadb.log" --innodb-buffer-pool-size=256M \
		    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		    --max-connections=500 --skip-log-bin \
		    < /dev/null > /dev/null 2>&1 &
		wait_for "mariadb-admin --no-defaults -S '$dir/run/mysqld.sock' -u root ping" 600 \
		    || die "MariaDB did not start: see $dir/log/mariadb.log"
	fi
	local pw
	pw=$(conf_get "$dir" password)
	mariadb --no-defaults -S "$dir/run/mysqld.sock" -u root <<EOF
CREATE DATABASE IF NOT EXISTS mallpay CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'mallpay'@'localhost' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON mallpay.* TO 'mallpay'@'localhost';
CREATE DATABASE IF NOT EXISTS mallpay_bank CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL PRIVILEGES ON mallpay_bank.* TO 'mallpay'@'localhost';
EOF
}

# The sandbox bank's own process (it creates its bank_* tables at start).
start_bank() {
	local dir=$1 build=$2
	alive "$dir/run/bankd.pid" && return 0
	setsid "$build/bankd" -c "$dir/mallpay.conf" < /dev/null >> "$dir/log/bankd.log" 2>&1 &
	echo $! > "$dir/run/bankd.pid"
	wait_for "[ -S '$dir/run/bankd.sock' ]" 100 \
	    || { tail -n 20 "$dir/log/bankd.log" >&2; die "bankd did not start"; }
}

start_app() {
	local dir=$1 build=$2
	"$build/mallpayctl" -c "$dir/mallpay.conf" --sql "$src/sql" migrate > "$dir/log/migrate.log" 2>&1 \
	    || { cat "$dir/log/migrate.log" >&2; die "migrations failed"; }
	# The bank before the demo data: its deductions go through bankd.
	start_bank "$dir" "$build"
	if [ "${MALLPAY_DEMO:-1}" = 1 ]; then
		"$build/mallpayctl" -c "$dir/mallpay.conf" --sql "$src/sql" seed-demo > "$dir/log/seed.log" 2>&1 \
		    || { cat "$dir/log/seed.log" >&2; die "demo data failed"; }
	fi
	if ! alive "$dir/run/mallpayd.pid"; then
		setsid "$build/mallpayd" -c "$dir/mallpay.conf" < /dev/null >> "$dir/log/mallpayd.log" 2>&1 &
		echo $! > "$dir/run/mallpayd.pid"
		wait_for "[ -S '$dir/run/mallpayd.sock' ]" 100 \
		    || { tail -n 20 "$dir/log/mallpayd.log" >&2; die "mallpayd did not start"; }
	fi
}

# The scheduler process (mallpayctl scheduler: tick every
# MALLPAY_SCHEDULER_EVERY seconds), unless MALLPAY_SCHEDULER=0 (the test suite
# runs tick itself, at the times its tests choose).
start_scheduler() {
	local dir=$1 build=$2
	[ "${MALLPAY_SCHEDULER:-1}" = 1 ] || return 0
	alive "$dir/run/scheduler.pid" && return 0
	setsid "$build/mallpayctl" -c "$dir/mallpay.conf" scheduler \
	    --every "${MALLPAY_SCHEDULER_EVERY:-15}" < /dev/null >> "$dir/log/scheduler.log" 2>&1 &
	echo $! > "$dir/run/scheduler.pid"
}

start_nginx() {
	local dir=$1 port=$2 user_line=""
	[ "$(id -u)" = 0 ] && user_line="user root root;"
	mkdir -p "$dir/nginx"
	local bport
	bport=$(sed -n 's|^url = http://127.0.0.1:||p' "$dir/mallpay.conf" | head -n 1)
	sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@SRC@|$src|g" \
	    -e "s|@SOCK@|$dir/run/mallpayd.sock|g" -e "s|@USER_LINE@|$user_line|" \
	    -e "s|@BANK_PORT@|$bport|g" -e "s|@BANK_SOCK@|$dir/run/bankd.sock|g" \
	    -e "s|@ACCESS_LOG@|${MALLPAY_ACCESS_LOG:-$dir/log/nginx-access.log}|" \
	    -e "s|@SIGNIN_RATE@|${MALLPAY_SIGNIN_RATE:-5r/s}|" \
	    -e "s|@SIGNIN_BURST@|${MALLPAY_SIGNIN_BURST:-10}|" \
	    "$src/nginx/nginx.conf.in" > "$dir/nginx/nginx.conf"
	if ! alive "$dir/run/nginx.pid"; then
		nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/log/nginx-error.log" \
		    || die "nginx did not start: see $dir/log/nginx-error.log"
	fi
	wait_for "curl -fsS -o /dev/null http://127.0.0.1:$port/healthz" 100 \
	    || die "http://127.0.0.1:$port/healthz does not answer: see $dir/log/"
	wait_for "curl -fsS -o /dev/null http://127.0.0.1:$bport/healthz" 100 \
	    || die "the bank at http://127.0.0.1:$bport/healthz does not answer: see $dir/log/"
}

cmd_start() {
	local dir=$1 port=$2 build=$3
	[ -x "$build/mallpayd" ] || die "no mallpayd in $build: build first"
	# The language catalogues the build compiled (core/i18n.h).
	export MALLPAY_LOCALE_DIR="$(cd "$build" && pwd)/locale"
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	mkdir -p "$dir/run" "$dir/log" "$dir/data" "$dir/uploads" "$dir/tmp"
	chmod 700 "$dir/uploads"
	write_conf "$dir" "$port"
	start_db "$dir"
	start_app "$dir" "$build"
	start_scheduler "$dir" "$build"
	start_nginx "$dir" "$port"
	echo "$port" > "$dir/run/port"
}

cmd_stop() {
	local dir=$1
	[ -d "$dir" ] || return 0
	if alive "$dir/run/nginx.pid"; then
		nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/log/nginx-error.log" -s quit 2>/dev/null || true
		stop_pid "$dir/run/nginx.pid"
	fi
	stop_pid "$dir/run/scheduler.pid"
	stop_pid "$dir/run/mallpayd.pid"
	stop_pid "$dir/run/bankd.pid"
	stop_pid "$dir/run/mysqld.pid"
}

cmd_status() {
	local dir=$1 p
	for p in mysqld bankd mallpayd scheduler nginx; do
		if alive "$dir/run/$p.pid"; then echo "$p: running (pid $(cat "$dir/run/$p.pid"))"
		else echo "$p: stopped"; fi
	done
}

case "${1:-}" in
start)	[ $# -eq 4 ] || die "usage: stack.sh start DIR PORT BUILD"; cmd_start "$2" "$3" "$4" ;;
stop)	[ $# -eq 2 ] || die "usage: stack.sh stop DIR"; cmd_stop "$2" ;;
status)	[ $# -eq 2 ] || die "usage: stack.sh status DIR"; cmd_status "$2" ;;
conf)	[ $# -ge 2 ] || die "usage: stack.sh conf DIR [PORT]"; mkdir -p "$2"; write_conf "$(cd "$2" && pwd)" "${3:-8080}" ;;
*)	die "usage: stack.sh start DIR PORT BUILD | stop DIR | status DIR" ;;
esac
