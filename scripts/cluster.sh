#!/usr/bin/env bash
# Three hosts on one machine, for tests and demos of mallpay past one machine:
# three MariaDB Galera nodes (Debian's galera-4), three mallpayd each bound to
# its own node, a scheduler on every host, one nginx with the three mallpayd
# in its upstream, and the sandbox bank (bankd, on host 1, its page on PORT + 1).
# Everything lives in one directory; nothing is installed as a system service.
#
#   scripts/cluster.sh up DIR PORT BUILD    create or reuse DIR, start what is not running
#   scripts/cluster.sh down DIR             stop everything, keep the data
#   scripts/cluster.sh status DIR           say what runs, and each node's view
#   scripts/cluster.sh kill-node DIR N      kill -9 node N (a lost machine)
#   scripts/cluster.sh start-node DIR N     bring node N back (IST when it can)
#   scripts/cluster.sh kill-app DIR N       kill -9 host N's mallpayd
#   scripts/cluster.sh start-app DIR N BUILD  start host N's mallpayd (and scheduler)
#   scripts/cluster.sh cut-node DIR N       cut node N off from the other two
#   scripts/cluster.sh heal-node DIR N      join node N's links again
#   scripts/cluster.sh test DIR PORT BUILD  faults under load (scripts/cluster_test.sh)
#
# DIR/hostN (N = 1, 2, 3) holds what one host would: mallpay.conf, data/ (the
# node's datadir), run/, log/, tmp/. DIR/uploads is shared by the three (one
# directory here; a shared volume or an object store across machines). DIR/nginx
# is the one nginx. Node N listens on its address only: MariaDB on BASE+10N, the
# group on BASE+10N+1, IST on BASE+10N+2, SST on BASE+10N+3, BASE = PORT + 1000.
# As root, where the machine allows network namespaces, node N runs in a
# namespace of its own (mallpay-PORT-N) at 10.77.0.N, joined to each other
# node's namespace by a veth pair (a cable per pair of hosts), so one node
# can be cut off (cut-node: its two cables down); mallpayd, bankd and nginx
# stay in the root namespace and reach their node by its Unix socket (a file,
# seen from every namespace). Elsewhere, or with MALLPAY_CLUSTER_NETNS=0, the
# nodes share 127.0.0.1 and cannot be cut off. DIR/run/netns says which.
# MALLPAY_DEMO=0 skips the demo data; MALLPAY_SCHEDULER=0 starts no scheduler;
# MALLPAY_SCHEDULER_HOSTS lists the hosts that run one ("1 2 3": jobs are
# claimed by a unique insert, so two hosts on two nodes never both do one).
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
die() { echo "cluster: $*" >&2; exit 1; }
. "$src/scripts/proc.sh"

galera=${MALLPAY_GALERA:-/usr/lib/galera/libgalera_smm.so}
nodes="1 2 3"
# The nodes' user: root's rsync daemon (the state transfer) would drop to
# "nobody" and could not write the joiner's files, so as root the nodes run
# as Debian's mysql user, owner of their directories.
dbuser=$(id -un)
[ "$(id -u)" = 0 ] && id mysql >/dev/null 2>&1 && dbuser=mysql

port_of() { echo $(( $(cat "$1/run/port") + 1000 + 10 * $2 + ${3:-0} )); }
# Node N's network namespace (empty on loopback), its address, and a command
# run in it.
ns_of() { [ -s "$1/run/netns" ] && echo "$(cat "$1/run/netns")-$2" || true; }
addr_of() { [ -s "$1/run/netns" ] && echo "10.77.0.$2" || echo 127.0.0.1; }
in_ns() {
	local ns
	ns=$(ns_of "$1" "$2")
	shift 2
	if [ -n "$ns" ]; then ip netns exec "$ns" "$@"; else "$@"; fi
}
sql_on() { mariadb --no-defaults -S "$1/host$2/run/mysqld.sock" -u root -N -B -e "$3"; }
wsrep() { sql_on "$1" "$2" "SHOW GLOBAL STATUS LIKE '$3'" 2>/dev/null | cut -f2; }

# The group's address: every node's group port.
group_address() {
	local dir=$1 n a=""
	for n in $nodes; do a="$a${a:+,}$(addr_of "$dir" "$n"):$(port_of "$dir" "$n" 1)"; done
	echo "gcomm://$a"
}

# The nodes' namespaces and their cables (a veth pair per pair of nodes,
# each end with its node's address and the other's as peer), when the
# machine allows them; DIR/run/netns then holds their names' prefix.
# Otherwise it stays empty, with the reason on stderr.
setup_netns() {
	local dir=$1 name a b
	name=mallpay-$(cat "$dir/run/port")
	: > "$dir/run/netns"
	[ "${MALLPAY_CLUSTER_NETNS:-1}" = 1 ] || return 0
	if [ "$(id -u)" != 0 ] || ! command -v ip > /dev/null; then
		echo "cluster: no network namespaces (needs root and ip): the nodes share 127.0.0.1" >&2
		return 0
	fi
	if make_netns "$name"; then
		echo "$name" > "$dir/run/netns"
	else
		echo "cluster: the machine refused network namespaces or veth pairs: the nodes share 127.0.0.1" >&2
		teardown_netns "$name"
	fi
}

make_netns() {
	local name=$1 a b
	for a in $nodes; do
		[ -e "/run/netns/$name-$a" ] || ip netns add "$name-$a" || return 1
		ip -n "$name-$a" link set lo up || return 1
		for b in $nodes; do
			[ "$b" -lt "$a" ] || continue
			ip -n "$name-$a" link show "v$a$b" > /dev/null 2>&1 \
			    || ip link add "v$a$b" netns "$name-$a" type veth peer name "v$b$a" netns "$name-$b" \
			    || return 1
			cable "$name" "$a" "$b" up && cable "$name" "$b" "$a" up || return 1
		done
	done
}

# Node A's end of the cable to node B: its addresses, up or down.
cable() {
	ip -n "$1-$2" addr replace "10.77.0.$2" peer "10.77.0.$3" dev "v$2$3" &&
	    ip -n "$1-$2" link set "v$2$3" "$4"
}

teardown_netns() {
	local n
	for n in $nodes; do
		[ -e "/run/netns/$1-$n" ] && ip netns del "$1-$n" 2>/dev/null || true
	done
}

# Cut node N off from the others (its cables down, as unplugged), or join
# it again (up: the kernel gives the links their routes back).
cut_node() {
	local dir=$1 n=$2 how=$3 o name
	name=$(cat "$dir/run/netns" 2>/dev/null || true)
	[ -n "$name" ] || die "the nodes share 127.0.0.1 here (no network namespaces): cannot cut one off"
	for o in $nodes; do
		[ "$o" = "$n" ] || cable "$name" "$n" "$o" "$how"
	done
}

# Host N's configuration: host 1's (keys, database password) with its own
# paths, so any mallpayd can read any session and any upload.
write_host_conf() {
	local dir=$1 n=$2 h=$1/host$2
	mkdir -p "$h/run" "$h/log" "$h/data" "$h/tmp" "$dir/uploads"
	chmod 700 "$dir/uploads"
	chown -R "$dbuser" "$h/run" "$h/log" "$h/data" "$h/tmp"
	if [ "$n" = 1 ]; then
		"$src/scripts/stack.sh" conf "$h" "$(cat "$dir/run/port")"
		sed -i "s|^uploads = .*|uploads = $dir/uploads|" "$h/mallpay.conf"
	elif [ ! -f "$h/mallpay.conf" ]; then
		sed "s|$dir/host1/|$h/|g" "$dir/host1/mallpay.conf" > "$h/mallpay.conf"
		chmod 600 "$h/mallpay.conf"
	fi
}

# The options of node N shared by its start and its position recovery,
# into the array args.
node_args() {
	local dir=$1 n=$2 h=$1/host$2 a
	a=$(addr_of "$dir" "$n")
	args=(--no-defaults --datadir="$h/data" --socket="$h/run/mysqld.sock"
	    --port="$(port_of "$dir" "$n")" --bind-address="$a"
	    --user="$dbuser" --pid-file="$h/run/mysqld.pid" --tmpdir="$h/tmp"
	    --innodb-buffer-pool-size=128M
	    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
	    --max-connections=300 --skip-log-bin --binlog-format=ROW
	    --log-bin-trust-function-creators=1
	    --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2
	    --wsrep-on=ON --wsrep-provider="$galera" --wsrep-cluster-name=mallpay
	    --wsrep-cluster-address="$(group_address "$dir")"
	    --wsrep-node-name="host$n" --wsrep-node-address="$a"
	    --wsrep-provider-options="gmcast.listen_addr=tcp://$a:$(port_of "$dir" "$n" 1);base_port=$(port_of "$dir" "$n" 1);ist.recv_addr=$a:$(port_of "$dir" "$n" 2)"
	    --wsrep-sync-wait=1 --wsrep-sst-method=rsync
	    --wsrep-sst-receive-address="$a:$(port_of "$dir" "$n" 3)")
}

# 1 if another node than N runs.
others_run() {
	local dir=$1 n=$2 o
	for o in $nodes; do
		[ "$o" != "$n" ] && alive "$dir/host$o/run/mysqld.pid" && return 0
	done
	return 1
}

# Start node N (N = 1 bootstraps a new cluster when its data was never part
# of one; a node killed with -9 rejoins by IST from its recovered position;
# with no other node running, the node restarting bootstraps).
start_node() {
	local dir=$1 n=$2 h=$1/host$2 new="" pos=""
	local -a args
	alive "$h/run/mysqld.pid" && return 0
	node_args "$dir" "$n"
	if [ ! -d "$h/data/mysql" ]; then
		mariadb-install-db --no-defaults --datadir="$h/data" --user="$dbuser" \
		    --tmpdir="$h/tmp" --auth-root-authentication-method=socket --skip-test-db \
		    > "$h/log/mariadb-install.log" 2>&1 || die "mariadb-install-db failed: see $h/log/"
		[ "$n" = 1 ] && new=--wsrep-new-cluster
	elif [ -f "$h/data/grastate.dat" ]; then
		# After a crash the saved position is -1: ask the engine for it,
		# so the node asks for the missing writesets only (IST).
		if grep -q '^seqno: *-1' "$h/data/grastate.dat"; then
			rm -f "$h/log/recover.log"
			in_ns "$dir" "$n" mariadbd "${args[@]}" --wsrep-recover \
			    --log-error="$h/log/recover.log" >/dev/null 2>&1 || true
			pos=$(sed -n 's/.*Recovered position: *//p' "$h/log/recover.log" 2>/dev/null | tail -n 1)
		fi
		if ! others_run "$dir" "$n"; then
			sed -i 's/^safe_to_bootstrap: *0/safe_to_bootstrap: 1/' "$h/data/grastate.dat"
			new=--wsrep-new-cluster
		fi
	fi
	rm -f "$h/run/mysqld.sock"
	local -a pre=()
	[ -n "$(ns_of "$dir" "$n")" ] && pre=(ip netns exec "$(ns_of "$dir" "$n")")
	setsid ${pre[@]+"${pre[@]}"} mariadbd "${args[@]}" --log-error="$h/log/mariadb.log" \
	    ${pos:+--wsrep-start-position="$pos"} $new < /dev/null > /dev/null 2>&1 &
	wait_for "[ \"\$(wsrep '$dir' $n wsrep_ready)\" = ON ]" 1200 \
	    || die "node $n did not join: see $h/log/mariadb.log"
}

# The database, its user and the schema, once, through node 1 (DDL is
# replicated to every node in total order).
prepare_db() {
	local dir=$1 build=$2 h=$1/host1 pw
	pw=$(sed -n 's/^password = //p' "$h/mallpay.conf" | head -n 1)
	sql_on "$dir" 1 "CREATE DATABASE IF NOT EXISTS mallpay CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'mallpay'@'localhost' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON mallpay.* TO 'mallpay'@'localhost';"
	sql_on "$dir" 1 "CREATE DATABASE IF NOT EXISTS mallpay_bank CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL PRIVILEGES ON mallpay_bank.* TO 'mallpay'@'localhost';"
	"$build/mallpayctl" -c "$h/mallpay.conf" --sql "$src/sql" migrate > "$h/log/migrate.log" 2>&1 \
	    || { cat "$h/log/migrate.log" >&2; die "migrations failed"; }
	# The bank before the demo data: its deductions go through bankd.
	start_bank "$dir" "$build"
	if [ "${MALLPAY_DEMO:-1}" = 1 ]; then
		"$build/mallpayctl" -c "$h/mallpay.conf" --sql "$src/sql" seed-demo > "$h/log/seed.log" 2>&1 \
		    || { cat "$h/log/seed.log" >&2; die "demo data failed"; }
	fi
}

# The sandbox bank (bankd), one for the cluster, on host 1 and its node
# (the bank is another company: one bank, whichever host the mall's request
# comes from).
start_bank() {
	local h=$1/host1 build=$2
	alive "$h/run/bankd.pid" && return 0
	setsid "$build/bankd" -c "$h/mallpay.conf" < /dev/null >> "$h/log/bankd.log" 2>&1 &
	echo $! > "$h/run/bankd.pid"
	wait_for "[ -S '$h/run/bankd.sock' ]" 100 \
	    || { tail -n 20 "$h/log/bankd.log" >&2; die "bankd did not start"; }
}

# mallpayd and the scheduler of host N.
start_host_app() {
	local h=$1/host$2 build=$3
	if ! alive "$h/run/mallpayd.pid"; then
		rm -f "$h/run/mallpayd.sock"
		setsid "$build/mallpayd" -c "$h/mallpay.conf" < /dev/null >> "$h/log/mallpayd.log" 2>&1 &
		echo $! > "$h/run/mallpayd.pid"
		wait_for "[ -S '$h/run/mallpayd.sock' ]" 100 || die "mallpayd $2 did not start: see $h/log/"
	fi
	[ "${MALLPAY_SCHEDULER:-1}" = 1 ] || return 0
	case " ${MALLPAY_SCHEDULER_HOSTS:-1 2 3} " in *" $2 "*) ;; *) return 0 ;; esac
	alive "$h/run/scheduler.pid" && return 0
	setsid "$build/mallpayctl" -c "$h/mallpay.conf" scheduler \
	    --every "${MALLPAY_SCHEDULER_EVERY:-15}" < /dev/null >> "$h/log/scheduler.log" 2>&1 &
	echo $! > "$h/run/scheduler.pid"
}

# One nginx, the three mallpayd in its upstream (a failed one is skipped
# for 10 s; a request it could not answer goes to the next).
start_nginx() {
	local dir=$1 port=$2 user_line="" n ups="" bport
	bport=$(sed -n 's|^url = http://127.0.0.1:||p' "$dir/host1/mallpay.conf" | head -n 1)
	[ "$(id -u)" = 0 ] && user_line="user root root;"
	mkdir -p "$dir/nginx" "$dir/log"
	for n in $nodes; do
		ups="$ups\t\tserver unix:$dir/host$n/run/mallpayd.sock max_fails=1 fail_timeout=10s;\n"
	done
	sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@SRC@|$src|g" \
	    -e "s|@USER_LINE@|$user_line|" \
	    -e "s|@BANK_PORT@|$bport|g" -e "s|@BANK_SOCK@|$dir/host1/run/bankd.sock|g" \
	    -e "s|@ACCESS_LOG@|${MALLPAY_ACCESS_LOG:-$dir/log/nginx-access.log}|" \
	    -e "s|@SIGNIN_RATE@|${MALLPAY_SIGNIN_RATE:-5r/s}|" \
	    -e "s|@SIGNIN_BURST@|${MALLPAY_SIGNIN_BURST:-10}|" \
	    -e "s|^\t\tserver unix:@SOCK@;|$ups|" \
	    "$src/nginx/nginx.conf.in" > "$dir/nginx/nginx.conf"
	mkdir -p "$dir/run"
	if ! alive "$dir/run/nginx.pid"; then
		nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/log/nginx-error.log" \
		    || die "nginx did not start: see $dir/log/nginx-error.log"
	fi
	wait_for "curl -fsS -o /dev/null http://127.0.0.1:$port/healthz" 100 \
	    || die "http://127.0.0.1:$port/healthz does not answer: see $dir/log/"
	wait_for "curl -fsS -o /dev/null http://127.0.0.1:$bport/healthz" 100 \
	    || die "the bank at http://127.0.0.1:$bport/healthz does not answer: see $dir/log/"
}

cmd_up() {
	local dir=$1 port=$2 build=$3 n
	[ -x "$build/mallpayd" ] || die "no mallpayd in $build: build first"
	[ -f "$galera" ] || die "no Galera provider at $galera (Debian package galera-4)"
	mkdir -p "$dir/run"
	dir=$(cd "$dir" && pwd)
	# The nodes' user must reach their directories (DIR may be mktemp's 0700).
	[ "$dbuser" = "$(id -un)" ] || chmod a+x "$dir"
	echo "$port" > "$dir/run/port"
	others_run "$dir" 0 || setup_netns "$dir"
	for n in $nodes; do write_host_conf "$dir" "$n"; done
	for n in $nodes; do start_node "$dir" "$n"; done
	prepare_db "$dir" "$build"
	for n in $nodes; do start_host_app "$dir" "$n" "$build"; done
	start_nginx "$dir" "$port"
	echo "cluster: $(wsrep "$dir" 1 wsrep_cluster_size) nodes$([ -s "$dir/run/netns" ] && echo ", each in its network namespace"), http://127.0.0.1:$port/"
}

cmd_down() {
	local dir=$1 n
	[ -d "$dir" ] || return 0
	if alive "$dir/run/nginx.pid"; then
		nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/log/nginx-error.log" -s quit 2>/dev/null || true
		stop_pid "$dir/run/nginx.pid"
	fi
	for n in $nodes; do
		stop_pid "$dir/host$n/run/scheduler.pid"
		stop_pid "$dir/host$n/run/mallpayd.pid"
	done
	stop_pid "$dir/host1/run/bankd.pid"
	# The last node to stop is the one a restart bootstraps from.
	for n in 3 2 1; do stop_pid "$dir/host$n/run/mysqld.pid"; done
	[ -s "$dir/run/netns" ] && teardown_netns "$(cat "$dir/run/netns")"
	return 0
}

cmd_status() {
	local dir=$1 n p
	for n in $nodes; do
		for p in mysqld mallpayd scheduler; do
			if alive "$dir/host$n/run/$p.pid"; then echo "host$n $p: running"
			else echo "host$n $p: stopped"; fi
		done
		alive "$dir/host$n/run/mysqld.pid" && echo "host$n node: $(wsrep "$dir" "$n" wsrep_local_state_comment), cluster of $(wsrep "$dir" "$n" wsrep_cluster_size), $(wsrep "$dir" "$n" wsrep_cluster_status)"
	done
	alive "$dir/host1/run/bankd.pid" && echo "bankd: running" || echo "bankd: stopped"
	alive "$dir/run/nginx.pid" && echo "nginx: running" || echo "nginx: stopped"
	[ -s "$dir/run/netns" ] && echo "nodes in network namespaces $(cat "$dir/run/netns")-1..3" || echo "nodes on 127.0.0.1"
}

case "${1:-}" in
up)		[ $# -eq 4 ] || die "usage: cluster.sh up DIR PORT BUILD"; cmd_up "$2" "$3" "$4" ;;
down)		[ $# -eq 2 ] || die "usage: cluster.sh down DIR"; cmd_down "$2" ;;
status)		[ $# -eq 2 ] || die "usage: cluster.sh status DIR"; cmd_status "$2" ;;
kill-node)	[ $# -eq 3 ] || die "usage: cluster.sh kill-node DIR N"
		kill -KILL "$(cat "$2/host$3/run/mysqld.pid")" ;;
start-node)	[ $# -eq 3 ] || die "usage: cluster.sh start-node DIR N"; start_node "$(cd "$2" && pwd)" "$3" ;;
kill-app)	[ $# -eq 3 ] || die "usage: cluster.sh kill-app DIR N"
		kill -KILL "$(cat "$2/host$3/run/mallpayd.pid")" ;;
start-app)	[ $# -eq 4 ] || die "usage: cluster.sh start-app DIR N BUILD"
		start_host_app "$(cd "$2" && pwd)" "$3" "$4" ;;
cut-node)	[ $# -eq 3 ] || die "usage: cluster.sh cut-node DIR N"; cut_node "$2" "$3" down ;;
heal-node)	[ $# -eq 3 ] || die "usage: cluster.sh heal-node DIR N"; cut_node "$2" "$3" up ;;
test)		[ $# -eq 4 ] || die "usage: cluster.sh test DIR PORT BUILD"
		exec "$src/scripts/cluster_test.sh" "$2" "$3" "$4" ;;
*)		die "usage: cluster.sh up DIR PORT BUILD | down DIR | status DIR | kill-node DIR N | start-node DIR N | kill-app DIR N | start-app DIR N BUILD | cut-node DIR N | heal-node DIR N | test DIR PORT BUILD" ;;
esac
